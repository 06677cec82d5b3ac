package render

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/reader"
	"golang.org/x/net/html"
)

// layoutWant is what a test expects of a layout; nil fields are not checked.
type layoutWant struct {
	preamble, issuer, nation, number, abstract, date, marks, typ, subject []string
	recipients, signature                                                 []string
	bodyFirst, bodyLast, appendixFirst                                    string
}

func lines(r *Report, ls []Line) []string {
	var out []string
	for _, l := range ls {
		out = append(out, r.lineText(l))
	}
	return out
}

func partText(r *Report, ps []Part, i int) string {
	if i < 0 {
		i += len(ps)
	}
	if i < 0 || i >= len(ps) {
		return ""
	}
	p := ps[i]
	first, last := r.Doc.Blocks[p.Blocks[0]].Span, r.Doc.Blocks[p.Blocks[len(p.Blocks)-1]].Span
	return r.Doc.Text[first.Start:last.End]
}

func TestLayout(t *testing.T) {
	docOf := func(s string) func(testing.TB) *baocao.Document {
		return func(testing.TB) *baocao.Document { return DocumentFromText(s) }
	}
	for _, tc := range []struct {
		name string
		doc  func(testing.TB) *baocao.Document
		rec  bool // use sampleRecord
		want layoutWant
	}{
		{name: "DOCX-like: header and closing tables", doc: func(testing.TB) *baocao.Document { return sampleDoc() }, rec: true, want: layoutWant{
			issuer: []string{"UBND XÃ AN PHÚ", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"},
			nation: []string{QuocHieu, TieuNgu}, number: []string{"Số: 15/BC-HĐTĐKT"},
			date: []string{"An Phú, ngày 20 tháng 6 năm 2024"}, typ: []string{"BÁO CÁO"},
			subject:    []string{"Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024"},
			recipients: []string{"Nơi nhận:", "- Phòng Nội vụ huyện;", "- TT Đảng ủy, HĐND xã;", "- Lưu: VT."},
			signature:  []string{"TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "CHỦ TỊCH", "Nguyễn Văn An"},
			bodyFirst:  "Thực hiện Công văn số 210/UBND-VP", bodyLast: "Trên đây là báo cáo", appendixFirst: "TỔNG HỢP CÁC VĂN BẢN",
		}},
		{name: "text with the columns of a PDF", doc: func(t testing.TB) *baocao.Document { return readSample(t, "sample.txt") }, want: layoutWant{
			issuer: []string{"UBND HUYỆN TÂN HÒA", "UBND XÃ BÌNH MINH"}, nation: []string{QuocHieu, TieuNgu},
			number: []string{"Số: 08/KH-UBND"}, date: []string{"Bình Minh, ngày 05 tháng 01 năm 2024"},
			typ: []string{"KẾ HOẠCH"}, subject: []string{"Công tác thi đua, khen thưởng năm 2024"},
			recipients: []string{"Nơi nhận:", "- Phòng Nội vụ huyện;", "- Các ban, ngành, đoàn thể xã;", "- Lưu: VT."},
			signature:  []string{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "Trần Thị Bình"},
			bodyFirst:  "Căn cứ Luật Thi đua", bodyLast: "Giao Văn phòng",
		}},
		{name: "cover sheet, number and date on one line, subject wrapped", doc: docOf(
			"TÀI LIỆU 03/18\nTên hiển thị tại nguồn: bao-cao.pdf\nUBND TỈNH VĨNH LONG\nSỞ NỘI VỤ\n" +
				"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n" +
				"Số: /BC-SNV Vĩnh Long, ngày tháng năm 2026\nBÁO CÁO\n" +
				"Tổng kết công tác đào tạo, bồi dưỡng và các chính sách hỗ trợ\nđào tạo, cử tuyển, thu hút nguồn nhân lực\n" +
				"Căn cứ Luật Cán bộ, công chức;\nNội dung báo cáo.\nTrên đây là báo cáo./.\nNơi nhận:\n- TTTU, TT HĐND tỉnh (báo cáo);\n- Lưu: VT, CCVC.\nGIÁM ĐỐC\nNguyễn Thị Ngọc Giàu"),
			want: layoutWant{
				preamble: []string{"TÀI LIỆU 03/18", "Tên hiển thị tại nguồn: bao-cao.pdf"},
				issuer:   []string{"UBND TỈNH VĨNH LONG", "SỞ NỘI VỤ"}, nation: []string{QuocHieu, TieuNgu},
				number: []string{"Số: /BC-SNV"}, date: []string{"Vĩnh Long, ngày tháng năm 2026"}, typ: []string{"BÁO CÁO"},
				subject:    []string{"Tổng kết công tác đào tạo, bồi dưỡng và các chính sách hỗ trợ", "đào tạo, cử tuyển, thu hút nguồn nhân lực"},
				recipients: []string{"Nơi nhận:", "- TTTU, TT HĐND tỉnh (báo cáo);", "- Lưu: VT, CCVC."},
				signature:  []string{"GIÁM ĐỐC", "Nguyễn Thị Ngọc Giàu"}, bodyFirst: "Căn cứ Luật Cán bộ", bodyLast: "Trên đây là báo cáo./.",
			}},
		{name: "công văn: V/v under the number, wrapped", doc: docOf(
			"UBND XÃ AN PHÚ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 45/UBND-VP\tĐộc lập - Tự do - Hạnh phúc\n" +
				"V/v tổ chức hội nghị sơ kết\tAn Phú, ngày 09 tháng 01 năm 2024\nthi đua năm 2024\nKính gửi: Các ban, ngành, đoàn thể xã.\nĐề nghị các đơn vị tham dự đầy đủ."),
			want: layoutWant{
				issuer: []string{"UBND XÃ AN PHÚ"}, nation: []string{QuocHieu, TieuNgu}, number: []string{"Số: 45/UBND-VP"},
				abstract: []string{"V/v tổ chức hội nghị sơ kết", "thi đua năm 2024"}, date: []string{"An Phú, ngày 09 tháng 01 năm 2024"},
				typ: []string{}, bodyFirst: "Kính gửi:", bodyLast: "Đề nghị các đơn vị",
			}},
		{name: "Party document keeps its own header", doc: docOf(
			"ĐẢNG BỘ HUYỆN TÂN HÒA\nĐẢNG ỦY XÃ AN PHÚ\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 90-BC/ĐU\tAn Phú, ngày 10 tháng 12 năm 2024\nBÁO CÁO\nKết quả lãnh đạo năm 2024\nNăm 2024, Đảng bộ đã lãnh đạo hoàn thành các chỉ tiêu."),
			want: layoutWant{
				issuer: []string{"ĐẢNG BỘ HUYỆN TÂN HÒA", "ĐẢNG ỦY XÃ AN PHÚ"}, nation: []string{DangHieu},
				number: []string{"Số 90-BC/ĐU"}, date: []string{"An Phú, ngày 10 tháng 12 năm 2024"}, typ: []string{"BÁO CÁO"},
				subject: []string{"Kết quả lãnh đạo năm 2024"}, bodyFirst: "Năm 2024, Đảng bộ",
			}},
		{name: "a draft mark and a signature without Nơi nhận", doc: docOf(
			"THỦ TƯỚNG CHÍNH PHỦ\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 01/2026/QĐ-TTg\nHà Nội, ngày 01 tháng 01 năm 2026\nDỰ THẢO\nQUYẾT ĐỊNH\n" +
				"Quy định chi tiết thi hành Luật Thi đua, khen thưởng\nCăn cứ Luật Tổ chức Chính phủ;\nĐiều 1. Phạm vi điều chỉnh\nQuyết định này có hiệu lực từ ngày ký./.\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n(Đã ký)\nPhạm Thị Thanh Trà"),
			want: layoutWant{
				issuer: []string{"THỦ TƯỚNG CHÍNH PHỦ"}, nation: []string{"CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", TieuNgu},
				number: []string{"Số: 01/2026/QĐ-TTg"}, date: []string{"Hà Nội, ngày 01 tháng 01 năm 2026"}, marks: []string{"DỰ THẢO"},
				typ: []string{"QUYẾT ĐỊNH"}, subject: []string{"Quy định chi tiết thi hành Luật Thi đua, khen thưởng"},
				recipients: []string{}, signature: []string{"KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "(Đã ký)", "Phạm Thị Thanh Trà"},
				bodyFirst: "Căn cứ Luật Tổ chức", bodyLast: "Quyết định này có hiệu lực",
			}},
		{name: "no header: everything is body, the national header is added", doc: docOf(
			"Tình hình thực hiện nhiệm vụ tháng 5.\nKết quả đạt được tốt."),
			want: layoutWant{issuer: []string{}, nation: []string{QuocHieu, TieuNgu}, number: []string{}, typ: []string{},
				bodyFirst: "Tình hình thực hiện", bodyLast: "Kết quả đạt được tốt."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.doc(t)
			var rec *baocao.Record
			if tc.rec {
				rec = sampleRecord(t, doc)
			}
			r, err := NewReport(rec, doc)
			if err != nil {
				t.Fatal(err)
			}
			check := func(what string, got []string, want []string) {
				t.Helper()
				if want == nil {
					return
				}
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("%s:\n got %q\nwant %q", what, got, want)
				}
			}
			var pre []string
			for i := range r.Preamble {
				pre = append(pre, partText(r, r.Preamble, i))
			}
			check("preamble", pre, tc.want.preamble)
			check("issuer", lines(r, r.Issuer), tc.want.issuer)
			check("nation", lines(r, r.Nation), tc.want.nation)
			check("number", lines(r, r.Number), tc.want.number)
			check("abstract", lines(r, r.Abstract), tc.want.abstract)
			check("date line", lines(r, r.DateLine), tc.want.date)
			check("marks", lines(r, r.Marks), tc.want.marks)
			check("type", lines(r, r.Type), tc.want.typ)
			check("subject", lines(r, r.Subject), tc.want.subject)
			check("recipients", lines(r, r.Recipients), tc.want.recipients)
			check("signature", lines(r, r.Signature), tc.want.signature)
			for _, c := range []struct{ what, got, want string }{
				{"first body part", partText(r, r.Body, 0), tc.want.bodyFirst},
				{"last body part", partText(r, r.Body, -1), tc.want.bodyLast},
				{"first appendix part", partText(r, r.Appendix, 0), tc.want.appendixFirst},
			} {
				if !strings.HasPrefix(c.got, c.want) || (c.want == "" && c.what == "first appendix part" && c.got != "") {
					t.Errorf("%s: got %q, want it to start with %q", c.what, shorten(c.got, 60), c.want)
				}
			}
		})
	}
}

// TestRejoin checks that paragraphs cut by a line or page break are written as one, and
// that sentences and list items are not joined.
func TestRejoin(t *testing.T) {
	doc := DocumentFromText("Nội dung đoạn một nhằm phát\nhuy sức mạnh toàn dân.\nĐoạn hai kết thúc.\nĐoạn ba (15/6/1933 -\n15/6/2023), gắn với nhiệm vụ.\n- Mục một\n- Mục hai")
	r, err := NewReport(nil, doc)
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, p := range r.Body {
		got = append(got, len(p.Blocks))
	}
	want := []int{2, 1, 2, 1, 1}
	if len(got) != len(want) {
		t.Fatalf("parts of %v blocks, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("parts of %v blocks, want %v", got, want)
		}
	}
}

func TestGoldenReports(t *testing.T) {
	full := sampleDoc()
	for _, tc := range []struct {
		name string
		doc  *baocao.Document
		rec  *baocao.Record
		opts Options
	}{
		{"report.md", full, sampleRecord(t, full), Options{Format: Markdown}},
		{"report.html", full, sampleRecord(t, full), Options{Format: HTML}},
		{"report-annotated.html", full, sampleRecord(t, full), Options{Format: HTML, Annotate: true}},
		{"sample-txt.md", readSample(t, "sample.txt"), nil, Options{Format: Markdown}},
		{"sample-txt.html", readSample(t, "sample.txt"), nil, Options{Format: HTML}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, tc.rec, tc.doc, tc.opts); err != nil {
				t.Fatal(err)
			}
			if !utf8.Valid(b.Bytes()) {
				t.Fatal("output is not valid UTF-8")
			}
			testutil.Golden(t, "testdata/"+tc.name, b.Bytes())
		})
	}
}

// TestNothingReworded checks that every word of the document reaches the output and
// that the output adds no word but the canonical citations and the layout's fixed
// lines: the text is the document's own.
func TestNothingReworded(t *testing.T) {
	doc := sampleDoc()
	rec := sampleRecord(t, doc)
	r, err := NewReport(rec, doc)
	if err != nil {
		t.Fatal(err)
	}
	// the document's words with its citations written canonically, without the
	// footnote markers and the notes' own "[n]" (outputs write real footnotes)
	edits := append([]edit{}, r.edits...)
	for i, f := range doc.Footnotes {
		edits = append(edits, edit{span: f.Ref})
		for _, b := range doc.Blocks {
			if b.Kind == baocao.Note && b.Note == f.ID {
				edits = append(edits, edit{span: baocao.Span{Start: b.Span.Start, End: doc.Footnotes[i].Span.Start}})
			}
		}
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.span.Start - b.span.Start })
	want := vntext.Words(applyEdits(doc.Text, edits))
	for _, f := range []Format{HTML, DOCX, Markdown} {
		var b bytes.Buffer
		if err := r.Write(&b, Options{Format: f}); err != nil {
			t.Fatal(err)
		}
		var got []string
		switch f {
		case HTML:
			got = vntext.Words(htmlText(t, b.Bytes()))
		case DOCX:
			got = vntext.Words(docxText(t, b.Bytes()))
		default:
			got = vntext.Words(b.String())
		}
		if o := vntext.Overlap(want, got); o != 1 {
			t.Errorf("%s: only %.4f of the document's words are in the output; missing %v", f, o, missing(want, got))
		}
		allowed := append(append([]string{}, want...), vntext.Words(QuocHieu+" "+TieuNgu)...)
		switch f {
		case Markdown:
			allowed = append(allowed, "1", "1") // the [^1] marker and its definition
		case HTML:
			allowed = append(allowed, "1") // the superscript marker
		}
		if extra := missing(got, allowed); len(extra) > 0 {
			t.Errorf("%s: the output adds words the document does not have: %v", f, extra)
		}
	}
}

// missing returns the words of a that b lacks (as multisets).
func missing(a, b []string) []string {
	m := map[string]int{}
	for _, w := range b {
		m[w]++
	}
	var out []string
	for _, w := range a {
		if m[w] > 0 {
			m[w]--
		} else {
			out = append(out, w)
		}
	}
	return out
}

// htmlText returns the text an HTML page shows (style and title left out).
func htmlText(t testing.TB, page []byte) string {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "style" || n.Data == "title" || (n.Data == "a" && attr(n, "class") == "back")) {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && n.Data == "sup" {
			b.WriteString(" ") // a footnote marker is no part of the word before it
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockTags[n.Data] {
			b.WriteString("\n")
		}
	}
	walk(root)
	return b.String()
}

var blockTags = map[string]bool{"p": true, "td": true, "li": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "div": true, "tr": true, "sup": true}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// TestHTMLEscapes puts markup in every place document text reaches: a paragraph, a
// table cell, a footnote, the title, a finding's message. It must all stay text.
func TestHTMLEscapes(t *testing.T) {
	const evil = `<script>alert("x")</script>`
	b := reader.NewBuilder()
	p := b.Para(baocao.Paragraph)
	p.Add("BÁO CÁO")
	p.End()
	p = b.Para(baocao.Paragraph)
	p.Add("Về " + evil + " & <b>đậm</b>")
	p.End()
	p = b.Para(baocao.Paragraph)
	p.Add("Nội dung " + evil + " có chú thích")
	p.NoteRef("1", "")
	p.End()
	tb := b.Table()
	tb.Row()
	tb.Cell(1, reader.NoMerge).Add("<img src=x onerror=alert(1)>")
	tb.Cell(1, reader.NoMerge).Add(evil)
	tb.End()
	b.Footnote("1", "footnote", "Chú thích "+evil)
	doc := b.Document("txt")
	rec := &baocao.Record{Text: doc.Text, Findings: []baocao.Finding{{
		Check: "structure", Severity: "error", Message: `"><script>alert(2)</script>`,
		Origin: baocao.Origin{Span: at(t, doc.Text, "Nội dung", 0)},
	}}, References: []baocao.Reference{{ID: "1/<i>", Origin: baocao.Origin{Span: at(t, doc.Text, "<b>đậm</b>", 0)}}}}
	var out bytes.Buffer
	if err := Write(&out, rec, doc, Options{Format: HTML, Annotate: true}); err != nil {
		t.Fatal(err)
	}
	if !utf8.Valid(out.Bytes()) {
		t.Fatal("not valid UTF-8")
	}
	root, err := html.Parse(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{"html": true, "head": true, "body": true, "meta": true, "title": true, "style": true,
		"article": true, "table": true, "tbody": true, "tr": true, "td": true, "p": true, "hr": true, "h1": true, "div": true,
		"section": true, "ol": true, "li": true, "a": true, "sup": true, "mark": true, "h2": true}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if !allowed[n.Data] {
				t.Errorf("document text became an element: <%s>", n.Data)
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") || a.Key == "src" {
					t.Errorf("document text became an attribute: %s=%q", a.Key, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	text := htmlText(t, out.Bytes())
	for _, want := range []string{evil, "<img src=x onerror=alert(1)>", "& <b>đậm</b>", "Chú thích " + evil} {
		if !strings.Contains(text, want) {
			t.Errorf("the page does not show %q as text", want)
		}
	}
	if !strings.Contains(out.String(), `title="error (structure): &#34;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"`) {
		t.Error("the finding's message is not escaped in its tooltip")
	}
}

func TestErrors(t *testing.T) {
	doc := DocumentFromText("Một dòng.")
	var b bytes.Buffer
	for _, tc := range []struct {
		name string
		err  error
		want error
	}{
		{"nothing", Write(&b, nil, nil, Options{}), ErrNoDocument},
		{"record of another text", Write(&b, &baocao.Record{Text: "khác"}, doc, Options{}), ErrMismatch},
		{"unknown format", Write(&b, nil, doc, Options{Format: "pdf"}), ErrFormat},
		{"annotated Markdown", Write(&b, &baocao.Record{Text: doc.Text}, doc, Options{Format: Markdown, Annotate: true}), ErrFormat},
		{"unknown table format", (&Table{}).Write(&b, "ods"), ErrFormat},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !errors.Is(tc.err, tc.want) {
				t.Errorf("got %v, want %v", tc.err, tc.want)
			}
		})
	}
}

// TestRecordOnly renders a record without its document: the record's text is laid out
// line by line, and bad spans are ignored.
func TestRecordOnly(t *testing.T) {
	doc := sampleDoc()
	rec := sampleRecord(t, doc)
	rec.References = append(rec.References, baocao.Reference{ID: "9/KH", Origin: baocao.Origin{Span: baocao.Span{Start: -5, End: 1 << 30}}},
		baocao.Reference{ID: "9/KH", Origin: baocao.Origin{Span: baocao.Span{Start: 1, End: 2}}}) // inside "Ủ"
	rec.Dates = append(rec.Dates, baocao.Date{Text: "x", Origin: baocao.Origin{Span: baocao.Span{Start: 10, End: 3}}})
	for _, f := range []Format{Markdown, HTML, DOCX} {
		var b bytes.Buffer
		if err := Write(&b, rec, nil, Options{Format: f, Annotate: f != Markdown}); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if f == Markdown && !strings.Contains(b.String(), "Kế hoạch số 05/KH-UBND ngày 08/01/2024 về công tác") {
			t.Errorf("the citation is not canonical in:\n%s", shorten(b.String(), 2000))
		}
	}
}

func TestDocumentFromText(t *testing.T) {
	text := "  Số: 12/BC-UBND \n\nI. Kết quả\nTT\tChỉ tiêu\n- Mục một"
	doc := DocumentFromText(text)
	want := []struct {
		kind baocao.BlockKind
		text string
	}{{baocao.Paragraph, "Số: 12/BC-UBND"}, {baocao.Heading, "I. Kết quả"}, {baocao.Paragraph, "TT\tChỉ tiêu"}, {baocao.ListItem, "- Mục một"}}
	if len(doc.Blocks) != len(want) {
		t.Fatalf("got %d blocks, want %d", len(doc.Blocks), len(want))
	}
	for i, w := range want {
		if b := doc.Blocks[i]; b.Kind != w.kind || b.Span.Of(text) != w.text {
			t.Errorf("block %d: got %s %q, want %s %q", i, b.Kind, b.Span.Of(text), w.kind, w.text)
		}
	}
}

// TestCorruptDocument renders a document model whose spans do not fit its text (a
// damaged stored document): nothing may panic.
func TestCorruptDocument(t *testing.T) {
	text := "BÁO CÁO\nNội dung.\nNơi nhận:\n- Lưu: VT."
	bad := baocao.Span{Start: 5, End: 1 << 20}
	doc := &baocao.Document{Text: text,
		Blocks: []baocao.Block{
			{Kind: baocao.Paragraph, Span: baocao.Span{Start: 0, End: 9}, Marks: []baocao.Mark{{Span: baocao.Span{Start: -3, End: 99}, Kind: baocao.Bold}}},
			{Kind: baocao.TableKind, Span: baocao.Span{Start: 10, End: 20}, Table: &baocao.Table{Rows: [][]baocao.Cell{{{Span: bad}, {Span: baocao.Span{Start: 12, End: 11}, ColSpan: 9}}, {{Covered: true, Span: bad}}}}},
			{Kind: baocao.TableKind, Span: baocao.Span{Start: 20, End: 22}},
			{Kind: baocao.Heading, Span: baocao.Span{Start: 30, End: 29}},
			{Kind: baocao.Paragraph, Span: bad},
			{Kind: baocao.Note, Span: baocao.Span{Start: 22, End: 1 << 30}, Note: "1"},
		},
		Footnotes: []baocao.Footnote{{ID: "1", Ref: baocao.Span{Start: 1, End: 2}, Span: bad}, {ID: "2", Ref: baocao.Span{Start: 3, End: 5}, Span: baocao.Span{Start: 10, End: 12}}},
	}
	rec := &baocao.Record{Text: text, Findings: []baocao.Finding{{Severity: "error", Message: "x", Origin: baocao.Origin{Span: bad}}}}
	for _, f := range []Format{Markdown, HTML, DOCX} {
		var b bytes.Buffer
		if err := Write(&b, rec, doc, Options{Format: f, Annotate: f != Markdown}); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	for _, tb := range []*Table{DirectivesAppendix(rec, doc, DirectiveOptions{}), CommendationsTable(rec), IndicatorsTable(rec)} {
		for _, f := range []TableFormat{TableCSV, TableXLSX, TableDOCX, TableMD} {
			if err := tb.Write(&bytes.Buffer{}, f); err != nil {
				t.Errorf("%s %s: %v", tb.Kind, f, err)
			}
		}
	}
}

// TestConcurrentWrites writes one report from several goroutines (run with -race): the
// outputs must all be the same.
func TestConcurrentWrites(t *testing.T) {
	doc := sampleDoc()
	r, err := NewReport(sampleRecord(t, doc), doc)
	if err != nil {
		t.Fatal(err)
	}
	outs := make([][]byte, 6)
	done := make(chan error, len(outs))
	for i := range outs {
		go func() {
			var b bytes.Buffer
			err := r.Write(&b, Options{Format: []Format{HTML, DOCX}[i%2], Annotate: true})
			outs[i] = b.Bytes()
			done <- err
		}()
	}
	for range outs {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	for i := 2; i < len(outs); i++ {
		if !bytes.Equal(outs[i], outs[i%2]) {
			t.Errorf("output %d differs from output %d", i, i%2)
		}
	}
}
