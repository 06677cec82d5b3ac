package pdf

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/reader"
)

const sample = "Ủy ban nhân dân xã Thụy Hùng báo cáo kết quả công tác thi đua, khen thưởng năm 2023."

// samplePDF is a one-page PDF with a heading and a paragraph of Vietnamese text.
func samplePDF(w *pdfWriter) []byte {
	lines := []testLine{{x: 72, y: 770, size: 13, font: "F2", text: "BÁO CÁO"}}
	lines = append(lines, paraLines(sample+" "+sample, 72, 740, 13, 60)...)
	return w.bytes(textPDF(w, [][]testLine{lines}))
}

func read(t *testing.T, name string, data []byte, opts reader.Options) (*baocao.Document, error) {
	t.Helper()
	return reader.Read(context.Background(), name, data, opts)
}

func mustRead(t *testing.T, name string, data []byte, opts reader.Options) *baocao.Document {
	t.Helper()
	doc, err := read(t, name, data, opts)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

func wantSample(t *testing.T, doc *baocao.Document) {
	t.Helper()
	if !strings.Contains(doc.Text, sample) {
		t.Errorf("text does not contain the sample sentence:\n%s", doc.Text)
	}
}

func TestSampleRoundTrip(t *testing.T) {
	doc := mustRead(t, "sample.pdf", samplePDF(&pdfWriter{}), reader.Options{})
	wantSample(t, doc)
	if len(doc.Blocks) != 2 || doc.Blocks[0].Kind != baocao.Heading || doc.BlockText(0) != "BÁO CÁO" {
		t.Errorf("blocks: got %+v\n%s", doc.Blocks, doc.Text)
	}
	if len(doc.Pages) != 1 || doc.Pages[0].Source != baocao.FromTextLayer {
		t.Errorf("pages: got %+v", doc.Pages)
	}
}

// TestBadInputs: each malformed file gives its error, or is read in spite of the
// damage, in bounded time.
func TestBadInputs(t *testing.T) {
	good := samplePDF(&pdfWriter{})
	xref := bytes.LastIndex(good, []byte("xref"))
	tests := []struct {
		name  string
		data  func() []byte
		cause error // nil: the file is read and holds the sample
	}{
		{"empty file", func() []byte { return nil }, reader.ErrEmpty},
		{"only a header", func() []byte { return []byte("%PDF-1.7\n") }, reader.ErrCorrupt},
		{"truncated in the middle", func() []byte { return good[:len(good)/3] }, reader.ErrCorrupt},
		{"truncated before the xref", func() []byte { return good[:xref] }, nil},
		{"broken xref offsets", func() []byte {
			d := append([]byte(nil), good...)
			// shift every object by 7 bytes: all xref offsets are now wrong
			i := bytes.Index(d, []byte("1 0 obj"))
			return append(append(append([]byte(nil), d[:i]...), []byte("%junk!\n")...), d[i:]...)
		}, nil},
		{"xref missing", func() []byte {
			return append(append([]byte(nil), good[:xref]...), []byte("startxref\n999999\n%%EOF\n")...)
		}, nil},
		{"junk before the header", func() []byte {
			return append([]byte("From: someone\r\nContent-Type: application/pdf\r\n\r\n"), good...)
		}, nil},
		{"junk after EOF", func() []byte { return append(append([]byte(nil), good...), bytes.Repeat([]byte("garbage "), 200)...) }, nil},
		{"PDF 2.0 header", func() []byte { return bytes.Replace(good, []byte("%PDF-1.7"), []byte("%PDF-2.0"), 1) }, nil},
		{"random bytes", func() []byte {
			r := rand.New(rand.NewSource(1))
			b := make([]byte, 1<<16)
			r.Read(b)
			return append([]byte("%PDF-1.4\n"), b...)
		}, reader.ErrCorrupt},
		{"not a PDF", func() []byte { return []byte("\x00\x01\x02 binary junk") }, reader.ErrUnsupported},
		{"unsupported filter on every page", func() []byte {
			w := &pdfWriter{}
			cs := w.addStream("<</Filter/JBIG2Decode>>", []byte("BT ET"))
			pages := w.add("")
			pg := w.add(fmt.Sprintf("<</Type/Page/Parent %d 0 R/MediaBox[0 0 595 842]/Contents %d 0 R>>", pages, cs))
			w.set(pages, fmt.Sprintf("<</Type/Pages/Kids[%d 0 R]/Count 1>>", pg))
			return w.bytes(w.add(fmt.Sprintf("<</Type/Catalog/Pages %d 0 R>>", pages)))
		}, reader.ErrUnsupported},
		{"no pages", func() []byte {
			w := &pdfWriter{}
			pages := w.add("<</Type/Pages/Kids[]/Count 0>>")
			return w.bytes(w.add(fmt.Sprintf("<</Type/Catalog/Pages %d 0 R>>", pages)))
		}, reader.ErrCorrupt},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			doc, err := read(t, "bad.pdf", tc.data(), reader.Options{Format: "pdf", Timeout: 20 * time.Second})
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v", d)
			}
			if tc.cause == nil {
				if err != nil {
					t.Fatalf("got error %v, want the file read", err)
				}
				wantSample(t, doc)
				return
			}
			if !errors.Is(err, tc.cause) {
				t.Fatalf("got %v, want %v", err, tc.cause)
			}
			var re *reader.Error
			if !errors.As(err, &re) || re.Path != "bad.pdf" {
				t.Errorf("error %v does not name the file", err)
			}
		})
	}
}

func TestUnsupportedFilterOnOnePage(t *testing.T) {
	w := &pdfWriter{}
	font := newVNFont(sample)
	f1 := font.addTo(w, "TimesNewRomanPSMT")
	res := fmt.Sprintf("<</Font<</F1 %d 0 R>>>>", f1)
	good := w.addStream("<<>>", []byte("BT /F1 12 Tf 72 700 Td "+font.hex(sample)+" Tj ET"))
	bad := w.addStream("<</Filter/JBIG2Decode>>", []byte("whatever"))
	pages := w.add("")
	p1 := w.add(fmt.Sprintf("<</Type/Page/Parent %d 0 R/MediaBox[0 0 595 842]/Resources %s/Contents %d 0 R>>", pages, res, good))
	p2 := w.add(fmt.Sprintf("<</Type/Page/Parent %d 0 R/MediaBox[0 0 595 842]/Resources %s/Contents %d 0 R>>", pages, res, bad))
	w.set(pages, fmt.Sprintf("<</Type/Pages/Kids[%d 0 R %d 0 R]/Count 2>>", p1, p2))
	doc := mustRead(t, "x.pdf", w.bytes(w.add(fmt.Sprintf("<</Type/Catalog/Pages %d 0 R>>", pages))), reader.Options{})
	wantSample(t, doc)
	if !strings.Contains(strings.Join(doc.Warnings, "\n"), "page 2") || !strings.Contains(strings.Join(doc.Warnings, "\n"), "JBIG2Decode") {
		t.Errorf("warnings %q do not name page 2 and the filter", doc.Warnings)
	}
}

// TestPageTreeBounds: a /Kids cycle ends, and MaxPages bounds a huge tree.
func TestPageTreeBounds(t *testing.T) {
	t.Run("cyclic kids", func(t *testing.T) {
		w := &pdfWriter{}
		font := newVNFont(sample)
		f1 := font.addTo(w, "TimesNewRomanPSMT")
		cs := w.addStream("<<>>", []byte("BT /F1 12 Tf 72 700 Td "+font.hex(sample)+" Tj ET"))
		top := w.add("")
		mid := w.add("")
		pg := w.add(fmt.Sprintf("<</Type/Page/Parent %d 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 %d 0 R>>>>/Contents %d 0 R>>", mid, f1, cs))
		// mid lists top as a kid: top → mid → top → …
		w.set(top, fmt.Sprintf("<</Type/Pages/Kids[%d 0 R]/Count 1>>", mid))
		w.set(mid, fmt.Sprintf("<</Type/Pages/Parent %d 0 R/Kids[%d 0 R %d 0 R]/Count 1>>", top, pg, top))
		doc := mustRead(t, "cycle.pdf", w.bytes(w.add(fmt.Sprintf("<</Type/Catalog/Pages %d 0 R>>", top))), reader.Options{Timeout: 10 * time.Second})
		wantSample(t, doc)
		if len(doc.Pages) != 1 {
			t.Errorf("got %d pages, want 1", len(doc.Pages))
		}
	})
	t.Run("huge page count", func(t *testing.T) {
		w := &pdfWriter{}
		cs := w.addStream("<<>>", []byte("BT ET"))
		pages := w.add("")
		var kids []string
		for i := 0; i < 3000; i++ {
			kids = append(kids, fmt.Sprintf("%d 0 R", w.add(fmt.Sprintf("<</Type/Page/Parent %d 0 R/Contents %d 0 R>>", pages, cs))))
		}
		w.set(pages, fmt.Sprintf("<</Type/Pages/Kids[%s]/Count 999999999>>", strings.Join(kids, " ")))
		doc, err := read(t, "huge.pdf", w.bytes(w.add(fmt.Sprintf("<</Type/Catalog/Pages %d 0 R>>", pages))), reader.Options{MaxPages: 50})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Pages) != 50 {
			t.Errorf("got %d pages, want the limit of 50", len(doc.Pages))
		}
	})
}

// TestEncryption: files encrypted with an empty user password are read; a user
// password is ErrEncrypted unless Options.Password opens the file.
func TestEncryption(t *testing.T) {
	for _, kind := range []string{"rc4-40", "rc4-128", "aes-128", "aes-256"} {
		t.Run(kind+" empty user password", func(t *testing.T) {
			w := &pdfWriter{enc: newTestEncryption(kind, "", "owner")}
			wantSample(t, mustRead(t, kind+".pdf", samplePDF(w), reader.Options{}))
		})
		t.Run(kind+" user password", func(t *testing.T) {
			data := samplePDF(&pdfWriter{enc: newTestEncryption(kind, "secret", "owner")})
			_, err := read(t, kind+".pdf", data, reader.Options{})
			if !errors.Is(err, reader.ErrEncrypted) {
				t.Fatalf("got %v, want %v", err, reader.ErrEncrypted)
			}
			if _, err := read(t, kind+".pdf", data, reader.Options{Password: "wrong"}); !errors.Is(err, reader.ErrEncrypted) {
				t.Errorf("wrong password: got %v, want %v", err, reader.ErrEncrypted)
			}
			wantSample(t, mustRead(t, kind+".pdf", data, reader.Options{Password: "secret"}))
			wantSample(t, mustRead(t, kind+".pdf", data, reader.Options{Password: "owner"}))
		})
	}
}

// TestEncryptionQpdf cross-checks the security handler with files qpdf encrypts.
func TestEncryptionQpdf(t *testing.T) {
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		t.Skip("qpdf not installed (apt-get install qpdf): cross-check skipped")
	}
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.pdf")
	if err := os.WriteFile(plain, samplePDF(&pdfWriter{}), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"rc4-40", []string{"40", "--"}},
		{"rc4-128", []string{"128", "--use-aes=n", "--"}},
		{"aes-128", []string{"128", "--use-aes=y", "--"}},
		{"aes-256", []string{"256", "--"}},
	} {
		for _, user := range []string{"", "secret"} {
			t.Run(fmt.Sprintf("%s user %q", tc.name, user), func(t *testing.T) {
				out := filepath.Join(dir, tc.name+user+".pdf")
				args := append([]string{"--allow-weak-crypto", "--encrypt", user, "owner"}, tc.args...)
				args = append(args, plain, out)
				if msg, err := exec.Command(qpdf, args...).CombinedOutput(); err != nil {
					t.Skipf("qpdf %v: %v %s", args, err, msg)
				}
				data, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				doc, err := read(t, out, data, reader.Options{})
				if user != "" {
					if !errors.Is(err, reader.ErrEncrypted) {
						t.Fatalf("got %v, want %v", err, reader.ErrEncrypted)
					}
					doc, err = read(t, out, data, reader.Options{Password: user})
				}
				if err != nil {
					t.Fatal(err)
				}
				wantSample(t, doc)
			})
		}
	}
}

func deflate(b []byte) []byte {
	var buf bytes.Buffer
	z := zlib.NewWriter(&buf)
	z.Write(b)
	z.Close()
	return buf.Bytes()
}

// TestFilters: content streams under every supported filter read the same.
func TestFilters(t *testing.T) {
	font := newVNFont(sample)
	content := []byte("BT /F1 12 Tf 72 700 Td " + font.hex(sample) + " Tj ET")
	hexed := []byte(fmt.Sprintf("%x>", content))
	a85 := ascii85Encode(content)
	tests := []struct {
		name   string
		filter string
		data   []byte
	}{
		{"none", "", content},
		{"flate", "/Filter/FlateDecode", deflate(content)},
		{"flate with PNG predictor", "/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns 7>>", deflate(pngUp(content, 7))},
		{"ascii85", "/Filter/ASCII85Decode", a85},
		{"asciihex", "/Filter/ASCIIHexDecode", hexed},
		{"lzw", "/Filter/LZWDecode", lzwEncode(content)},
		{"run length", "/Filter/RunLengthDecode", runLengthEncode(content)},
		{"chain ascii85 flate", "/Filter[/ASCII85Decode/FlateDecode]", ascii85Encode(deflate(content))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := &pdfWriter{}
			f1 := font.addTo(w, "TimesNewRomanPSMT")
			cs := w.addStream("<<"+tc.filter+">>", tc.data)
			pages := w.add("")
			pg := w.add(fmt.Sprintf("<</Type/Page/Parent %d 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 %d 0 R>>>>/Contents %d 0 R>>", pages, f1, cs))
			w.set(pages, fmt.Sprintf("<</Type/Pages/Kids[%d 0 R]/Count 1>>", pg))
			wantSample(t, mustRead(t, "f.pdf", w.bytes(w.add(fmt.Sprintf("<</Type/Catalog/Pages %d 0 R>>", pages))), reader.Options{}))
		})
	}
}

func pngUp(data []byte, cols int) []byte {
	var out []byte
	prev := make([]byte, cols)
	for i := 0; i < len(data); i += cols {
		row := make([]byte, cols)
		copy(row, data[i:min(i+cols, len(data))])
		out = append(out, 2)
		for k := range row {
			out = append(out, row[k]-prev[k])
		}
		prev = row
	}
	return out
}

func ascii85Encode(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); i += 4 {
		var chunk [4]byte
		n := copy(chunk[:], b[i:])
		v := uint32(chunk[0])<<24 | uint32(chunk[1])<<16 | uint32(chunk[2])<<8 | uint32(chunk[3])
		var enc [5]byte
		for k := 4; k >= 0; k-- {
			enc[k] = byte(v%85) + '!'
			v /= 85
		}
		out = append(out, enc[:n+1]...)
	}
	return append(out, "~>"...)
}

func runLengthEncode(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); i += 100 {
		chunk := b[i:min(i+100, len(b))]
		out = append(out, byte(len(chunk)-1))
		out = append(out, chunk...)
	}
	return append(out, 128)
}

// lzwEncode writes PDF LZW with early change, as PDF readers expect by default.
func lzwEncode(data []byte) []byte {
	var out []byte
	var acc uint64
	var nbits uint
	width := 9
	put := func(code int) {
		acc = acc<<uint(width) | uint64(code)
		nbits += uint(width)
		for nbits >= 8 {
			out = append(out, byte(acc>>(nbits-8)))
			nbits -= 8
		}
	}
	dict := map[string]int{}
	next := 258
	put(256)
	w := ""
	for _, c := range data {
		wc := w + string(c)
		if _, ok := dict[wc]; ok || len(wc) == 1 {
			w = wc
			continue
		}
		put(code(dict, w))
		dict[wc] = next
		next++
		if next+1 >= 1<<width && width < 12 {
			width++
		}
		w = string(c)
	}
	if w != "" {
		put(code(dict, w))
	}
	put(257)
	if nbits > 0 {
		out = append(out, byte(acc<<(8-nbits)))
	}
	return out
}

func code(dict map[string]int, w string) int {
	if len(w) == 1 {
		return int(w[0])
	}
	return dict[w]
}

// TestObjectStreamsQpdf: files whose objects sit in object streams with an xref
// stream (as Word writes them) are read, also with the xref destroyed.
func TestObjectStreamsQpdf(t *testing.T) {
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		t.Skip("qpdf not installed (apt-get install qpdf): test skipped")
	}
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.pdf")
	if err := os.WriteFile(plain, reportPDF(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "objstm.pdf")
	if msg, err := exec.Command(qpdf, "--object-streams=generate", plain, out).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v %s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("/ObjStm")) {
		t.Fatal("qpdf wrote no object stream")
	}
	want := mustRead(t, "plain.pdf", reportPDF(), reader.Options{}).Text
	if got := mustRead(t, "objstm.pdf", data, reader.Options{}).Text; got != want {
		t.Errorf("object streams: text differs:\n%s\nwant\n%s", got, want)
	}
	i := bytes.LastIndex(data, []byte("startxref"))
	broken := append(append([]byte(nil), data[:i]...), []byte("startxref\n17\n%%EOF\n")...)
	if got := mustRead(t, "broken.pdf", broken, reader.Options{}).Text; got != want {
		t.Errorf("object streams, xref lost: text differs:\n%s", got)
	}
}
