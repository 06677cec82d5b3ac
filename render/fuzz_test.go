package render

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/reader"
	"golang.org/x/net/html"
)

// FuzzReport lays out and renders arbitrary text, read by the text reader, with a
// record whose spans are cut anywhere (through characters, across blocks, outside the
// text). Nothing may panic; the HTML must be valid UTF-8 and parse; the DOCX parts
// must be well-formed XML; the Markdown must be valid UTF-8.
func FuzzReport(f *testing.F) {
	sample, err := os.ReadFile("testdata/sample.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(sample), uint16(120), uint16(180), "08/KH-UBND")
	f.Add(sampleDoc().Text, uint16(300), uint16(360), "05/KH-UBND")
	f.Add("Số: /BC-HĐTĐKT\tThụy Hùng, ngày tháng 6 năm 20223\nBÁO CÁO\nNơi nhận:\tTM. UBND\n- Lưu: VT.\tCHỦ TỊCH\n\tLý Hồng Quân", uint16(0), uint16(9), "/BC-HĐTĐKT")
	f.Add("| a | b |\n| --- | --- |\n| Kế hoạch số 47 /PĐ-UBND, ngày 25/01/2023 | <script> |\n", uint16(14), uint16(60), "47/PĐ-UBND")
	f.Add("**TM. HỘI ĐỒNG\n*\nCỘNG HÒA\tXÃ HỘI\n\t\t\n¹ chú thích", uint16(1), uint16(2), "")
	f.Fuzz(func(t *testing.T, text string, a, b uint16, id string) {
		if len(text) > 1<<16 {
			return
		}
		doc, err := reader.Read(context.Background(), "fuzz.txt", []byte(text), reader.Options{Format: "txt"})
		if err != nil {
			doc = DocumentFromText(text)
		}
		s := baocao.Span{Start: int(a) % (len(doc.Text) + 2), End: int(b) % (len(doc.Text) + 3)}
		rec := &baocao.Record{Text: doc.Text,
			References:    []baocao.Reference{{ID: id, TypeName: "Kế hoạch", Date: "2023-01-05", Origin: baocao.Origin{Span: s}}},
			Dates:         []baocao.Date{{Text: "x", Origin: baocao.Origin{Span: baocao.Span{Start: s.End, End: s.Start}}}},
			Indicators:    []baocao.Indicator{{Value: 1, Origin: baocao.Origin{Span: baocao.Span{Start: s.Start / 2, End: s.End}}}},
			Commendations: []baocao.Commendation{{Level: "xa", Collective: 1, Source: "table", Origin: baocao.Origin{Span: s}}},
			Findings:      []baocao.Finding{{Severity: "error", Message: text[:min(len(text), 40)], Origin: baocao.Origin{Span: baocao.Span{Start: s.Start, End: s.End + 7}}}},
		}
		r, err := NewReport(rec, doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []Format{Markdown, HTML, DOCX} {
			var out bytes.Buffer
			if err := r.Write(&out, Options{Format: f, Annotate: f != Markdown}); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			switch f {
			case HTML:
				if !utf8.Valid(out.Bytes()) {
					t.Fatal("HTML is not valid UTF-8")
				}
				if _, err := html.Parse(bytes.NewReader(out.Bytes())); err != nil {
					t.Fatal(err)
				}
				if strings.Contains(strings.ToLower(out.String()), "<script") {
					t.Fatal("a <script> in the text became markup")
				}
			case DOCX:
				for name, p := range docxParts(t, out.Bytes()) {
					if strings.HasSuffix(name, ".xml") {
						xmlTexts(t, name, p)
					}
				}
			default:
				if !utf8.Valid(out.Bytes()) {
					t.Fatal("Markdown is not valid UTF-8")
				}
			}
		}
		for _, tb := range []*Table{DirectivesAppendix(rec, doc, DirectiveOptions{}), CommendationsTable(rec), IndicatorsTable(rec)} {
			for _, f := range []TableFormat{TableCSV, TableMD, TableDOCX} {
				if err := tb.Write(&bytes.Buffer{}, f); err != nil {
					t.Fatalf("%s %s: %v", tb.Kind, f, err)
				}
			}
		}
	})
}

// FuzzCitation looks for document numbers as written and writes citations in
// canonical form: edits stay inside the citation, never overlap, and leave valid UTF-8.
func FuzzCitation(f *testing.F) {
	f.Add("UBND xã ban hành kế hoạch số 24/KH - UBND của UBND xã ngày 11 tháng 01 năm 2023 về tuyên truyền", "24/KH-UBND", "Kế hoạch", "2023-01-11")
	f.Add("Phát động số 47 /PĐ-UBND, ngày 25/01/2023", "47/PĐ-UBND", "Phát động", "2023-01-25")
	f.Add("Nghị quyết số 29-Q/TW, ngày 04/11/2013", "29-Q/TW", "", "2013-11-04")
	f.Add("số 1/ /", "1/", "Số", "0000-00-00")
	f.Fuzz(func(t *testing.T, text, id, typeName, date string) {
		ref := baocao.Reference{ID: id, TypeName: baocao.NullString(typeName), Date: baocao.NullString(date), Origin: baocao.Origin{Span: baocao.Span{Start: 0, End: len(text)}}}
		edits := citationEdits(text, ref)
		end := 0
		for _, e := range edits {
			if e.span.Start < end || e.span.End > len(text) || e.span.Start > e.span.End {
				t.Fatalf("edit %+v out of place (text %d bytes)", e, len(text))
			}
			end = e.span.End
		}
		if out := applyEdits(text, edits); utf8.ValidString(text) && !utf8.ValidString(out) {
			t.Fatalf("edits broke UTF-8: %q", out)
		}
	})
}
