package reader

import "context"

// Recognizer reads the text of page images (OCR). Package reader/ocr implements it
// with Tesseract; the PDF reader calls it for pages without a usable text layer, and the
// image reader for image files.
type Recognizer interface {
	// Recognize reads one page image (PNG, JPEG, TIFF, PBM… bytes).
	Recognize(ctx context.Context, img PageImage) (*OCRPage, error)
	// RenderPDFPage rasterizes page (1-based) of a PDF at dpi, for pages whose image
	// cannot be taken from the file itself.
	RenderPDFPage(ctx context.Context, pdf []byte, page, dpi int) (PageImage, error)
}

// PageImage is an encoded page image.
type PageImage struct {
	Data   []byte
	Format string // png, jpeg, tiff, pbm, … (as the encoder wrote it)
	DPI    int    // 0 when unknown
	Key    string // cache key (hash of the image bytes); filled by the recognizer if empty
}

// OCRPage is the text of one page image, in reading order.
type OCRPage struct {
	Width, Height int     // pixels
	Rotation      int     // degrees the image was rotated before recognition
	Confidence    float64 // mean word confidence, 0..1
	Lines         []OCRLine
}

// OCRLine is one line of recognized words.
type OCRLine struct {
	Block, Par int // Tesseract block and paragraph numbers: lines of one paragraph share them
	Words      []OCRWord
}

// OCRWord is one recognized word with its box (pixels) and confidence (0..1).
type OCRWord struct {
	Text                     string
	Confidence               float64
	Left, Top, Right, Bottom int
}
