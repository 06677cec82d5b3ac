package txt

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/reader"
)

// A text table is lines of cells separated by tabs (as Word and spreadsheets copy
// them) or by "|" (Markdown). Merged cells are lost in that form: a header cell over
// three columns is written once and followed by empty cells, a header that wrapped
// continues on a row of its own. layoutTable rebuilds what it can of the grid.

// tcell is one cell of a rebuilt table: an origin cell with its span and merge
// state, or a position covered by a horizontal merge (skipped when emitting).
type tcell struct {
	text    string
	span    int
	vm      reader.VMerge
	covered bool
}

var reDashCell = regexp.MustCompile(`^:?-{2,}:?$`)

// splitCells returns the cells of a table line, or nil when the line is not one.
func splitCells(line string) []string {
	if strings.Contains(line, "\t") {
		cells := strings.Split(line, "\t")
		for i, c := range cells {
			cells[i] = strings.TrimSpace(c)
		}
		return cells
	}
	t := strings.TrimSpace(line)
	if len(t) >= 3 && t[0] == '|' && t[len(t)-1] == '|' && strings.Count(t, "|") >= 3 {
		var cells []string
		var cur strings.Builder
		inner := t[1 : len(t)-1]
		for i := 0; i < len(inner); i++ {
			switch {
			case inner[i] == '\\' && i+1 < len(inner) && inner[i+1] == '|':
				cur.WriteByte('|')
				i++
			case inner[i] == '|':
				cells = append(cells, strings.TrimSpace(cur.String()))
				cur.Reset()
			default:
				cur.WriteByte(inner[i])
			}
		}
		return append(cells, strings.TrimSpace(cur.String()))
	}
	return nil
}

// separatorRow reports whether cells are a rule under a header: "-----\t-----" or
// "|---|:---:|".
func separatorRow(cells []string) bool {
	dashes := 0
	for _, c := range cells {
		switch {
		case c == "":
		case reDashCell.MatchString(c):
			dashes++
		default:
			return false
		}
	}
	return dashes > 0
}

func filled(cells []string) int {
	n := 0
	for _, c := range cells {
		if c != "" {
			n++
		}
	}
	return n
}

// layoutTable turns rows of cell texts into a grid with merges:
//   - a header row with fewer cells than the table, whose count divides the width,
//     spreads them evenly ("Chứng thực bản sao | … " over six columns);
//   - in the header, a cell followed by empty cells spans them when the row below
//     has headings under at least two of them ("Số lượng" over "Tập thể | Cá nhân |
//     Gia đình");
//   - a header row whose every cell starts in lower case continues the cells above it
//     ("Chứng thực hợp đồng, giao" + "dịch");
//   - an empty header cell under a heading continues it downwards ("TT" over two
//     header rows);
//   - the same header repeated further down (a table printed across pages) gets the
//     same structure.
func layoutTable(raw [][]string) [][]tcell {
	width := 0
	for _, r := range raw {
		width = max(width, len(r))
	}
	grid := make([][]tcell, 0, len(raw))
	for _, r := range raw {
		row := make([]tcell, len(r))
		for i, c := range r {
			row[i] = tcell{text: c, span: 1}
		}
		grid = append(grid, row)
	}
	zone := 0 // last header row
	for r := 0; r <= zone && r < len(grid); r++ {
		spread(grid, r, width)
		pad(&grid[r], width)
		for r+1 < len(grid) && continues(grid[r], grid[r+1]) {
			grid = append(grid[:r+1], grid[r+2:]...)
		}
		if r+1 < len(grid) && spanHeader(grid, r) {
			zone = max(zone, r+1)
		}
	}
	for r := range grid {
		pad(&grid[r], width)
	}
	for r := 1; r <= zone && r < len(grid); r++ {
		mergeDown(grid, r)
	}
	if h := zone + 1; h < len(grid) {
		for r := h; r+h <= len(grid); r++ {
			if sameText(grid[r:r+h], grid[:h]) {
				for k := 0; k < h; k++ {
					grid[r+k] = append([]tcell(nil), grid[k]...)
				}
				r += h - 1
			}
		}
	}
	return grid
}

// spread gives the cells of a short header row equal spans, when that fits the width
// and the next row is full.
func spread(grid [][]tcell, r, width int) {
	n := len(grid[r])
	if n < 2 || n >= width || width%n != 0 || r+1 >= len(grid) || len(grid[r+1]) != width {
		return
	}
	k := width / n
	row := make([]tcell, 0, width)
	for _, c := range grid[r] {
		c.span = k
		row = append(row, c)
		for range k - 1 {
			row = append(row, tcell{covered: true})
		}
	}
	grid[r] = row
}

func pad(row *[]tcell, width int) {
	for len(*row) < width {
		*row = append(*row, tcell{span: 1})
	}
}

// origin returns the index of the origin cell covering column c of row.
func origin(row []tcell, c int) int {
	for c > 0 && c < len(row) && row[c].covered {
		c--
	}
	return c
}

// continues reports whether next is the wrapped rest of row's cells (row is padded
// to the table's width), and if so appends its texts to them.
func continues(row, next []tcell) bool {
	n := 0
	for c, cell := range next {
		if cell.text == "" {
			continue
		}
		n++
		first, _ := utf8.DecodeRuneInString(cell.text)
		if !unicode.IsLower(first) || c >= len(row) {
			return false
		}
		o := row[origin(row, c)]
		if o.text == "" || strings.ContainsAny(o.text[len(o.text)-1:], ".:;") {
			return false
		}
	}
	if n == 0 || n == len(row) { // a full row is a row of its own
		return false
	}
	for c, cell := range next {
		if cell.text != "" {
			o := origin(row, c)
			row[o].text += " " + cell.text
		}
	}
	return true
}

func texts(row []tcell) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = c.text
	}
	return out
}

// spanHeader widens the cells of header row r that are followed by empty cells over
// which the next row has at least two headings. It reports whether row r had any
// spanning cell (so the next row is part of the header too).
func spanHeader(grid [][]tcell, r int) bool {
	row := grid[r]
	below := grid[r+1]
	spanned := false
	for c := 0; c < len(row); c++ {
		if row[c].covered || row[c].span > 1 {
			spanned = spanned || row[c].span > 1
			continue
		}
		if row[c].text == "" {
			continue
		}
		// the span stops where the cells above belong to another heading: those
		// empty cells continue that heading downwards instead
		k := c + 1
		for k < len(row) && row[k].text == "" && !row[k].covered && sameAbove(grid, r, c, k) {
			k++
		}
		if k == c+1 {
			continue
		}
		heads := 0
		for j := c; j < k && j < len(below); j++ {
			if below[j].text != "" {
				heads++
			}
		}
		if heads < 2 {
			continue
		}
		row[c].span = k - c
		for j := c + 1; j < k; j++ {
			row[j] = tcell{covered: true}
		}
		spanned = true
		c = k - 1
	}
	grid[r] = row
	return spanned
}

// sameAbove reports whether columns c and k of row r sit under the same cell of the
// row above (always true for the first row).
func sameAbove(grid [][]tcell, r, c, k int) bool {
	if r == 0 {
		return true
	}
	above := grid[r-1]
	if k >= len(above) {
		return c >= len(above)
	}
	return origin(above, c) == origin(above, k) || (above[origin(above, k)].text == "" && above[origin(above, k)].vm != reader.MergeContinue)
}

// mergeDown continues into row r the header cells above its empty cells.
func mergeDown(grid [][]tcell, r int) {
	for c := 0; c < len(grid[r]); c++ {
		above := grid[r-1][c]
		if above.covered || (above.text == "" && above.vm != reader.MergeContinue) {
			continue
		}
		ok := true
		for j := c; j < c+above.span; j++ {
			if j >= len(grid[r]) || grid[r][j].text != "" || grid[r][j].covered || grid[r][j].span > 1 {
				ok = false
			}
		}
		if !ok {
			continue
		}
		// find the origin of the chain above and mark it
		o := r - 1
		for o > 0 && grid[o][c].vm == reader.MergeContinue {
			o--
		}
		grid[o][c].vm = reader.MergeRestart
		grid[r][c] = tcell{span: above.span, vm: reader.MergeContinue}
		for j := c + 1; j < c+above.span; j++ {
			grid[r][j] = tcell{covered: true}
		}
		c += above.span - 1
	}
}

func sameText(a, b [][]tcell) bool {
	for i := range a {
		if strings.Join(texts(a[i]), "\t") != strings.Join(texts(b[i]), "\t") {
			return false
		}
	}
	return true
}
