package ocr

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/reader"
	_ "github.com/baocao/baocao/reader/pdf"
)

const seedPDF = "corpus/seed/thuy-hung-bc-thi-dua-6-thang-2023.pdf"

func TestNewWithoutTesseract(t *testing.T) {
	_, err := New(Options{Tesseract: filepath.Join(t.TempDir(), "no-such-tesseract")})
	if !errors.Is(err, ErrNoTesseract) {
		t.Fatalf("got %v, want ErrNoTesseract", err)
	}
	if !strings.Contains(err.Error(), "install tesseract-ocr") {
		t.Errorf("message %q does not say what to install", err)
	}
}

func TestNewWithoutLanguage(t *testing.T) {
	needTesseract(t)
	_, err := New(Options{Languages: "vie+xyz", NoCache: true})
	if !errors.Is(err, ErrNoLanguage) || !strings.Contains(err.Error(), "tesseract-ocr-xyz") {
		t.Fatalf("got %v, want ErrNoLanguage naming tesseract-ocr-xyz", err)
	}
}

// TestImageWithoutOCR: an image file read with no recognizer fails with the message
// that says what to install, and nothing else changes for other formats.
func TestImageWithoutOCR(t *testing.T) {
	data := pngBytes(t, textImage(sampleLines))
	_, err := reader.Read(context.Background(), "scan.png", data, reader.Options{})
	var re *reader.Error
	if !errors.As(err, &re) || re.Format != "png" || !errors.Is(err, reader.ErrUnsupported) {
		t.Fatalf("got %v, want a png *reader.Error with ErrUnsupported", err)
	}
	if !strings.Contains(err.Error(), "install tesseract-ocr-vie") || !strings.Contains(err.Error(), "scan.png") {
		t.Errorf("message %q should name the file and what to install", err)
	}
}

func TestBadImages(t *testing.T) {
	good := pngBytes(t, textImage(sampleLines))
	// a PNG header declaring 100000×100000 pixels
	var huge bytes.Buffer
	png.Encode(&huge, image.NewGray(image.Rect(0, 0, 1, 1)))
	hb := huge.Bytes()
	copy(hb[16:24], []byte{0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0})
	binary.BigEndian.PutUint32(hb[29:33], crc32.ChecksumIEEE(hb[12:29])) // IHDR's checksum
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, reader.ErrEmpty},
		{"text, not an image", []byte("/etc/passwd\n"), reader.ErrUnsupported},
		{"truncated PNG header", good[:20], reader.ErrCorrupt},
		{"truncated PNG data", good[:len(good)/3], reader.ErrCorrupt},
		{"PNG bomb", hb, reader.ErrLimit},
		{"JPEG magic then junk", append([]byte("\xff\xd8\xff\xe0"), bytes.Repeat([]byte{7}, 200)...), reader.ErrCorrupt},
		{"TIFF with a directory past the end", []byte("II*\x00\xff\xff\x00\x00"), reader.ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := recognizeBytes(t, tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}
}

// recognizeBytes checks data as Recognize does, then recognizes it without cache (so
// bad bytes reach Tesseract) when the header passed.
func recognizeBytes(t *testing.T, data []byte) (*reader.OCRPage, error) {
	t.Helper()
	if _, _, _, err := checkImage(data); err != nil {
		return nil, err
	}
	needTesseract(t) // the header is fine: only Tesseract finds out
	r, err := New(Options{NoCache: true, NoOSD: true})
	if err != nil {
		t.Fatal(err)
	}
	return r.Recognize(context.Background(), reader.PageImage{Data: data})
}

func TestCorruptImageFileNamed(t *testing.T) {
	t.Parallel() // OCR is slow: the tests share the cores
	needTesseract(t)
	r := recognizer(t)
	good := pngBytes(t, textImage(sampleLines))
	_, err := reader.Read(context.Background(), "broken.png", good[:len(good)/3], reader.Options{OCR: r})
	if !errors.Is(err, reader.ErrCorrupt) || !strings.Contains(err.Error(), "broken.png") {
		t.Fatalf("got %v, want ErrCorrupt naming broken.png", err)
	}
}

// TestCache: the second read of a page runs no Tesseract, in the same recognizer and
// in a new one on the same folder (a second ingest), and gives the same page.
func TestCache(t *testing.T) {
	t.Parallel() // OCR is slow: the tests share the cores
	needTesseract(t)
	dir := t.TempDir()
	data := pngBytes(t, textImage(sampleLines))
	r1, err := New(Options{CacheDir: dir, NoOSD: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	p1, err := r1.Recognize(ctx, reader.PageImage{Data: data})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(pageText(p1), "12/BC-UBND") {
		t.Errorf("recognized %q, want the number 12/BC-UBND in it", pageText(p1))
	}
	p2, err := r1.Recognize(ctx, reader.PageImage{Data: data})
	if err != nil {
		t.Fatal(err)
	}
	if s := r1.Stats(); s.Runs != 1 || s.CacheHits != 1 {
		t.Errorf("same recognizer: stats %+v, want 1 run and 1 cache hit", s)
	}
	r2, _ := New(Options{CacheDir: dir, NoOSD: true})
	p3, err := r2.Recognize(ctx, reader.PageImage{Data: data})
	if err != nil {
		t.Fatal(err)
	}
	if s := r2.Stats(); s.Runs != 0 || s.CacheHits != 1 {
		t.Errorf("new recognizer on the same folder: stats %+v, want no run", s)
	}
	if pageText(p2) != pageText(p1) || pageText(p3) != pageText(p1) {
		t.Errorf("cached pages differ from the first reading")
	}
	// a damaged entry is a miss, not an error
	var entries []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			entries = append(entries, p)
		}
		return nil
	})
	if len(entries) != 1 {
		t.Fatalf("cache holds %d files, want 1", len(entries))
	}
	os.WriteFile(entries[0], []byte("{half"), 0o644)
	r3, _ := New(Options{CacheDir: dir, NoOSD: true})
	if _, err := r3.Recognize(ctx, reader.PageImage{Data: data}); err != nil || r3.Stats().Runs != 1 {
		t.Errorf("damaged entry: err %v, stats %+v, want one new run", err, r3.Stats())
	}
}

// TestRenderCache: a PDF page already recognized is neither rendered nor recognized
// on the second read.
func TestRenderCache(t *testing.T) {
	t.Parallel() // OCR is slow: the tests share the cores
	needTesseract(t)
	path := testutil.Shared(t, seedPDF)
	pdf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(Options{CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		img, err := r.RenderPDFPage(ctx, pdf, 25, 150) // the last page is short, 150 dpi keeps it quick
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 && (len(img.Data) == 0 || Sniff(img.Data) != "png") {
			t.Fatalf("render gave %d bytes of %q", len(img.Data), Sniff(img.Data))
		}
		if _, err := r.Recognize(ctx, img); err != nil {
			t.Fatal(err)
		}
	}
	if s := r.Stats(); s.Renders != 1 || s.Runs+s.OSDRuns < 1 || s.CacheHits != 1 {
		t.Errorf("stats %+v, want 1 render, 1 cache hit", s)
	}
	if _, err := r.RenderPDFPage(ctx, []byte("%PDF-1.4 broken"), 1, 150); err == nil {
		t.Errorf("rendering a broken PDF gave no error")
	}
}

// TestSeedPage is the acceptance test of the recognizer: page 1 of the seed PDF,
// rendered at 300 dpi and read back by OCR through the image reader, has ≥ 95 % of the
// word tokens of its text layer and every document number written on it.
func TestSeedPage(t *testing.T) {
	t.Parallel() // OCR is slow: the tests share the cores
	r := recognizer(t)
	path := testutil.Shared(t, seedPDF)
	img := renderPage(t, seedPDF, 1)
	ctx := context.Background()
	layer, err := reader.ReadFile(ctx, path, reader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := layer.Pages[0].Span.Of(layer.Text)
	doc, err := reader.Read(ctx, "seed-p1.png", img, reader.Options{OCR: r})
	if err != nil {
		t.Fatal(err)
	}
	got := doc.Text
	if share := vntext.Overlap(vntext.Words(want), vntext.Words(got)); share < 0.95 {
		t.Errorf("OCR has %.1f%% of the text layer's words, want ≥ 95%%\nOCR text:\n%s", 100*share, got)
	} else {
		t.Logf("OCR has %.1f%% of the text layer's %d words", 100*share, len(vntext.Words(want)))
	}
	numbers := regexp.MustCompile(`\d+/[\p{Lu}Đ][\p{Lu}Đ0-9-]*|/[\p{Lu}Đ]{2,}-[\p{Lu}Đ]+`)
	for _, n := range numbers.FindAllString(want, -1) {
		if !strings.Contains(got, n) {
			t.Errorf("document number %q of the text layer is not in the OCR text", n)
		}
	}
	p := doc.Pages[0]
	if p.Source != baocao.FromOCR || p.Confidence < 0.8 {
		t.Errorf("page: source %q confidence %.2f, want ocr above 0.8", p.Source, p.Confidence)
	}
	if doc.Source.Format != "png" || doc.Blocks[0].Kind != baocao.Paragraph || !strings.Contains(doc.BlockText(0), "\t") {
		t.Errorf("first block %q: want the header as a left\\tright row", doc.BlockText(0))
	}
}

// TestRotation turns the top of a page by 90 and 180 degrees: each is detected, turned
// back and read as well as the upright page.
func TestRotation(t *testing.T) {
	t.Parallel() // OCR is slow: the tests share the cores
	r := recognizer(t)
	top := crop(t, renderPage(t, seedPDF, 1), 0.1, 0.3)
	ctx := context.Background()
	upright, err := r.Recognize(ctx, reader.PageImage{Data: top})
	if err != nil {
		t.Fatal(err)
	}
	if upright.Rotation != 0 {
		t.Errorf("upright page turned by %d", upright.Rotation)
	}
	want := vntext.Words(pageText(upright))
	var wg sync.WaitGroup
	for _, deg := range []int{90, 180} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			turned, err := rotate(top, deg)
			if err != nil {
				t.Error(err)
				return
			}
			pg, err := r.Recognize(ctx, reader.PageImage{Data: turned})
			if err != nil {
				t.Error(err)
				return
			}
			if (deg+pg.Rotation)%360 != 0 {
				t.Errorf("image turned %d°: recognizer turned it %d°", deg, pg.Rotation)
			}
			if share := vntext.Overlap(want, vntext.Words(pageText(pg))); share < 0.9 {
				t.Errorf("image turned %d°: %.0f%% of the upright words", deg, 100*share)
			}
		}()
	}
	wg.Wait()
}

// TestTIFF reads a two-page TIFF made by the test: two pages, in order.
func TestTIFF(t *testing.T) {
	t.Parallel() // OCR is slow: the tests share the cores
	needTesseract(t)
	// two short lines are "poor" pages: without OSD they are not checked for rotation
	r, err := New(Options{CacheDir: filepath.Join(testDir, "cache"), NoOSD: true})
	if err != nil {
		t.Fatal(err)
	}
	p1 := textImage([]string{"Trang 1: UBND XÃ TÂN AN"})
	p2 := textImage([]string{"Trang 2: BÁO CÁO 12/BC-UBND"})
	data := tiffBytes(p1, p2)
	doc, err := reader.Read(context.Background(), "scan.tif", data, reader.Options{OCR: r})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Source.Format != "tif" || len(doc.Pages) != 2 {
		t.Fatalf("format %q with %d pages, want tif with 2", doc.Source.Format, len(doc.Pages))
	}
	for i, want := range []string{"TÂN AN", "12/BC-UBND"} {
		if got := doc.Pages[i].Span.Of(doc.Text); !strings.Contains(got, want) || doc.Pages[i].Source != baocao.FromOCR {
			t.Errorf("page %d: %q (%s), want %q", i+1, got, doc.Pages[i].Source, want)
		}
	}
}

func TestSplitTIFF(t *testing.T) {
	a, b := textImage([]string{"A"}), textImage([]string{"B"})
	two := tiffBytes(a, b)
	loop := bytes.Clone(two)
	// point the second directory back at the first: a loop ends the chain
	tp, err := splitTIFF(two, 10)
	if err != nil || tp.n() != 2 {
		t.Fatalf("two pages: %v, %v", tp, err)
	}
	first := tp.ifds[0]
	n := int(loop[tp.ifds[1]]) | int(loop[tp.ifds[1]+1])<<8
	next := int(tp.ifds[1]) + 2 + 12*n
	loop[next], loop[next+1], loop[next+2], loop[next+3] = byte(first), byte(first>>8), byte(first>>16), byte(first>>24)
	tests := []struct {
		name  string
		data  []byte
		max   int
		pages int
		err   error
	}{
		{"one page", tiffBytes(a), 10, 1, nil},
		{"two pages", two, 10, 2, nil},
		{"loop", loop, 10, 2, nil},
		{"over the page limit", two, 1, 0, reader.ErrLimit},
		{"truncated", two[:12], 10, 0, reader.ErrCorrupt},
		{"BigTIFF", []byte("II+\x00\x08\x00\x00\x00\x10\x00\x00\x00\x00\x00\x00\x00"), 10, 0, reader.ErrUnsupported},
		{"bad order mark", []byte("XX*\x00\x08\x00\x00\x00"), 10, 0, reader.ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tp, err := splitTIFF(tt.data, tt.max)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("got %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tp.n() != tt.pages {
				t.Fatalf("got %d pages, want %d", tp.n(), tt.pages)
			}
			for i := 0; i < tp.n(); i++ {
				cfg, _, err := image.DecodeConfig(bytes.NewReader(tp.page(i)))
				if err != nil || cfg.Width == 0 {
					t.Errorf("page %d does not decode: %v", i+1, err)
				}
				pages, _ := splitTIFF(tp.page(i), 10)
				if pages == nil || pages.n() != 1 {
					t.Errorf("page %d is not a one-page TIFF", i+1)
				}
			}
		})
	}
}

func TestProgress(t *testing.T) {
	t.Parallel() // OCR is slow: the tests share the cores
	needTesseract(t)
	var mu sync.Mutex
	var events []Event
	r, err := New(Options{CacheDir: t.TempDir(), NoOSD: true, Progress: func(e Event) {
		mu.Lock()
		events = append(events, e)
		mu.Unlock()
	}})
	if err != nil {
		t.Fatal(err)
	}
	data := pngBytes(t, textImage(sampleLines[:1]))
	for i := 0; i < 2; i++ {
		if _, err := r.Recognize(context.Background(), reader.PageImage{Data: data}); err != nil {
			t.Fatal(err)
		}
	}
	if len(events) != 2 || events[0].Cached || !events[1].Cached || events[1].Done != 2 || events[0].Words == 0 {
		t.Errorf("events %+v, want a recognized page then a cached one", events)
	}
}

func TestCanceled(t *testing.T) {
	needTesseract(t)
	r, _ := New(Options{NoCache: true})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := r.Recognize(ctx, reader.PageImage{Data: pngBytes(t, textImage(sampleLines))})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestRepairWord(t *testing.T) {
	tests := []struct{ in, want string }{
		{"QUYÉT", "QUYẾT"},
		{"quyét", "quyết"},
		{"(QUYÉT:", "(QUYẾT:"},
		{"ĐỊNH", ""},    // fine already
		{"UBND", ""},    // an abbreviation
		{"1675/QĐ", ""}, // digits
		{"đóc", ""},     // well formed (though no word): nothing to repair
		{"Ÿ", ""},       // one letter
		{"xyzw", ""},    // no single change makes a syllable
		{"nguyen", ""},  // a syllable without its marks counts as one
		{"tiêng", ""},   // well formed
		{"ViỆt", ""},    // mixed case is not a repair of one vowel
		{"thuong", ""},  // plain syllable
		{"khuyét", "khuyết"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := repairWord(tt.in)
			if !ok {
				got = ""
			}
			if got != tt.want {
				t.Errorf("repairWord(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
