package extract

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/rules"
)

// Extractor fills records from documents with the rules of a pack. It is safe for
// concurrent use.
type Extractor struct {
	pack       *rules.Pack
	numfmt     *NumFmt
	dates      []*DateRule
	refs       []*Reference
	header     *Header
	indicators []*IndicatorRule
	commTables []*CommendationTable
	commTexts  []*CommendationText
}

// New prepares an extractor from a compiled pack. The pack must have one number-format
// rule and one header rule; every other kind may be absent (nothing is extracted then).
func New(p *rules.Pack) (*Extractor, error) {
	x := &Extractor{pack: p}
	for _, c := range p.OfKind("number-format") {
		x.numfmt = c.Matcher.(*NumFmt)
	}
	for _, c := range p.OfKind("header") {
		x.header = c.Matcher.(*Header)
	}
	if x.numfmt == nil || x.header == nil {
		return nil, fmt.Errorf("extract: the rule pack needs a number-format rule and a header rule")
	}
	for _, c := range p.OfKind("date") {
		x.dates = append(x.dates, c.Matcher.(*DateRule))
	}
	for _, c := range p.OfKind("reference") {
		x.refs = append(x.refs, c.Matcher.(*Reference))
	}
	for _, c := range p.OfKind("indicator") {
		x.indicators = append(x.indicators, c.Matcher.(*IndicatorRule))
	}
	for _, c := range p.OfKind("commendation-table") {
		x.commTables = append(x.commTables, c.Matcher.(*CommendationTable))
	}
	for _, c := range p.OfKind("commendation-text") {
		x.commTexts = append(x.commTexts, c.Matcher.(*CommendationText))
	}
	return x, nil
}

var (
	defaultOnce sync.Once
	defaultX    *Extractor
	defaultErr  error
)

// Default returns the extractor of the embedded default pack.
func Default() (*Extractor, error) {
	defaultOnce.Do(func() {
		p, err := rules.Default()
		if err != nil {
			defaultErr = err
			return
		}
		defaultX, defaultErr = New(p)
	})
	return defaultX, defaultErr
}

// Pack returns the extractor's rule pack.
func (x *Extractor) Pack() *rules.Pack { return x.pack }

// Record extracts the full record of a document (findings excepted: see package audit).
func (x *Extractor) Record(doc *baocao.Document) *baocao.Record {
	rec := &baocao.Record{
		Schema:   baocao.Schema,
		Source:   doc.Source,
		Pages:    doc.Pages,
		Encoding: doc.Encoding,
		Warnings: doc.Warnings,
		Text:     doc.Text,
	}
	sc := newScan(doc.Text)
	st := &state{doc: doc, rec: rec, sc: sc, conv: x.numfmt.Detect(sc)}
	st.lines = docLines(doc, 0, len(doc.Blocks))
	x.identity(st)
	x.references(st)
	x.datesOf(st)
	x.indicatorsOf(st)
	x.commendationsOf(st)
	x.confidence(st)
	if rec.References == nil {
		rec.References = []baocao.Reference{}
	}
	if rec.Dates == nil {
		rec.Dates = []baocao.Date{}
	}
	if rec.Indicators == nil {
		rec.Indicators = []baocao.Indicator{}
	}
	if rec.Commendations == nil {
		rec.Commendations = []baocao.Commendation{}
	}
	if rec.Findings == nil {
		rec.Findings = []baocao.Finding{}
	}
	return rec
}

// state is what one extraction run shares between its steps.
type state struct {
	doc   *baocao.Document
	rec   *baocao.Record
	conv  Convention
	sc    *scan
	lines []Line
	ident Ident
	refs  []RefHit
}

func (x *Extractor) identity(st *state) {
	st.ident = x.header.Identify(st.lines)
	id := st.ident.Identity
	if id.Recipients == nil {
		id.Recipients = []string{}
	}
	id.Spans = map[string]baocao.Span{}
	id.Rules = map[string]string{"document": x.header.id}
	if !st.ident.NumberSpan.IsZero() {
		id.Spans["number"] = st.ident.NumberSpan
	}
	if !st.ident.DateSpan.IsZero() {
		id.Spans["date"] = st.ident.DateSpan
	}
	st.rec.Document = id
}

func (x *Extractor) references(st *state) {
	text := st.doc.Text
	own := st.ident.NumberSpan
	for _, r := range x.refs {
		for _, h := range r.Find(st.sc) {
			if !own.IsZero() && h.Num.Start < own.End && own.Start < h.Num.End {
				continue // the document's own number
			}
			st.refs = append(st.refs, h)
		}
	}
	slices.SortStableFunc(st.refs, func(a, b RefHit) int { return a.Num.Start - b.Num.Start })
	byID := map[string]string{} // id → a date written with one of its mentions
	for _, h := range st.refs {
		if h.Date != nil && h.Date.Value() != "" && !h.DateBefore {
			if _, ok := byID[h.ID()]; !ok {
				byID[h.ID()] = h.Date.Value()
			}
		}
	}
	for _, h := range st.refs {
		ref := baocao.Reference{
			ID:     h.ID(),
			Number: h.Num.Number,
			Year:   baocao.NullInt(h.Num.Year),
			Text:   text[h.Start:h.End],
			Origin: baocao.Origin{Span: baocao.Span{Start: h.Start, End: h.End}, Rule: h.Rule},
		}
		if !h.Bare {
			ref.Code = baocao.NullString(h.Num.Code)
		}
		if h.Type != nil {
			ref.Type = baocao.NullString(h.Type.Key)
			ref.TypeName = baocao.NullString(h.Type.Names[0])
		}
		if h.Date != nil {
			ref.DateText = text[h.Date.Start:h.Date.End]
			ref.DateSpan = baocao.Span{Start: h.Date.Start, End: h.Date.End}
			ref.Date = baocao.NullString(h.Date.Value())
			if h.DateBefore {
				ref.DateSource = "before"
			}
		}
		if ref.Date == "" {
			if d, ok := byID[ref.ID]; ok {
				ref.Date, ref.DateSource = baocao.NullString(d), "other-mention"
			}
		}
		ref.Issuer = baocao.NullString(h.Issuer)
		ref.Subject = baocao.NullString(h.Subject)
		ref.Context = sentenceAround(text, h.Start, h.End)
		st.rec.References = append(st.rec.References, ref)
	}
}

// datesOf finds every date; where forms overlap the longer match wins. Dates inside a
// citation are its reference dates, the date line is the issue date, two dates joined by
// a dash are a range.
func (x *Extractor) datesOf(st *state) {
	text := st.doc.Text
	var hits []DateHit
	for _, d := range x.dates {
		hits = append(hits, d.Find(st.sc)...)
	}
	slices.SortStableFunc(hits, func(a, b DateHit) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return (b.End - b.Start) - (a.End - a.Start) // the longer form first
	})
	var kept []DateHit
	for _, h := range hits {
		if n := len(kept); n > 0 && h.Start < kept[n-1].End {
			prev := kept[n-1]
			if h.Start == prev.Start && h.End == prev.End && h.Month != prev.Month && h.Precision == prev.Precision {
				kept = append(kept, h) // a list of months shares one span
			}
			continue
		}
		kept = append(kept, h)
	}
	refDates := map[int]bool{}
	for _, r := range st.refs {
		if r.Date != nil {
			refDates[r.Date.Start] = true
		}
	}
	issued := -1
	if st.ident.DateHit != nil {
		issued = st.ident.DateHit.Start
	}
	for i, h := range kept {
		d := baocao.Date{
			Text: text[h.Start:h.End], Value: baocao.NullString(h.Value()), Precision: h.Precision,
			Year: baocao.NullInt(h.Year), Month: baocao.NullInt(h.Month), Day: baocao.NullInt(h.Day),
			Origin: baocao.Origin{Span: baocao.Span{Start: h.Start, End: h.End}, Rule: h.Rule},
		}
		switch {
		case h.Start == issued:
			d.Role = baocao.RoleIssued
		case refDates[h.Start]:
			d.Role = baocao.RoleReference
		case i+1 < len(kept) && rangeLink(text, h.End, kept[i+1].Start) && h.Precision == kept[i+1].Precision:
			d.Role = baocao.RoleRangeStart
		case i > 0 && rangeLink(text, kept[i-1].End, h.Start) && h.Precision == kept[i-1].Precision:
			d.Role = baocao.RoleRangeEnd
		default:
			d.Role = baocao.RoleEvent
		}
		st.rec.Dates = append(st.rec.Dates, d)
	}
}

// rangeLink reports whether text[a:b] joins two dates into a range: "-", "đến", "tới".
func rangeLink(text string, a, b int) bool {
	if b < a || b-a > 12 {
		return false
	}
	t := strings.TrimSpace(text[a:b])
	return t == "-" || t == "đến" || t == "tới" || t == "- đến"
}

// sentenceAround returns the sentence holding [start, end): from the previous sentence
// end to the next, within the same line, at most about 400 bytes each way.
func sentenceAround(text string, start, end int) string {
	a := start
	for a > 0 && start-a < 400 {
		c := text[a-1]
		if c == '\n' || c == '\t' || c == ';' || (c == '.' && a < len(text) && text[a] == ' ') {
			break
		}
		a--
	}
	b := end
	for b < len(text) && b-end < 400 {
		c := text[b]
		if c == '\n' || c == '\t' || c == ';' || (c == '.' && (b+1 == len(text) || text[b+1] == ' ' || text[b+1] == '\n')) {
			break
		}
		b++
	}
	for a < len(text) && !utf8.RuneStart(text[a]) {
		a++
	}
	for b < len(text) && !utf8.RuneStart(text[b]) {
		b++
	}
	return strings.TrimSpace(text[a:b])
}

// confidence gives every item whose span touches a low-confidence OCR word the lowest
// such confidence.
func (x *Extractor) confidence(st *state) {
	var low []baocao.WordConf
	for _, p := range st.doc.Pages {
		low = append(low, p.LowConf...)
	}
	if len(low) == 0 {
		return
	}
	sort.Slice(low, func(i, j int) bool { return low[i].Span.Start < low[j].Span.Start })
	conf := func(o *baocao.Origin) {
		i := sort.Search(len(low), func(i int) bool { return low[i].Span.End > o.Span.Start })
		for ; i < len(low) && low[i].Span.Start < o.Span.End; i++ {
			if o.Confidence == 0 || low[i].Confidence < o.Confidence {
				o.Confidence = low[i].Confidence
			}
		}
	}
	r := st.rec
	for i := range r.References {
		conf(&r.References[i].Origin)
	}
	for i := range r.Dates {
		conf(&r.Dates[i].Origin)
	}
	for i := range r.Indicators {
		conf(&r.Indicators[i].Origin)
	}
	for i := range r.Commendations {
		conf(&r.Commendations[i].Origin)
	}
}

func (x *Extractor) indicatorsOf(st *state) {
	text := st.doc.Text
	var hits []IndHit
	var pct []IndHit
	for _, ind := range x.indicators {
		switch ind.form {
		case "table":
			for _, b := range st.doc.Blocks {
				if b.Table != nil {
					hits = append(hits, ind.FindTable(st.doc, b.Table, st.conv)...)
				}
			}
		case "percent":
			pct = append(pct, ind.Find(st.sc, st.conv)...)
		default:
			hits = append(hits, ind.Find(st.sc, st.conv)...)
		}
	}
	// a percentage already read with its fraction is not a second indicator
	for _, p := range pct {
		dup := false
		for _, h := range hits {
			if p.Start < h.End && h.Start < p.End {
				dup = true
				break
			}
		}
		if !dup {
			hits = append(hits, p)
		}
	}
	slices.SortStableFunc(hits, func(a, b IndHit) int { return a.Start - b.Start })
	for _, h := range hits {
		ind := baocao.Indicator{
			Subject: baocao.NullString(h.Subject), Value: h.Value.Value, Unit: baocao.NullString(h.Unit),
			Basis: baocao.NullString(h.Basis), Text: text[h.Start:h.End],
			ValueText: h.ValueText, TargetText: h.TargetText, PercentText: h.PercentText,
			Origin: baocao.Origin{Span: baocao.Span{Start: h.Start, End: h.End}, Rule: h.Rule},
		}
		if h.Target != nil {
			ind.Target = baocao.Float(h.Target.Value)
		}
		if h.Percent != nil {
			ind.Percent = baocao.Float(h.Percent.Value)
		}
		st.rec.Indicators = append(st.rec.Indicators, ind)
	}
}

func (x *Extractor) commendationsOf(st *state) {
	var hits []CommHit
	for _, t := range x.commTables {
		found := false
		for _, b := range st.doc.Blocks {
			if b.Table != nil {
				if hs := t.FindTable(st.doc, b.Table); len(hs) > 0 {
					hits = append(hits, hs...)
					found = true
				}
			}
		}
		if !found {
			hits = append(hits, t.FindLines(st.lines)...)
		}
	}
	for _, t := range x.commTexts {
		hits = append(hits, t.Find(st.sc)...)
	}
	for _, h := range hits {
		st.rec.Commendations = append(st.rec.Commendations, baocao.Commendation{
			Level: h.Level, Form: baocao.NullString(h.Form), Collective: h.Counts[0], Individual: h.Counts[1],
			Household: h.Counts[2], Source: h.Source, Text: h.Span.Of(st.doc.Text),
			Origin: baocao.Origin{Span: h.Span, Rule: h.Rule},
		})
	}
}
