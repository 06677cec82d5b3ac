package pdf

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/legacy"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/reader"
)

// fakeOCR answers every page with the same text and records what it was given.
type fakeOCR struct {
	mu       sync.Mutex
	images   []reader.PageImage
	rendered []int
	text     string
}

func (f *fakeOCR) Recognize(ctx context.Context, img reader.PageImage) (*reader.OCRPage, error) {
	f.mu.Lock()
	f.images = append(f.images, img)
	f.mu.Unlock()
	var words []reader.OCRWord
	for i, w := range strings.Fields(f.text) {
		conf := 0.95
		if i == 1 {
			conf = 0.3 // one doubtful word
		}
		words = append(words, reader.OCRWord{Text: w, Confidence: conf, Left: 10 * i, Right: 10*i + 8, Top: 10, Bottom: 20})
	}
	return &reader.OCRPage{Width: 2480, Height: 3508, Confidence: 0.9, Lines: []reader.OCRLine{{Words: words}}}, nil
}

func (f *fakeOCR) RenderPDFPage(ctx context.Context, pdf []byte, page, dpi int) (reader.PageImage, error) {
	f.mu.Lock()
	f.rendered = append(f.rendered, page)
	f.mu.Unlock()
	return reader.PageImage{Data: []byte(fmt.Sprintf("rendered page %d at %d dpi", page, dpi)), Format: "png", DPI: dpi}, nil
}

var fakeJPEG = []byte("\xff\xd8\xff\xe0 fake jpeg data \xff\xd9")

// scanPDF has n pages, each one full-page JPEG.
func scanPDF(n int) []byte {
	w := &pdfWriter{}
	img := w.addStream("<</Type/XObject/Subtype/Image/Width 2480/Height 3508/ColorSpace/DeviceGray/BitsPerComponent 8/Filter/DCTDecode>>", fakeJPEG)
	cs := w.addStream("<<>>", []byte("q 595 0 0 842 0 0 cm /Im0 Do Q"))
	pages := w.add("")
	var kids []string
	for i := 0; i < n; i++ {
		kids = append(kids, fmt.Sprintf("%d 0 R", w.add(fmt.Sprintf("<</Type/Page/Parent %d 0 R/MediaBox[0 0 595 842]/Resources<</XObject<</Im0 %d 0 R>>>>/Contents %d 0 R>>", pages, img, cs))))
	}
	w.set(pages, fmt.Sprintf("<</Type/Pages/Kids[%s]/Count %d>>", strings.Join(kids, " "), n))
	return w.bytes(w.add(fmt.Sprintf("<</Type/Catalog/Pages %d 0 R>>", pages)))
}

func TestScanWithoutOCR(t *testing.T) {
	doc := mustRead(t, "scan.pdf", scanPDF(2), reader.Options{})
	if len(doc.Pages) != 2 {
		t.Fatalf("got %d pages, want 2", len(doc.Pages))
	}
	for _, p := range doc.Pages {
		if p.Source != baocao.NoText || p.Note != noTextNote {
			t.Errorf("page %d: %s %q, want %s %q", p.Number, p.Source, p.Note, baocao.NoText, noTextNote)
		}
	}
}

func TestScanWithOCR(t *testing.T) {
	rec := &fakeOCR{text: "Ủy ban nhân dân xã Thụy Hùng"}
	doc := mustRead(t, "scan.pdf", scanPDF(3), reader.Options{OCR: rec})
	if len(rec.images) != 3 || len(rec.rendered) != 0 {
		t.Fatalf("recognizer got %d images and %d renderings, want 3 page JPEGs", len(rec.images), len(rec.rendered))
	}
	for _, img := range rec.images {
		if !bytes.Equal(img.Data, fakeJPEG) || img.Format != "jpeg" || img.DPI != 300 {
			t.Errorf("image %q format %s dpi %d: want the page's own JPEG at 300 dpi", img.Data, img.Format, img.DPI)
		}
	}
	for _, p := range doc.Pages {
		if p.Source != baocao.FromOCR || p.Confidence < 0.5 {
			t.Errorf("page %d: %s conf %v", p.Number, p.Source, p.Confidence)
		}
		if got := p.Span.Of(doc.Text); !strings.Contains(got, "Ủy ban nhân dân xã Thụy Hùng") {
			t.Errorf("page %d text %q", p.Number, got)
		}
		if len(p.LowConf) != 1 || p.LowConf[0].Span.Of(doc.Text) != "ban" {
			t.Errorf("page %d low-confidence words: %+v", p.Number, p.LowConf)
		}
	}
}

// garble writes text the way broken text layers look: diacritics lost, letters
// swapped ("CQNG HOA xA HQI").
func garble(s string) string {
	f := []rune(vntext.Fold(s))
	for i, r := range f {
		switch {
		case r == 'o' && i%2 == 0:
			f[i] = 'q'
		case r == 'a' && i%3 == 0:
			f[i] = 'x'
		case r == 'n' && i%2 == 1:
			f[i] = 'u'
		}
	}
	return strings.ToUpper(string(f[:1])) + string(f[1:])
}

func garbledPDF() []byte {
	var lines []testLine
	for i := 0; i < 12; i++ {
		lines = append(lines, testLine{x: 72, y: 760 - float64(i)*16, size: 12, font: "F3", text: garble(sample)})
	}
	w := &pdfWriter{}
	return w.bytes(textPDF(w, [][]testLine{lines}))
}

func TestGarbledTextLayer(t *testing.T) {
	if s := vntext.SyllableShare(garble(sample)); s >= 0.5 {
		t.Fatalf("the garbled fixture scores %.2f: not garbled enough", s)
	}
	doc := mustRead(t, "garbled.pdf", garbledPDF(), reader.Options{})
	if p := doc.Pages[0]; p.Source != baocao.NoText || !strings.Contains(p.Note, "not readable") {
		t.Errorf("garbled page: %s %q, want %s", p.Source, p.Note, baocao.NoText)
	}
	if strings.Contains(doc.Text, garble(sample)) {
		t.Errorf("the garbled text was kept: %q", doc.Text)
	}
	rec := &fakeOCR{text: sample}
	doc = mustRead(t, "garbled.pdf", garbledPDF(), reader.Options{OCR: rec})
	if len(rec.rendered) != 1 || rec.rendered[0] != 1 {
		t.Errorf("renderings %v, want page 1 (the page is text, not one image)", rec.rendered)
	}
	if p := doc.Pages[0]; p.Source != baocao.FromOCR {
		t.Errorf("re-read page: %s", p.Source)
	}
	wantSample(t, doc)
}

// legacyPDF shows text in a .VnTime (TCVN3) font and a .VnTimeH capital font.
func legacyPDF(t *testing.T, body, caps string) []byte {
	enc := func(s string) string {
		b, err := legacy.Encode(legacy.TCVN3, s)
		if err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		out.WriteByte('<')
		for _, c := range b {
			fmt.Fprintf(&out, "%02X", c)
		}
		out.WriteByte('>')
		return out.String()
	}
	w := &pdfWriter{}
	widths := strings.TrimSpace(strings.Repeat("500 ", 224))
	f1 := w.add(fmt.Sprintf("<</Type/Font/Subtype/TrueType/BaseFont/.VnTime/FirstChar 32/LastChar 255/Widths[%s]>>", widths))
	f2 := w.add(fmt.Sprintf("<</Type/Font/Subtype/TrueType/BaseFont/.VnTimeH/FirstChar 32/LastChar 255/Widths[%s]>>", widths))
	content := fmt.Sprintf("BT /F2 13 Tf 72 760 Td %s Tj ET\nBT /F1 13 Tf 72 730 Td %s Tj ET\n", enc(strings.ToLower(caps)), enc(body))
	return onePage(w, content, fmt.Sprintf("/F1 %d 0 R/F2 %d 0 R", f1, f2), "")
}

func TestLegacyFonts(t *testing.T) {
	caps := "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	// TCVN3 has no codes for toned capitals outside the H fonts: the body starts with
	// an unaccented one
	body := "Hội đồng thi đua khen thưởng xã Thụy Hùng báo cáo kết quả năm 2023."
	doc := mustRead(t, "tcvn3.pdf", legacyPDF(t, body, caps), reader.Options{})
	if doc.Text != caps+"\n"+body {
		t.Errorf("got %q, want %q", doc.Text, caps+"\n"+body)
	}
	if doc.Pages[0].Source != baocao.FromLegacy || doc.Encoding != "tcvn3" {
		t.Errorf("page source %s, encoding %q; want %s, tcvn3", doc.Pages[0].Source, doc.Encoding, baocao.FromLegacy)
	}
}
