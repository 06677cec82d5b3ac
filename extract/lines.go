package extract

import (
	"strings"

	"github.com/baocao/baocao"
)

// Line is one line of the document as the header and signature parsers see it: a
// paragraph, or a table row; its columns are the tab-separated parts (two columns side
// by side in a PDF, the cells of a header table in a DOCX).
type Line struct {
	Text  string
	Off   int // offset of Text in the document text
	Block int
	Bold  bool // the whole line is bold
	Cols  []Col
	Table bool
}

// Col is one column of a line.
type Col struct {
	Text string
	Off  int
}

// Span returns the span of a column.
func (c Col) Span() baocao.Span { return baocao.Span{Start: c.Off, End: c.Off + len(c.Text)} }

// docLines turns blocks [from, to) into lines. Footnotes and furniture are skipped.
func docLines(doc *baocao.Document, from, to int) []Line {
	var out []Line
	for bi := from; bi < to && bi < len(doc.Blocks); bi++ {
		b := doc.Blocks[bi]
		if b.Kind == baocao.Note || b.Kind == baocao.Furniture {
			continue
		}
		text := b.Span.Of(doc.Text)
		off := b.Span.Start
		for _, row := range strings.Split(text, "\n") {
			l := Line{Text: row, Off: off, Block: bi, Table: b.Kind == baocao.TableKind}
			l.Bold = covered(b.Marks, baocao.Bold, off, off+len(row))
			l.Cols = splitCols(row, off)
			out = append(out, l)
			off += len(row) + 1
		}
	}
	return out
}

// textLines splits a plain example input into lines.
func textLines(in string) []Line {
	var out []Line
	off := 0
	for i, row := range strings.Split(in, "\n") {
		row = strings.TrimSuffix(row, "\r")
		bold := false
		if t := strings.TrimSpace(row); strings.HasPrefix(t, "**") && strings.HasSuffix(t, "**") && len(t) > 4 {
			bold = true
		}
		out = append(out, Line{Text: row, Off: off, Block: i, Bold: bold, Cols: splitCols(row, off)})
		off += len(row) + 1
	}
	return out
}

func splitCols(row string, off int) []Col {
	var cols []Col
	start := 0
	for i := 0; i <= len(row); i++ {
		if i == len(row) || row[i] == '\t' {
			t := row[start:i]
			lead := len(t) - len(strings.TrimLeft(t, " *"))
			tt := strings.TrimRight(strings.TrimLeft(t, " *"), " *")
			if tt != "" {
				cols = append(cols, Col{Text: tt, Off: off + start + lead})
			}
			start = i + 1
		}
	}
	return cols
}

func covered(marks []baocao.Mark, k baocao.MarkKind, s, e int) bool {
	if e <= s {
		return false
	}
	n := 0
	for _, m := range marks {
		if m.Kind != k {
			continue
		}
		a, b := max(m.Span.Start, s), min(m.Span.End, e)
		if b > a {
			n += b - a
		}
	}
	return n*10 >= (e-s)*9
}
