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
		Name:     "percent",
		Category: "percent",
		Doc: `A stated percentage against the fraction it is computed from (value/target of the
record's indicators, and table cells "x/y" beside "p%" under the same header), with
interval arithmetic: every written number stands for ± half its last written digit,
counts are exact, and the two are consistent when the intervals overlap. A value that
matches only when cut off instead of rounded is a truncation.`,
		Situations: map[string]string{"mismatch": baocao.SevError, "truncated": baocao.SevInfo},
		New:        newPercent,
	})
}

type percentOptions struct {
	Common `yaml:",inline"`
	// NumberFormat is the id of the number-format rule the written figures are read with.
	NumberFormat string `yaml:"number_format"`
	// Links are the words that join a fraction to its percentage ("77/277 đạt 27,9%"). A
	// percentage written right after a fraction with none of them between is another
	// column of a flattened table ("43/63 83,0%": a rank and the next cell), not its share.
	Links []string `yaml:"links"`
	// RankHeaders are header words of table columns whose "x/y" is a rank, not a share.
	RankHeaders []string `yaml:"rank_headers"`
	// Units is the units lexicon, for fractions the record lacks (broken over two lines).
	Units string `yaml:"units"`
}

type percentCheck struct {
	numfmt *extract.NumFmt
	qs     quantityScanner
	links  []string
	ranks  []string
}

func newPercent(c *rules.Compiler, decode func(any) error) (Check, error) {
	var o percentOptions
	if err := decode(&o); err != nil {
		return nil, err
	}
	nf, err := requireNumFmt(c, o.NumberFormat)
	if err != nil {
		return nil, err
	}
	if len(o.Links) == 0 {
		return nil, fmt.Errorf("links: list the words that join a fraction to its percentage (đạt, =, …)")
	}
	qs, err := newQuantityScanner(c, o.NumberFormat, o.Units)
	if err != nil {
		return nil, err
	}
	return &percentCheck{numfmt: nf, qs: qs, links: lowerAll(o.Links), ranks: foldAll(o.RankHeaders)}, nil
}

func (*percentCheck) Name() string { return "percent" }

// share is a stated percentage with the fraction it claims to be.
type share struct {
	span       baocao.Span
	v, t, p    extract.Num
	vs, ts, ps string // as written
	conf       float64
}

func (pc *percentCheck) Run(ctx *Context) []baocao.Finding {
	var out []baocao.Finding
	conv := ctx.an.conv
	var taken []baocao.Span
	for _, ind := range ctx.Record().Indicators {
		if !ind.Target.Valid || !ind.Percent.Valid {
			continue
		}
		s, ok := pc.indicatorShare(ind, conv)
		if !ok || !pc.linked(ind) {
			continue
		}
		taken = append(taken, ind.Span)
		if f, ok := pc.judge(ctx, s); ok {
			out = append(out, f)
		}
	}
	// a percentage the record has alone, whose fraction is right before it in the text
	// (a PDF line break inside the fraction hides it from extraction)
	for _, ind := range ctx.Record().Indicators {
		if ind.Target.Valid || !ind.Percent.Valid || overlapsAny(taken, ind.Span) {
			continue
		}
		if s, ok := pc.shareBefore(ctx, ind, conv); ok && !overlapsAny(taken, s.span) {
			taken = append(taken, s.span)
			if f, ok := pc.judge(ctx, s); ok {
				out = append(out, f)
			}
		}
	}
	for _, s := range pc.tableShares(ctx, conv) {
		if overlapsAny(taken, s.span) {
			continue
		}
		if f, ok := pc.judge(ctx, s); ok {
			out = append(out, f)
		}
	}
	return out
}

func (pc *percentCheck) num(text string, v float64, conv extract.Convention) (extract.Num, string) {
	text = strings.TrimSpace(text)
	if n, ok := pc.numfmt.Parse(text, conv); ok && text != "" {
		return n, text
	}
	d := decimalsOf(v)
	return extract.Num{Value: v, Decimals: d, Integer: d == 0}, vnAuto(v, 6)
}

func (pc *percentCheck) indicatorShare(ind baocao.Indicator, conv extract.Convention) (share, bool) {
	s := share{span: ind.Span, conf: ind.Confidence}
	s.v, s.vs = pc.num(ind.ValueText, ind.Value, conv)
	s.t, s.ts = pc.num(ind.TargetText, ind.Target.V, conv)
	s.p, s.ps = pc.num(ind.PercentText, ind.Percent.V, conv)
	return s, s.t.Value > 0
}

// shareBefore finds the fraction written right before a lone percentage ("1.438.337.684
// đồng/⏎4.170.762.000 đồng đạt 34,48 %"), joined to it by a link word only.
func (pc *percentCheck) shareBefore(ctx *Context, ind baocao.Indicator, conv extract.Convention) (share, bool) {
	text := ctx.Text()
	from := max(0, ind.Span.Start-200)
	for from > 0 && !isDigit(text[from]) && text[from] != ' ' && text[from] != '\n' {
		from--
	}
	qs := pc.qs.scan(text, from, ind.Span.Start, conv, ctx.an.dateSpans())
	if len(qs) == 0 {
		return share{}, false
	}
	q := qs[len(qs)-1]
	if q.of == nil || q.percent {
		return share{}, false
	}
	gap := strings.ToLower(text[q.span.End:ind.Span.Start] + ind.Text)
	if i := strings.Index(gap, ind.PercentText); i >= 0 {
		gap = gap[:i]
	}
	// only a link word between them: "… đồng đạt 34,48 %", not "…, trường hợp đạt 100%"
	g := strings.Trim(strings.TrimSpace(gap), ",")
	linked := false
	for _, w := range pc.links {
		if g == w || g == w+" tỷ lệ" {
			linked = true
		}
	}
	if !linked || q.of.value == 0 {
		return share{}, false
	}
	s := share{span: baocao.Span{Start: q.span.Start, End: ind.Span.End}, conf: ind.Confidence,
		v: extract.Num{Value: q.value, Decimals: q.dec}, t: extract.Num{Value: q.of.value, Decimals: q.of.dec},
		vs: q.text, ts: q.of.text}
	s.p, s.ps = pc.num(ind.PercentText, ind.Percent.V, conv)
	return s, true
}

// linked reports whether the indicator's text joins its fraction and its percentage:
// by a link word, by parentheses ("120% … (6/5)"), or by the columns of a table (the
// percentage is not inside the phrase at all).
func (pc *percentCheck) linked(ind baocao.Indicator) bool {
	t := ind.Text
	pi := strings.LastIndex(t, ind.PercentText)
	vi := strings.Index(t, ind.ValueText)
	if ind.PercentText == "" || pi < 0 || vi < 0 {
		return true
	}
	if pi < vi { // the paren form: the percentage first, the fraction in parentheses
		return strings.Contains(t[pi:], "(")
	}
	ti := strings.Index(t[vi+len(ind.ValueText):], ind.TargetText)
	if ti < 0 {
		return true
	}
	gap := strings.ToLower(t[vi+len(ind.ValueText)+ti+len(ind.TargetText) : pi])
	for _, w := range pc.links {
		if strings.Contains(gap, w) {
			return true
		}
	}
	return false
}

// judge compares a stated percentage with the one computed from its fraction.
func (pc *percentCheck) judge(ctx *Context, s share) (baocao.Finding, bool) {
	v := rounded(s.v.Value, s.v.Decimals, true)
	t := rounded(s.t.Value, s.t.Decimals, true)
	q, ok := v.div(t)
	if !ok {
		return baocao.Finding{}, false
	}
	computed := q.scale(100)
	stated := rounded(s.p.Value, s.p.Decimals, false)
	if stated.overlaps(computed) {
		return baocao.Finding{}, false
	}
	d := s.p.Decimals
	unit := 1 / pow10(d)
	mid := computed.mid()
	shown := vn(mid, max(2, d+1))
	frac := s.vs + "/" + s.ts
	// cut off instead of rounded: the stated value is the computed one truncated
	if (interval{s.p.Value, s.p.Value + unit}).overlaps(computed) {
		f, ok := ctx.Finding("truncated", s.span, s.p.Value, roundTo(mid, d),
			"%s = %s %%, which rounds to %s %%; the text states %s %%, the value truncated instead of rounded",
			frac, shown, vn(roundTo(mid, d), d), s.ps)
		f.Confidence = s.conf
		return f, ok
	}
	f, ok := ctx.Finding("mismatch", s.span, s.p.Value, roundTo(mid, d),
		"%s = %s %%, but the text states %s %%", frac, shown, s.ps)
	f.Confidence = s.conf
	return f, ok
}

func pow10(d int) float64 {
	p := 1.0
	for ; d > 0; d-- {
		p *= 10
	}
	return p
}

var (
	reFractionCell = regexp.MustCompile(`^(\d[\d.,]*)\s*/\s*(\d[\d.,]*)$`)
	rePercentCell  = regexp.MustCompile(`^(\d[\d.,]*)\s*%$`)
)

// tableShares finds "x/y" cells followed by a "p%" cell under the same header group.
func (pc *percentCheck) tableShares(ctx *Context, conv extract.Convention) []share {
	doc := ctx.Doc()
	var out []share
	for _, b := range doc.Blocks {
		tab := b.Table
		if b.Kind != baocao.TableKind || tab == nil || len(tab.Rows) < 2 || fromOCR(doc, b) {
			continue
		}
		first := -1 // the first row with a share: rows above it are the header
		for r, row := range tab.Rows {
			for c := 0; c+1 < len(row); c++ {
				if row[c].Covered {
					continue
				}
				fm := reFractionCell.FindStringSubmatch(strings.TrimSpace(row[c].Span.Of(doc.Text)))
				if fm == nil {
					continue
				}
				n := nextCell(row, c)
				if n < 0 {
					continue
				}
				pm := rePercentCell.FindStringSubmatch(strings.TrimSpace(row[n].Span.Of(doc.Text)))
				if pm == nil {
					continue
				}
				if first < 0 {
					first = r
				}
				if !sameGroup(tab, first, c, n) || pc.isRank(doc, tab, first, c) {
					continue
				}
				v, ok1 := pc.numfmt.Parse(fm[1], conv)
				t, ok2 := pc.numfmt.Parse(fm[2], conv)
				p, ok3 := pc.numfmt.Parse(pm[1], conv)
				if !ok1 || !ok2 || !ok3 || t.Value == 0 {
					continue
				}
				out = append(out, share{span: baocao.Span{Start: row[c].Span.Start, End: row[n].Span.End},
					v: v, t: t, p: p, vs: fm[1], ts: fm[2], ps: pm[1], conf: ctx.an.lowConfidence(row[c].Span)})
			}
		}
	}
	return out
}

func nextCell(row []baocao.Cell, c int) int {
	for n := c + 1; n < len(row); n++ {
		if !row[n].Covered {
			return n
		}
	}
	return -1
}

// sameGroup reports whether columns a and b sit under the same merged header cell in
// every header row above row first (or under no merged cell at all).
func sameGroup(tab *baocao.Table, first, a, b int) bool {
	for h := 0; h < first; h++ {
		row := tab.Rows[h]
		if b >= len(row) {
			return false
		}
		ca, cb := row[a], row[b]
		merged := ca.Covered || cb.Covered || ca.ColSpan > 1 || cb.ColSpan > 1
		if merged && ca.Span != cb.Span {
			return false
		}
	}
	return true
}

func (pc *percentCheck) isRank(doc *baocao.Document, tab *baocao.Table, first, c int) bool {
	for h := 0; h < first; h++ {
		if c >= len(tab.Rows[h]) {
			continue
		}
		f := vntext.Fold(tab.Rows[h][c].Span.Of(doc.Text))
		for _, w := range pc.ranks {
			if strings.Contains(f, w) {
				return true
			}
		}
	}
	return false
}

func overlapsAny(spans []baocao.Span, s baocao.Span) bool {
	for _, o := range spans {
		if o.Overlaps(s) {
			return true
		}
	}
	return false
}

func lowerAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToLower(vntext.Normalize(w))
	}
	return out
}

func foldAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = vntext.Fold(vntext.Normalize(w))
	}
	return out
}

// requireNumFmt returns the number-format rule id (default "number.format").
func requireNumFmt(c *rules.Compiler, id string) (*extract.NumFmt, error) {
	if id == "" {
		id = "number.format"
	}
	m, err := c.Require(id)
	if err != nil {
		return nil, fmt.Errorf("number_format: %v", err)
	}
	nf, ok := m.(*extract.NumFmt)
	if !ok {
		return nil, fmt.Errorf("number_format: rule %q is not a number-format rule", id)
	}
	return nf, nil
}
