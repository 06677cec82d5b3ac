package render

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/reader"
	"github.com/nguyenthenguyen/docx"
)

// docxParts unzips a DOCX file.
func docxParts(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip file: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
	}
	return parts
}

// xmlTexts returns the w:t texts of a part, a newline after every paragraph, "\t" for
// w:tab. It fails the test when the part is not well-formed XML.
func xmlTexts(t testing.TB, name string, part []byte) string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(part))
	var b strings.Builder
	inText := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return b.String()
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			inText = x.Name.Local == "t"
			if x.Name.Local == "tab" {
				b.WriteString("\t")
			}
		case xml.EndElement:
			inText = false
			if x.Name.Local == "p" {
				b.WriteString("\n")
			}
		case xml.CharData:
			if inText {
				b.Write(x)
			}
		}
	}
}

// docxText is the text of a DOCX body and its footnotes.
func docxText(t testing.TB, data []byte) string {
	parts := docxParts(t, data)
	return xmlTexts(t, "word/document.xml", parts["word/document.xml"]) + xmlTexts(t, "word/footnotes.xml", parts["word/footnotes.xml"])
}

func renderSample(t testing.TB, f Format, annotate bool) []byte {
	t.Helper()
	doc := sampleDoc()
	var b bytes.Buffer
	if err := Write(&b, sampleRecord(t, doc), doc, Options{Format: f, Annotate: annotate}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestDOCXPackage checks the parts of a rendered report: every one well-formed and
// declared, the page of Nghị định 30/2020, the fonts, real footnotes with their
// separators, merged cells, and comments for the findings.
func TestDOCXPackage(t *testing.T) {
	data := renderSample(t, DOCX, true)
	parts := docxParts(t, data)
	for name, p := range parts {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			xmlTexts(t, name, p)
		}
	}
	types := string(parts["[Content_Types].xml"])
	rels := string(parts["word/_rels/document.xml.rels"])
	for _, name := range []string{"word/document.xml", "word/styles.xml", "word/settings.xml", "word/footnotes.xml", "word/comments.xml", "word/header1.xml"} {
		if parts[name] == nil {
			t.Errorf("%s is missing", name)
		}
		if !strings.Contains(types, `PartName="/`+name+`"`) {
			t.Errorf("[Content_Types].xml does not declare %s", name)
		}
		if name != "word/document.xml" && !strings.Contains(rels, `Target="`+strings.TrimPrefix(name, "word/")+`"`) {
			t.Errorf("document.xml.rels does not point to %s", name)
		}
	}
	body := string(parts["word/document.xml"])
	notes := string(parts["word/footnotes.xml"])
	styles := string(parts["word/styles.xml"])
	comments := string(parts["word/comments.xml"])
	for _, c := range []struct{ what, in, want string }{
		{"A4 page", body, `<w:pgSz w:w="11906" w:h="16838"/>`},
		{"margins 20/15/20/30 mm", body, `<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"`},
		{"no page number on page 1", body, `<w:titlePg/>`},
		{"page number field", string(parts["word/header1.xml"]), ` PAGE `},
		{"Times New Roman", styles, `w:ascii="Times New Roman"`},
		{"14 pt body", styles, `<w:sz w:val="28"/>`},
		{"Quốc hiệu 13 pt bold", styles, `w:styleId="QuocHieu"><w:name w:val="Quoc Hieu"/><w:basedOn w:val="Centered"/><w:rPr><w:b/><w:bCs/><w:sz w:val="26"/>`},
		{"Vietnamese", styles, `w:val="vi-VN"`},
		{"footnote reference", body, `<w:footnoteReference w:id="2"/>`},
		{"separator note", notes, `<w:footnote w:type="separator" w:id="0">`},
		{"continuation separator", notes, `<w:footnote w:type="continuationSeparator" w:id="1">`},
		{"the note", xmlTexts(t, "footnotes", parts["word/footnotes.xml"]), `Kế hoạch số 31/KH-UBND được triển khai tới 7/7 thôn đạt 100%.`},
		{"horizontal merge", body, `<w:gridSpan w:val="3"/>`},
		{"vertical merge", body, `<w:vMerge w:val="restart"/>`},
		{"vertical merge continued", body, `<w:vMerge/>`},
		{"highlighted citation", body, `<w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">Kế hoạch số 05/KH-UBND ngày 08/01/2024 về công tác thi đua, khen thưởng năm 2024</w:t>`},
		{"comment on the percentage", comments, `1.250.000.000/2.000.000.000 = 62,50 %, stated 62,6 %`},
		{"comment without a span", comments, `the report does not say which period its figures cover`},
		{"comment on the footnote", comments, `7/7 = 100 %, as stated`},
	} {
		if !strings.Contains(c.in, c.want) {
			t.Errorf("%s: %q not found", c.what, c.want)
		}
	}
	starts := regexp.MustCompile(`<w:commentRangeStart w:id="(\d+)"/>`).FindAllStringSubmatch(body, -1)
	ends := regexp.MustCompile(`<w:commentRangeEnd w:id="(\d+)"/>`).FindAllStringSubmatch(body, -1)
	refs := regexp.MustCompile(`<w:commentReference w:id="(\d+)"/>`).FindAllStringSubmatch(body, -1)
	if n := strings.Count(comments, "<w:comment "); n != 4 || len(refs) != 4 || len(starts) != 3 || len(ends) != 3 {
		t.Errorf("%d comments, %d references, %d ranges started, %d ended; want 4, 4, 3, 3", n, len(refs), len(starts), len(ends))
	}
	// a third-party reader opens it too
	r, err := docx.ReadDocxFromMemory(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("nguyenthenguyen/docx cannot open the file: %v", err)
	}
	defer r.Close()
	if !strings.Contains(r.Editable().GetContent(), "Nguyễn Văn An") {
		t.Error("nguyenthenguyen/docx does not find the signer in the content")
	}
}

// expectedText builds, with the reader's Builder, the document a DOCX reader must read
// from the report's DOCX: the header and closing tables, the body, the footnotes.
func expectedText(r *Report) string {
	b := reader.NewBuilder()
	addRuns := func(p *reader.Para, rs []run) {
		for _, x := range rs {
			if x.note > 0 {
				p.NoteRef(r.Doc.Footnotes[x.note-1].ID+"#", "")
				continue
			}
			p.Add(x.text)
		}
	}
	cellOf := func(tb *reader.TableBuilder, ls ...[]Line) {
		p := tb.Cell(1, reader.NoMerge)
		for _, group := range ls {
			for _, l := range group {
				if p.Len() > 0 {
					p.Add(" ")
				}
				addRuns(p, r.lineRuns(l, false))
			}
		}
	}
	para := func(rs []run) {
		p := b.Para(baocao.Paragraph)
		addRuns(p, rs)
		p.End()
	}
	part := func(pt Part) {
		blk := r.Doc.Blocks[pt.Blocks[0]]
		if blk.Kind != baocao.TableKind {
			para(r.partRuns(pt, false))
			return
		}
		tb := b.Table()
		for _, row := range blk.Table.Rows {
			tb.Row()
			for c := 0; c < len(row); {
				cell := row[c]
				span := max(cell.ColSpan, 1)
				switch {
				case !cell.Covered:
					vm := reader.NoMerge
					if cell.RowSpan > 1 {
						vm = reader.MergeRestart
					}
					addRuns(tb.Cell(span, vm), r.runs(cell.Span, true, false))
				default:
					span = 1
					for k := len(blk.Table.Rows) - 1; k >= 0; k-- {
						if rk := blk.Table.Rows[k]; c < len(rk) && rk[c].Span == cell.Span && !rk[c].Covered {
							span = max(rk[c].ColSpan, 1)
						}
					}
					tb.Cell(span, reader.MergeContinue)
				}
				c += span
			}
		}
		tb.End()
	}
	for _, p := range r.Preamble {
		part(p)
	}
	tb := b.Table()
	tb.Row()
	cellOf(tb, r.Issuer)
	cellOf(tb, r.Nation)
	if len(r.Number)+len(r.Abstract)+len(r.DateLine) > 0 {
		tb.Row()
		cellOf(tb, r.Number, r.Abstract)
		cellOf(tb, r.DateLine)
	}
	tb.End()
	for _, l := range r.Marks {
		para(r.lineRuns(l, false))
	}
	if len(r.Type) > 0 {
		para(joinLines(r, r.Type))
	}
	if len(r.Subject) > 0 {
		para(joinLines(r, r.Subject))
	}
	for _, p := range r.Body {
		part(p)
	}
	if len(r.Recipients)+len(r.Signature) > 0 {
		tb := b.Table()
		tb.Row()
		cellOf(tb, r.Recipients)
		cellOf(tb, r.Signature)
		tb.End()
	}
	for _, p := range r.Appendix {
		part(p)
	}
	for _, n := range r.Loose {
		f := r.Doc.Footnotes[n]
		para(append([]run{{text: "[" + f.ID + "] "}}, r.runs(f.Span, false, false)...))
	}
	for _, f := range r.Doc.Footnotes {
		if _, ok := r.noteAt[f.Ref.Start]; ok {
			var sb strings.Builder
			for _, x := range r.runs(f.Span, false, false) {
				sb.WriteString(x.text)
			}
			b.Footnote(f.ID+"#", "footnote", sb.String())
		}
	}
	return b.Document("docx").Text
}

// TestDOCXReadBack reads the rendered DOCX with baocao's own DOCX reader: it must give
// the text the report laid out.
func TestDOCXReadBack(t *testing.T) {
	if _, ok := reader.Lookup("docx"); !ok {
		t.Skip("no DOCX reader registered yet (reader/docx): nothing to read the DOCX back with")
	}
	for _, tc := range []struct {
		name string
		doc  *baocao.Document
		rec  func(*baocao.Document) *baocao.Record
	}{
		{"DOCX-like report", sampleDoc(), func(d *baocao.Document) *baocao.Record { return sampleRecord(t, d) }},
		{"text report", readSample(t, "sample.txt"), func(*baocao.Document) *baocao.Record { return nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := NewReport(tc.rec(tc.doc), tc.doc)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := r.Write(&b, Options{Format: DOCX, Annotate: tc.name == "DOCX-like report"}); err != nil {
				t.Fatal(err)
			}
			got, err := reader.Read(context.Background(), "report.docx", b.Bytes(), reader.Options{})
			if err != nil {
				t.Fatalf("the DOCX reader cannot read the rendered file: %v", err)
			}
			if want := expectedText(r); got.Text != want {
				t.Errorf("read back:\n%s", firstDiff(want, got.Text))
			}
			if len(got.Footnotes) != len(r.noteAt) {
				t.Errorf("read back %d footnotes, want %d", len(got.Footnotes), len(r.noteAt))
			}
		})
	}
}

// firstDiff shows where two texts part.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + "\n got  " + g + "\n want " + w
		}
	}
	return "(same lines)"
}

// TestDOCXOpensInLibreOffice converts a rendered report and an appendix table to PDF
// with LibreOffice and checks the PDFs hold their text.
func TestDOCXOpensInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversion skipped in -short mode")
	}
	lo, err := exec.LookPath("libreoffice")
	if err != nil {
		if lo, err = exec.LookPath("soffice"); err != nil {
			t.Skip("LibreOffice is not installed")
		}
	}
	dir := t.TempDir()
	report := filepath.Join(dir, "report.docx")
	table := filepath.Join(dir, "phu-luc.docx")
	if err := os.WriteFile(report, renderSample(t, DOCX, true), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := sampleDoc()
	var tb bytes.Buffer
	if err := CommendationsTable(sampleRecord(t, doc)).Write(&tb, TableDOCX); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(table, tb.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// a profile of its own, so that parallel runs do not share LibreOffice's lock
	cmd := exec.CommandContext(ctx, lo, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, report, table)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	for _, c := range []struct {
		pdf  string
		want []string
	}{
		{"report.pdf", []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nguyễn Văn An", "7/7 thôn đạt 100%"}},
		{"phu-luc.pdf", []string{"TỔNG CỘNG", "Khen thưởng cấp xã"}},
	} {
		data, err := os.ReadFile(filepath.Join(dir, c.pdf))
		if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Fatalf("LibreOffice wrote no PDF %s: %v", c.pdf, err)
		}
		pdftotext, err := exec.LookPath("pdftotext")
		if err != nil {
			continue
		}
		out, err := exec.CommandContext(ctx, pdftotext, "-layout", filepath.Join(dir, c.pdf), "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", c.pdf, err)
		}
		for _, w := range c.want {
			if !strings.Contains(string(out), w) {
				t.Errorf("%s: %q is not in the PDF's text", c.pdf, w)
			}
		}
	}
}
