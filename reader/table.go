package reader

import (
	"strings"

	"github.com/baocao/baocao"
)

// VMerge says how a table cell takes part in a vertical merge (DOCX w:vMerge).
type VMerge int

const (
	NoMerge       VMerge = iota
	MergeRestart         // first cell of a vertical merge
	MergeContinue        // covered by the cell above
)

// TableBuilder builds one table: Row, then Cell for each cell, then End.
type TableBuilder struct {
	b    *Builder
	rows [][]*cellIn
}

type cellIn struct {
	p       *Para
	colSpan int
	vmerge  VMerge
}

// Table starts a table.
func (b *Builder) Table() *TableBuilder { return &TableBuilder{b: b} }

// Row starts a new row.
func (t *TableBuilder) Row() { t.rows = append(t.rows, nil) }

// Cell adds a cell spanning colSpan grid columns (0 or 1 for one) to the current row and
// returns the paragraph to add its text to. Paragraphs of one cell are joined by a space.
func (t *TableBuilder) Cell(colSpan int, vm VMerge) *Para {
	if len(t.rows) == 0 {
		t.Row()
	}
	if colSpan < 1 {
		colSpan = 1
	}
	c := &cellIn{p: &Para{b: t.b, Kind: baocao.Paragraph}, colSpan: colSpan, vmerge: vm}
	t.rows[len(t.rows)-1] = append(t.rows[len(t.rows)-1], c)
	return c.p
}

// Rows returns the number of rows so far.
func (t *TableBuilder) Rows() int { return len(t.rows) }

// End lays the table out as one block: rows on their own lines, grid columns separated
// by tabs, merges resolved so every row has the same number of cells.
func (t *TableBuilder) End() {
	b := t.b
	width := 0
	for _, row := range t.rows {
		w := 0
		for _, c := range row {
			w += c.colSpan
		}
		width = max(width, w)
	}
	if width == 0 {
		return
	}
	hasText := false
	for _, row := range t.rows {
		for _, c := range row {
			if strings.TrimSpace(string(c.p.buf)) != "" {
				hasText = true
			}
		}
	}
	if !hasText {
		return
	}
	if len(b.text) > 0 {
		b.text = append(b.text, '\n')
	}
	start := len(b.text)
	b.cellMarks = nil
	grid := make([][]baocao.Cell, len(t.rows))
	type pos struct{ r, c int }
	vorigin := make([]pos, width) // origin of the vertical merge open in each column
	for i := range vorigin {
		vorigin[i] = pos{-1, -1}
	}
	for r, row := range t.rows {
		if r > 0 {
			b.text = append(b.text, '\n')
		}
		grid[r] = make([]baocao.Cell, width)
		col := 0
		for _, c := range row {
			if col >= width {
				break
			}
			if col > 0 {
				b.text = append(b.text, '\t')
			}
			var cell baocao.Cell
			if c.vmerge == MergeContinue && vorigin[col].r >= 0 {
				o := vorigin[col]
				grid[o.r][o.c].RowSpan = max(grid[o.r][o.c].RowSpan, 1) + 1
				cell = baocao.Cell{Span: grid[o.r][o.c].Span, Covered: true}
			} else {
				for i, ch := range c.p.buf { // tabs inside a cell would shift the columns
					if ch == '\t' {
						c.p.buf[i] = ' '
					}
				}
				span, _ := b.addPara(c.p, true)
				if span.IsZero() {
					span = baocao.Span{Start: len(b.text), End: len(b.text)}
				}
				cell = baocao.Cell{Span: span}
				if c.colSpan > 1 {
					cell.ColSpan = c.colSpan
				}
				if c.vmerge == MergeRestart {
					vorigin[col] = pos{r, col}
				} else {
					vorigin[col] = pos{-1, -1}
				}
			}
			grid[r][col] = cell
			for k := 1; k < c.colSpan && col+k < width; k++ {
				b.text = append(b.text, '\t')
				grid[r][col+k] = baocao.Cell{Span: cell.Span, Covered: true}
				vorigin[col+k] = pos{-1, -1}
			}
			col += c.colSpan
		}
		for ; col < width; col++ { // short rows are padded
			if col > 0 {
				b.text = append(b.text, '\t')
			}
			grid[r][col] = baocao.Cell{Span: baocao.Span{Start: len(b.text), End: len(b.text)}}
			vorigin[col] = pos{-1, -1}
		}
	}
	b.blocks = append(b.blocks, baocao.Block{
		Kind: baocao.TableKind, Span: baocao.Span{Start: start, End: len(b.text)}, Page: b.page,
		Table: &baocao.Table{Rows: grid}, Marks: b.cellMarks,
	})
	b.cellMarks = nil
}
