package audit

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/rules"
)

func init() {
	Register(Definition{
		Name:     "appendix-identity",
		Category: "consistency",
		Doc: `The report's own type, number, ký hiệu and date against the line under each of its
appendices' titles ("(Kèm theo Báo cáo số …/BC-UBND ngày … của …)"): an appendix that
names another document is attached to the wrong one, or the report's own number is
wrong. Parts left blank on either side are not compared.`,
		Situations: map[string]string{"mismatch": baocao.SevError},
		New:        newAppendixIdentity,
	})
	Register(Definition{
		Name:     "commendation-text",
		Category: "consistency",
		Doc: `Award counts written in sentences ("UBND xã tặng 07 tập thể, 08 cá nhân và 08 hộ gia
đình") against the summary table's row of the same level (and form, when the sentence
names one). Only the counts a sentence gives are compared.`,
		Situations: map[string]string{"mismatch": baocao.SevError},
		New:        func(*rules.Compiler, func(any) error) (Check, error) { return commendationText{}, nil },
	})
	Register(Definition{
		Name:     "repeated-facts",
		Category: "consistency",
		Doc: `The same fact stated twice with different values: the totals a report states about
its locality ("dân số có 1081 hộ", "bao gồm 09 thôn") against the wholes of its shares
("1073/1080 hộ đạt 99,3%") and against each other, and a figure written twice after the
same words ("Trồng rừng được 86,7 ha" … "Trồng rừng được 86,5 ha"). Two figures are
taken for one fact only when they are close (within the tolerance) but not equal: far
apart, they are two different things.`,
		Situations: map[string]string{"differs": baocao.SevWarning},
		New:        newRepeatedFacts,
	})
}

// ---- appendix identity

type appendixIdentity struct {
	types *rules.Lexicon
}

type appendixOptions struct {
	Common `yaml:",inline"`
	Types  string `yaml:"types"`
}

func newAppendixIdentity(c *rules.Compiler, decode func(any) error) (Check, error) {
	var o appendixOptions
	if err := decode(&o); err != nil {
		return nil, err
	}
	lx, err := rules.RequireLexicon(c, "types", o.Types)
	if err != nil {
		return nil, err
	}
	return &appendixIdentity{types: lx}, nil
}

func (*appendixIdentity) Name() string { return "appendix-identity" }

var (
	reAttached = regexp.MustCompile(`(?i)(?:^|\()\s*(?:ban hành\s+)?kèm(?:\s+theo)?\s+`)
	reAttNum   = regexp.MustCompile(`^\s*số\s*:?\s*(\d*)\s*(?:/\s*((?:19|20)\d{2})\s*)?/\s*(\p{Lu}[\p{L}\d&]*(?:\s*-\s*\p{Lu}[\p{L}\d&]*)*)`)
	reAttDate  = regexp.MustCompile(`(?i)^[\s,]*ngày\s*(\d{0,2})\s*(?:tháng\s*(\d{0,2})\s*năm\s*(\d{0,5})|/\s*(\d{1,2})\s*/\s*(\d{4}))`)
)

func (ai *appendixIdentity) Run(ctx *Context) []baocao.Finding {
	rec, doc := ctx.Record(), ctx.Doc()
	id := rec.Document
	if id.Code == "" && id.Type == "" {
		return nil
	}
	var out []baocao.Finding
	for _, b := range doc.Blocks {
		if b.Kind != baocao.Paragraph && b.Kind != baocao.Heading {
			continue
		}
		t := b.Span.Of(doc.Text)
		if len(t) > 400 || !strings.Contains(t, "èm") { // "kèm", "Kèm", "KÈM" is rare: skip the regexp
			if !strings.Contains(t, "ÈM") {
				continue
			}
		}
		m := reAttached.FindStringIndex(t)
		if m == nil {
			continue
		}
		h, ok := ai.types.At(t, m[1])
		if !ok {
			continue
		}
		nm := reAttNum.FindStringSubmatchIndex(t[h.End:])
		if nm == nil {
			continue
		}
		g := func(i int) string {
			if nm[2*i] < 0 {
				return ""
			}
			return t[h.End+nm[2*i] : h.End+nm[2*i+1]]
		}
		num, year, code := g(1), g(2), compact(g(3))
		se := len(t)
		if k := strings.IndexByte(t[m[0]:], ')'); k >= 0 {
			se = m[0] + k + 1
		}
		span := baocao.Span{Start: b.Span.Start + m[0], End: b.Span.Start + se}
		written := strings.TrimSpace(t[m[1] : h.End+nm[1]])
		var diffs []string
		var stated, expected []string
		if id.Type != "" && h.Entry.Key != string(id.Type) {
			diffs = append(diffs, fmt.Sprintf("it is a %s, the appendix says %s", typeLabel(ai.types, string(id.Type)), h.Entry.Names[0]))
		}
		if id.Code != "" && !strings.EqualFold(code, compact(string(id.Code))) {
			diffs = append(diffs, fmt.Sprintf("its ký hiệu is %s, the appendix says %s", id.Code, code))
			stated, expected = append(stated, code), append(expected, string(id.Code))
		}
		if id.Number != "" && num != "" && strings.TrimLeft(num, "0") != strings.TrimLeft(string(id.Number), "0") {
			diffs = append(diffs, fmt.Sprintf("its number is %s, the appendix says %s", id.Number, num))
			stated, expected = append(stated, num), append(expected, string(id.Number))
		}
		if id.Year != 0 && year != "" && atoi(year) != int(id.Year) {
			diffs = append(diffs, fmt.Sprintf("its number's year is %d, the appendix says %s", id.Year, year))
		}
		if dm := reAttDate.FindStringSubmatch(t[h.End+nm[1]:]); dm != nil && id.Date != nil {
			day, month, y := atoi(dm[1]), atoi(dm[2]), atoi(dm[3])
			if dm[5] != "" {
				month, y = atoi(dm[4]), atoi(dm[5])
			}
			own := id.Date
			switch {
			case day > 0 && own.Day > 0 && day != int(own.Day),
				month > 0 && own.Month > 0 && month != int(own.Month),
				plausibleYear(y) && plausibleYear(int(own.Year)) && y != int(own.Year):
				diffs = append(diffs, fmt.Sprintf("it is dated '%s', the appendix says '%s'", own.Text, strings.TrimSpace(strings.TrimLeft(dm[0], " ,"))))
			}
		}
		if len(diffs) == 0 {
			continue
		}
		f, ok := ctx.Finding("mismatch", span, strings.Join(stated, ", "), strings.Join(expected, ", "),
			"the appendix is attached to '%s', but the report is not that document: %s", written, strings.Join(diffs, "; "))
		if ok {
			if len(stated) == 0 {
				f.Stated, f.Expected = written, nil
			}
			out = append(out, f)
		}
	}
	return out
}

func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' {
			return -1
		}
		return r
	}, vntext.Normalize(s))
}

func typeLabel(lx *rules.Lexicon, key string) string {
	if e := lx.Get(key); e != nil && len(e.Names) > 0 {
		return e.Names[0]
	}
	return key
}

// ---- commendations: sentences against the summary table

type commendationText struct{}

func (commendationText) Name() string { return "commendation-text" }

var countNames = [3]string{"tập thể", "cá nhân", "hộ gia đình"}

func counts(c baocao.Commendation) [3]int { return [3]int{c.Collective, c.Individual, c.Household} }

// levelCounts returns, per level, the summary table's counts: the level's own row when it
// has any, else the sum of its forms' rows.
func levelCounts(cs []baocao.Commendation) (map[string][3]int, map[string]bool) {
	own := map[string][3]int{}
	forms := map[string][3]int{}
	seen := map[string]bool{}
	for _, c := range cs {
		if c.Source != "table" || c.Level == baocao.LevelTotal {
			continue
		}
		seen[c.Level] = true
		dst := own
		if c.Form != "" {
			dst = forms
		}
		v := dst[c.Level]
		for k, n := range counts(c) {
			v[k] += n
		}
		dst[c.Level] = v
	}
	out := map[string][3]int{}
	for l := range seen {
		if v := own[l]; v != [3]int{} {
			out[l] = v
		} else {
			out[l] = forms[l]
		}
	}
	return out, seen
}

var levelNames = map[string]string{baocao.LevelState: "cấp Nhà nước", baocao.LevelProvince: "cấp tỉnh",
	baocao.LevelDistrict: "cấp huyện", baocao.LevelCommune: "cấp xã", baocao.LevelTotal: "TỔNG CỘNG"}

func (commendationText) Run(ctx *Context) []baocao.Finding {
	cs := ctx.Record().Commendations
	levels, seen := levelCounts(cs)
	if len(seen) == 0 {
		return nil
	}
	var out []baocao.Finding
	for _, c := range cs {
		if c.Source != "text" || !seen[c.Level] {
			continue
		}
		table, row := levels[c.Level], levelNames[c.Level]+" row"
		if c.Form != "" {
			// the row of the form the sentence names ("Giấy khen" is the row "Giấy khen của
			// Chủ tịch UBND huyện"); a form the table does not list is not compared
			found := false
			for _, t := range cs {
				if t.Source == "table" && t.Level == c.Level && sameForm(string(t.Form), string(c.Form)) {
					table, row, found = counts(t), fmt.Sprintf("%s row '%s'", levelNames[c.Level], t.Form), true
					break
				}
			}
			if !found {
				continue
			}
		}
		var diffs []string
		var stated, expected []int
		for k, n := range counts(c) {
			if n > 0 && n != table[k] {
				diffs = append(diffs, fmt.Sprintf("%02d %s where the table has %d", n, countNames[k], table[k]))
				stated, expected = append(stated, n), append(expected, table[k])
			}
		}
		if len(diffs) == 0 {
			continue
		}
		f, ok := ctx.Finding("mismatch", c.Span, intsAny(stated), intsAny(expected),
			"the text counts %s in the summary table's %s", strings.Join(diffs, ", "), row)
		if ok {
			f.Confidence = c.Confidence
			out = append(out, f)
		}
	}
	return out
}

// sameForm reports whether two names of an award are one: equal, or one the beginning
// of the other ("Giấy khen", "Giấy khen của Chủ tịch UBND huyện"), ignoring case and marks.
func sameForm(a, b string) bool {
	a, b = vntext.Fold(a), vntext.Fold(b)
	if len(a) > len(b) {
		a, b = b, a
	}
	return a != "" && (a == b || strings.HasPrefix(b, a+" "))
}

// intsAny is a single number as itself, several as a list.
func intsAny(v []int) any {
	if len(v) == 1 {
		return v[0]
	}
	return v
}

// ---- the same fact stated twice

type repeatedOptions struct {
	Common       `yaml:",inline"`
	NumberFormat string   `yaml:"number_format"`
	Units        string   `yaml:"units"`
	TotalCues    []string `yaml:"total_cues"`    // words that make a figure a total of the locality
	WholeUnits   []string `yaml:"whole_units"`   // units such totals are counted in
	Tolerance    float64  `yaml:"tolerance"`     // relative difference under which two figures are one fact
	SubjectWords int      `yaml:"subject_words"` // words before a figure that name what it counts
	Trim         []string `yaml:"subject_trim"`  // verbs dropped from the end of those words
}

type repeatedFacts struct {
	qs        quantityScanner
	cues      [][]string // each cue in its casings
	units     map[string]bool
	tolerance float64
	words     int
	trim      map[string]bool
}

func newRepeatedFacts(c *rules.Compiler, decode func(any) error) (Check, error) {
	var o repeatedOptions
	if err := decode(&o); err != nil {
		return nil, err
	}
	qs, err := newQuantityScanner(c, o.NumberFormat, o.Units)
	if err != nil {
		return nil, err
	}
	if o.Tolerance <= 0 || o.Tolerance > 0.1 {
		return nil, fmt.Errorf("tolerance: %v is not in (0, 0.1]", o.Tolerance)
	}
	if o.SubjectWords < 2 {
		o.SubjectWords = 4
	}
	var cues [][]string
	for _, c := range lowerAll(o.TotalCues) {
		cues = append(cues, casings(c))
	}
	rf := &repeatedFacts{qs: qs, cues: cues, units: map[string]bool{}, tolerance: o.Tolerance, words: o.SubjectWords, trim: map[string]bool{}}
	for _, u := range o.WholeUnits {
		rf.units[u] = true
	}
	for _, w := range o.Trim {
		rf.trim[strings.ToLower(w)] = true
	}
	return rf, nil
}

func newQuantityScanner(c *rules.Compiler, numberFormat, units string) (quantityScanner, error) {
	nf, err := requireNumFmt(c, numberFormat)
	if err != nil {
		return quantityScanner{}, err
	}
	if units == "" {
		units = "units"
	}
	lx, err := rules.RequireLexicon(c, "units", units)
	if err != nil {
		return quantityScanner{}, err
	}
	return quantityScanner{numfmt: nf, units: lx}, nil
}

func (*repeatedFacts) Name() string { return "repeated-facts" }

// fact is a figure with what it is about.
type fact struct {
	q       *quantity
	span    baocao.Span // the evidence to quote
	subject string      // the words before it, lower case
	kind    string      // "total" (of the locality), "whole" (of a share), "said" (after some words)
}

func (rf *repeatedFacts) near(a, b float64) bool {
	if a == b || a <= 0 || b <= 0 {
		return false
	}
	return math.Abs(a-b) <= rf.tolerance*math.Max(a, b)
}

func (rf *repeatedFacts) Run(ctx *Context) []baocao.Finding {
	an := ctx.an
	text := ctx.Text()
	var totals, wholes, said []fact
	for bi, b := range ctx.Doc().Blocks {
		if b.Kind == baocao.TableKind || b.Kind == baocao.Furniture {
			continue
		}
		qs := an.quantitiesOf(rf.qs, bi)
		for k := range qs {
			q := &qs[k]
			if q.percent || q.unit == "" || q.approx != "" {
				continue
			}
			cs := clauseStart(text, max(b.Span.Start, q.span.Start-200), q.span.Start)
			if rf.units[q.unit] && q.of == nil && rf.cued(text[runeStart(text, max(cs, q.span.Start-160)):q.span.Start]) {
				totals = append(totals, fact{q: q, span: q.span, kind: "total"})
			}
			if q.of != nil && rf.units[q.unit] && q.of.approx == "" {
				if !planBasis(text, q.span.End) {
					wholes = append(wholes, fact{q: q.of, span: q.span, kind: "whole"})
				}
			}
			if q.of == nil {
				if s := rf.subject(text, cs, q.span.Start); s != "" {
					said = append(said, fact{q: q, span: q.span, subject: s, kind: "said"})
				}
			}
		}
	}
	var out []baocao.Finding
	reported := map[string]bool{}
	report := func(a, b fact, why string) {
		key := fmt.Sprintf("%s|%v|%v", b.q.unit, a.q.value, b.q.value)
		if reported[key] {
			return
		}
		reported[key] = true
		f, ok := ctx.Finding("differs", b.span, b.q.value, a.q.value,
			"'%s' (%s) and '%s' (%s) %s: the same figure stated twice with different values",
			a.q.written(), sectionOr(ctx, a.span.Start), strings.TrimSpace(b.span.Of(text)), sectionOr(ctx, b.span.Start), why)
		if ok {
			f.Confidence = math.Max(an.lowConfidence(a.span), an.lowConfidence(b.span))
			out = append(out, f)
		}
	}
	for i, a := range totals {
		for _, b := range totals[i+1:] {
			if a.q.unit == b.q.unit && rf.near(a.q.value, b.q.value) {
				report(a, b, "both state the locality's total")
			}
		}
		for _, b := range wholes {
			if a.q.unit == b.q.unit && rf.near(a.q.value, b.q.value) {
				report(a, b, fmt.Sprintf("count the same whole (%s)", b.q.written()))
			}
		}
	}
	// figures after the same words: compared within the groups of one unit and one last
	// word (sameSubject needs the shorter subject to end the longer)
	groups := map[string][]fact{}
	for _, a := range said {
		k := a.q.unit + "|" + a.subject[strings.LastIndexByte(a.subject, ' ')+1:]
		for _, b := range groups[k] {
			if sameSubject(b.subject, a.subject) && rf.near(a.q.value, b.q.value) {
				report(b, a, "follow the same words")
			}
		}
		groups[k] = append(groups[k], a)
	}
	return out
}

func sectionOr(ctx *Context, off int) string {
	if s := ctx.Section(off); s != "" {
		return "under " + s
	}
	return "in the opening"
}

// clauseStart returns where the clause holding off begins: after the last ". ", ";", ":"
// or line break before it, within the block.
func clauseStart(text string, blockStart, off int) int {
	for i := off - 1; i > blockStart; i-- {
		switch text[i] {
		case ';', ':', '\n', '\t':
			return i + 1
		case '.':
			if i+1 < len(text) && text[i+1] == ' ' {
				return i + 1
			}
		}
	}
	return blockStart
}

// cued reports whether a total cue ("dân số", "toàn xã") is written in s, in lower case
// or capitalized.
func (rf *repeatedFacts) cued(s string) bool {
	for _, forms := range rf.cues {
		for _, form := range forms {
			if i := strings.Index(s, form); i >= 0 && (i == 0 || s[i-1] == ' ') {
				return true
			}
		}
	}
	return false
}

// planBasis reports whether the words after a fraction say its denominator is a plan
// ("so với kế hoạch", "chỉ tiêu"), not a whole.
func planBasis(text string, end int) bool {
	rest := text[end:min(len(text), end+80)]
	if i := strings.IndexAny(rest, ";\n\t"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.Index(rest, ". "); i >= 0 {
		rest = rest[:i]
	}
	rest = vntext.Fold(rest)
	for _, w := range []string{"ke hoach", "chi tieu", " kh", "du toan", "so voi"} {
		if strings.Contains(rest, w) {
			return true
		}
	}
	return false
}

// sameSubject reports whether one subject ends the other ("trồng rừng" and "năm nay
// trồng rừng"): the words right before a figure name what it counts.
func sameSubject(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return a != "" && (a == b || strings.HasSuffix(b, " "+a))
}

// subject returns the words of the clause before a figure (at most rf.words, trailing
// verbs dropped), in lower case; "" when fewer than two words name it.
func (rf *repeatedFacts) subject(text string, from, to int) string {
	// the words from the end, back to the clause start: trailing verbs dropped, then at
	// most rf.words of them
	end, n, start, trailing := to, 0, to, true
	for i := to; i > from && n < rf.words; {
		for i > from && text[i-1] == ' ' {
			i--
		}
		j := i
		for j > from && text[j-1] != ' ' {
			j--
		}
		if j == i {
			break
		}
		w := text[j:i]
		if strings.ContainsAny(w, "0123456789,;()") {
			return ""
		}
		if trailing && rf.trim[strings.ToLower(strings.Trim(w, ":"))] {
			end, start, i = j, j, j // a trailing verb: not part of the subject
			continue
		}
		trailing = false
		n++
		start, i = j, j
	}
	if n < 2 {
		return ""
	}
	return strings.ToLower(strings.Join(strings.Fields(text[start:end]), " "))
}

// runeStart moves i back to the start of the character it falls in.
func runeStart(text string, i int) int {
	for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}
