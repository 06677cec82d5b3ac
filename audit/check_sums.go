package audit

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/rules"
)

func init() {
	Register(Definition{
		Name:     "breakdown",
		Category: "sum",
		Doc: `Parts and wholes, in both directions: a figure followed by its breakdown ("86,7 ha … Trong đó Nhà nước hỗ
trợ 65ha, nhân dân tự bỏ vốn 21,7 ha", "Tổng đàn … 92 con. Trong đó: trâu 31, bò 21, lợn
40", "07 trường hợp (04 NCT, 03 NKT)", a "trong đó:" followed by "-" items), parts followed by their total ("…, tổng cộng
05 lượt"), and a footnote that breaks down the figure its marker follows (the crop areas of footnote 1
against "332,6 ha"; when their areas add up, their plans must add up to the body's plan
too). The parts are the figures of the breakdown counted in the same unit (or written
with none); sums use interval arithmetic. A breakdown is consistent when some of its
parts add up to the whole: a "trong đó" list may go on with things outside the whole
("đàn gia cầm") or nest a breakdown of its own. Lists of attributes that may overlap
("nữ", "đảng viên") are not sums.`,
		Situations: map[string]string{"mismatch": baocao.SevWarning, "part-exceeds": baocao.SevError, "targets": baocao.SevWarning},
		New:        newBreakdown,
	})
	Register(Definition{
		Name:     "unit-price",
		Category: "sum",
		Doc: `Count × amount = total: "tặng 34 hộ … mỗi suất quà trị giá 300.000đ = 10.200.000đ",
"02 người x 5.000.000 đồng = 10.000.000 đồng". The count is the one the "x" names, or, after
"mỗi", the last count written before it in the paragraph (any count of the paragraph that
gives the total is accepted).`,
		Situations: map[string]string{"product": baocao.SevError},
		New:        newUnitPrice,
	})
}

type sumOptions struct {
	Common       `yaml:",inline"`
	NumberFormat string              `yaml:"number_format"`
	Units        string              `yaml:"units"`
	Markers      []string            `yaml:"markers"`      // words that open a breakdown
	NoteMarkers  []string            `yaml:"note_markers"` // words a footnote that breaks down a figure starts with
	Overlapping  []string            `yaml:"overlapping"`  // part labels of attributes that may overlap
	Groups       map[string][]string `yaml:"unit_groups"`  // units counted together (people: người, cán bộ, …)
	Money        map[string]float64  `yaml:"money"`        // money units → đồng
	MaxParts     int                 `yaml:"max_parts"`
	Window       int                 `yaml:"window"`      // bytes before a marker where its whole is looked for
	Slack        float64             `yaml:"slack"`       // relative slack for an approximate whole ("khoảng 92 con")
	Per          []string            `yaml:"per"`         // words after "mỗi" that make an amount a unit price
	TotalWords   []string            `yaml:"total_words"` // words before a figure that total the parts before it
}

// units tells which quantities are counted together.
type unitClasses struct {
	group map[string]string
	money map[string]float64
}

func newUnitClasses(o sumOptions) (unitClasses, error) {
	uc := unitClasses{group: map[string]string{}, money: map[string]float64{}}
	for g, us := range o.Groups {
		for _, u := range us {
			uc.group[u] = g
		}
	}
	for u, k := range o.Money {
		if k <= 0 {
			return uc, fmt.Errorf("money.%s: %v is not a positive factor", u, k)
		}
		uc.money[u] = k
	}
	if len(uc.money) == 0 {
		return uc, fmt.Errorf("money: list the money units and their value in đồng (đồng: 1, triệu đồng: 1000000, …)")
	}
	return uc, nil
}

// class returns the class of a quantity's unit and the factor that brings it to the
// class's base unit ("tỷ đồng" → money, 1e9).
func (uc unitClasses) class(q quantity) (string, float64) {
	if k, ok := uc.money[q.unit]; ok {
		return "money", k
	}
	if g, ok := uc.group[q.unit]; ok {
		return g, 1
	}
	return q.unit, 1
}

func (uc unitClasses) value(q quantity) interval {
	_, k := uc.class(q)
	return q.iv().scale(k)
}

type breakdown struct {
	qs          quantityScanner
	uc          unitClasses
	markers     [][]string // each marker in its casings
	noteMarkers []string
	overlapping []string
	maxParts    int
	window      int
	slack       float64
	totalWords  []string
}

func newBreakdown(c *rules.Compiler, decode func(any) error) (Check, error) {
	var o sumOptions
	if err := decode(&o); err != nil {
		return nil, err
	}
	qs, err := newQuantityScanner(c, o.NumberFormat, o.Units)
	if err != nil {
		return nil, err
	}
	uc, err := newUnitClasses(o)
	if err != nil {
		return nil, err
	}
	if len(o.Markers) == 0 {
		return nil, fmt.Errorf("markers: list the words that open a breakdown (trong đó, bao gồm, …)")
	}
	if o.MaxParts <= 0 || o.MaxParts > 16 {
		o.MaxParts = 14
	}
	if o.Window <= 0 {
		o.Window = 300
	}
	if o.Slack < 0 || o.Slack > 0.2 {
		return nil, fmt.Errorf("slack: %v is not in [0, 0.2]", o.Slack)
	}
	var markers [][]string
	for _, m := range lowerAll(o.Markers) {
		markers = append(markers, casings(m))
	}
	return &breakdown{qs: qs, uc: uc, markers: markers, noteMarkers: foldAll(o.NoteMarkers),
		overlapping: lowerAll(o.Overlapping), maxParts: o.MaxParts, window: o.Window, slack: o.Slack,
		totalWords: lowerAll(o.TotalWords)}, nil
}

func (*breakdown) Name() string { return "breakdown" }

// marker is where a breakdown opens.
type marker struct {
	start, end int // the marker's words (or the "(")
	paren      bool
}

func (bd *breakdown) Run(ctx *Context) []baocao.Finding {
	doc := ctx.Doc()
	var out []baocao.Finding
	for bi, b := range doc.Blocks {
		switch b.Kind {
		case baocao.Paragraph, baocao.ListItem, baocao.Note:
		default:
			continue
		}
		qs := ctx.an.quantitiesOf(bd.qs, bi)
		if len(qs) == 0 {
			continue
		}
		for _, m := range bd.markersIn(doc.Text, baocao.Span{Start: b.Span.Start, End: min(b.Span.End, len(doc.Text))}) {
			if f, ok := bd.one(ctx, bi, qs, m); ok {
				out = append(out, f)
			}
		}
		out = append(out, bd.totalsAfter(ctx, b, qs)...)
	}
	out = append(out, bd.footnotes(ctx)...)
	return out
}

// totalsAfter checks the other direction: parts first, then their total ("tiếp 02 lượt
// lãnh đạo, 03 lượt công chức, tổng cộng 05 lượt").
func (bd *breakdown) totalsAfter(ctx *Context, b baocao.Block, qs []quantity) []baocao.Finding {
	text := ctx.Text()
	var out []baocao.Finding
	for i, q := range qs {
		if q.percent || q.of != nil || q.unit == "" || !bd.totalWordBefore(text, q.span.Start) {
			continue
		}
		from := clauseStartSentence(text, b.Span.Start, q.span.Start)
		if k := strings.LastIndex(text[from:q.span.Start], ":"); k >= 0 {
			from += k + 1
		}
		class, _ := bd.uc.class(q)
		var parts []quantity
		for _, p := range qs[:i] {
			if c, _ := bd.uc.class(p); p.span.Start >= from && !p.percent && c == class {
				parts = append(parts, p)
			}
		}
		if len(parts) < 2 || len(parts) > bd.maxParts || bd.overlap(text, from, parts) {
			continue
		}
		if f, ok := bd.judge(ctx, q, parts, baocao.Span{Start: parts[0].span.Start, End: q.span.End}); ok {
			out = append(out, f)
		}
	}
	return out
}

// totalWordBefore reports whether the figure at i follows a word that makes it the total
// of what comes before: "tổng cộng", "tổng số", "cộng", "tất cả".
func (bd *breakdown) totalWordBefore(text string, i int) bool {
	w := strings.ToLower(strings.Trim(prevWords(text, i, 2), ":,"))
	for _, t := range bd.totalWords {
		if w == t || strings.HasSuffix(w, " "+t) {
			return true
		}
	}
	return false
}

// markersIn finds the breakdown markers of a block: the marker words at word boundaries
// (the longest where two start at once) and every "(".
func (bd *breakdown) markersIn(text string, span baocao.Span) []marker {
	t := span.Of(text)
	var out []marker
	for i := 0; i < len(t); i++ {
		if t[i] == '(' {
			out = append(out, marker{span.Start + i, span.Start + i + 1, true})
		}
	}
	for _, forms := range bd.markers {
		// as written in lower case, capitalized at a sentence start, or in capitals
		for _, form := range forms {
			for from := 0; ; {
				k := strings.Index(t[from:], form)
				if k < 0 {
					break
				}
				s, e := from+k, from+k+len(form)
				from = e
				if s > 0 {
					if r, _ := utf8.DecodeLastRuneInString(t[:s]); unicode.IsLetter(r) {
						continue
					}
				}
				if e < len(t) {
					if r, _ := utf8.DecodeRuneInString(t[e:]); unicode.IsLetter(r) {
						continue
					}
				}
				out = append(out, marker{span.Start + s, span.Start + e, false})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].start != out[j].start {
			return out[i].start < out[j].start
		}
		return out[i].end > out[j].end
	})
	kept := out[:0]
	for _, m := range out {
		if n := len(kept); n > 0 && m.start < kept[n-1].end {
			continue // "gồm" inside "bao gồm"
		}
		kept = append(kept, m)
	}
	return kept
}

// casings returns a lower-case word as written in lower case, capitalized and in capitals.
func casings(w string) []string {
	r, n := utf8.DecodeRuneInString(w)
	title := string(unicode.ToUpper(r)) + w[n:]
	return []string{w, title, strings.ToUpper(w)}
}

// one checks the breakdown that opens at m in block bi.
func (bd *breakdown) one(ctx *Context, bi int, qs []quantity, m marker) (baocao.Finding, bool) {
	doc := ctx.Doc()
	text := doc.Text
	b := doc.Blocks[bi]
	rstart, rend := m.end, bd.regionEnd(text, b.Span, m)
	var region []quantity
	if strings.TrimSpace(strings.Trim(text[m.end:b.Span.End], ":., ")) == "" && !m.paren {
		// "… trong đó:" ends the paragraph: the parts are the "-" items that follow
		region, rstart, rend = bd.itemParts(ctx, bi)
	} else {
		for _, q := range qs {
			// figures inside parentheses within the breakdown comment on a part ("1.186 bác
			// sĩ (số BS/vạn dân đạt 6,62)") or break it down in turn: they are no parts
			if q.span.Start >= rstart && q.span.End <= rend && !q.percent && parenDepth(text, rstart, q.span.Start) == 0 {
				region = append(region, q)
			}
		}
	}
	if len(region) == 0 {
		return baocao.Finding{}, false
	}
	// the whole: right before a "(", else the nearest figure before the marker counted in
	// the parts' unit
	var whole *quantity
	class := ""
	if m.paren {
		for i := len(qs) - 1; i >= 0; i-- {
			q := qs[i]
			if q.span.End <= m.start && !q.percent && m.start-q.span.End <= 40 && !strings.ContainsAny(text[q.span.End:m.start], ".;:,") {
				whole = &qs[i]
				class, _ = bd.uc.class(q)
			}
			if q.span.End <= m.start {
				break
			}
		}
		if whole == nil || whole.unit == "" {
			return baocao.Finding{}, false
		}
	} else {
		for _, q := range region {
			if q.unit != "" {
				class, _ = bd.uc.class(q)
				break
			}
		}
		if class == "" {
			return baocao.Finding{}, false
		}
		from := max(b.Span.Start, m.start-bd.window)
		for i := len(qs) - 1; i >= 0; i-- {
			q := qs[i]
			if q.span.End > m.start || q.percent || q.span.Start < from {
				continue
			}
			if c, _ := bd.uc.class(q); c == class && q.unit != "" {
				whole = &qs[i]
				break
			}
		}
		if whole == nil || sentencesBetween(text, whole.span.End, m.start) > 1 {
			return baocao.Finding{}, false
		}
	}
	var parts []quantity
	for _, q := range region {
		c, _ := bd.uc.class(q)
		if c == class || q.unit == "" || (m.paren && !q.known && bd.uc.money[q.unit] == 0) {
			parts = append(parts, q)
		}
	}
	if len(parts) == 0 || len(parts) > bd.maxParts || bd.overlap(text, rstart, parts) {
		return baocao.Finding{}, false
	}
	// a parenthesis after a figure is a breakdown only when it lists parts ("07 trường
	// hợp (04 NCT, 03 NKT)"); else it comments on the figure ("24.690 người (số trẻ sinh
	// ra sống là 24.781 trẻ, tỷ số giới tính khi sinh là 110)")
	if m.paren && (len(parts) < 2 || !shortLabels(text, rstart, parts, 4)) {
		return baocao.Finding{}, false
	}
	return bd.judge(ctx, *whole, parts, baocao.Span{Start: whole.span.Start, End: rend})
}

// parenDepth returns how many parentheses opened in [from, at) are still open at at.
func parenDepth(text string, from, at int) int {
	d := 0
	for i := from; i < at && i < len(text); i++ {
		switch text[i] {
		case '(':
			d++
		case ')':
			if d > 0 {
				d--
			}
		}
	}
	return d
}

// shortLabels reports whether the words before each part (since the previous one) are at
// most n: the parts of a list, not figures inside sentences.
func shortLabels(text string, from int, parts []quantity, n int) bool {
	prev := from
	for _, p := range parts {
		if p.span.Start < prev {
			continue
		}
		if len(strings.Fields(strings.NewReplacer(",", " ", ";", " ", ":", " ").Replace(text[prev:p.span.Start]))) > n {
			return false
		}
		prev = p.span.End
	}
	return true
}

// sentencesBetween counts the sentence ends (". " before an upper-case letter) in [a, b).
func sentencesBetween(text string, a, b int) int {
	n := 0
	for i := a; i < b && i+2 < len(text); i++ {
		if text[i] == '.' && text[i+1] == ' ' {
			if r, _ := utf8.DecodeRuneInString(text[i+2:]); unicode.IsUpper(r) {
				n++
			}
		}
	}
	return n
}

// regionEnd returns where the breakdown opened at m ends: its ")" (or, unbalanced, the
// block's end), else the end of the sentence.
func (bd *breakdown) regionEnd(text string, span baocao.Span, m marker) int {
	end := min(span.End, len(text))
	if m.paren {
		depth := 1
		for i := m.end; i < end; i++ {
			switch text[i] {
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					return i
				}
			}
		}
		return end
	}
	for i := m.end; i+2 < end; i++ {
		if text[i] == '.' && text[i+1] == ' ' {
			if r, _ := utf8.DecodeRuneInString(text[i+2:]); unicode.IsUpper(r) {
				return i
			}
		}
	}
	return end
}

// itemParts returns the quantities of the list items after block bi (up to the first
// block that is not an item) and the span they cover.
func (bd *breakdown) itemParts(ctx *Context, bi int) ([]quantity, int, int) {
	doc := ctx.Doc()
	var out []quantity
	start, end := -1, -1
	label := ""
	for j := bi + 1; j < len(doc.Blocks) && j <= bi+15; j++ {
		n := doc.Blocks[j]
		t := strings.TrimSpace(n.Span.Of(doc.Text))
		l := n.Label
		if l == "" && (strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "+ ")) {
			l = t[:1]
		}
		if n.Kind == baocao.Note {
			continue
		}
		if l == "" || (label != "" && l != label) || (n.Level > 0 && n.Level < 8) {
			break
		}
		label = l
		if start < 0 {
			start = n.Span.Start
		}
		end = n.Span.End
		// only each item's own figures before any "(": what follows is its own breakdown
		cut := n.Span.End
		if k := strings.IndexByte(t, '('); k >= 0 {
			cut = n.Span.Start + strings.Index(n.Span.Of(doc.Text), "(")
		}
		for _, q := range ctx.an.quantitiesOf(bd.qs, j) {
			if !q.percent && q.span.End <= cut {
				out = append(out, q)
			}
		}
	}
	return out, start, end
}

// overlap reports whether the parts' labels name attributes that may overlap ("nữ",
// "đảng viên"): such lists are not sums.
func (bd *breakdown) overlap(text string, from int, parts []quantity) bool {
	prev := from
	for _, p := range parts {
		if p.span.Start < prev {
			continue
		}
		label := strings.ToLower(text[prev:p.span.Start])
		label = strings.Trim(label, " ,;:-+")
		for _, w := range bd.overlapping {
			if strings.HasPrefix(label, w) || strings.Contains(label, " "+w) {
				return true
			}
		}
		prev = p.span.End
	}
	return false
}

// wholeInterval is the interval a whole allows, widened for "khoảng", open-ended for
// "hơn", "trên", "dưới".
func (bd *breakdown) wholeInterval(w quantity) interval {
	iv := bd.uc.value(w)
	switch w.approx {
	case "khoang", "gan", "uoc", "xap xi":
		d := bd.slack * iv.hi
		return interval{iv.lo - d, iv.hi + d}
	case "hon", "tren", "it nhat", "toi thieu":
		return interval{iv.lo, math.Inf(1)}
	case "duoi", "chua den", "chua toi", "toi da":
		return interval{math.Inf(-1), iv.hi}
	}
	return iv
}

// judge compares a whole with its parts.
func (bd *breakdown) judge(ctx *Context, whole quantity, parts []quantity, span baocao.Span) (baocao.Finding, bool) {
	w := bd.wholeInterval(whole)
	vals := make([]interval, len(parts))
	for i, p := range parts {
		vals[i] = bd.uc.value(p)
	}
	if anySubset(vals, w) {
		return baocao.Finding{}, false
	}
	// a first (or only) part larger than the whole contradicts it; a later one is taken
	// for something the list goes on with outside the whole ("đàn gia cầm" after the
	// livestock) and left out of the sum
	larger := func(v interval) bool { return v.lo > w.hi+1e-9*math.Max(1, w.hi) }
	if larger(vals[0]) {
		return ctx.Finding("part-exceeds", span, parts[0].value, whole.value,
			"'%s' is a part of '%s', but it is larger than the whole", parts[0].written(), whole.written())
	}
	keptParts, keptVals := parts[:0:0], vals[:0:0]
	for i, v := range vals {
		if !larger(v) {
			keptParts, keptVals = append(keptParts, parts[i]), append(keptVals, v)
		}
	}
	parts, vals = keptParts, keptVals
	if len(parts) < 2 {
		return baocao.Finding{}, false
	}
	shown := shownParts(vals, w)
	sum := exactly(0)
	var terms []string
	for _, i := range shown {
		sum = sum.add(vals[i])
		terms = append(terms, parts[i].text)
	}
	_, k := bd.uc.class(whole)
	total := sum.mid() / k
	return ctx.Finding("mismatch", span, whole.value, roundTo(total, 6),
		"the parts of '%s' add up to %s (%s), not %s", whole.written(), vnAuto(total, 4)+unitSuffix(whole),
		strings.Join(terms, " + "), whole.written())
}

func unitSuffix(q quantity) string {
	if q.unitText == "" {
		return ""
	}
	return " " + q.unitText
}

// anySubset reports whether some non-empty subset of vals adds up to w (n ≤ 16).
func anySubset(vals []interval, w interval) bool {
	n := len(vals)
	sums := make([]interval, 1<<n)
	for mask := 1; mask < 1<<n; mask++ {
		low := mask & -mask
		i := 0
		for 1<<i != low {
			i++
		}
		sums[mask] = sums[mask^low].add(vals[i])
		if sums[mask].overlaps(w) {
			return true
		}
	}
	return false
}

// shownParts picks the parts a message lists: the longest prefix (of two or more) that
// stays within the whole, else all of them.
func shownParts(vals []interval, w interval) []int {
	sum := exactly(0)
	var out []int
	for i, v := range vals {
		if s := sum.add(v); s.lo > w.hi && len(out) >= 2 {
			break
		} else {
			sum = s
		}
		out = append(out, i)
	}
	return out
}

// footnotes checks the footnotes that break down the figure their marker follows.
func (bd *breakdown) footnotes(ctx *Context) []baocao.Finding {
	doc := ctx.Doc()
	text := doc.Text
	var out []baocao.Finding
	for _, fn := range doc.Footnotes {
		if fn.Ref.IsZero() || fn.Span.IsZero() {
			continue
		}
		note := fn.Span.Of(text)
		lead := strings.TrimLeft(vntext.Fold(note), " -+*:.")
		ok := false
		for _, w := range bd.noteMarkers {
			if strings.HasPrefix(lead, w) {
				ok = true
			}
		}
		if !ok {
			continue
		}
		bi := doc.BlockAt(fn.Ref.Start)
		ni := doc.BlockAt(fn.Span.Start)
		if bi < 0 || ni < 0 {
			continue
		}
		// the figure right before the marker, in its sentence
		var whole *quantity
		cs := clauseStartSentence(text, doc.Blocks[bi].Span.Start, fn.Ref.Start)
		qs := ctx.an.quantitiesOf(bd.qs, bi)
		for i := len(qs) - 1; i >= 0; i-- {
			if q := qs[i]; q.span.End <= fn.Ref.Start && q.span.Start >= cs && !q.percent && q.unit != "" {
				whole = &qs[i]
				break
			}
		}
		if whole == nil {
			continue
		}
		class, _ := bd.uc.class(*whole)
		var parts []quantity
		for _, q := range ctx.an.quantitiesOf(bd.qs, ni) {
			if c, _ := bd.uc.class(q); !q.percent && q.span.Start >= fn.Span.Start && (c == class || q.unit == "") {
				parts = append(parts, q)
			}
		}
		if len(parts) == 0 || len(parts) > bd.maxParts || bd.overlap(text, fn.Span.Start, parts) {
			continue
		}
		span := baocao.Span{Start: whole.span.Start, End: fn.Ref.End}
		if f, ok := bd.judge(ctx, *whole, parts, span); ok {
			out = append(out, f)
			continue
		}
		if f, ok := bd.targets(ctx, *whole, parts, span, fn.ID); ok {
			out = append(out, f)
		}
	}
	return out
}

// targets: when the footnote's fractions break down the body's value exactly, their
// targets must add up to the body's target.
func (bd *breakdown) targets(ctx *Context, whole quantity, parts []quantity, span baocao.Span, id string) (baocao.Finding, bool) {
	if whole.of == nil {
		return baocao.Finding{}, false
	}
	vs, ts := exactly(0), exactly(0)
	var terms []string
	n := 0
	for _, p := range parts {
		if p.of == nil {
			continue
		}
		n++
		vs = vs.add(bd.uc.value(p))
		ts = ts.add(bd.uc.value(*p.of))
		terms = append(terms, p.of.text)
	}
	if n < 2 || !vs.overlaps(bd.uc.value(whole)) {
		return baocao.Finding{}, false
	}
	wt := bd.uc.value(*whole.of)
	if ts.overlaps(wt) {
		return baocao.Finding{}, false
	}
	_, k := bd.uc.class(*whole.of)
	return ctx.Finding("targets", span, whole.of.value, roundTo(ts.mid()/k, 6),
		"the items of footnote %s add up to the %s of the text, but their plans add up to %s (%s), not %s",
		id, whole.written(), vnAuto(ts.mid()/k, 4)+unitSuffix(*whole.of), strings.Join(terms, " + "), whole.of.written())
}

// clauseStartSentence returns the start of the sentence holding off (after ". ", "; "
// or a line break), within the block.
func clauseStartSentence(text string, blockStart, off int) int {
	for i := off - 1; i > blockStart; i-- {
		switch text[i] {
		case ';', '\n', '\t':
			return i + 1
		case '.':
			if i+1 < len(text) && text[i+1] == ' ' {
				return i + 1
			}
		}
	}
	return blockStart
}

// ---- count × amount

type unitPrice struct {
	qs  quantityScanner
	uc  unitClasses
	per []string
}

func newUnitPrice(c *rules.Compiler, decode func(any) error) (Check, error) {
	var o sumOptions
	if err := decode(&o); err != nil {
		return nil, err
	}
	qs, err := newQuantityScanner(c, o.NumberFormat, o.Units)
	if err != nil {
		return nil, err
	}
	uc, err := newUnitClasses(o)
	if err != nil {
		return nil, err
	}
	if len(o.Per) == 0 {
		return nil, fmt.Errorf("per: list the words that make an amount a unit price (mỗi, …)")
	}
	return &unitPrice{qs: qs, uc: uc, per: lowerAll(o.Per)}, nil
}

func (*unitPrice) Name() string { return "unit-price" }

var reTimes = regexp.MustCompile(`^\s*[x×*]\s*$`)

func (up *unitPrice) Run(ctx *Context) []baocao.Finding {
	doc := ctx.Doc()
	text := doc.Text
	var out []baocao.Finding
	for bi, b := range doc.Blocks {
		if b.Kind == baocao.TableKind || b.Kind == baocao.Furniture {
			continue
		}
		qs := ctx.an.quantitiesOf(up.qs, bi)
		for i := 0; i+1 < len(qs); i++ {
			a, t := qs[i], qs[i+1]
			if a.percent || t.percent || strings.TrimSpace(text[a.span.End:t.span.Start]) != "=" {
				continue
			}
			if ca, _ := up.uc.class(a); ca != "money" {
				continue
			}
			if ct, _ := up.uc.class(t); ct != "money" && t.unit != "" {
				continue
			}
			counts := up.counts(text, qs, i)
			if len(counts) == 0 {
				continue
			}
			price := up.uc.value(a)
			total := t.iv()
			if t.unit != "" {
				total = up.uc.value(t)
			}
			ok := false
			for _, n := range counts {
				if n.iv().mul(price).overlaps(total) {
					ok = true
					break
				}
			}
			if ok {
				continue
			}
			n := counts[0]
			_, k := up.uc.class(a)
			want := n.value * a.value * k
			span := baocao.Span{Start: n.span.Start, End: t.span.End}
			if n.span.Start > a.span.Start {
				span.Start = a.span.Start
			}
			if f, ok := ctx.Finding("product", span, t.value, roundTo(want/kOf(up.uc, t, k), 6),
				"%s × %s = %s, but the text states %s", n.written(), a.written(), vnAuto(want/kOf(up.uc, t, k), 3)+unitSuffix(t), t.written()); ok {
				out = append(out, f)
			}
		}
	}
	return out
}

func kOf(uc unitClasses, q quantity, fallback float64) float64 {
	if q.unit == "" {
		return fallback
	}
	_, k := uc.class(q)
	return k
}

// counts returns the counts an amount at qs[i] may be multiplied by: the one an "x"
// names ("02 người x 5.000.000 đồng"), else, when "mỗi" comes before the amount, the
// counts written before "mỗi" in the paragraph, the nearest first.
func (up *unitPrice) counts(text string, qs []quantity, i int) []quantity {
	a := qs[i]
	isCount := func(q quantity) bool {
		c, _ := up.uc.class(q)
		return !q.percent && q.of == nil && c != "money" && q.value >= 1 && q.value == math.Trunc(q.value)
	}
	if i > 0 && isCount(qs[i-1]) && reTimes.MatchString(text[qs[i-1].span.End:a.span.Start]) {
		return []quantity{qs[i-1]}
	}
	from := a.span.Start - 80
	if i > 0 {
		from = max(from, qs[i-1].span.End)
	}
	before := strings.ToLower(text[max(0, from):a.span.Start])
	at := -1
	for _, w := range up.per {
		if k := strings.LastIndex(before, w); k >= 0 {
			at = max(0, from) + k
		}
	}
	if at < 0 {
		return nil
	}
	var out []quantity
	for j := i - 1; j >= 0; j-- {
		if qs[j].span.End <= at && isCount(qs[j]) {
			out = append(out, qs[j])
		}
	}
	return out
}
