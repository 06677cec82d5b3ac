package ocr_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/baocao/baocao/reader"
	_ "github.com/baocao/baocao/reader/all"
	"github.com/baocao/baocao/reader/ocr"
)

// Reading a scanned PDF: with Tesseract installed its pages are recognized (and
// cached); without it the same call still reads every born-digital page, and scanned
// pages carry the note "no text layer; install tesseract-ocr-vie to read scans".
func ExampleNew() {
	opts := reader.Options{}
	rec, err := ocr.New(ocr.Options{CacheDir: "data/ocr"})
	switch {
	case errors.Is(err, ocr.ErrNoTesseract):
		fmt.Println("reading without OCR:", err)
	case err != nil:
		fmt.Println("OCR off:", err)
	default:
		opts.OCR = rec
	}
	doc, err := reader.ReadFile(context.Background(), "scan.pdf", opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range doc.Pages {
		fmt.Printf("page %d: %s, confidence %.2f, %d words to check\n", p.Number, p.Source, p.Confidence, len(p.LowConf))
	}
}
