package pdf

import (
	"math"
	"sort"
	"strings"

	"github.com/baocao/baocao/reader"
)

// Grid tables: ruled tables (Word draws every cell border) are found from the page's
// horizontal and vertical rules. The rules that touch each other form a grid; its
// distinct x and y positions are the column and row boundaries, a boundary missing
// inside the grid is a merged cell. The glyphs inside the grid go to their cells
// instead of into lines.

// gridTable is one ruled table of a page.
type gridTable struct {
	xs    []float64   // column boundaries, left to right (columns+1)
	ys    []float64   // row boundaries, top to bottom (rows+1)
	vOK   [][]bool    // [row][k]: a vertical rule at xs[k] runs through the row
	hOK   [][]bool    // [k][col]: a horizontal rule at ys[k] runs through the column
	cells [][][]glyph // [row][col] glyphs, on origin cells only
}

type segment struct {
	at     float64 // y of a horizontal segment, x of a vertical one
	lo, hi float64 // its extent along the other axis
}

const gridTol = 2.0 // points: rules closer than this touch

func (t *gridTable) rows() int { return len(t.ys) - 1 }
func (t *gridTable) cols() int { return len(t.xs) - 1 }

// findTables returns the ruled tables among the rules: grids of at least 2 × 2 cells.
func findTables(rules []rule) []*gridTable {
	var hs, vs []segment
	for _, r := range rules {
		w, h := r.x1-r.x0, r.y1-r.y0
		switch {
		case h <= 2.5 && w >= 4:
			hs = append(hs, segment{(r.y0 + r.y1) / 2, r.x0, r.x1})
		case w <= 2.5 && h >= 4:
			vs = append(vs, segment{(r.x0 + r.x1) / 2, r.y0, r.y1})
		}
	}
	if len(hs) < 3 || len(vs) < 3 || len(hs)+len(vs) > 5000 {
		return nil
	}
	hs, vs = mergeSegments(hs), mergeSegments(vs)
	// connected components of crossing segments
	n := len(hs) + len(vs)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i, h := range hs {
		for j, v := range vs {
			if v.at >= h.lo-gridTol && v.at <= h.hi+gridTol && h.at >= v.lo-gridTol && h.at <= v.hi+gridTol {
				parent[find(i)] = find(len(hs) + j)
			}
		}
	}
	groups := map[int][2][]segment{}
	for i, h := range hs {
		g := groups[find(i)]
		g[0] = append(g[0], h)
		groups[find(i)] = g
	}
	for j, v := range vs {
		g := groups[find(len(hs)+j)]
		g[1] = append(g[1], v)
		groups[find(len(hs)+j)] = g
	}
	var out []*gridTable
	for _, g := range groups {
		if t := newGrid(g[0], g[1]); t != nil {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ys[0] > out[j].ys[0] })
	return out
}

// mergeSegments joins collinear segments that touch (a border drawn cell by cell).
func mergeSegments(ss []segment) []segment {
	sort.Slice(ss, func(i, j int) bool {
		if math.Abs(ss[i].at-ss[j].at) > 0.5 {
			return ss[i].at < ss[j].at
		}
		return ss[i].lo < ss[j].lo
	})
	var out []segment
	for _, s := range ss {
		if k := len(out) - 1; k >= 0 && math.Abs(out[k].at-s.at) <= 0.5 && s.lo <= out[k].hi+gridTol {
			out[k].hi = math.Max(out[k].hi, s.hi)
			continue
		}
		out = append(out, s)
	}
	return out
}

// minCell is the narrowest column or row a table has: closer rules are one border
// drawn double.
const minCell = 4.0

// positions clusters coordinates closer than minCell.
func positions(vals []float64) []float64 {
	sort.Float64s(vals)
	var out []float64
	for _, v := range vals {
		if k := len(out) - 1; k >= 0 && v-out[k] <= minCell {
			continue
		}
		out = append(out, v)
	}
	return out
}

func newGrid(hs, vs []segment) *gridTable {
	if len(hs) < 2 || len(vs) < 2 {
		return nil
	}
	var xv, yv []float64
	for _, v := range vs {
		xv = append(xv, v.at)
	}
	for _, h := range hs {
		yv = append(yv, h.at)
	}
	xs, ys := positions(xv), positions(yv)
	// top to bottom
	for i, j := 0, len(ys)-1; i < j; i, j = i+1, j-1 {
		ys[i], ys[j] = ys[j], ys[i]
	}
	if len(xs) < 3 || len(ys) < 3 || len(xs) > 60 || len(ys) > 400 {
		return nil
	}
	t := &gridTable{xs: xs, ys: ys}
	t.vOK = make([][]bool, t.rows())
	for r := range t.vOK {
		t.vOK[r] = make([]bool, len(xs))
		mid := (ys[r] + ys[r+1]) / 2
		for k, x := range xs {
			for _, v := range vs {
				if math.Abs(v.at-x) <= minCell && v.lo <= mid && v.hi >= mid {
					t.vOK[r][k] = true
					break
				}
			}
		}
	}
	t.hOK = make([][]bool, len(ys))
	for k, y := range ys {
		t.hOK[k] = make([]bool, t.cols())
		for c := range t.hOK[k] {
			mid := (xs[c] + xs[c+1]) / 2
			for _, h := range hs {
				if math.Abs(h.at-y) <= minCell && h.lo <= mid && h.hi >= mid {
					t.hOK[k][c] = true
					break
				}
			}
		}
	}
	t.cells = make([][][]glyph, t.rows())
	for r := range t.cells {
		t.cells[r] = make([][]glyph, t.cols())
	}
	return t
}

// origin returns the cell that covers (r, c): left over missing vertical rules, up over
// missing horizontal ones.
func (t *gridTable) origin(r, c int) (int, int) {
	for c > 0 && !t.vOK[r][c] {
		c--
	}
	for r > 0 && !t.hOK[r][c] {
		r--
		for c > 0 && !t.vOK[r][c] {
			c--
		}
	}
	return r, c
}

// take moves the glyphs inside the grid into its cells and returns the others.
func (t *gridTable) take(gs []glyph) []glyph {
	x0, x1, top, bottom := t.xs[0], t.xs[len(t.xs)-1], t.ys[0], t.ys[len(t.ys)-1]
	rest := make([]glyph, 0, len(gs))
	for _, g := range gs {
		cx, cy := g.x+g.w/2, g.y+g.size*0.3
		if g.dir != 0 || cx <= x0 || cx >= x1 || cy >= top || cy <= bottom {
			rest = append(rest, g)
			continue
		}
		c := sort.SearchFloat64s(t.xs, cx) - 1
		r := 0
		for r < t.rows()-1 && cy < t.ys[r+1] {
			r++
		}
		c = max(0, min(c, t.cols()-1))
		r, c = t.origin(r, c)
		t.cells[r][c] = append(t.cells[r][c], g)
	}
	return rest
}

// filled is the share of the grid's cells that hold text. A ruled table fills most
// of its cells; a chart's gridlines and bars, or a frame, leave most empty.
func (t *gridTable) filled() float64 {
	n, k := 0, 0
	for r := range t.cells {
		for c := range t.cells[r] {
			if or, oc := t.origin(r, c); or != r || oc != c {
				continue
			}
			n++
			if len(t.cells[r][c]) > 0 {
				k++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(k) / float64(n)
}

// cellText lays a cell's glyphs out and joins its lines.
func cellText(gs []glyph, page int) string {
	if len(gs) == 0 {
		return ""
	}
	var parts []string
	for _, l := range clusterLines(gs, page) {
		parts = append(parts, strings.ReplaceAll(l.text, "\t", " "))
	}
	return joinLines(parts)
}

// emit writes the table to the builder with its merges: a cell spans the columns and
// continues into the rows whose positions have it as their origin.
func (t *gridTable) emit(b *reader.Builder, page int) {
	tb := b.Table()
	for r := 0; r < t.rows(); r++ {
		tb.Row()
		for c := 0; c < t.cols(); {
			or, oc := t.origin(r, c)
			span := 1
			for c+span < t.cols() {
				if r2, c2 := t.origin(r, c+span); r2 != or || c2 != oc {
					break
				}
				span++
			}
			vm := reader.NoMerge
			switch {
			case or < r:
				vm = reader.MergeContinue
			case r+1 < t.rows():
				if r2, c2 := t.origin(r+1, c); r2 == or && c2 == oc {
					vm = reader.MergeRestart
				}
			}
			cell := tb.Cell(span, vm)
			if vm != reader.MergeContinue {
				cell.Add(cellText(t.cells[or][oc], page))
			}
			c += span
		}
	}
	tb.End()
}

// tableLine is the size given to the line that stands for a table: no text line
// compares with it.
const tableLine = 1000

// insertTable puts a line standing for table t among the page's lines, by its top.
// Its text is the cells' text, for the page's statistics and checks.
func insertTable(ls []line, t *gridTable, page int) []line {
	var parts []string
	for _, row := range t.cells {
		for _, c := range row {
			if s := cellText(c, page); s != "" {
				parts = append(parts, s)
			}
		}
	}
	tl := line{table: t, page: page, y: t.ys[0], top: t.ys[0], x0: t.xs[0], x1: t.xs[len(t.xs)-1], size: tableLine, text: strings.Join(parts, " ")}
	i := 0
	for i < len(ls) && ls[i].y >= tl.y {
		i++
	}
	ls = append(ls, line{})
	copy(ls[i+1:], ls[i:])
	ls[i] = tl
	return ls
}
