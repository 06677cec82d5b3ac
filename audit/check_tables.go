package audit

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/rules"
)

func init() {
	Register(Definition{
		Name:     "table-totals",
		Category: "total",
		Doc: `Totals of tables: a row labelled Tổng cộng / Tổng số / Cộng against the rows above it
(or below it, when it comes first), column by column; a column headed Tổng số under a
merged header against the other columns under that header, row by row. A total is
consistent when one natural reading adds up to it: all the rows, the top-level rows
(I, II… or 1, 2…), or the rows that are not sub-rows ("-", "+", "Trong đó", "1.1").
Columns of rates, ranks, indexes and years do not add up and are skipped, and so are
columns with text in them. Commendation summary tables are left to commendation-totals.`,
		Situations: map[string]string{"row-total": baocao.SevError, "column-total": baocao.SevError},
		New:        newTableTotals,
	})
	Register(Definition{
		Name:     "commendation-totals",
		Category: "total",
		Doc: `The TỔNG CỘNG row of the commendation summary table against its levels (I Nhà nước,
II tỉnh, III huyện, IV xã): each level counts with its own row, or with the sum of its
forms when its own row is blank.`,
		Situations: map[string]string{"mismatch": baocao.SevError},
		New:        func(*rules.Compiler, func(any) error) (Check, error) { return commendationTotals{}, nil },
	})
}

type tableOptions struct {
	Common       `yaml:",inline"`
	NumberFormat string   `yaml:"number_format"`
	TotalWords   []string `yaml:"total_words"`  // labels of total rows and columns
	NonAdditive  []string `yaml:"non_additive"` // header words (lower case) of columns that do not add up
	SubRows      []string `yaml:"sub_rows"`     // labels of rows that detail the row above
}

type tableTotals struct {
	numfmt      *extract.NumFmt
	totals      []string
	nonAdditive []string
	subRows     []string
}

func newTableTotals(c *rules.Compiler, decode func(any) error) (Check, error) {
	var o tableOptions
	if err := decode(&o); err != nil {
		return nil, err
	}
	nf, err := requireNumFmt(c, o.NumberFormat)
	if err != nil {
		return nil, err
	}
	if len(o.TotalWords) == 0 {
		return nil, fmt.Errorf("total_words: list the labels of total rows (tổng cộng, tổng số, cộng)")
	}
	return &tableTotals{numfmt: nf, totals: foldAll(o.TotalWords), nonAdditive: lowerAll(o.NonAdditive), subRows: foldAll(o.SubRows)}, nil
}

func (*tableTotals) Name() string { return "table-totals" }

// fromOCR reports whether a block is on a page read by OCR: tables rebuilt from a scan's
// layout shift cells between columns and lose decimal commas, so their columns are not
// summed.
func fromOCR(doc *baocao.Document, b baocao.Block) bool {
	for _, p := range doc.Pages {
		if p.Source == baocao.FromOCR && (p.Number == b.Page || p.Span.Contains(baocao.Span{Start: b.Span.Start, End: b.Span.Start + 1})) {
			return true
		}
	}
	return false
}

// grid is a table with its cells read.
type grid struct {
	doc    *baocao.Document
	tab    *baocao.Table
	header int // rows [0, header) are the header
	cols   int
}

func (g grid) text(r, c int) string {
	row := g.tab.Rows[r]
	if c >= len(row) || row[c].Covered {
		return ""
	}
	return strings.TrimSpace(row[c].Span.Of(g.doc.Text))
}

// label is the text of a row's first non-empty cell among its first three.
func (g grid) label(r int) string {
	for c := 0; c < min(3, g.cols); c++ {
		if t := g.text(r, c); t != "" {
			return t
		}
	}
	return ""
}

// headerText is what the header says over column c.
func (g grid) headerText(c int) string {
	var parts []string
	for r := 0; r < g.header; r++ {
		if c < len(g.tab.Rows[r]) {
			parts = append(parts, strings.TrimSpace(g.tab.Rows[r][c].Span.Of(g.doc.Text)))
		}
	}
	return strings.Join(parts, " ")
}

// cell is a number read from a cell: blank cells are 0; ok is false for text.
type cell struct {
	iv    interval
	blank bool
	ok    bool
}

var reCellNumber = regexp.MustCompile(`^\d[\d.,]*$`)

func (tt *tableTotals) read(g grid, r, c int, conv extract.Convention) cell {
	t := g.text(r, c)
	if t == "" || t == "-" {
		return cell{iv: exactly(0), blank: true, ok: true}
	}
	if !reCellNumber.MatchString(t) {
		return cell{}
	}
	n, ok := tt.numfmt.Parse(t, conv)
	if !ok {
		return cell{}
	}
	return cell{iv: rounded(n.Value, n.Decimals, true), ok: true}
}

func (tt *tableTotals) isTotal(label string) bool {
	f := vntext.Fold(label)
	for _, w := range tt.totals {
		if f == w || strings.HasPrefix(f, w+" ") || strings.HasPrefix(f, w+":") || strings.HasPrefix(f, w+"(") {
			return true
		}
	}
	return false
}

var (
	reRomanLabel  = regexp.MustCompile(`^[IVXLC]{1,6}\.?$`)
	reIntLabel    = regexp.MustCompile(`^\d{1,3}\.?$`)
	reLetterLabel = regexp.MustCompile(`^[a-zđ]\)`)
	reSubLabel    = regexp.MustCompile(`^(?:[-+•*]|[a-zđ]\)|\d{1,2}\.\d{1,2}(?:\.\d{1,2})*\.?)$`)
)

func (tt *tableTotals) isSub(label string) bool {
	if reSubLabel.MatchString(label) {
		return true
	}
	f := vntext.Fold(label)
	for _, w := range tt.subRows {
		if strings.HasPrefix(f, w) {
			return true
		}
	}
	return false
}

func (tt *tableTotals) Run(ctx *Context) []baocao.Finding {
	doc := ctx.Doc()
	var comm []baocao.Span
	for _, c := range ctx.Record().Commendations {
		if c.Source == "table" {
			comm = append(comm, c.Span)
		}
	}
	var out []baocao.Finding
	for _, b := range doc.Blocks {
		if b.Kind != baocao.TableKind || b.Table == nil || len(b.Table.Rows) < 3 || overlapsAny(comm, b.Span) || fromOCR(doc, b) {
			continue
		}
		g := grid{doc: doc, tab: b.Table, cols: len(b.Table.Rows[0])}
		g.header = tt.headerRows(g, ctx.an.conv)
		if g.header >= len(b.Table.Rows) {
			continue
		}
		out = append(out, tt.rowTotals(ctx, g)...)
		out = append(out, tt.columnTotals(ctx, g)...)
	}
	return out
}

// headerRows counts the rows before the first one with a number in a data column; a row
// of column numbers ("1 2 3 …", "(1) (2) …", "A B 1 2") is header too.
func (tt *tableTotals) headerRows(g grid, conv extract.Convention) int {
	for r := 0; r < len(g.tab.Rows); r++ {
		if columnNumbers(g, r) {
			continue
		}
		for c := 1; c < g.cols; c++ {
			if x := tt.read(g, r, c, conv); x.ok && !x.blank {
				return r
			}
		}
	}
	return len(g.tab.Rows)
}

// columnNumbers reports whether row r numbers the columns: "1 2 3 …", "(1) (2) …",
// "A B 1 2 3": letters, then integers that go up by one from 1.
func columnNumbers(g grid, r int) bool {
	n, next := 0, 1
	for c := 0; c < g.cols; c++ {
		t := strings.Trim(g.text(r, c), "()")
		if t == "" {
			continue
		}
		switch {
		case len(t) == 1 && t[0] >= 'A' && t[0] <= 'Z' && next == 1:
		case atoi(t) == next:
			next++
		default:
			return false
		}
		n++
	}
	return n >= 3 && next > 2
}

func (tt *tableTotals) additive(g grid, c int) bool {
	h := strings.ToLower(g.headerText(c)) // diacritics kept: "năm" is a year, "Nam" men
	for _, w := range tt.nonAdditive {
		if strings.Contains(h, w) {
			return false
		}
	}
	return true
}

// rowTotals checks each total row against the rows it totals: the rows above it up to
// the header, a section row (a label with no figures) or another total; or, when it opens
// its section, the rows below it up to the next one.
func (tt *tableTotals) rowTotals(ctx *Context, g grid) []baocao.Finding {
	conv := ctx.an.conv
	var out []baocao.Finding
	n := len(g.tab.Rows)
	stop := func(r int) bool { return tt.isTotal(g.label(r)) || tt.sectionRow(g, r, conv) }
	for t := g.header; t < n; t++ {
		if !tt.isTotal(g.label(t)) {
			continue
		}
		var rows []int
		r0 := t - 1
		for ; r0 >= g.header && !stop(r0); r0-- {
			rows = append([]int{r0}, rows...)
		}
		// a table with no header that is summed from its first row continues one on the
		// page before; rows that run to the table's end may go on on the next page: then
		// the rows at hand may add up to less than the total, not more
		open := g.header == 0 && r0 < 0
		if len(rows) == 0 {
			r := t + 1
			for ; r < n && !stop(r); r++ {
				rows = append(rows, r)
			}
			open = r == n
		}
		if len(rows) < 2 {
			continue
		}
		for c := 1; c < g.cols; c++ {
			tot := tt.read(g, t, c, conv)
			if !tot.ok || tot.blank || !tt.additive(g, c) || g.text(t, c) == g.label(t) {
				continue
			}
			readings, preferred, ok := tt.readings(g, rows, c, conv)
			if !ok {
				continue
			}
			consistent := false
			for _, s := range readings {
				if s.overlaps(tot.iv) || (open && s.lo <= tot.iv.hi) {
					consistent = true
				}
			}
			if consistent {
				continue
			}
			row := g.tab.Rows[t]
			span := baocao.Span{Start: row[0].Span.Start, End: row[len(row)-1].Span.End}
			f, ok := ctx.Finding("row-total", span, tot.iv.mid(), preferred.mid(),
				"the '%s' row gives %s in the column '%s', but the rows it totals add up to %s",
				g.label(t), g.text(t, c), headerName(g, c), vnAuto(preferred.mid(), 4))
			if ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// sectionRow reports whether row r is a section title inside the table: a label and no
// figure at all.
func (tt *tableTotals) sectionRow(g grid, r int, conv extract.Convention) bool {
	if g.label(r) == "" || tt.isTotal(g.label(r)) {
		return false
	}
	for c := 1; c < g.cols; c++ {
		if x := tt.read(g, r, c, conv); x.ok && !x.blank {
			return false
		}
	}
	return true
}

// labelKind sorts row labels: "roman" (I, II), "int" (1, 2), "dash" (- …), "plus" (+ …),
// "letter" (a), b)), "sub" (Trong đó, 1.1) and "" for plain text.
func (tt *tableTotals) labelKind(l string) string {
	t := strings.TrimSpace(l)
	f := vntext.Fold(t)
	switch {
	case reRomanLabel.MatchString(t):
		return "roman"
	case reIntLabel.MatchString(t):
		return "int"
	case strings.HasPrefix(t, "-") || strings.HasPrefix(t, "–"):
		return "dash"
	case strings.HasPrefix(t, "+") || strings.HasPrefix(f, "trong do") && strings.Contains(t, "+"):
		return "plus"
	case reLetterLabel.MatchString(t):
		return "letter"
	case tt.isSub(t):
		return "sub"
	}
	return ""
}

// readings returns the sums of column c over the rows: all of them, the rows of each kind
// of label (Roman, integers, "-", "+", …) and the rows that are no sub-rows; preferred is
// the one a message quotes (the Roman rows when there are, else the rows that are no
// sub-rows). ok is false when a cell holds text, or every cell is blank.
func (tt *tableTotals) readings(g grid, rows []int, c int, conv extract.Convention) (out []interval, preferred interval, ok bool) {
	all, top := exactly(0), exactly(0)
	kinds := map[string]interval{}
	var order []string
	filled, nt := 0, 0
	for _, r := range rows {
		x := tt.read(g, r, c, conv)
		if !x.ok {
			return nil, interval{}, false
		}
		if !x.blank {
			filled++
		}
		all = all.add(x.iv)
		k := tt.labelKind(g.label(r))
		if k != "" {
			if _, seen := kinds[k]; !seen {
				order = append(order, k)
			}
			kinds[k] = kinds[k].add(x.iv)
		}
		if k != "sub" && k != "plus" && k != "letter" && !tt.isSub(g.label(r)) {
			top, nt = top.add(x.iv), nt+1
		}
	}
	if filled == 0 {
		return nil, interval{}, false
	}
	out = append(out, all)
	for _, k := range order {
		out = append(out, kinds[k])
	}
	preferred = all
	if nt > 0 {
		out = append(out, top)
		preferred = top
	}
	if r, ok := kinds["roman"]; ok {
		preferred = r
	}
	return out, preferred, true
}

func headerName(g grid, c int) string {
	h := strings.Join(strings.Fields(g.headerText(c)), " ")
	if h == "" {
		return fmt.Sprintf("%d", c+1)
	}
	return h
}

// columnTotals checks a "Tổng số" column against its siblings under one merged header.
func (tt *tableTotals) columnTotals(ctx *Context, g grid) []baocao.Finding {
	conv := ctx.an.conv
	var out []baocao.Finding
	for h := 1; h < g.header; h++ {
		parent := g.tab.Rows[h-1]
		for c := 0; c < g.cols && c < len(g.tab.Rows[h]); c++ {
			if !tt.isTotal(g.text(h, c)) || c >= len(parent) {
				continue
			}
			// the siblings: the columns under the same merged parent cell
			var sib []int
			for k := 0; k < g.cols && k < len(parent); k++ {
				if k != c && parent[k].Span == parent[c].Span && (parent[c].Covered || parent[c].ColSpan > 1 || parent[k].Covered) {
					sib = append(sib, k)
				}
			}
			if len(sib) < 2 || !tt.additive(g, c) {
				continue
			}
			for r := g.header; r < len(g.tab.Rows); r++ {
				tot := tt.read(g, r, c, conv)
				if !tot.ok || tot.blank {
					continue
				}
				sum, ok := exactly(0), true
				for _, k := range sib {
					x := tt.read(g, r, k, conv)
					if !x.ok || !tt.additive(g, k) {
						ok = false
						break
					}
					sum = sum.add(x.iv)
				}
				if !ok || sum.overlaps(tot.iv) || sum.hi == 0 {
					continue
				}
				row := g.tab.Rows[r]
				span := baocao.Span{Start: row[0].Span.Start, End: row[len(row)-1].Span.End}
				f, ok := ctx.Finding("column-total", span, tot.iv.mid(), sum.mid(),
					"in the row '%s', the column '%s' gives %s, but the columns it totals add up to %s",
					g.label(r), headerName(g, c), g.text(r, c), vnAuto(sum.mid(), 4))
				if ok {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

// ---- commendation summary: TỔNG CỘNG against the levels

type commendationTotals struct{}

func (commendationTotals) Name() string { return "commendation-totals" }

func (commendationTotals) Run(ctx *Context) []baocao.Finding {
	cs := ctx.Record().Commendations
	levels, seen := levelCounts(cs)
	var out []baocao.Finding
	for _, t := range cs {
		if t.Source != "table" || t.Level != baocao.LevelTotal || len(seen) == 0 {
			continue
		}
		var sum [3]int
		var terms [3][]string
		for _, l := range []string{baocao.LevelState, baocao.LevelProvince, baocao.LevelDistrict, baocao.LevelCommune} {
			if !seen[l] {
				continue
			}
			for k := range sum {
				sum[k] += levels[l][k]
				terms[k] = append(terms[k], fmt.Sprintf("%d", levels[l][k]))
			}
		}
		for k, n := range counts(t) {
			if n == sum[k] {
				continue
			}
			f, ok := ctx.Finding("mismatch", t.Span, n, sum[k],
				"the TỔNG CỘNG row counts %d %s, but the levels add up to %d (%s)", n, countNames[k], sum[k], strings.Join(terms[k], " + "))
			if ok {
				f.Confidence = t.Confidence
				out = append(out, f)
			}
		}
	}
	return out
}
