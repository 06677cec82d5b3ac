package render

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/testutil"
	"github.com/xuri/excelize/v2"
)

// column returns the texts of column c of a table.
func column(t *Table, c int) []string {
	var out []string
	for _, r := range t.Rows {
		out = append(out, r.Cells[c].String())
	}
	return out
}

func TestDirectivesAppendix(t *testing.T) {
	doc := sampleDoc()
	for _, tc := range []struct {
		name     string
		opts     DirectiveOptions
		edit     func(*baocao.Record)
		numbers  []string
		subjects []string
		notes    []string
	}{
		{name: "the report's own list, sorted by date",
			numbers:  []string{"Kế hoạch số 05/KH-UBND ngày 08/01/2024", "Phát động số 12/PĐ-UBND ngày 15/01/2024", "Kế hoạch số 31/KH-UBND ngày 20/02/2024"},
			subjects: []string{"Kế hoạch công tác thi đua, khen thưởng năm 2024", "Phát động thi đua năm 2024", "Kế hoạch phát động phong trào thi đua năm 2024"},
			notes:    []string{"", "", "issued by UBND xã An Phú; Đã triển khai"}},
		{name: "every citation, merged by number", opts: DirectiveOptions{All: true},
			numbers: []string{"Kế hoạch số 05/KH-UBND ngày 08/01/2024", "Phát động số 12/PĐ-UBND ngày 15/01/2024",
				"Kế hoạch số 31/KH-UBND ngày 20/02/2024", "Công văn số 210/UBND-VP ngày 03/6/2024"},
			subjects: []string{"Kế hoạch công tác thi đua, khen thưởng năm 2024", "Phát động thi đua năm 2024", "Kế hoạch phát động phong trào thi đua năm 2024", ""},
			notes:    []string{"cited 2 times", "", "issued by UBND xã An Phú; cited 3 times; Đã triển khai", "issued by UBND huyện Tân Hòa"}},
		{name: "a period", opts: DirectiveOptions{From: "2024-01-10", To: "2024-03-01"},
			numbers: []string{"Phát động số 12/PĐ-UBND ngày 15/01/2024", "Kế hoạch số 31/KH-UBND ngày 20/02/2024"}},
		{name: "a row whose citation was not recognised is kept as written",
			edit:    func(r *baocao.Record) { r.References = r.References[:5] }, // drop 12/PĐ-UBND and the note's citation
			numbers: []string{"Kế hoạch số 05/KH-UBND ngày 08/01/2024", "Phát động số 12/PĐ-UBND ngày 15/01/2024", "Kế hoạch số 31/KH-UBND ngày 20/02/2024"},
			notes:   []string{"", "as written: no citation was recognised in this row", "issued by UBND xã An Phú; Đã triển khai"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := sampleRecord(t, doc)
			if tc.edit != nil {
				tc.edit(rec)
			}
			tb := DirectivesAppendix(rec, doc, tc.opts)
			check := func(what string, got, want []string) {
				if want != nil && strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("%s:\n got %q\nwant %q", what, got, want)
				}
			}
			check("numbers", column(tb, 1), tc.numbers)
			check("subjects", column(tb, 2), tc.subjects)
			check("notes", column(tb, 3), tc.notes)
			for i, tt := range column(tb, 0) {
				if tt != formatNumber(float64(i+1), 0) {
					t.Errorf("row %d numbered %q", i, tt)
				}
			}
			if tb.Caption != "(Kèm theo Báo cáo số 15/BC-HĐTĐKT ngày 20/6/2024 của Hội đồng Thi đua - Khen thưởng xã An Phú)" {
				t.Errorf("caption %q", tb.Caption)
			}
		})
	}
}

func TestDirectivesOfCorpus(t *testing.T) {
	mk := func(num, code, date, issuer, subject string) *baocao.Record {
		return &baocao.Record{Document: baocao.Identity{TypeName: "Kế hoạch", Number: baocao.NullString(num), Code: baocao.NullString(code),
			Issuer: baocao.NullString(issuer), Subject: baocao.NullString(subject), Date: &baocao.DateParts{Value: baocao.NullString(date)}}}
	}
	recs := []*baocao.Record{
		mk("31", "KH-UBND", "2024-02-20", "UBND xã An Phú", "Phát động phong trào thi đua"),
		mk("05", "KH-UBND", "2024-01-08", "UBND xã An Phú", "Công tác thi đua năm 2024"),
		mk("07", "KH-UBND", "2024-01-09", "UBND xã Bình Minh", "Công tác năm 2024"),
		mk("", "KH-UBND", "", "UBND xã An Phú", "Dự thảo kế hoạch"),
	}
	ds := DirectivesOfCorpus(recs, DirectiveOptions{Issuer: "ubnd xa an phu", To: "2024-12-31"})
	tb := DirectivesTable(ds, "")
	if got, want := column(tb, 1), []string{"Kế hoạch số 05/KH-UBND ngày 08/01/2024", "Kế hoạch số 31/KH-UBND ngày 20/02/2024"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	all := CorpusDirectivesAppendix(recs, DirectiveOptions{Issuer: "UBND xã An Phú", From: "2024-01-01", To: "2024-06-30"})
	if len(all.Rows) != 4 || all.Caption != "(Văn bản của UBND xã An Phú ban hành từ ngày 01/01/2024 đến ngày 30/6/2024)" {
		t.Errorf("%d rows, caption %q", len(all.Rows), all.Caption)
	}
	if last := all.Rows[3].Cells; last[1].Text != "Kế hoạch số …/KH-UBND" || !strings.Contains(last[3].Text, "its number is blank") {
		t.Errorf("undated draft row: %q", []string{last[1].Text, last[3].Text})
	}
}

// counts of a commendation table: the TT, name and numbers of each row.
func commendationRows(tb *Table) []string {
	var out []string
	for _, r := range tb.Rows {
		out = append(out, strings.Join([]string{r.Cells[0].Text, r.Cells[1].Text, r.Cells[2].String(), r.Cells[3].String(), r.Cells[4].String()}, "|"))
	}
	return out
}

func TestCommendationsTable(t *testing.T) {
	doc := sampleDoc()
	c := func(level, form string, ci, ii, hi int, src string) baocao.Commendation {
		return baocao.Commendation{Level: level, Form: baocao.NullString(form), Collective: ci, Individual: ii, Household: hi, Source: src}
	}
	for _, tc := range []struct {
		name  string
		items []baocao.Commendation
		rows  []string
		notes []string // substrings of the table's notes, in order
	}{
		{name: "the summary table, its TỔNG CỘNG wrong", items: sampleRecord(t, doc).Commendations,
			rows: []string{"I|Khen thưởng cấp Nhà nước|0|0|0", "II|Khen thưởng cấp tỉnh|0|0|0", "III|Khen thưởng cấp huyện|2|0|0", "1|Giấy khen|2|0|0",
				"IV|Khen thưởng cấp xã|5|6|4", "|TỔNG CỘNG (I + II + III + IV)|7|6|4"},
			notes: []string{"from the document's summary table", "TỔNG CỘNG: the document's TỔNG CỘNG is 7 tập thể, 6 cá nhân, 5 gia đình; the levels add up to 7 tập thể, 6 cá nhân, 4 gia đình."}},
		{name: "a level whose row disagrees with its forms", items: []baocao.Commendation{
			c("tinh", "", 3, 0, 0, "table"), c("tinh", "Bằng khen của Chủ tịch UBND tỉnh", 1, 1, 0, "table"), c("tinh", "Cờ thi đua của tỉnh", 1, 0, 0, "table"),
			c("total", "", 2, 1, 0, "table")},
			rows: []string{"I|Khen thưởng cấp Nhà nước|0|0|0", "II|Khen thưởng cấp tỉnh|2|1|0", "1|Bằng khen của Chủ tịch UBND tỉnh|1|1|0", "2|Cờ thi đua của tỉnh|1|0|0",
				"III|Khen thưởng cấp huyện|0|0|0", "IV|Khen thưởng cấp xã|0|0|0", "|TỔNG CỘNG (I + II + III + IV)|2|1|0"},
			notes: []string{"", "Khen thưởng cấp tỉnh (II): the document's row says 3 tập thể, 0 cá nhân, 0 gia đình; its forms add up to 2 tập thể, 1 cá nhân, 0 gia đình."}},
		{name: "the text disagrees with the table", items: []baocao.Commendation{
			c("xa", "", 7, 8, 8, "table"), c("total", "", 7, 8, 8, "table"), c("xa", "", 7, 8, 9, "text")},
			rows:  []string{"I|Khen thưởng cấp Nhà nước|0|0|0", "II|Khen thưởng cấp tỉnh|0|0|0", "III|Khen thưởng cấp huyện|0|0|0", "IV|Khen thưởng cấp xã|7|8|8", "|TỔNG CỘNG (I + II + III + IV)|7|8|8"},
			notes: []string{"", "Khen thưởng cấp xã (IV): the text counts 7 tập thể, 8 cá nhân, 9 gia đình."}},
		{name: "only the text", items: []baocao.Commendation{c("huyen", "Giấy khen", 1, 0, 0, "text"), c("xa", "", 7, 8, 8, "text")},
			rows:  []string{"I|Khen thưởng cấp Nhà nước|0|0|0", "II|Khen thưởng cấp tỉnh|0|0|0", "III|Khen thưởng cấp huyện|1|0|0", "1|Giấy khen|1|0|0", "IV|Khen thưởng cấp xã|7|8|8", "|TỔNG CỘNG (I + II + III + IV)|8|8|8"},
			notes: []string{"Counts from the text"}},
		{name: "nothing", rows: []string{"I|Khen thưởng cấp Nhà nước|0|0|0", "II|Khen thưởng cấp tỉnh|0|0|0", "III|Khen thưởng cấp huyện|0|0|0", "IV|Khen thưởng cấp xã|0|0|0", "|TỔNG CỘNG (I + II + III + IV)|0|0|0"},
			notes: []string{"no commendation counts"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := &baocao.Record{Commendations: tc.items}
			tb := CommendationsTable(rec)
			if got := commendationRows(tb); strings.Join(got, "\n") != strings.Join(tc.rows, "\n") {
				t.Errorf("rows:\n got %q\nwant %q", got, tc.rows)
			}
			if len(tb.Notes) < len(tc.notes) {
				t.Fatalf("notes %q, want %d", tb.Notes, len(tc.notes))
			}
			for i, n := range tc.notes {
				if !strings.Contains(tb.Notes[i], n) {
					t.Errorf("note %d: got %q, want it to contain %q", i, tb.Notes[i], n)
				}
			}
			total := tb.Rows[len(tb.Rows)-1]
			if total.Kind != TotalRow || len(total.Cells[2].Sum) != 4 {
				t.Errorf("the TỔNG CỘNG row is not a total of the four levels: %+v", total)
			}
		})
	}
}

func TestIndicatorsTable(t *testing.T) {
	doc := sampleDoc()
	tb := IndicatorsTable(sampleRecord(t, doc))
	want := [][]string{
		{"1", "Tổng diện tích gieo trồng", "ha", "450", "412,5", "91,67", "so với kế hoạch"},
		{"2", "Thu ngân sách", "đồng", "2.000.000.000", "1.250.000.000", "62,6", "so với kế hoạch huyện giao; error: 1.250.000.000/2.000.000.000 = 62,50 %, stated 62,6 %"},
		{"3", "Số thôn triển khai", "thôn", "7", "7", "100", "info: 7/7 = 100 %, as stated"},
	}
	if len(tb.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(tb.Rows), len(want))
	}
	for i, w := range want {
		var got []string
		for _, c := range tb.Rows[i].Cells {
			got = append(got, c.String())
		}
		if strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("row %d:\n got %q\nwant %q", i, got, w)
		}
	}
	if v := tb.Rows[1].Cells[4]; !v.IsNum || v.Num != 1250000000 {
		t.Errorf("thực hiện is not the number 1250000000: %+v", v)
	}
}

func appendixTables(t testing.TB) map[string]*Table {
	doc := sampleDoc()
	rec := sampleRecord(t, doc)
	return map[string]*Table{
		"directives":    DirectivesAppendix(rec, doc, DirectiveOptions{All: true}),
		"commendations": CommendationsTable(rec),
		"indicators":    IndicatorsTable(rec),
	}
}

func TestGoldenTables(t *testing.T) {
	for name, tb := range appendixTables(t) {
		for _, f := range []TableFormat{TableCSV, TableMD} {
			t.Run(name+"."+string(f), func(t *testing.T) {
				var b bytes.Buffer
				if err := tb.Write(&b, f); err != nil {
					t.Fatal(err)
				}
				if f == TableCSV {
					if !bytes.HasPrefix(b.Bytes(), []byte("\xEF\xBB\xBF")) {
						t.Error("the CSV has no byte-order mark")
					}
					rows, err := csv.NewReader(bytes.NewReader(b.Bytes()[3:])).ReadAll()
					if err != nil || len(rows) != len(tb.Rows)+1 {
						t.Errorf("the CSV reads back as %d rows (%v), want %d", len(rows), err, len(tb.Rows)+1)
					}
				}
				testutil.Golden(t, "testdata/"+name+"."+string(f), b.Bytes())
			})
		}
	}
}

func TestCSVFormulaGuard(t *testing.T) {
	tb := &Table{Columns: []Column{{Name: "a"}, {Name: "b"}}, Rows: []Row{{Cells: []Value{Text(`=HYPERLINK("http://x")`), Text("- Lưu: VT.")}}}}
	var b bytes.Buffer
	if err := tb.Write(&b, TableCSV); err != nil {
		t.Fatal(err)
	}
	if want := "'=HYPERLINK(\"\"http://x\"\")\",- Lưu: VT.\n"; !strings.HasSuffix(b.String(), want) {
		t.Errorf("got %q, want it to end with %q", b.String(), want)
	}
}

// TestXLSXReadBack opens the workbooks with excelize: merged title and header cells,
// Vietnamese text, numbers stored as numbers, totals with their formulas and values.
func TestXLSXReadBack(t *testing.T) {
	tables := appendixTables(t)
	for _, tc := range []struct {
		kind, sheet string
		merged      []string // ranges that must be merged
		cells       map[string]string
		numbers     map[string]float64
		formula     map[string]string
	}{
		{kind: "commendations", sheet: "Phụ lục II",
			merged:  []string{"A1:F1", "A2:F2", "A3:F3", "A5:A6", "B5:B6", "C5:E5"},
			cells:   map[string]string{"A1": "PHỤ LỤC II", "C5": "Số lượng", "C6": "Tập thể", "B12": "TỔNG CỘNG (I + II + III + IV)", "F12": "the document's TỔNG CỘNG is 7 tập thể, 6 cá nhân, 5 gia đình; the levels add up to 7 tập thể, 6 cá nhân, 4 gia đình"},
			numbers: map[string]float64{"C9": 2, "C10": 2, "E11": 4, "C12": 7, "D12": 6, "E12": 4},
			formula: map[string]string{"C9": "SUM(C10)", "E12": "SUM(E7,E8,E9,E11)"}},
		{kind: "directives", sheet: "Phụ lục I",
			merged:  []string{"A1:D1", "A2:D2"},
			cells:   map[string]string{"B5": "Số, ký hiệu, ngày tháng ban hành", "B6": "Kế hoạch số 05/KH-UBND ngày 08/01/2024", "C6": "Kế hoạch công tác thi đua, khen thưởng năm 2024"},
			numbers: map[string]float64{"A6": 1, "A9": 4}},
		{kind: "indicators", sheet: "Phụ lục III",
			cells:   map[string]string{"B7": "Thu ngân sách", "C7": "đồng"},
			numbers: map[string]float64{"D7": 2000000000, "E7": 1250000000, "F7": 62.6, "E6": 412.5}},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			var b bytes.Buffer
			if err := tables[tc.kind].Write(&b, TableXLSX); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&b)
			if err != nil {
				t.Fatalf("excelize cannot open the workbook: %v", err)
			}
			defer f.Close()
			merges, err := f.GetMergeCells(tc.sheet)
			if err != nil {
				t.Fatal(err)
			}
			have := map[string]bool{}
			for _, m := range merges {
				have[m.GetStartAxis()+":"+m.GetEndAxis()] = true
			}
			for _, m := range tc.merged {
				if !have[m] {
					t.Errorf("%s is not merged (merged: %v)", m, have)
				}
			}
			for cell, want := range tc.cells {
				if got, _ := f.GetCellValue(tc.sheet, cell); got != want {
					t.Errorf("%s = %q, want %q", cell, got, want)
				}
			}
			for cell, want := range tc.numbers {
				typ, _ := f.GetCellType(tc.sheet, cell)
				raw, _ := f.GetCellValue(tc.sheet, cell, excelize.Options{RawCellValue: true})
				if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber && typ != excelize.CellTypeFormula || raw != formatMachine(want) {
					t.Errorf("%s = %q (type %v), want the number %v", cell, raw, typ, want)
				}
			}
			for cell, want := range tc.formula {
				if got, _ := f.GetCellFormula(tc.sheet, cell); got != want {
					t.Errorf("%s formula %q, want %q", cell, got, want)
				}
			}
		})
	}
}

func formatMachine(v float64) string { return Number(v, -1).machine() }

// TestTableDOCX checks the Word form of an appendix: a merged group heading, the
// header repeated on each page, the numbers right-aligned.
func TestTableDOCX(t *testing.T) {
	var b bytes.Buffer
	if err := appendixTables(t)["commendations"].Write(&b, TableDOCX); err != nil {
		t.Fatal(err)
	}
	parts := docxParts(t, b.Bytes())
	body := string(parts["word/document.xml"])
	text := xmlTexts(t, "document", parts["word/document.xml"])
	for _, want := range []string{`<w:gridSpan w:val="3"/>`, `<w:vMerge w:val="restart"/>`, `<w:tblHeader/>`, `<w:pStyle w:val="TableNum"/>`} {
		if !strings.Contains(body, want) {
			t.Errorf("%s not found", want)
		}
	}
	for _, want := range []string{"PHỤ LỤC II", "Số lượng", "TỔNG CỘNG (I + II + III + IV)", "Ghi chú: Counts from the document's summary table"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q is not in the table's text", want)
		}
	}
}
