// Package ocr reads scanned pages with Tesseract 5 (the tesseract program and its
// Vietnamese model, Debian tesseract-ocr-vie), and image files (PNG, JPEG, multi-page
// TIFF) as documents.
//
// New returns a *Tesseract, the reader.Recognizer that the PDF reader and the image
// reader use through reader.Options.OCR; without the program it returns
// ErrNoTesseract, and the caller leaves Options.OCR nil so scans are reported as
// having no text layer. Recognize runs "tesseract stdin stdout -l vie --psm 4 tsv" on
// one page image (with OMP_THREAD_LIMIT=1: pages run in parallel instead, up to
// Options.Workers processes across all callers), parses the TSV into words with boxes
// and confidences, and keeps the result in a cache folder under the hash of the image
// bytes, so a page is never recognized twice. Words that are not Vietnamese syllables
// but become one by changing one vowel's circumflex, breve or horn are repaired
// ("QUYÉT" → "QUYẾT": the model keeps tones better than those marks). A page whose
// upright reading is poor is checked for rotation (tesseract --psm 0 with the osd
// model), turned, and read again. RenderPDFPage rasterizes a PDF page with pdftoppm; its key is the PDF's hash
// and the page number, so a cached page is not even rendered again.
//
// Importing the package (reader/all does) registers ImageReader for the formats png,
// jpg and tif; it lays pages out with reader.LayoutOCR.
//
// BUG(ocr): handwritten fields are not read. Vietnamese documents often have the
// number and the day of the date line written in by hand after signing (all three test
// scans do); Tesseract misreads them ("PDE5" for 5065) or drops them, also when the
// field alone is re-read with a digits-only whitelist (2 of 6 fields right, depending
// on the crop). Those words come out with low confidence and are listed in
// Page.LowConf.
//
// BUG(ocr): RenderPDFPage has no password: pages of an encrypted PDF that need
// rendering fail with pdftoppm's message.
//
// BUG(ocr): orientation is checked only when the upright reading is poor (under 20
// words, mean confidence under 0.7, or under 60 % Vietnamese syllables), to keep the
// detector's cost (about a second a page) off ordinary pages; PNM images cannot be
// turned.
package ocr
