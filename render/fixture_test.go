package render

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/reader"
	_ "github.com/baocao/baocao/reader/all"
)

// The test reports are written for these tests: a 6-month thi đua report of a commune,
// An Phú, laid out as a DOCX reader would give it (header and closing as tables, a
// table with merged cells, a footnote, bold runs), and the same kind of report as
// plain text with the columns a PDF leaves (testdata/sample.txt).

// sampleDoc builds the DOCX-like document with the reader's Builder.
func sampleDoc() *baocao.Document {
	b := reader.NewBuilder()
	cell := func(t *reader.TableBuilder, span int, vm reader.VMerge, text string, marks ...baocao.MarkKind) {
		p := t.Cell(span, vm)
		p.Add(text, marks...)
	}
	para := func(kind baocao.BlockKind, text string, marks ...baocao.MarkKind) {
		p := b.Para(kind)
		if l, ok := reader.SplitLabel(text); ok && kind != baocao.Paragraph {
			p.Label, p.Level = l.Text, l.Level
		}
		p.Add(text, marks...)
		p.End()
	}
	t := b.Table()
	t.Row()
	cell(t, 1, reader.NoMerge, "UBND XÃ AN PHÚ")
	cell(t, 1, reader.NoMerge, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", baocao.Bold)
	t.Row()
	cell(t, 1, reader.NoMerge, "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", baocao.Bold)
	cell(t, 1, reader.NoMerge, "Độc lập - Tự do - Hạnh phúc", baocao.Bold)
	t.End()
	para(baocao.Paragraph, "Số: 15/BC-HĐTĐKT")
	para(baocao.Paragraph, "An Phú, ngày 20 tháng 6 năm 2024", baocao.Italic)
	para(baocao.Paragraph, "BÁO CÁO", baocao.Bold)
	para(baocao.Paragraph, "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024", baocao.Bold)
	para(baocao.Paragraph, "Thực hiện Công văn số 210/UBND-VP, ngày 3/6/2024 của UBND huyện Tân Hòa về việc sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024, Hội đồng Thi đua - Khen thưởng xã báo cáo như sau:")
	para(baocao.Heading, "Phần I", baocao.Bold)
	para(baocao.Heading, "KẾT QUẢ THỰC HIỆN", baocao.Bold)
	para(baocao.Heading, "I. Công tác lãnh đạo, chỉ đạo", baocao.Bold)
	p := b.Para(baocao.Paragraph)
	p.Add("UBND xã đã ban hành kế hoạch số 05/KH - UBND ngày 08/01/2024 về công tác thi đua, khen thưởng năm 2024; Kế hoạch số 31/KH-UBND của UBND xã An Phú ngày 20 tháng 02 năm 2024 về phát động phong trào thi đua")
	p.NoteRef("1", "")
	p.Add(", nhằm phát")
	p.End()
	para(baocao.Paragraph, "huy sức mạnh của khối đại đoàn kết toàn dân.")
	para(baocao.ListItem, "- Tổng diện tích gieo trồng được 412,5 ha/450 ha đạt 91,67% so với kế hoạch.")
	para(baocao.ListItem, "- Thu ngân sách được 1.250.000.000 đồng/2.000.000.000 đồng đạt 62,6% so với kế hoạch huyện giao.")
	para(baocao.Heading, "II. Công tác khen thưởng", baocao.Bold)
	p = b.Para(baocao.Paragraph)
	p.Add("Chủ tịch UBND huyện tặng giấy khen cho 02 tập thể; ")
	p.Add("UBND xã", baocao.Bold)
	p.Add(" tặng 05 tập thể, 06 cá nhân và 04 hộ gia đình.")
	p.End()
	t = b.Table()
	t.Row()
	cell(t, 1, reader.MergeRestart, "TT", baocao.Bold)
	cell(t, 1, reader.MergeRestart, "Danh hiệu thi đua và hình thức khen thưởng", baocao.Bold)
	cell(t, 3, reader.NoMerge, "Số lượng", baocao.Bold)
	t.Row()
	cell(t, 1, reader.MergeContinue, "")
	cell(t, 1, reader.MergeContinue, "")
	cell(t, 1, reader.NoMerge, "Tập thể")
	cell(t, 1, reader.NoMerge, "Cá nhân")
	cell(t, 1, reader.NoMerge, "Gia đình")
	for _, row := range [][]string{
		{"III", "Khen thưởng cấp huyện", "2", "", ""},
		{"1", "Giấy khen", "2", "", ""},
		{"IV", "Khen thưởng cấp xã", "5", "6", "4"},
	} {
		t.Row()
		for _, c := range row {
			cell(t, 1, reader.NoMerge, c)
		}
	}
	t.Row()
	cell(t, 2, reader.NoMerge, "TỔNG CỘNG (III + IV)", baocao.Bold)
	cell(t, 1, reader.NoMerge, "7")
	cell(t, 1, reader.NoMerge, "6")
	cell(t, 1, reader.NoMerge, "5")
	t.End()
	para(baocao.Paragraph, "Trên đây là báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024 của Hội đồng Thi đua - Khen thưởng xã An Phú./.")
	t = b.Table()
	t.Row()
	p = t.Cell(1, reader.NoMerge)
	p.Add("Nơi nhận:", baocao.Bold, baocao.Italic)
	for _, s := range []string{"- Phòng Nội vụ huyện;", "- TT Đảng ủy, HĐND xã;", "- Lưu: VT."} {
		p.Add(" ")
		p.Add(s)
	}
	p = t.Cell(1, reader.NoMerge)
	p.Add("TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", baocao.Bold)
	p.Add(" ")
	p.Add("CHỦ TỊCH", baocao.Bold)
	p.Add(" ")
	p.Add("Nguyễn Văn An", baocao.Bold)
	t.End()
	para(baocao.Paragraph, "TỔNG HỢP CÁC VĂN BẢN CHỈ ĐẠO, TRIỂN KHAI CÔNG TÁC THI ĐUA - KHEN THƯỞNG", baocao.Bold)
	para(baocao.Paragraph, "(Kèm theo Báo cáo số 15/BC-HĐTĐKT ngày 20/6/2024)", baocao.Italic)
	t = b.Table()
	for _, row := range [][]string{
		{"TT", "Số, ký hiệu, ngày tháng ban hành", "Trích yếu nội dung", "Ghi chú"},
		{"1", "Kế hoạch số 05/KH-UBND ngày 08/01/2024", "Kế hoạch công tác thi đua, khen thưởng năm 2024", ""},
		{"2", "Kế hoạch số 31/KH-UBND ngày 20/02/2024", "Kế hoạch phát động phong trào thi đua năm 2024", "Đã triển khai"},
		{"3", "Phát động số 12/PĐ-UBND ngày 15/01/2024", "Phát động thi đua năm 2024", ""},
	} {
		t.Row()
		for _, c := range row {
			cell(t, 1, reader.NoMerge, c)
		}
	}
	t.End()
	b.Footnote("1", "footnote", "Kế hoạch số 31/KH-UBND được triển khai tới 7/7 thôn đạt 100%.")
	doc := b.Document("docx")
	doc.Source.Path = "an-phu-bc-15.docx"
	return doc
}

// at returns the span of the n-th (0-based) occurrence of s in text; it fails the test
// when there is none.
func at(t testing.TB, text, s string, n int) baocao.Span {
	t.Helper()
	from := 0
	for k := 0; ; k++ {
		i := strings.Index(text[from:], s)
		if i < 0 {
			t.Fatalf("fixture: %q (occurrence %d) not in the text", s, n)
		}
		if k == n {
			return baocao.Span{Start: from + i, End: from + i + len(s)}
		}
		from += i + len(s)
	}
}

// sampleRecord is the record an extraction and an audit would give for sampleDoc.
func sampleRecord(t testing.TB, doc *baocao.Document) *baocao.Record {
	text := doc.Text
	o := func(s string, n int) baocao.Origin { return baocao.Origin{Span: at(t, text, s, n)} }
	ref := func(id, typ, name, num, code, date, issuer, subject, written string, n int) baocao.Reference {
		return baocao.Reference{ID: id, Type: baocao.NullString(typ), TypeName: baocao.NullString(name), Number: num, Code: baocao.NullString(code),
			Date: baocao.NullString(date), Issuer: baocao.NullString(issuer), Subject: baocao.NullString(subject), Text: written, Origin: o(written, n)}
	}
	ind := func(subject string, v float64, vt string, tg float64, tt, unit string, pct float64, pt, basis, written string) baocao.Indicator {
		return baocao.Indicator{Subject: baocao.NullString(subject), Value: v, ValueText: vt, Target: baocao.Float(tg), TargetText: tt,
			Unit: baocao.NullString(unit), Percent: baocao.Float(pct), PercentText: pt, Basis: baocao.NullString(basis), Text: written, Origin: o(written, 0)}
	}
	day := func(written, iso string, role string, n int) baocao.Date {
		return baocao.Date{Text: written, Value: baocao.NullString(iso), Precision: baocao.PrecDay, Role: role, Origin: o(written, n)}
	}
	return &baocao.Record{
		Schema: baocao.Schema,
		Source: doc.Source,
		Document: baocao.Identity{Type: "BC", TypeName: "Báo cáo", Number: "15", Code: "BC-HĐTĐKT",
			Issuer: "Hội đồng Thi đua - Khen thưởng xã An Phú", IssuerUp: "UBND xã An Phú", Place: "An Phú",
			Date:       &baocao.DateParts{Text: "ngày 20 tháng 6 năm 2024", Value: "2024-06-20", Year: 2024, Month: 6, Day: 20},
			Subject:    "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024",
			Signer:     &baocao.Signer{Name: "Nguyễn Văn An", Title: "CHỦ TỊCH", Authority: "TM.", On: "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"},
			Recipients: []string{"Phòng Nội vụ huyện;", "TT Đảng ủy, HĐND xã;", "Lưu: VT."}},
		References: []baocao.Reference{
			ref("210/UBND-VP", "CV", "Công văn", "210", "UBND-VP", "2024-06-03", "UBND huyện Tân Hòa", "", "Công văn số 210/UBND-VP, ngày 3/6/2024 của UBND huyện Tân Hòa", 0),
			ref("05/KH-UBND", "KH", "Kế hoạch", "05", "KH-UBND", "2024-01-08", "", "về công tác thi đua, khen thưởng năm 2024", "kế hoạch số 05/KH - UBND ngày 08/01/2024 về công tác thi đua, khen thưởng năm 2024", 0),
			ref("31/KH-UBND", "KH", "Kế hoạch", "31", "KH-UBND", "2024-02-20", "UBND xã An Phú", "về phát động phong trào thi đua", "Kế hoạch số 31/KH-UBND của UBND xã An Phú ngày 20 tháng 02 năm 2024 về phát động phong trào thi đua", 0),
			ref("05/KH-UBND", "KH", "Kế hoạch", "05", "KH-UBND", "2024-01-08", "", "", "Kế hoạch số 05/KH-UBND ngày 08/01/2024", 0),
			ref("31/KH-UBND", "KH", "Kế hoạch", "31", "KH-UBND", "2024-02-20", "", "", "Kế hoạch số 31/KH-UBND ngày 20/02/2024", 0),
			ref("12/PĐ-UBND", "PĐ", "Phát động", "12", "PĐ-UBND", "2024-01-15", "", "", "Phát động số 12/PĐ-UBND ngày 15/01/2024", 0),
			ref("31/KH-UBND", "KH", "Kế hoạch", "31", "KH-UBND", "", "", "", "Kế hoạch số 31/KH-UBND được", 0),
		},
		Dates: []baocao.Date{
			day("ngày 20 tháng 6 năm 2024", "2024-06-20", baocao.RoleIssued, 0),
			day("3/6/2024", "2024-06-03", baocao.RoleReference, 0),
			day("08/01/2024", "2024-01-08", baocao.RoleReference, 0),
			day("20 tháng 02 năm 2024", "2024-02-20", baocao.RoleReference, 0),
		},
		Indicators: []baocao.Indicator{
			ind("Tổng diện tích gieo trồng", 412.5, "412,5", 450, "450", "ha", 91.67, "91,67", "so với kế hoạch", "412,5 ha/450 ha đạt 91,67% so với kế hoạch"),
			ind("Thu ngân sách", 1250000000, "1.250.000.000", 2000000000, "2.000.000.000", "đồng", 62.6, "62,6", "so với kế hoạch huyện giao", "1.250.000.000 đồng/2.000.000.000 đồng đạt 62,6%"),
			ind("Số thôn triển khai", 7, "7", 7, "7", "thôn", 100, "100", "", "7/7 thôn đạt 100%"),
		},
		Commendations: []baocao.Commendation{
			{Level: baocao.LevelDistrict, Collective: 2, Source: "table", Origin: o("Khen thưởng cấp huyện", 0)},
			{Level: baocao.LevelDistrict, Form: "Giấy khen", Collective: 2, Source: "table", Origin: o("Giấy khen", 0)},
			{Level: baocao.LevelCommune, Collective: 5, Individual: 6, Household: 4, Source: "table", Origin: o("Khen thưởng cấp xã", 0)},
			{Level: baocao.LevelTotal, Collective: 7, Individual: 6, Household: 5, Source: "table", Origin: o("TỔNG CỘNG (III + IV)", 0)},
			{Level: baocao.LevelDistrict, Form: "Giấy khen", Collective: 2, Source: "text", Origin: o("giấy khen cho 02 tập thể", 0)},
			{Level: baocao.LevelCommune, Collective: 5, Individual: 6, Household: 4, Source: "text", Origin: o("tặng 05 tập thể, 06 cá nhân và 04 hộ gia đình", 0)},
		},
		Findings: []baocao.Finding{
			{Check: "percent", Severity: baocao.SevError, Message: "1.250.000.000/2.000.000.000 = 62,50 %, stated 62,6 %", Text: "1.250.000.000 đồng/2.000.000.000 đồng đạt 62,6%",
				Stated: 62.6, Expected: 62.5, Origin: o("1.250.000.000 đồng/2.000.000.000 đồng đạt 62,6%", 0)},
			{Check: "total", Severity: baocao.SevError, Message: "TỔNG CỘNG says 5 gia đình; the levels add up to 4", Text: "5", Origin: o("TỔNG CỘNG (III + IV)", 0)},
			{Check: "percent", Severity: baocao.SevInfo, Message: "7/7 = 100 %, as stated", Text: "7/7 thôn đạt 100%", Origin: o("7/7 thôn đạt 100%", 0)},
			{Check: "structure", Severity: baocao.SevWarning, Message: "the report does not say which period its figures cover"},
		},
		Text: text,
	}
}

// readSample reads a file of testdata with the registered readers.
func readSample(t testing.TB, name string) *baocao.Document {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := reader.Read(context.Background(), name, data, reader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
