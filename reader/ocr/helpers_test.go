package ocr

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/baocao/baocao/internal/testutil"
)

// testDir holds what the tests of one run share: rendered pages and an OCR cache, so
// a page is rendered and recognized once per run however many tests use it.
var testDir string

func TestMain(m *testing.M) {
	d, err := os.MkdirTemp("", "baocao-ocr-test-")
	if err != nil {
		panic(err)
	}
	testDir = d
	code := m.Run()
	os.RemoveAll(d)
	os.Exit(code)
}

// needTesseract skips a test when the programs are not installed (CI installs them).
func needTesseract(t testing.TB) {
	t.Helper()
	for _, p := range []string{"tesseract", "pdftoppm"} {
		if _, err := exec.LookPath(p); err != nil {
			t.Skipf("%s not installed (apt-get install tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd poppler-utils)", p)
		}
	}
}

var (
	sharedOnce sync.Once
	sharedRec  *Tesseract
	sharedErr  error
)

// recognizer returns the run's recognizer, with its cache in testDir.
func recognizer(t testing.TB) *Tesseract {
	t.Helper()
	needTesseract(t)
	sharedOnce.Do(func() {
		sharedRec, sharedErr = New(Options{CacheDir: filepath.Join(testDir, "cache")})
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedRec
}

var (
	renderMu sync.Mutex
	rendered = map[string]*renderEntry{}
)

type renderEntry struct {
	once sync.Once
	data []byte
	err  error
}

// renderPage renders page of a PDF in ../shared at 300 dpi with pdftoppm, once per run
// (tests running in parallel wait for the one rendering it).
func renderPage(t testing.TB, rel string, page int) []byte {
	t.Helper()
	needTesseract(t)
	path := testutil.Shared(t, rel)
	key := fmt.Sprintf("%s#%d", rel, page)
	renderMu.Lock()
	e, ok := rendered[key]
	if !ok {
		e = &renderEntry{}
		rendered[key] = e
	}
	renderMu.Unlock()
	e.once.Do(func() {
		data, err := os.ReadFile(path)
		if err != nil {
			e.err = err
			return
		}
		// without a cache, so the page is rendered even when its text is cached
		r, err := New(Options{NoCache: true})
		if err != nil {
			e.err = err
			return
		}
		img, err := r.RenderPDFPage(context.Background(), data, page, 300)
		e.data, e.err = img.Data, err
	})
	if e.err != nil {
		t.Fatal(e.err)
	}
	return e.data
}

// crop returns the top share of a PNG page as a PNG: most tests need a few lines, and
// Tesseract's time grows with the area.
func crop(t testing.TB, data []byte, top, bottom float64) []byte {
	t.Helper()
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	b := src.Bounds()
	r := image.Rect(b.Min.X, b.Min.Y+int(top*float64(b.Dy())), b.Max.X, b.Min.Y+int(bottom*float64(b.Dy())))
	g := image.NewGray(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(g, g.Bounds(), src, r.Min, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// textImage draws lines of text in the Go font at 12 pt and 300 dpi on white: a page
// image made by the test itself, readable without ../shared.
func textImage(lines []string) *image.Gray {
	fontOnce.Do(func() {
		f, err := opentype.Parse(goregular.TTF)
		if err == nil {
			face, err = opentype.NewFace(f, &opentype.FaceOptions{Size: 12, DPI: 300, Hinting: font.HintingFull})
		}
		if err != nil {
			panic(err)
		}
	})
	const lineH, margin = 80, 120
	d := font.Drawer{Face: face}
	w := 0
	for _, l := range lines {
		w = max(w, d.MeasureString(l).Ceil())
	}
	img := image.NewGray(image.Rect(0, 0, w+2*margin, len(lines)*lineH+2*margin))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	d.Dst, d.Src = img, image.NewUniform(color.Black)
	for i, l := range lines {
		d.Dot = fixed.P(margin, margin+50+i*lineH)
		d.DrawString(l)
	}
	return img
}

var (
	fontOnce sync.Once
	face     font.Face
)

// sampleLines use only letters the Go font has (no ư, ơ, nor most stacked marks).
var sampleLines = []string{
	"UBND XÃ TÂN AN",
	"BÁO CÁO 12/BC-UBND",
	"Năm 2023 xã Tân An có 332,6 ha lúa,",
	"tăng 5 % so cùng kỳ năm 2022.",
}

func pngBytes(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// tiffBytes writes grey images as one uncompressed, multi-page little-endian TIFF.
func tiffBytes(pages ...*image.Gray) []byte {
	var out bytes.Buffer
	le := binary.LittleEndian
	out.Write([]byte("II*\x00\x00\x00\x00\x00"))
	var prevNext int // where the previous directory's next-offset is written
	for i, p := range pages {
		w, h := p.Bounds().Dx(), p.Bounds().Dy()
		stripOff := out.Len()
		for y := 0; y < h; y++ {
			out.Write(p.Pix[y*p.Stride : y*p.Stride+w])
		}
		if out.Len()%2 == 1 {
			out.WriteByte(0)
		}
		ifd := out.Len()
		b := out.Bytes()
		if i == 0 {
			le.PutUint32(b[4:8], uint32(ifd))
		} else {
			le.PutUint32(b[prevNext:], uint32(ifd))
		}
		type tag struct {
			id, typ uint16
			val     uint32
		}
		tags := []tag{
			{256, 4, uint32(w)}, {257, 4, uint32(h)}, {258, 3, 8}, {259, 3, 1}, {262, 3, 1},
			{273, 4, uint32(stripOff)}, {277, 3, 1}, {278, 4, uint32(h)}, {279, 4, uint32(w * h)},
		}
		binary.Write(&out, le, uint16(len(tags)))
		for _, tg := range tags {
			binary.Write(&out, le, tg.id)
			binary.Write(&out, le, tg.typ)
			binary.Write(&out, le, uint32(1))
			if tg.typ == 3 {
				binary.Write(&out, le, uint16(tg.val))
				binary.Write(&out, le, uint16(0))
			} else {
				binary.Write(&out, le, tg.val)
			}
		}
		prevNext = out.Len()
		binary.Write(&out, le, uint32(0))
	}
	return out.Bytes()
}
