package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/baocao/baocao"
)

// Kinds of annotations: the record's items and the audit's findings.
const (
	KindReference    = "reference"
	KindDate         = "date"
	KindIndicator    = "indicator"
	KindCommendation = "commendation"
	KindFinding      = "finding"
)

// item is an annotation: an extracted item or a finding over a span of the text.
type item struct {
	span     baocao.Span
	kind     string
	severity string // findings only
	note     string // what a tooltip or comment says
	finding  int    // 1-based number of a finding, 0 for items
}

// levelNames are the commendation levels as the summary tables write them.
var levelNames = map[string]string{
	baocao.LevelState:    "cấp Nhà nước",
	baocao.LevelProvince: "cấp tỉnh",
	baocao.LevelDistrict: "cấp huyện",
	baocao.LevelCommune:  "cấp xã",
	baocao.LevelTotal:    "TỔNG CỘNG",
}

// annotate builds the annotations and files them under the blocks they touch.
// Items whose span does not fit the text are left out; findings without a span are
// kept (unanchored) so that writers can still list them.
func (r *Report) annotate() {
	rec := r.Rec
	text := r.Doc.Text
	add := func(s baocao.Span, kind, note string) {
		if validSpan(text, s) {
			r.items = append(r.items, item{span: s, kind: kind, note: note})
		}
	}
	for _, ref := range rec.References {
		note := "Cited: " + Citation(ref)
		if ref.Issuer != "" {
			note += ", issued by " + string(ref.Issuer)
		}
		add(ref.Span, KindReference, note)
	}
	for _, d := range rec.Dates {
		add(d.Span, KindDate, dateNote(d))
	}
	for _, in := range rec.Indicators {
		add(in.Span, KindIndicator, "Indicator: "+indicatorNote(in))
	}
	for _, c := range rec.Commendations {
		note := fmt.Sprintf("Commendation, %s: %d tập thể, %d cá nhân, %d hộ gia đình", levelNames[c.Level], c.Collective, c.Individual, c.Household)
		if c.Form != "" {
			note += " (" + string(c.Form) + ")"
		}
		add(c.Span, KindCommendation, note)
	}
	for n, f := range rec.Findings {
		it := item{span: f.Span, kind: KindFinding, severity: f.Severity, finding: n + 1, note: findingNote(f)}
		if !validSpan(text, f.Span) {
			it.span = baocao.Span{}
		}
		r.items = append(r.items, it)
	}
	// outermost first: earlier start, then longer span
	order := make([]int, len(r.items))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		x, y := r.items[a].span, r.items[b].span
		if x.Start != y.Start {
			return x.Start - y.Start
		}
		return y.End - x.End
	})
	sorted := make([]item, len(r.items))
	for i, o := range order {
		sorted[i] = r.items[o]
	}
	r.items = sorted
	for i, it := range r.items {
		if it.span.IsZero() {
			continue
		}
		for bi := r.Doc.BlockAt(it.span.Start); bi >= 0 && bi < len(r.Doc.Blocks) && r.Doc.Blocks[bi].Span.Start < it.span.End; bi++ {
			r.extra[bi].items = append(r.extra[bi].items, i)
		}
	}
}

// dateNote says what a date is: its ISO value, the parts a partial date has, or that
// it only looks like a date.
func dateNote(d baocao.Date) string {
	var note string
	switch {
	case d.Value != "":
		note = "Date " + string(d.Value)
	case d.Precision == baocao.PrecYear && d.Year != 0:
		note = fmt.Sprintf("Year %d", d.Year)
	case d.Precision == baocao.PrecMonth && d.Month != 0 && d.Year != 0:
		note = fmt.Sprintf("Month %d/%d", d.Month, d.Year)
	case d.Precision == baocao.PrecDayMonth && d.Day != 0 && d.Month != 0:
		note = fmt.Sprintf("Day %d/%d, no year", d.Day, d.Month)
	default:
		note = "Written like a date but not a calendar date: " + d.Text
	}
	if d.Role != "" {
		note += " (" + d.Role + ")"
	}
	return note
}

func indicatorNote(in baocao.Indicator) string {
	var b strings.Builder
	if in.Subject != "" {
		b.WriteString(string(in.Subject))
		b.WriteString(": ")
	}
	b.WriteString(writtenOr(in.ValueText, in.Value))
	if in.Target.Valid {
		b.WriteString(" / ")
		b.WriteString(writtenOr(in.TargetText, in.Target.V))
	}
	if in.Unit != "" {
		b.WriteString(" " + string(in.Unit))
	}
	if in.Percent.Valid {
		b.WriteString(" = " + writtenOr(in.PercentText, in.Percent.V) + " %")
	}
	if in.Basis != "" {
		b.WriteString(" (" + string(in.Basis) + ")")
	}
	return b.String()
}

// writtenOr returns a figure as the document wrote it, or v in Vietnamese notation.
func writtenOr(written string, v float64) string {
	if w := strings.TrimSpace(written); w != "" {
		return w
	}
	return formatNumber(v, -1)
}

func findingNote(f baocao.Finding) string {
	sev := f.Severity
	if sev == "" {
		sev = "note"
	}
	s := sev
	if f.Check != "" {
		s += " (" + f.Check + ")"
	}
	return s + ": " + f.Message
}

// findings returns the annotations that are findings, in the record's order.
func (r *Report) findings() []item {
	var out []item
	for _, it := range r.items {
		if it.kind == KindFinding {
			out = append(out, it)
		}
	}
	slices.SortFunc(out, func(a, b item) int { return a.finding - b.finding })
	return out
}

// findingIndex finds the findings over a span without looking at them all.
type findingIndex struct {
	fs     []baocao.Finding // with valid spans, by start
	maxLen int
}

func newFindingIndex(fs []baocao.Finding) findingIndex {
	x := findingIndex{}
	for _, f := range fs {
		if !f.Span.IsZero() {
			x.fs = append(x.fs, f)
			x.maxLen = max(x.maxLen, f.Span.Len())
		}
	}
	slices.SortStableFunc(x.fs, func(a, b baocao.Finding) int { return a.Span.Start - b.Span.Start })
	return x
}

// overlapping returns the findings whose span overlaps s, in text order.
func (x findingIndex) overlapping(s baocao.Span) []baocao.Finding {
	if s.IsZero() {
		return nil
	}
	end, _ := slices.BinarySearchFunc(x.fs, s.End, func(f baocao.Finding, at int) int { return f.Span.Start - at })
	var out []baocao.Finding
	for k := end - 1; k >= 0 && x.fs[k].Span.Start > s.Start-x.maxLen; k-- {
		if x.fs[k].Span.Overlaps(s) {
			out = append(out, x.fs[k])
		}
	}
	slices.Reverse(out)
	return out
}
