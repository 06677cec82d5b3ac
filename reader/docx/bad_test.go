package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/baocao/baocao/reader"
)

// readErr reads data named name through the registry and returns the error.
func readErr(t *testing.T, name string, data []byte, opts reader.Options) error {
	t.Helper()
	d, err := reader.Read(context.Background(), name, data, opts)
	if err == nil {
		t.Fatalf("read succeeded, want an error; text %.80q", d.Text)
	}
	var re *reader.Error
	if !errors.As(err, &re) || re.Path != name {
		t.Errorf("error %q is not a *reader.Error naming %s", err, name)
	}
	return err
}

func TestBadInput(t *testing.T) {
	good := body(p("", "Nội dung báo cáo")).bytes(t)
	docxOnly := reader.Options{Format: "docx"} // the docx reader's own answer, not the registry's
	tests := []struct {
		name     string
		file     string
		data     func(t *testing.T) []byte
		opts     reader.Options
		cause    error
		contains string
	}{
		{"empty file", "a.docx", func(*testing.T) []byte { return nil }, reader.Options{}, reader.ErrEmpty, ""},
		{"truncated DOCX", "cut.docx", func(*testing.T) []byte { return good[:len(good)/2] }, reader.Options{}, reader.ErrCorrupt, "ZIP"},
		{"missing word/document.xml", "nomain.docx", func(t *testing.T) []byte {
			return docxFile{"word/styles.xml": stylesXML, "word/document.xml": ""}.bytes(t)
		}, reader.Options{}, reader.ErrCorrupt, "word/document.xml"},
		{"malformed XML in document.xml", "bad.docx", func(t *testing.T) []byte {
			return docxFile{"word/document.xml": `<?xml version="1.0"?>` + "\n<w:document " + nsW + "><w:body><w:p><w:r><w:t>mở</w:r></w:p></w:body></w:document>"}.bytes(t)
		}, reader.Options{}, reader.ErrCorrupt, "word/document.xml: malformed XML at line 2"},
		{"document.xml cut short", "short.docx", func(t *testing.T) []byte {
			return docxFile{"word/document.xml": document(p("", "một"))[:120]}.bytes(t)
		}, reader.Options{}, reader.ErrCorrupt, "word/document.xml: malformed XML"},
		{"a PDF named .docx, forced to the docx reader", "renamed.docx", func(*testing.T) []byte {
			return []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
		}, docxOnly, reader.ErrUnsupported, "PDF"},
		{"an XLSX named .docx", "sheet.docx", func(t *testing.T) []byte {
			return docxFile{"xl/workbook.xml": "<workbook/>", "word/document.xml": "",
				"_rels/.rels":         `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="` + relTypes + `officeDocument" Target="xl/workbook.xml"/></Relationships>`,
				"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`}.bytes(t)
		}, reader.Options{}, reader.ErrUnsupported, "XLSX"},
		{"an ODT named .docx", "text.docx", func(t *testing.T) []byte {
			return docxFile{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>",
				"word/document.xml": "", "_rels/.rels": "", "[Content_Types].xml": ""}.bytes(t)
		}, reader.Options{}, reader.ErrUnsupported, "ODT"},
		{"a legacy .doc forced to the docx reader", "old.docx", func(*testing.T) []byte {
			return append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 512)...)
		}, docxOnly, reader.ErrUnsupported, "OLE"},
		{"random bytes forced to the docx reader", "noise.docx", func(*testing.T) []byte {
			return noise(1, 64<<10)
		}, docxOnly, reader.ErrCorrupt, "not a ZIP"},
		{"random bytes behind a ZIP signature", "noise.docx", func(*testing.T) []byte {
			return append([]byte("PK\x03\x04"), noise(2, 64<<10)...)
		}, reader.Options{}, reader.ErrCorrupt, ""},
		{"zip bomb refused by its declared size", "bomb.docx", func(t *testing.T) []byte {
			return body(p("", strings.Repeat("a", 4<<20))).bytes(t)
		}, reader.Options{MaxUnzipped: 1 << 20}, reader.ErrLimit, "declares"},
		{"zip bomb lying about its size", "liar.docx", func(t *testing.T) []byte {
			return lyingZip(t, "word/document.xml", document(p("", strings.Repeat("bom ", 2<<20))), 2000)
		}, reader.Options{}, reader.ErrLimit, "inflates past its declared size"},
		{"parts together over the budget", "parts.docx", func(t *testing.T) []byte {
			big := strings.Repeat("x", 600<<10)
			return body(p("", big)).with("word/footnotes.xml", `<w:footnotes `+nsW+`><w:footnote w:id="1"><w:p><w:r><w:t>`+big+`</w:t></w:r></w:p></w:footnote></w:footnotes>`).bytes(t)
		}, reader.Options{MaxUnzipped: 1 << 20}, reader.ErrLimit, "word/footnotes.xml"},
		{"too many ZIP entries", "many.docx", func(t *testing.T) []byte {
			f := body(p("", "x"))
			for i := range maxEntries + 1 {
				f[fmt.Sprintf("customXml/item%d.xml", i)] = "<a/>"
			}
			return f.bytes(t)
		}, reader.Options{}, reader.ErrLimit, "entries"},
		{"tables with too many grid cells", "grid.docx", func(t *testing.T) []byte {
			row := "<w:tr><w:tc>" + p("", "x") + "</w:tc></w:tr>"
			wide := `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="256"/></w:tcPr>` + p("", "rộng") + "</w:tc></w:tr>"
			return body("<w:tbl>" + wide + strings.Repeat(row, maxCells/maxCols+10) + "</w:tbl>").bytes(t)
		}, reader.Options{}, reader.ErrLimit, "grid cells"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := readErr(t, tc.file, tc.data(t), tc.opts)
			if !errors.Is(err, tc.cause) {
				t.Errorf("error %q: cause is not %q", err, tc.cause)
			}
			if !strings.Contains(err.Error(), tc.contains) {
				t.Errorf("error %q does not say %q", err, tc.contains)
			}
		})
	}
}

// noise returns n reproducible random bytes.
func noise(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// lyingZip writes a ZIP whose entry name declares size bytes but inflates to content.
func lyingZip(t *testing.T, name, content string, size uint64) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
	fw.Write([]byte(content))
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE([]byte(content[:size])),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: size})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	zw.Close()
	return buf.Bytes()
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want int
	}{
		{"DOCX", body(p("", "x")).bytes(t), 95},
		{"DOCX with an upper-case part name", docxFile{"WORD/Document.xml": document(p("", "x")), "word/document.xml": ""}.bytes(t), 95},
		{"ZIP without word/document.xml", docxFile{"xl/workbook.xml": "<w/>", "word/document.xml": ""}.bytes(t), 2},
		{"truncated ZIP", body(p("", "x")).bytes(t)[:100], 2},
		{"PDF", []byte("%PDF-1.4\n"), 0},
		{"text", []byte("Báo cáo sơ kết"), 0},
		{"empty", nil, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := (Reader{}).Sniff(tc.data); got != tc.want {
				t.Errorf("Sniff = %d, want %d", got, tc.want)
			}
		})
	}
	// The registry reads a PDF named .docx as what it is, never as a DOCX.
	r, _ := reader.Detect([]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), "renamed.docx")
	if r != nil && r.Format() == "docx" {
		t.Error("a PDF named .docx was given to the docx reader")
	}
}

func TestOptionalPartsMissingOrBroken(t *testing.T) {
	doc := body(p(`<w:pStyle w:val="Heading1"/>`+num("1", "0"), "Tiêu đề") +
		`<w:p><w:r><w:t>Có chú thích</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>`)
	tests := []struct {
		name    string
		f       docxFile
		text    string
		warning string
	}{
		{"no styles, numbering, notes or rels", doc, "Tiêu đề\nCó chú thích[1]", "footnote [1] is referenced but its text was not found"},
		{"rels name parts that are absent", doc.with("word/_rels/document.xml.rels", rels("a", "styles", "styles.xml", "b", "numbering", "numbering.xml", "c", "footnotes", "footnotes.xml")),
			"Tiêu đề\nCó chú thích[1]", "footnote [1]"},
		{"malformed styles.xml", doc.with("word/styles.xml", `<w:styles `+nsW+`><w:style w:styleId="Heading1"><w:name w:val="heading 1"/>`),
			"Tiêu đề\nCó chú thích[1]", "word/styles.xml: malformed XML"},
		{"malformed relationships fall back to the usual part names", doc.with("word/_rels/document.xml.rels", `<Relationships><Relationship`,
			"word/footnotes.xml", `<w:footnotes `+nsW+`><w:footnote w:id="2"><w:p><w:r><w:t>Nguồn</w:t></w:r></w:p></w:footnote></w:footnotes>`, "_rels/.rels", `<Relationships`),
			"Tiêu đề\nCó chú thích[1]\n[1] Nguồn", "word/_rels/document.xml.rels: malformed XML"},
		{"malformed footnotes.xml keeps the notes read before the error", doc.with("word/footnotes.xml", `<w:footnotes `+nsW+`><w:footnote w:id="2"><w:p><w:r><w:t>Nguồn</w:t></w:r></w:p></w:footnote><w:footnote w:id="3"><w:p>`),
			"Tiêu đề\nCó chú thích[1]\n[1] Nguồn", "word/footnotes.xml: malformed XML"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.f.read(t)
			if d.Text != tc.text {
				t.Errorf("text: got %q want %q", d.Text, tc.text)
			}
			if !strings.Contains(strings.Join(d.Warnings, "\n"), tc.warning) {
				t.Errorf("warnings %q lack %q", d.Warnings, tc.warning)
			}
		})
	}
}

func TestDeepNestingIsBounded(t *testing.T) {
	const n = 200
	box := func(inner string) string {
		return `<w:p><w:r><w:t xml:space="preserve">h </w:t></w:r><w:r><w:pict><v:textbox><w:txbxContent>` + inner + `</w:txbxContent></v:textbox></w:pict></w:r></w:p>`
	}
	boxes := p("", "đáy")
	for range n {
		boxes = box(boxes)
	}
	tables := p("", "lõi")
	for range n {
		tables = "<w:tbl><w:tr><w:tc>" + tables + "</w:tc></w:tr></w:tbl>"
	}
	wrappers := strings.Repeat("<w:sdt><w:sdtContent>", 100000) + p("", "sâu") + strings.Repeat("</w:sdtContent></w:sdt>", 100000)
	for _, tc := range []struct{ name, body, want string }{
		{"text boxes", boxes, "h"},
		{"tables", tables, "lõi"},
		{"content controls", wrappers, "sâu"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := body(tc.body).read(t)
			if !strings.Contains(d.Text, tc.want) {
				t.Errorf("text %.80q lacks %q", d.Text, tc.want)
			}
		})
	}
}

func TestContextCancelStopsReading(t *testing.T) {
	data := body(strings.Repeat(p("", strings.Repeat("chữ ", 50)), 20000)).bytes(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	_, err := Reader{}.Read(ctx, &reader.Input{Name: "big.docx", Data: data})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	if el := time.Since(start); el > time.Second {
		t.Errorf("cancel took %v", el)
	}
}

func TestLimitedPartCountsInflatedBytes(t *testing.T) {
	p := &pkg{ctx: context.Background(), budget: 1 << 20}
	l := &limitedPart{p: p, name: "word/document.xml", r: io.NopCloser(strings.NewReader(strings.Repeat("x", 5000))), left: 4096}
	_, err := io.ReadAll(l)
	if !errors.Is(err, reader.ErrLimit) || !strings.Contains(err.Error(), "word/document.xml") {
		t.Errorf("part limit: got %v", err)
	}
	p = &pkg{ctx: context.Background(), budget: 1000}
	l = &limitedPart{p: p, name: "word/header1.xml", r: io.NopCloser(strings.NewReader(strings.Repeat("x", 5000))), left: 1 << 20}
	if _, err := io.ReadAll(l); !errors.Is(err, reader.ErrLimit) {
		t.Errorf("package budget: got %v", err)
	}
}

func TestUTF16Part(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-16"?><w:document ` + nsW + `><w:body>` + p("", "Việt Nam") + `</w:body></w:document>`
	u := utf16.Encode([]rune(doc))
	b := []byte{0xFF, 0xFE}
	for _, c := range u {
		b = append(b, byte(c), byte(c>>8))
	}
	d := docxFile{"word/document.xml": string(b)}.read(t)
	if d.Text != "Việt Nam" {
		t.Errorf("got %q", d.Text)
	}
}
