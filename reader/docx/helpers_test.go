package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/reader"
)

const (
	nsW      = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"`
	relTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

// docxFile is a DOCX made by a test: parts by name. Parts left out are not written;
// [Content_Types].xml and _rels/.rels are added unless the test sets them ("" drops one).
type docxFile map[string]string

// body makes a package whose document.xml has body as the content of w:body.
func body(xml string) docxFile {
	return docxFile{"word/document.xml": document(xml)}
}

func document(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document ` + nsW + `><w:body>` + body + `</w:body></w:document>`
}

// with returns f plus more parts.
func (f docxFile) with(kv ...string) docxFile {
	out := docxFile{}
	for k, v := range f {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

// rels writes word/_rels/document.xml.rels for the parts given as id, type, target.
func rels(triples ...string) string {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i := 0; i+2 < len(triples); i += 3 {
		sb.WriteString(`<Relationship Id="` + triples[i] + `" Type="` + relTypes + triples[i+1] + `" Target="` + triples[i+2] + `"/>`)
	}
	sb.WriteString(`</Relationships>`)
	return sb.String()
}

func (f docxFile) bytes(t testing.TB) []byte {
	t.Helper()
	parts := f.with()
	if _, ok := parts["[Content_Types].xml"]; !ok {
		parts["[Content_Types].xml"] = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	}
	if _, ok := parts["_rels/.rels"]; !ok {
		parts["_rels/.rels"] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + relTypes + `officeDocument" Target="word/document.xml"/></Relationships>`
	}
	names := make([]string, 0, len(parts))
	for k, v := range parts {
		if v != "" {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// read reads a test package through the registry, as the pipeline does.
func (f docxFile) read(t testing.TB) *baocao.Document {
	t.Helper()
	d, err := reader.Read(context.Background(), "test.docx", f.bytes(t), reader.Options{})
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return d
}

// p writes a paragraph of runs; each run is text, optionally preceded by run
// properties as "<w:b/>|text".
func p(ppr string, runs ...string) string {
	var sb strings.Builder
	sb.WriteString("<w:p>")
	if ppr != "" {
		sb.WriteString("<w:pPr>" + ppr + "</w:pPr>")
	}
	for _, r := range runs {
		sb.WriteString(run(r))
	}
	sb.WriteString("</w:p>")
	return sb.String()
}

func run(r string) string {
	rpr, text, found := strings.Cut(r, "|")
	if !found {
		rpr, text = "", r
	}
	out := "<w:r>"
	if rpr != "" {
		out += "<w:rPr>" + rpr + "</w:rPr>"
	}
	return out + `<w:t xml:space="preserve">` + text + "</w:t></w:r>"
}

// texts lists the text of every block of kinds (all kinds when none given).
func texts(d *baocao.Document, kinds ...baocao.BlockKind) []string {
	var out []string
	for i, b := range d.Blocks {
		if len(kinds) == 0 || containsKind(kinds, b.Kind) {
			out = append(out, d.BlockText(i))
		}
	}
	return out
}

func containsKind(ks []baocao.BlockKind, k baocao.BlockKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func tableCols(tb *baocao.Table) int {
	if tb == nil || len(tb.Rows) == 0 {
		return 0
	}
	return len(tb.Rows[0])
}
