package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/baocao/baocao"
)

// Table is an appendix table rebuilt from records: title rows, an optional caption, a
// header of one or two rows (columns with the same Group share a merged heading), the
// rows, and notes under the table for what a reader must know (a total that does not
// add up, which documents were listed).
type Table struct {
	Kind    string   // directives, commendations, indicators
	Title   []string // merged rows above the table, bold
	Caption string   // "(Kèm theo Báo cáo số …)", italic
	Columns []Column
	Rows    []Row
	Notes   []string
}

// Column is a column of the table.
type Column struct {
	Name    string
	Group   string  // heading shared with the neighbouring columns of the same group
	Width   float64 // in characters (XLSX), relative elsewhere
	Numeric bool
}

// Row is a row of the table.
type Row struct {
	Cells []Value
	Kind  RowKind
}

// RowKind says how a row is set.
type RowKind int

const (
	DataRow  RowKind = iota
	GroupRow         // a heading row, such as a commendation level (bold)
	TotalRow         // TỔNG CỘNG (bold)
)

// Value is a cell: text, or a number with the decimals it is shown with.
type Value struct {
	Text     string
	Num      float64
	IsNum    bool
	Decimals int   // decimals shown; -1 as many as the number needs
	Sum      []int // the rows (indexes into Table.Rows) this number adds up: XLSX writes a formula
}

// Text returns a text value.
func Text(s string) Value { return Value{Text: s} }

// Number returns a number value shown with decimals (-1: as many as needed).
func Number(v float64, decimals int) Value { return Value{Num: v, IsNum: true, Decimals: decimals} }

// String is the value as the Markdown and DOCX tables show it: numbers the Vietnamese
// way (1.438.337.684; 71,14).
func (v Value) String() string {
	if v.IsNum {
		return formatNumber(v.Num, v.Decimals)
	}
	return v.Text
}

// TableFormat is an output format of an appendix table.
type TableFormat string

// Appendix table formats.
const (
	TableCSV  TableFormat = "csv"
	TableXLSX TableFormat = "xlsx"
	TableDOCX TableFormat = "docx"
	TableMD   TableFormat = "md"
)

// Write writes the table to w in format f.
func (t *Table) Write(w io.Writer, f TableFormat) error {
	switch f {
	case TableCSV:
		return t.writeCSV(w)
	case TableXLSX:
		return t.writeXLSX(w)
	case TableDOCX:
		return t.writeDOCX(w)
	case TableMD, "":
		return t.writeMarkdown(w)
	}
	return fmt.Errorf("%w %q (csv, xlsx, docx or md)", ErrFormat, f)
}

// caption is the "(Kèm theo …)" line that ties an appendix to its report.
func caption(id baocao.Identity) string {
	if id.TypeName == "" && id.Code == "" && id.Issuer == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString("(Kèm theo ")
	if id.TypeName != "" {
		b.WriteString(capitalize(string(id.TypeName)))
	} else {
		b.WriteString("văn bản")
	}
	if id.Code != "" || id.Number != "" {
		num := string(id.Number)
		if num == "" {
			num = "…"
		}
		b.WriteString(" số " + num)
		if id.Year != 0 {
			b.WriteString(fmt.Sprintf("/%d", id.Year))
		}
		if id.Code != "" {
			b.WriteString("/" + string(id.Code))
		}
	}
	if id.Date != nil {
		if d := FormatDate(string(id.Date.Value)); d != "" {
			b.WriteString(" ngày " + d)
		} else if t := strings.TrimSpace(id.Date.Text); t != "" {
			b.WriteString(" " + t)
		}
	}
	if id.Issuer != "" {
		b.WriteString(" của " + string(id.Issuer))
	}
	b.WriteString(")")
	return b.String()
}
