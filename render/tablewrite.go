package render

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// header is a column's name with its group: "Số lượng: Tập thể".
func (c Column) header() string {
	if c.Group != "" {
		return c.Group + ": " + c.Name
	}
	return c.Name
}

// machine writes a value for data files: numbers with a dot before the decimals and no
// grouping; text that a spreadsheet would take for a formula ("=…", "@…") behind an
// apostrophe, so that opening the CSV runs nothing.
func (v Value) machine() string {
	if !v.IsNum {
		if strings.HasPrefix(v.Text, "=") || strings.HasPrefix(v.Text, "@") {
			return "'" + v.Text
		}
		return v.Text
	}
	return strconv.FormatFloat(v.Num, 'f', v.Decimals, 64)
}

// decimals returns the decimals v is shown with, finding them when they are -1.
func (v Value) decimals() int {
	if v.Decimals >= 0 {
		return v.Decimals
	}
	s := strconv.FormatFloat(v.Num, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// writeCSV writes the header row and the rows, UTF-8 with a byte-order mark (Excel
// needs it to read Vietnamese), numbers with a dot before the decimals.
func (t *Table) writeCSV(w io.Writer) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString("\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	head := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c.header()
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, r := range t.Rows {
		rec := make([]string, len(t.Columns))
		for i := range rec {
			if i < len(r.Cells) {
				rec[i] = r.Cells[i].machine()
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// writeMarkdown writes the titles, a pipe table and the notes as a list.
func (t *Table) writeMarkdown(w io.Writer) error {
	out := newErrWriter(w)
	for _, s := range t.Title {
		out.str("**", mdEscape(s), "**\n\n")
	}
	if t.Caption != "" {
		out.str("*", mdEscape(t.Caption), "*\n\n")
	}
	out.str("|")
	for _, c := range t.Columns {
		out.str(" ", mdEscape(c.header()), " |")
	}
	out.str("\n|")
	for _, c := range t.Columns {
		if c.Numeric {
			out.str(" ---: |")
		} else {
			out.str(" --- |")
		}
	}
	out.str("\n")
	for _, r := range t.Rows {
		out.str("|")
		for i := range t.Columns {
			s := ""
			if i < len(r.Cells) {
				s = mdEscape(r.Cells[i].String())
			}
			if r.Kind != DataRow && s != "" {
				s = "**" + s + "**"
			}
			out.str(" ", s, " |")
		}
		out.str("\n")
	}
	if len(t.Notes) > 0 {
		out.str("\n")
		for _, n := range t.Notes {
			out.str("- ", mdEscape(n), "\n")
		}
	}
	return out.flush()
}

// writeDOCX writes the table as a Word document in the layout of the report: titles,
// caption, the table with its header repeated on every page (two header rows merged
// with gridSpan and vMerge where columns are grouped), then the notes.
func (t *Table) writeDOCX(w io.Writer) error {
	var p docxPackage
	p.title = strings.Join(t.Title, " - ")
	for _, s := range t.Title {
		p.para("Title", "", textRun("", s))
	}
	if t.Caption != "" {
		p.para("Caption", "", textRun("", t.Caption))
	}
	weights, mins := make([]int, len(t.Columns)), make([]int, len(t.Columns))
	for i, c := range t.Columns {
		texts := []string{c.Name}
		for _, r := range t.Rows {
			if i < len(r.Cells) {
				texts = append(texts, r.Cells[i].String())
			}
		}
		_, mins[i] = measure(texts)
		weights[i] = int(max(c.Width, 3))
	}
	widths := columnWidths(weights, mins, textWidth)
	b := &p.body
	b.WriteString(tableStart(widths, true))
	grouped := false
	for _, c := range t.Columns {
		grouped = grouped || c.Group != ""
	}
	head := func(s string) string { return paraXML("TableHead", "", textRun("", s)) }
	const shade = "EDEDED"
	if grouped {
		b.WriteString("<w:tr><w:trPr><w:tblHeader/></w:trPr>")
		for i := 0; i < len(t.Columns); {
			c := t.Columns[i]
			if c.Group == "" {
				b.WriteString(cellXML(widths[i], 1, "restart", shade, head(c.Name)))
				i++
				continue
			}
			j, w := i, 0
			for ; j < len(t.Columns) && t.Columns[j].Group == c.Group; j++ {
				w += widths[j]
			}
			b.WriteString(cellXML(w, j-i, "", shade, head(c.Group)))
			i = j
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("<w:tr><w:trPr><w:tblHeader/></w:trPr>")
	for i, c := range t.Columns {
		if grouped && c.Group == "" {
			b.WriteString(cellXML(widths[i], 1, "continue", shade, ""))
		} else {
			b.WriteString(cellXML(widths[i], 1, "", shade, head(c.Name)))
		}
	}
	b.WriteString("</w:tr>")
	for _, r := range t.Rows {
		b.WriteString("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
		var st style
		if r.Kind != DataRow {
			st = sBold
		}
		for i, c := range t.Columns {
			var v Value
			if i < len(r.Cells) {
				v = r.Cells[i]
			}
			ps := "TableText"
			if c.Numeric || v.IsNum {
				ps = "TableNum"
			}
			b.WriteString(cellXML(widths[i], 1, "", "", paraXML(ps, "", textRun(runProps(st, ""), v.String()))))
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	for k, n := range t.Notes {
		label := ""
		if k == 0 {
			label = "Ghi chú: "
		}
		p.para("NoteText", "", textRun(runProps(sItalic, ""), label+n))
	}
	return p.write(w)
}
