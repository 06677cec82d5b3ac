package extract

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/rules"
)

func init() {
	rules.RegisterKind(rules.Kind{
		Name: "indicator",
		Doc: `Figures measured against a target or a whole (spec: indicators). Forms: ratio
("332,6 ha/467,53 ha đạt 71,14 %", "99/312 = 31,73%", "19/19 tiêu chí": a fraction that
carries a percentage or a counted unit), paren ("06 công dân đạt 120% … (6/5)": the
fraction in parentheses after its percentage), percent ("đạt 18,97% so với HĐND xã
giao": a percentage alone) and table (indicator tables: chỉ tiêu | đơn vị | kế hoạch |
thực hiện | tỷ lệ).`,
		Compile: compileIndicator,
	})
}

// IndicatorRule is a compiled indicator rule.
type IndicatorRule struct {
	id         string
	form       string
	core       *anchored
	percent    *regexp.Regexp
	basis      *regexp.Regexp
	units      *rules.Lexicon
	numfmt     *NumFmt
	excludeU   map[string]bool
	notBefore  []string // lower-case words that make a fraction something else ("tháng", "quý")
	trimWords  map[string]bool
	window     int
	columns    map[string][]string // table form: field → header words (folded)
	maxSubject int
	bareMin    int      // a fraction with no unit or percentage counts when its target is at least this
	bareAfter  []string // … and it follows one of these words ("là 09/34")
}

type indicatorConfig struct {
	Form         string              `yaml:"form"`
	Core         string              `yaml:"core"`
	Percent      string              `yaml:"percent"`
	Basis        string              `yaml:"basis"`
	Units        string              `yaml:"units"`
	NumberFormat string              `yaml:"number_format"`
	ExcludeUnits []string            `yaml:"exclude_units"`
	NotAfter     []string            `yaml:"not_after"`
	TrimWords    []string            `yaml:"subject_trim"`
	Window       int                 `yaml:"window"`
	Columns      map[string][]string `yaml:"columns"`
	MaxSubject   int                 `yaml:"max_subject_words"`
	Anchor       []string            `yaml:"anchor"`
	BareMin      int                 `yaml:"bare_min_target"`
	BareAfter    []string            `yaml:"bare_after"`
}

var indicatorForms = map[string]bool{"ratio": true, "paren": true, "percent": true, "table": true}

func compileIndicator(c *rules.Compiler, r *rules.Rule, decode func(any) error) (rules.Matcher, error) {
	var cfg indicatorConfig
	if err := decode(&cfg); err != nil {
		return nil, err
	}
	if !indicatorForms[cfg.Form] {
		return nil, fmt.Errorf("form %q: want ratio, paren, percent or table", cfg.Form)
	}
	ind := &IndicatorRule{id: r.ID, form: cfg.Form, window: cfg.Window, maxSubject: cfg.MaxSubject, bareMin: cfg.BareMin,
		excludeU: map[string]bool{}, trimWords: map[string]bool{}}
	var err error
	if ind.units, err = rules.RequireLexicon(c, "units", cfg.Units); err != nil {
		return nil, err
	}
	m, err := c.Require(cfg.NumberFormat)
	if err != nil {
		return nil, fmt.Errorf("number_format: %v", err)
	}
	var ok bool
	if ind.numfmt, ok = m.(*NumFmt); !ok {
		return nil, fmt.Errorf("number_format: rule %q is not a number-format rule", cfg.NumberFormat)
	}
	if cfg.Form != "table" {
		if ind.core, err = compileAnchored("core", cfg.Core, cfg.Anchor, 80); err != nil {
			return nil, err
		}
		need := map[string][]string{"ratio": {"v", "t"}, "paren": {"v", "t"}, "percent": {"p"}}[cfg.Form]
		for _, g := range need {
			if ind.core.SubexpIndex(g) < 0 {
				return nil, fmt.Errorf("core needs a group (?P<%s>…)", g)
			}
		}
	} else {
		for _, f := range []string{"subject", "unit", "target", "value", "percent"} {
			if len(cfg.Columns[f]) == 0 {
				return nil, fmt.Errorf("columns.%s: list the header words of the column", f)
			}
		}
		ind.columns = map[string][]string{}
		for f, ws := range cfg.Columns {
			ind.columns[f] = foldAll(ws)
		}
	}
	if cfg.Percent != "" {
		if ind.percent, err = regexp.Compile(cfg.Percent); err != nil {
			return nil, fmt.Errorf("percent: %v", err)
		}
		if ind.percent.SubexpIndex("p") < 0 {
			return nil, fmt.Errorf("percent needs a group (?P<p>…)")
		}
	}
	if cfg.Basis != "" {
		if ind.basis, err = regexp.Compile(`^(?:` + cfg.Basis + `)`); err != nil {
			return nil, fmt.Errorf("basis: %v", err)
		}
	}
	for _, u := range cfg.ExcludeUnits {
		ind.excludeU[u] = true
	}
	for _, w := range cfg.NotAfter {
		ind.notBefore = append(ind.notBefore, strings.ToLower(vntext.Normalize(w)))
	}
	for _, w := range cfg.BareAfter {
		ind.bareAfter = append(ind.bareAfter, strings.ToLower(vntext.Normalize(w)))
	}
	for _, w := range cfg.TrimWords {
		ind.trimWords[strings.ToLower(w)] = true
	}
	if ind.window == 0 {
		ind.window = 120
	}
	if ind.maxSubject == 0 {
		ind.maxSubject = 12
	}
	return ind, nil
}

// IndHit is an indicator found in a text.
type IndHit struct {
	Start, End  int
	Value       Num
	ValueText   string
	Target      *Num
	TargetText  string
	Percent     *Num
	PercentText string
	Unit        string
	Basis       string
	Subject     string
	Rule        string
}

// Find returns the indicators of this form in a scanned text (normalized), numbers
// read in conv.
func (ind *IndicatorRule) Find(sc *scan, conv Convention) []IndHit {
	switch ind.form {
	case "ratio":
		return ind.findRatio(sc, conv)
	case "paren":
		return ind.findParen(sc, conv)
	case "percent":
		return ind.findPercent(sc, conv)
	}
	return nil
}

func (ind *IndicatorRule) num(text string, m []int, g string, conv Convention) (Num, string, bool) {
	i := ind.core.SubexpIndex(g)
	if i < 0 || m[2*i] < 0 {
		return Num{}, "", false
	}
	s := text[m[2*i]:m[2*i+1]]
	n, ok := ind.numfmt.Parse(s, conv)
	return n, s, ok
}

func (ind *IndicatorRule) findRatio(sc *scan, conv Convention) []IndHit {
	text := sc.text
	var out []IndHit
	for _, m := range ind.core.findAll(sc) {
		start, end := m[0], m[1]
		if !ind.fractionAlone(text, start, end) {
			continue
		}
		v, vs, ok1 := ind.num(text, m, "v", conv)
		t, ts, ok2 := ind.num(text, m, "t", conv)
		if !ok1 || !ok2 {
			continue
		}
		h := IndHit{Start: start, End: end, Value: v, ValueText: vs, Target: &t, TargetText: ts, Rule: ind.id}
		if gi := ind.core.SubexpIndex("vu"); gi >= 0 && m[2*gi] >= 0 {
			u := strings.TrimSpace(text[m[2*gi]:m[2*gi+1]])
			hit, ok := ind.units.At(u, 0)
			if !ok || hit.End != len(u) {
				continue // "82 HS/366": a unit must be a unit
			}
			h.Unit = hit.Entry.Key
		}
		// the unit after the target: "10ha", "1073/1080 hộ", "19/19 tiêu chí"
		if hit, ok := ind.units.At(text, skipSpaces(text, end)); ok && skipSpaces(text, end)-end <= 1 {
			if h.Unit == "" || h.Unit == hit.Entry.Key {
				h.Unit = hit.Entry.Key
				h.End = hit.End
			}
		}
		if ind.excludeU[h.Unit] {
			continue
		}
		ind.percentAfter(text, &h, conv)
		if h.Percent == nil && h.Unit == "" && !ind.bareFraction(text, start, v, t) {
			continue // a bare fraction that could be a day and month ("3/2") is not an indicator
		}
		ind.basisAfter(text, &h)
		h.Subject = ind.subjectBefore(text, start)
		out = append(out, h)
	}
	return out
}

// bareFraction accepts "09/34" written alone: whole counts, a part not above its whole,
// and a whole that no month or year can be.
func (ind *IndicatorRule) bareFraction(text string, start int, v, t Num) bool {
	if ind.bareMin == 0 || !v.Integer || !t.Integer || v.Value > t.Value || t.Value < float64(ind.bareMin) {
		return false
	}
	if t.Value >= 1900 && t.Value <= 2100 {
		return false
	}
	before := strings.ToLower(strings.TrimRight(text[max(0, start-12):start], " "))
	for _, w := range ind.bareAfter {
		if strings.HasSuffix(before, " "+w) || before == w {
			return true
		}
	}
	return false
}

// fractionAlone refuses fractions that are parts of something else: dates (d/m/y),
// month-years ("tháng 12/2022"), month lists ("1,2,3,4,5/2023"), quarters ("Quý 3+4/2021"),
// document numbers.
func (ind *IndicatorRule) fractionAlone(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("/+,.-", r) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if r == '/' || unicode.IsDigit(r) || (r == '.' || r == ',') && end+1 < len(text) && isDigit(text[end+1]) {
			return false
		}
		if r == '-' && end+1 < len(text) && (isDigit(text[end+1]) || text[end+1] >= 'A' && text[end+1] <= 'Z') {
			return false
		}
		if r == ')' && start > 0 && text[start-1] == '(' && ind.form == "ratio" {
			return false // "(6/5)" is the paren form
		}
	}
	// the word before
	before := strings.TrimRight(text[max(0, start-16):start], " ")
	for len(before) > 0 && !utf8.RuneStart(before[0]) {
		before = before[1:]
	}
	fb := strings.ToLower(before)
	for _, w := range ind.notBefore {
		if strings.HasSuffix(fb, w) && (len(fb) == len(w) || fb[len(fb)-len(w)-1] == ' ') {
			return false
		}
	}
	return true
}

func (ind *IndicatorRule) percentAfter(text string, h *IndHit, conv Convention) {
	if ind.percent == nil {
		return
	}
	rest := text[h.End:min(len(text), h.End+ind.window)]
	m := ind.percent.FindStringSubmatchIndex(rest)
	if m == nil || m[0] != 0 {
		return
	}
	gi := ind.percent.SubexpIndex("p")
	ps := rest[m[2*gi]:m[2*gi+1]]
	p, ok := ind.numfmt.Parse(ps, conv)
	if !ok {
		return
	}
	h.Percent, h.PercentText = &p, ps
	h.End += m[1]
}

func (ind *IndicatorRule) basisAfter(text string, h *IndHit) {
	if ind.basis == nil || h.Percent == nil {
		return
	}
	rest := text[h.End:min(len(text), h.End+ind.window)]
	m := ind.basis.FindStringSubmatchIndex(rest)
	if m == nil {
		return
	}
	b := strings.TrimSpace(rest[m[0]:m[1]])
	if gi := ind.basis.SubexpIndex("b"); gi >= 0 && m[2*gi] >= 0 {
		b = strings.TrimSpace(rest[m[2*gi]:m[2*gi+1]])
	}
	// a basis ends before the next clause: "so với kế hoạch huyện giao và đạt 18,97%"
	cut := len(b)
	for _, w := range []string{" và ", " đạt ", " tăng ", " giảm ", " vượt ", " bằng "} {
		if i := strings.Index(b, w); i >= 0 && i < cut {
			cut = i
		}
	}
	b = strings.TrimSpace(b[:cut])
	if b == "" {
		return
	}
	h.Basis = b
	h.End = h.End + strings.Index(rest, b) + len(b)
}

// subjectBefore takes the words before a figure back to the clause boundary, without
// the trailing verbs ("được", "đạt", "là").
func (ind *IndicatorRule) subjectBefore(text string, start int) string {
	from := start
	for from > 0 && start-from < 400 {
		c := text[from-1]
		if c == '.' || c == ';' || c == ':' || c == '\n' || c == '\t' || c == '(' || c == ',' || c == '=' || c == ']' {
			break
		}
		from--
	}
	for from < start && !utf8.RuneStart(text[from]) {
		from++
	}
	ws := strings.Fields(text[from:start])
	for len(ws) > 0 && ind.trimWords[strings.ToLower(ws[len(ws)-1])] {
		ws = ws[:len(ws)-1]
	}
	for len(ws) > 0 && (ws[0] == "-" || ws[0] == "+" || ws[0] == "*") {
		ws = ws[1:]
	}
	if len(ws) > ind.maxSubject {
		ws = ws[len(ws)-ind.maxSubject:]
	}
	return strings.Join(ws, " ")
}

// findParen: "06 công dân đạt 120% vượt chỉ tiêu huyện giao (6/5)" — the fraction in
// parentheses after its percentage in the same clause.
func (ind *IndicatorRule) findParen(sc *scan, conv Convention) []IndHit {
	text := sc.text
	var out []IndHit
	for _, m := range ind.core.findAll(sc) {
		v, vs, ok1 := ind.num(text, m, "v", conv)
		t, ts, ok2 := ind.num(text, m, "t", conv)
		if !ok1 || !ok2 || ind.percent == nil {
			continue
		}
		from := max(0, m[0]-ind.window)
		for from > 0 && !utf8.RuneStart(text[from]) {
			from--
		}
		before := text[from:m[0]]
		if j := strings.LastIndexAny(before, ".;\n\t"); j >= 0 {
			before, from = before[j+1:], from+j+1
		}
		pm := ind.percent.FindAllStringSubmatchIndex(before, -1)
		if len(pm) == 0 {
			continue
		}
		last := pm[len(pm)-1]
		gi := ind.percent.SubexpIndex("p")
		ps := before[last[2*gi]:last[2*gi+1]]
		p, ok := ind.numfmt.Parse(ps, conv)
		if !ok {
			continue
		}
		// the phrase runs from the percentage to the parenthesis
		h := IndHit{Start: from + last[0], End: m[1], Value: v, ValueText: vs, Target: &t, TargetText: ts, Percent: &p, PercentText: ps, Rule: ind.id}
		h.Subject = ind.subjectBefore(text, from+last[0])
		out = append(out, h)
	}
	return out
}

func (ind *IndicatorRule) findPercent(sc *scan, conv Convention) []IndHit {
	text := sc.text
	var out []IndHit
	for _, m := range ind.core.findAll(sc) {
		p, ps, ok := ind.num(text, m, "p", conv)
		if !ok {
			continue
		}
		h := IndHit{Start: m[0], End: m[1], Value: p, ValueText: ps, Percent: &p, PercentText: ps, Unit: "%", Rule: ind.id}
		ind.basisAfter(text, &h)
		h.Subject = ind.subjectBefore(text, m[0])
		out = append(out, h)
	}
	return out
}

// FindTable reads an indicator table: columns found by their header words.
func (ind *IndicatorRule) FindTable(doc *baocao.Document, tab *baocao.Table, conv Convention) []IndHit {
	if ind.form != "table" || len(tab.Rows) < 2 {
		return nil
	}
	cols := map[string]int{}
	headerRows := 0
	for r := 0; r < min(3, len(tab.Rows)); r++ {
		found := false
		for c, cell := range tab.Rows[r] {
			f := vntext.Fold(cell.Span.Of(doc.Text))
			for field, ws := range ind.columns {
				if _, done := cols[field]; done {
					continue
				}
				for _, w := range ws {
					if f == w || strings.HasPrefix(f, w+" ") || strings.HasSuffix(f, " "+w) || strings.Contains(f, " "+w+" ") {
						cols[field] = c
						found = true
						break
					}
				}
			}
		}
		if found {
			headerRows = r + 1
		}
	}
	for _, f := range []string{"subject", "target", "value"} {
		if _, ok := cols[f]; !ok {
			return nil
		}
	}
	var out []IndHit
	for _, row := range tab.Rows[headerRows:] {
		cell := func(f string) (string, baocao.Span) {
			c, ok := cols[f]
			if !ok || c >= len(row) || row[c].Covered && f != "subject" {
				return "", baocao.Span{}
			}
			return strings.TrimSpace(row[c].Span.Of(doc.Text)), row[c].Span
		}
		vs, vspan := cell("value")
		ts, _ := cell("target")
		v, ok1 := ind.numfmt.Parse(strings.TrimSuffix(vs, "%"), conv)
		t, ok2 := ind.numfmt.Parse(strings.TrimSuffix(ts, "%"), conv)
		if !ok1 || !ok2 {
			continue
		}
		subj, sspan := cell("subject")
		h := IndHit{Start: sspan.Start, End: vspan.End, Value: v, ValueText: vs, Target: &t, TargetText: ts, Subject: subj, Rule: ind.id}
		if h.Start == 0 || h.Start > h.End {
			h.Start = vspan.Start
		}
		if u, _ := cell("unit"); u != "" {
			h.Unit = u
			if hit, ok := ind.units.At(u, 0); ok {
				h.Unit = hit.Entry.Key
			}
		}
		if ps, _ := cell("percent"); ps != "" {
			if p, ok := ind.numfmt.Parse(strings.TrimSpace(strings.TrimSuffix(ps, "%")), conv); ok {
				h.Percent, h.PercentText = &p, strings.TrimSpace(strings.TrimSuffix(ps, "%"))
			}
		}
		out = append(out, h)
	}
	return out
}

// Run finds the indicators of an example input (for the table form, tab-separated rows).
func (ind *IndicatorRule) Run(in string) []rules.Item {
	in = vntext.Normalize(in)
	var hits []IndHit
	var text string
	if ind.form == "table" {
		doc := tableDoc(in)
		text = doc.Text
		hits = ind.FindTable(doc, doc.Blocks[0].Table, ConvVI)
	} else {
		text = in
		sc := newScan(in)
		hits = ind.Find(sc, ind.numfmt.Detect(sc))
	}
	var out []rules.Item
	for _, h := range hits {
		it := rules.Item{"value": h.Value.Value, "text": text[h.Start:h.End], "unit": nullable(h.Unit),
			"subject": nullable(h.Subject), "basis": nullable(h.Basis)}
		if h.Target != nil {
			it["target"] = h.Target.Value
		} else {
			it["target"] = nil
		}
		if h.Percent != nil {
			it["percent"] = h.Percent.Value
		} else {
			it["percent"] = nil
		}
		out = append(out, it)
	}
	return out
}

// tableDoc makes a one-table document of tab-separated rows (for examples).
func tableDoc(in string) *baocao.Document {
	doc := &baocao.Document{Text: strings.TrimRight(in, "\n")}
	tab := &baocao.Table{}
	off := 0
	width := 0
	for _, line := range strings.Split(doc.Text, "\n") {
		var row []baocao.Cell
		co := off
		for _, c := range strings.Split(line, "\t") {
			row = append(row, baocao.Cell{Span: baocao.Span{Start: co, End: co + len(c)}})
			co += len(c) + 1
		}
		width = max(width, len(row))
		tab.Rows = append(tab.Rows, row)
		off += len(line) + 1
	}
	for i, row := range tab.Rows {
		for len(row) < width {
			row = append(row, baocao.Cell{Span: baocao.Span{Start: off - 1, End: off - 1}})
		}
		tab.Rows[i] = row
	}
	doc.Blocks = []baocao.Block{{Kind: baocao.TableKind, Span: baocao.Span{Start: 0, End: len(doc.Text)}, Table: tab}}
	return doc
}
