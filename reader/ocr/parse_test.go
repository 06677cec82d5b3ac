package ocr

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

const tsvHead = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"

func TestParseTSV(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		lines   []string // words of each line joined by spaces, "block.par:" first
		conf    float64
		w, h    int
		wantErr bool
	}{
		{
			name: "words grouped by block, paragraph and line",
			in: tsvHead +
				"1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n" +
				"2\t1\t1\t0\t0\t0\t300\t300\t900\t60\t-1\t\n" +
				"5\t1\t1\t1\t1\t1\t300\t300\t100\t50\t96.5\tUBND\n" +
				"5\t1\t1\t1\t1\t2\t420\t300\t60\t50\t93.5\tXÃ\n" +
				"5\t1\t1\t1\t2\t1\t300\t370\t100\t50\t90\tSố:\n" +
				"5\t1\t2\t1\t1\t1\t1300\t300\t120\t50\t30\tCỘNG\n",
			lines: []string{"1.1: UBND XÃ", "1.1: Số:", "2.1: CỘNG"},
			conf:  (0.965 + 0.935 + 0.90 + 0.30) / 4,
			w:     2480, h: 3508,
		},
		{
			name: "blank words and rows that are not words are skipped",
			in: tsvHead +
				"5\t1\t1\t1\t1\t1\t300\t300\t100\t50\t95\t \n" +
				"5\t1\t1\t1\t1\t2\t300\t300\t100\t50\t-1\tX\n" +
				"4\t1\t1\t1\t1\t0\t300\t300\t100\t50\t-1\t\n" +
				"5\t1\t1\t1\t1\t3\t300\t300\t100\t50\t80\tđạt\n" +
				"5\t1\t1\t1\t1\tbad\n",
			lines: []string{"1.1: đạt"},
			conf:  0.8,
		},
		{
			name:  "decomposed marks are composed",
			in:    tsvHead + "5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t50\tQuye\u0302\u0301t\n",
			lines: []string{"1.1: Quyết"},
			conf:  0.5,
		},
		{name: "header only", in: tsvHead, lines: nil},
		{name: "not TSV", in: "Error in pixRead\n", wantErr: true},
		{name: "nothing", in: "", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pg, err := parseTSV([]byte(tt.in))
			if tt.wantErr {
				if err == nil {
					t.Fatal("got no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range pg.Lines {
				var ws []string
				for _, w := range l.Words {
					ws = append(ws, w.Text)
				}
				got = append(got, itoaT(l.Block)+"."+itoaT(l.Par)+": "+strings.Join(ws, " "))
			}
			if strings.Join(got, "|") != strings.Join(tt.lines, "|") {
				t.Errorf("lines %q, want %q", got, tt.lines)
			}
			if d := pg.Confidence - tt.conf; d > 1e-9 || d < -1e-9 {
				t.Errorf("confidence %v, want %v", pg.Confidence, tt.conf)
			}
			if pg.Width != tt.w || pg.Height != tt.h {
				t.Errorf("size %d×%d, want %d×%d", pg.Width, pg.Height, tt.w, tt.h)
			}
		})
	}
}

func itoaT(n int) string { return strconv.Itoa(n) }

func TestParseTSVSample(t *testing.T) {
	out, err := os.ReadFile("testdata/sample.tsv")
	if err != nil {
		t.Fatal(err)
	}
	pg, err := parseTSV(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(pg.Lines) != 32 || !strings.Contains(pageText(pg), "12/BC-UBND") {
		t.Errorf("%d lines, want the 32 lines of the drawn page:\n%s", len(pg.Lines), pageText(pg))
	}
	w := pg.Lines[0].Words[0]
	if w.Right <= w.Left || w.Bottom <= w.Top || w.Confidence <= 0 || w.Confidence > 1 {
		t.Errorf("first word %+v", w)
	}
}

func TestParseOSD(t *testing.T) {
	tests := []struct {
		name string
		in   string
		rot  int
		conf float64
		ok   bool
	}{
		{"upright", "Page number: 0\nOrientation in degrees: 0\nRotate: 0\nOrientation confidence: 20.27\nScript: Latin\n", 0, 20.27, true},
		{"turned", "Orientation in degrees: 90\nRotate: 270\nOrientation confidence: 7.5\n", 270, 7.5, true},
		{"negative", "Rotate: -90\n", 270, 0, true},
		{"no answer", "Too few characters. Skipping this page\n", 0, 0, false},
		{"garbage number", "Rotate: ninety\n", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rot, conf, ok := parseOSD([]byte(tt.in))
			if rot != tt.rot || conf != tt.conf || ok != tt.ok {
				t.Errorf("got %d %v %v, want %d %v %v", rot, conf, ok, tt.rot, tt.conf, tt.ok)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\x89PNG\r\n\x1a\n....", "png"},
		{"\xff\xd8\xff\xe0", "jpeg"},
		{"II*\x00\x08\x00\x00\x00", "tiff"},
		{"MM\x00*\x00\x00\x00\x08", "tiff"},
		{"GIF89a", "gif"},
		{"P4\n10 10\n", "pnm"},
		{"P7\n", ""},
		{"%PDF-1.4", ""},
		{"PK\x03\x04", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.in)); got != tt.want {
			t.Errorf("Sniff(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	w, h, err := pnmSize([]byte("P5\n# made by hand\n640 480\n255\n"))
	if err != nil || w != 640 || h != 480 {
		t.Errorf("pnmSize: %d×%d %v", w, h, err)
	}
	if _, _, err := pnmSize([]byte("P5\n640")); err == nil {
		t.Errorf("pnmSize of a truncated header: no error")
	}
}

// FuzzParseTSV: whatever Tesseract (or a damaged cache) writes, parsing returns a page
// or an error, and every word has text.
func FuzzParseTSV(f *testing.F) {
	if out, err := os.ReadFile("testdata/sample.tsv"); err == nil {
		f.Add(out)
		f.Add(out[:len(out)/2])
	}
	f.Add([]byte(tsvHead + "5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t50\tx\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pg, err := parseTSV(data)
		if err != nil {
			return
		}
		for _, l := range pg.Lines {
			for _, w := range l.Words {
				if strings.TrimSpace(w.Text) == "" || w.Confidence < 0 || w.Confidence > 1 {
					t.Fatalf("word %+v", w)
				}
			}
		}
		repairWords(pg)
	})
}

// FuzzSplitTIFF: any bytes after a TIFF header give pages or an error, in bounded time.
func FuzzSplitTIFF(f *testing.F) {
	f.Add(tiffBytes(textImage([]string{"A"}), textImage([]string{"B"})))
	f.Add([]byte("MM\x00*\x00\x00\x00\x08\x00\x01\x01\x00\x00\x03\x00\x00\x00\x01\x00\x10\x00\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tp, err := splitTIFF(data, 50)
		if err != nil {
			return
		}
		if tp.n() < 1 || tp.n() > 50 {
			t.Fatalf("%d pages", tp.n())
		}
		for i := 0; i < tp.n(); i++ {
			if p := tp.page(i); len(p) != len(data) {
				t.Fatalf("page %d has %d bytes, want %d", i, len(p), len(data))
			}
		}
	})
}

// FuzzCheckImage: the header check that stands before Tesseract never panics and
// never lets through an image larger than MaxPixels.
func FuzzCheckImage(f *testing.F) {
	f.Add(pngBytes(f, textImage([]string{"A"})))
	f.Add(tiffBytes(textImage([]string{"B"})))
	f.Add([]byte("P4\n10 10\n"))
	f.Add([]byte("\xff\xd8\xff\xe0\x00\x10JFIF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		_, w, h, err := checkImage(data)
		if err == nil && (w <= 0 || h <= 0 || int64(w)*int64(h) > MaxPixels) {
			t.Fatalf("accepted %d×%d", w, h)
		}
	})
}
