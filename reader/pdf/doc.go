// Package pdf reads PDF files into the document model: the text layer of born-digital
// pages, legacy-encoded (TCVN3, VNI) text converted to Unicode, and scanned or garbled
// pages through an OCR recognizer. Import it for its side effect (reader.Register in
// init) and call reader.Read or reader.ReadFile; Reader.Read is the entry point.
//
// github.com/ledongthuc/pdf is used only as the object layer: xref, objects, the page
// tree's values, and pdf.Interpret as the content-stream tokenizer. Everything the
// library gets wrong is done here (DEPENDENCIES.md §ledongthuc/pdf):
//
//   - Opening (open.go, repair.go): the bytes from "%PDF-" to the last "%%EOF" are
//     read with the header patched (PDF 2.0, junk before the header or after the end).
//     An encrypted file, or one whose xref or page tree the library cannot read, is
//     repaired: every "N G obj" is scanned, object streams are expanded, strings and
//     streams are decrypted, and a plain file with a new xref table is opened instead.
//     The page tree is walked once with depth and visit bounds (a /Kids cycle ends)
//     and at most Options.MaxPages pages are kept.
//   - Encryption (crypt.go): the standard security handler, R2 to R6: RC4 40 and 128
//     bits, AES-128 and AES-256 crypt filters, user or owner password
//     (Options.Password). A user password that is not given is reader.ErrEncrypted.
//   - Streams (filter.go): Flate (raw deflate too, PNG and TIFF predictors), LZW
//     (early change), ASCII85, ASCIIHex, RunLength, decoded to at most 64 MiB. An
//     unsupported filter fails that stream's page with a warning; a document none of
//     whose pages can be read fails with that cause.
//   - Content (content.go, sanitize.go): an interpreter of the text and graphics state
//     (q Q cm, BT ET, Tm Td TD T* TL Tc Tw Tz Ts Tf, Tj TJ ' ", Do) on pdf.Interpret,
//     after each stream is re-tokenized so the library's lexer cannot hang or panic
//     (inline images are dropped there). Form XObjects are followed to depth 8, and
//     annotation appearances are drawn (e-signature tools fill the number and date
//     of a document in as form fields).
//   - Fonts (font.go, cmap.go, truetype.go): widths from /Widths or CID /W and /DW;
//     an own ToUnicode parser (codespace ranges, bfchar, bfrange with carry, the array
//     form); Encoding and /Differences with the standard encodings as fallback; an
//     Identity-H font without ToUnicode is read through its embedded TrueType cmap.
//     Fonts named ".Vn…" (TCVN3; "…H" draws capitals) or "VNI-…" are converted by
//     internal/legacy, and their page's source is baocao.FromLegacy.
//   - Layout (layout.go): glyphs whose baselines lie within 0.4 em form a line, sorted
//     by x; a gap over 0.2 em is a space, over 2 em a tab. Smaller raised glyphs are
//     superscripts. A wide space that lines up with the tab of a neighbouring line
//     becomes a tab too, so the two columns of a header stay "left\tright".
//   - Blocks (blocks.go, build.go): running headers and page numbers are removed; the
//     footnote area (under a short separator rule, or a trailing run of smaller lines
//     starting with a marker) becomes Builder.Footnote, and raised note numbers in the
//     body become Para.NoteRef ("năm 2025⁷" → "năm 2025[7]"); two-column regions are
//     paired row by row; body lines are joined into paragraphs from line spacing,
//     indentation, line length against the text column, sentence ends, style and
//     reader.Classify labels, across pages too. A number, code or date split at a line
//     end is rejoined ("117/QĐ-" + "UBND"), and a hyphenated word loses its hyphen.
//   - Tables (grid.go): ruled tables are rebuilt as grids from the painted rules (re
//     and l): rules that touch form a grid, its distinct positions are the column and
//     row boundaries, a boundary missing inside it is a merged cell (ColSpan, RowSpan),
//     and the glyphs inside go to their cells. A grid most of whose cells stay empty
//     (a chart's gridlines, a frame) is not a table.
//   - Scans (pdf.go, ocr.go): a page without text, or a page covered by an image with
//     only a stamp line, is baocao.NoText; so is a text layer whose share of
//     well-formed syllables (vntext.SyllableShare) is under Options.GarbageThreshold
//     and that no legacy conversion repairs. With Options.OCR such pages are
//     recognized in parallel (the page's own JPEG when it is one image, else a
//     rendering) and laid out by reader.LayoutOCR; the page's source is
//     baocao.FromOCR.
//
// Pages are interpreted in parallel, up to GOMAXPROCS; fonts are parsed once per
// document.
//
// BUG(pdf): Tables without rules (borderless, or drawn as cell backgrounds) are not
// rebuilt: a row is one line with tabs between the cells side by side, and a cell that
// wraps puts its later lines on lines of their own (the seed PDF's tables). A ruled
// table split over two pages gives two tables.
//
// BUG(pdf): Footnotes are keyed by their number: a document that restarts note numbers
// on every page gets the texts of one number joined under its first reference.
//
// BUG(pdf): Text in two columns of body text (rare in administrative documents) is
// read across the columns, line by line, with a tab between them.
//
// BUG(pdf): Rotated text is laid out upright per direction and placed after the page's
// horizontal text. Type3 glyph procedures are not run (their text comes from the
// encoding), and standard 14 fonts without /Widths get an average width.
//
// BUG(pdf): Stream data is located through the library's Value.String form
// ("<<…>>@offset"): the library exposes no other way to the raw bytes. A test fails if a
// library update changes that form.
package pdf
