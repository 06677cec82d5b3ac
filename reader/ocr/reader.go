package ocr

import (
	"context"
	"fmt"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/par"
	"github.com/baocao/baocao/reader"
)

func init() {
	reader.Register(ImageReader{format: "png", exts: []string{".png"}, sniff: []string{"png"}})
	reader.Register(ImageReader{format: "jpg", exts: []string{".jpg", ".jpeg"}, sniff: []string{"jpeg"}})
	reader.Register(ImageReader{format: "tif", exts: []string{".tif", ".tiff"}, sniff: []string{"tiff"}})
}

// NoOCRMessage is the cause given for an image file read without a recognizer.
const NoOCRMessage = "image file needs OCR; install tesseract-ocr-vie to read scans"

// ImageReader reads scanned pages saved as image files (PNG, JPEG, multi-page TIFF)
// with the recognizer in reader.Options.OCR, laying each page out with
// reader.LayoutOCR.
type ImageReader struct {
	format string
	exts   []string
	sniff  []string // Sniff names this reader reads
}

func (r ImageReader) Format() string       { return r.format }
func (r ImageReader) Extensions() []string { return r.exts }

func (r ImageReader) Sniff(data []byte) int {
	f := Sniff(data)
	for _, s := range r.sniff {
		if f == s {
			return 100
		}
	}
	return 0
}

// Read recognizes every page of the image, several at a time.
func (r ImageReader) Read(ctx context.Context, in *reader.Input) (*baocao.Document, error) {
	opts := in.Opts
	if opts == nil {
		opts = &reader.Options{}
		opts.SetDefaults()
	}
	if _, _, _, err := checkImage(in.Data); err != nil {
		return nil, err
	}
	if opts.OCR == nil {
		return nil, reader.Errorf(reader.ErrUnsupported, NoOCRMessage)
	}
	page := func(i int) []byte { return in.Data }
	key := func(i int) string { return "" } // Recognize hashes the image
	n := 1
	if Sniff(in.Data) == "tiff" {
		tp, err := splitTIFF(in.Data, opts.MaxPages)
		if err != nil {
			return nil, err
		}
		n, page = tp.n(), tp.page
		if n > 1 { // every page holds the whole file: hash it once, not once a page
			whole := imageKey(in.Data)
			key = func(i int) string { return fmt.Sprintf("%s:page=%d", whole, i+1) }
		}
	}
	format := Sniff(in.Data)
	pages := make([]*reader.OCRPage, n)
	errs := make([]error, n)
	par.Do(ctx, n, func(i int) {
		pages[i], errs[i] = opts.OCR.Recognize(ctx, reader.PageImage{Data: page(i), Format: format, Key: key(i)})
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	failed := 0
	for _, e := range errs {
		if e != nil {
			failed++
		}
	}
	if failed == n {
		if n == 1 {
			return nil, errs[0]
		}
		return nil, fmt.Errorf("no page could be read: page 1: %w", errs[0])
	}
	b := reader.NewBuilder()
	for i, pg := range pages {
		p := b.StartPage(i+1, baocao.FromOCR)
		if errs[i] != nil {
			p.Source = baocao.NoText
			p.Note = "OCR failed: " + errs[i].Error()
			b.Warn(fmt.Sprintf("page %d: OCR failed: %v", i+1, errs[i]))
			continue
		}
		reader.LayoutOCR(b, pg, reader.LowConfidence)
	}
	return b.Document(r.format), nil
}
