package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetNames are the sheet names of the appendix tables (at most 31 characters).
var sheetNames = map[string]string{"directives": "Phụ lục I", "commendations": "Phụ lục II", "indicators": "Phụ lục III"}

// writeXLSX writes the table as a workbook of one sheet: the titles and caption as
// merged rows, the header (groups merged over their columns), every cell bordered,
// numbers as numbers in the decimals the table shows. A total also carries its formula
// (SUM of the rows it adds up), written with its value so that nothing has to be
// recomputed to read it.
func (t *Table) writeXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := sheetNames[t.Kind]
	if sheet == "" {
		sheet = "Bảng"
	}
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	x := &xlsxWriter{f: f, sheet: sheet, styles: map[string]int{}}
	ncol := len(t.Columns)
	if ncol == 0 {
		return fmt.Errorf("render: table %q has no columns", t.Kind)
	}
	row := 1
	for _, s := range t.Title {
		x.merged(row, ncol, s, x.style("title", 0))
		row++
	}
	if t.Caption != "" {
		x.merged(row, ncol, t.Caption, x.style("caption", 0))
		row++
	}
	row++ // a blank row before the table
	grouped := false
	for _, c := range t.Columns {
		grouped = grouped || c.Group != ""
	}
	head := x.style("head", 0)
	if grouped {
		for i := 0; i < ncol; {
			c := t.Columns[i]
			if c.Group == "" {
				x.set(i, row, c.Name, head)
				x.set(i, row+1, "", head)
				x.merge(i, row, i, row+1)
				i++
				continue
			}
			j := i
			for ; j < ncol && t.Columns[j].Group == c.Group; j++ {
				x.set(j, row, "", head)
				x.set(j, row+1, t.Columns[j].Name, head)
			}
			x.set(i, row, c.Group, head)
			x.merge(i, row, j-1, row)
			i = j
		}
		row += 2
	} else {
		for i, c := range t.Columns {
			x.set(i, row, c.Name, head)
		}
		row++
	}
	first := row // sheet row of t.Rows[0]
	for _, r := range t.Rows {
		kind := "text"
		if r.Kind != DataRow {
			kind = "bold"
		}
		for i := range t.Columns {
			var v Value
			if i < len(r.Cells) {
				v = r.Cells[i]
			}
			if !v.IsNum {
				x.set(i, row, v.Text, x.style(kind, 0))
				continue
			}
			x.set(i, row, v.Num, x.style(kind+"-num", v.decimals()))
			if len(v.Sum) > 0 {
				col, _ := excelize.ColumnNumberToName(i + 1)
				refs := make([]string, len(v.Sum))
				for k, s := range v.Sum {
					refs[k] = fmt.Sprintf("%s%d", col, first+s)
				}
				x.formula(i, row, "SUM("+strings.Join(refs, ",")+")")
			}
		}
		row++
	}
	if len(t.Notes) > 0 {
		row++
		for _, n := range t.Notes {
			x.merged(row, ncol, n, x.style("note", 0))
			row++
		}
	}
	for i, c := range t.Columns {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if x.err == nil {
			x.err = f.SetColWidth(sheet, col, col, max(c.Width, 4))
		}
	}
	if x.err == nil {
		size, portrait := 9, "portrait" // 9 = A4
		x.err = f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &portrait})
	}
	if x.err != nil {
		return x.err
	}
	return f.Write(w)
}

// xlsxWriter keeps the first error of a run of excelize calls and the styles made.
type xlsxWriter struct {
	f      *excelize.File
	sheet  string
	styles map[string]int
	err    error
}

func (x *xlsxWriter) cell(c, r int) string {
	name, err := excelize.CoordinatesToCellName(c+1, r)
	if err != nil && x.err == nil {
		x.err = err
	}
	return name
}

func (x *xlsxWriter) set(c, r int, v any, style int) {
	if x.err != nil {
		return
	}
	name := x.cell(c, r)
	if x.err = x.f.SetCellValue(x.sheet, name, v); x.err == nil {
		x.err = x.f.SetCellStyle(x.sheet, name, name, style)
	}
}

// formula adds a formula to a cell whose value is already written (excelize keeps the
// value when the formula is set after it).
func (x *xlsxWriter) formula(c, r int, fm string) {
	if x.err == nil {
		x.err = x.f.SetCellFormula(x.sheet, x.cell(c, r), fm)
	}
}

func (x *xlsxWriter) merge(c1, r1, c2, r2 int) {
	if x.err == nil && (c1 != c2 || r1 != r2) {
		x.err = x.f.MergeCell(x.sheet, x.cell(c1, r1), x.cell(c2, r2))
	}
}

// merged writes s in a row merged across ncol columns.
func (x *xlsxWriter) merged(r, ncol int, s string, style int) {
	x.set(0, r, s, style)
	for c := 1; c < ncol; c++ {
		x.set(c, r, "", style)
	}
	x.merge(0, r, ncol-1, r)
}

// style returns the id of a cell style: title, caption, head, text, bold, text-num,
// bold-num (with decimals), note.
func (x *xlsxWriter) style(kind string, decimals int) int {
	key := fmt.Sprintf("%s/%d", kind, decimals)
	if id, ok := x.styles[key]; ok || x.err != nil {
		return id
	}
	font := &excelize.Font{Family: "Times New Roman", Size: 12}
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	st := &excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}
	switch kind {
	case "title":
		st = &excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 13, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}
	case "caption", "note":
		st = &excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12, Italic: true}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}}
		if kind == "note" {
			st.Alignment.Horizontal = "left"
		}
	case "head":
		st.Font = &excelize.Font{Family: "Times New Roman", Size: 12, Bold: true}
		st.Alignment.Horizontal = "center"
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}}
	case "bold", "bold-num":
		st.Font = &excelize.Font{Family: "Times New Roman", Size: 12, Bold: true}
	}
	if strings.HasSuffix(kind, "-num") {
		code := "#,##0"
		if decimals > 0 {
			code += "." + strings.Repeat("0", decimals)
		}
		st.CustomNumFmt = &code
		st.Alignment.Horizontal = "right"
	}
	id, err := x.f.NewStyle(st)
	if err != nil {
		x.err = err
	}
	x.styles[key] = id
	return id
}
