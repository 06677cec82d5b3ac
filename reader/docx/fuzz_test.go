package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/reader"
)

// FuzzRead feeds arbitrary bytes to the reader: it must return a document or an
// error, never panic or hang, and a document's spans must fit its text.
func FuzzRead(f *testing.F) {
	// Seeds: the real DOCX files, and small packages made here that reach every part
	// of the reader.
	for _, name := range sharedDocx() {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add(styled(body(p(`<w:pStyle w:val="Heading1"/>`+num("1", "0"), "<w:b/>|Tiêu đề")+
		"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/></w:tcPr>"+p("", "ô")+"</w:tc></w:tr></w:tbl>"+
		`<w:p><w:r><w:footnoteReference w:id="7"/></w:r></w:p>`)).with("word/footnotes.xml", footnotesXML).bytes(f))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		opts := &reader.Options{MaxUnzipped: 64 << 20}
		opts.SetDefaults()
		d, err := Reader{}.Read(ctx, &reader.Input{Name: "fuzz.docx", Data: data, Opts: opts})
		if err != nil {
			return
		}
		for _, b := range d.Blocks {
			if b.Span.Start < 0 || b.Span.End > len(d.Text) || b.Span.Start > b.Span.End {
				t.Fatalf("block span %v outside text of %d bytes", b.Span, len(d.Text))
			}
			if b.Table != nil {
				for _, row := range b.Table.Rows {
					if len(row) != len(b.Table.Rows[0]) {
						t.Fatalf("ragged table grid")
					}
				}
			}
		}
		for _, fn := range d.Footnotes {
			if fn.Span.End > len(d.Text) || fn.Ref.End > len(d.Text) {
				t.Fatalf("footnote span outside the text")
			}
		}
	})
}

// FuzzDocumentXML fuzzes the XML walkers directly: mutations of compressed bytes
// rarely get past the ZIP checksums, mutations of document.xml do. The input is the
// document part of a package that also has styles, numbering and notes.
func FuzzDocumentXML(f *testing.F) {
	for _, name := range sharedDocx() {
		if xml := partOf(name, "word/document.xml"); len(xml) > 0 && len(xml) < 200<<10 {
			f.Add(xml)
		}
	}
	f.Add([]byte(document(p(num("1", "2"), "<w:b/>|a") + `<w:p><w:r><w:footnoteReference w:customMarkFollows="1" w:id="7"/><w:t>*</w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:tbl><w:tr><w:tc>` + p("", "x") + `</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>PAGE</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>1</w:t><w:fldChar w:fldCharType="end"/></w:r></w:p>`)))
	base := styled(docxFile{}).with("word/footnotes.xml", footnotesXML)
	f.Fuzz(func(t *testing.T, xml []byte) {
		data := base.with("word/document.xml", string(xml)).bytes(t)
		d, err := Reader{}.Read(context.Background(), &reader.Input{Name: "fuzz.docx", Data: data})
		if err == nil && len(d.Blocks) > 0 && d.Blocks[len(d.Blocks)-1].Span.End > len(d.Text) {
			t.Fatal("block past the end of the text")
		}
	})
}

// partOf returns one part of a DOCX file, or nil.
func partOf(file, part string) []byte {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	for _, f := range zr.File {
		if f.Name == part {
			rc, err := f.Open()
			if err != nil {
				return nil
			}
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			return b
		}
	}
	return nil
}

// sharedDocx lists the DOCX files of ../shared/corpus, found the way testutil.Shared
// finds the folder but without skipping: a fuzz target still runs on its own seeds
// when the folder is absent.
func sharedDocx() []string {
	dir := os.Getenv("BAOCAO_SHARED")
	if dir == "" {
		dir = filepath.Join(testutil.Root(), "..", "shared")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "corpus", "*", "*.docx"))
	return files
}
