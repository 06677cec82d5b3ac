package extract

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/rules"
)

func init() {
	rules.RegisterKind(rules.Kind{
		Name: "reference",
		Doc: `Citations of other documents: a document number (the docnumber rules listed in
numbers) or a type name followed by "số N" (bare), with the type taken from the words
before it (types), else from the ký hiệu; then, in order and only up to the next
citation, what belongs to it: "của <issuer>", "ngày <date>" (the date rules listed in
dates), and "về …" / "V/v …" (the subject).`,
		Compile: compileReference,
	})
}

// Reference is a compiled reference rule.
type Reference struct {
	id          string
	numbers     []*DocNumber
	types       *rules.Lexicon
	partyTypes  *rules.Lexicon
	issuers     *rules.Lexicon
	dates       []*DateRule
	bare        *anchored
	numberWords []string
	dateWords   []string
	issuerWords []string
	subjWords   []string
	stops       []string
	issuedWords []string
	maxIssuer   int
	maxSubject  int
}

type referenceConfig struct {
	Numbers      []string `yaml:"numbers"`
	Types        string   `yaml:"types"`
	PartyTypes   string   `yaml:"party_types"`
	Issuers      string   `yaml:"issuers"`
	Dates        []string `yaml:"dates"`
	Bare         string   `yaml:"bare"`
	NumberWords  []string `yaml:"number_words"`
	DateWords    []string `yaml:"date_words"`
	IssuerWords  []string `yaml:"issuer_words"`
	SubjectWords []string `yaml:"subject_words"`
	IssuerStops  []string `yaml:"issuer_stops"`
	IssuedWords  []string `yaml:"issued_words"`
	MaxIssuer    int      `yaml:"max_issuer"`
	MaxSubject   int      `yaml:"max_subject"`
	BareAnchor   []string `yaml:"bare_anchor"`
}

func requireDates(c *rules.Compiler, ids []string) ([]*DateRule, error) {
	var out []*DateRule
	for _, id := range ids {
		m, err := c.Require(id)
		if err != nil {
			return nil, fmt.Errorf("dates: %v", err)
		}
		d, ok := m.(*DateRule)
		if !ok {
			return nil, fmt.Errorf("dates: rule %q is not a date rule", id)
		}
		out = append(out, d)
	}
	return out, nil
}

func compileReference(c *rules.Compiler, r *rules.Rule, decode func(any) error) (rules.Matcher, error) {
	var cfg referenceConfig
	if err := decode(&cfg); err != nil {
		return nil, err
	}
	ref := &Reference{id: r.ID, maxIssuer: cfg.MaxIssuer, maxSubject: cfg.MaxSubject}
	if len(cfg.Numbers) == 0 {
		return nil, fmt.Errorf("numbers: list at least one docnumber rule")
	}
	for _, id := range cfg.Numbers {
		m, err := c.Require(id)
		if err != nil {
			return nil, fmt.Errorf("numbers: %v", err)
		}
		d, ok := m.(*DocNumber)
		if !ok {
			return nil, fmt.Errorf("numbers: rule %q is not a docnumber rule", id)
		}
		ref.numbers = append(ref.numbers, d)
	}
	var err error
	if ref.types, err = rules.RequireLexicon(c, "types", cfg.Types); err != nil {
		return nil, err
	}
	if ref.partyTypes, err = rules.RequireLexicon(c, "party_types", cfg.PartyTypes); err != nil {
		return nil, err
	}
	if ref.issuers, err = rules.RequireLexicon(c, "issuers", cfg.Issuers); err != nil {
		return nil, err
	}
	if ref.dates, err = requireDates(c, cfg.Dates); err != nil {
		return nil, err
	}
	if ref.bare, err = compileAnchored("bare", cfg.Bare, cfg.BareAnchor, 40); err != nil {
		return nil, err
	}
	if ref.bare.SubexpIndex("number") < 0 {
		return nil, fmt.Errorf("bare needs a group (?P<number>…)")
	}
	low := func(ws []string) []string {
		out := make([]string, len(ws))
		for i, w := range ws {
			out[i] = strings.ToLower(vntext.Normalize(w))
		}
		sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
		return out
	}
	ref.numberWords, ref.dateWords, ref.issuerWords = low(cfg.NumberWords), low(cfg.DateWords), low(cfg.IssuerWords)
	ref.subjWords, ref.stops, ref.issuedWords = low(cfg.SubjectWords), low(cfg.IssuerStops), low(cfg.IssuedWords)
	if len(ref.dateWords) == 0 || len(ref.issuerWords) == 0 || len(ref.subjWords) == 0 {
		return nil, fmt.Errorf("date_words, issuer_words and subject_words must not be empty")
	}
	if ref.maxIssuer == 0 {
		ref.maxIssuer = 90
	}
	if ref.maxSubject == 0 {
		ref.maxSubject = 300
	}
	return ref, nil
}

// RefHit is a citation found in a text. Offsets are bytes into the text searched.
type RefHit struct {
	Start, End   int // the whole citation: type word … last part that belongs to it
	Num          NumberHit
	Bare         bool         // a number with no ký hiệu ("Kế hoạch số 432")
	Type         *rules.Entry // nil when unknown
	TypeFrom     string       // word, code, issuer
	TypeWord     string       // the type as written before the number
	Date         *DateHit
	DateBefore   bool // the date was written before the citation ("ngày …, X đã ban hành …")
	Issuer       string
	Subject      string
	Rule         string
	subjectStart int
}

// ID is the canonical id of the cited document.
func (h RefHit) ID() string {
	if h.Bare {
		t := "?"
		if h.Type != nil {
			t = h.Type.Key
		}
		return t + " số " + h.Num.Number
	}
	return h.Num.ID()
}

// Find returns the citations in a scanned text, in order.
func (r *Reference) Find(sc *scan) []RefHit {
	text := sc.text
	cands := r.candidates(sc)
	var out []RefHit
	for i, c := range cands {
		limit := len(text)
		if i+1 < len(cands) {
			limit = cands[i+1].Start
		}
		h, ok := r.resolve(text, c, limit)
		if ok {
			out = append(out, h)
		}
	}
	// a subject ends where "và <next citation>" or ", <next citation>" begins; a citation
	// after a verb ("về triển khai Kế hoạch số …") stays inside it
	for i := 0; i+1 < len(out); i++ {
		h, next := &out[i], out[i+1]
		if h.Subject == "" || next.Start >= h.subjectStart+len(h.Subject) || next.Start < h.subjectStart {
			continue
		}
		before := strings.TrimRight(text[h.subjectStart:next.Start], " ")
		var cut string
		switch {
		case strings.HasSuffix(before, " và"):
			cut = strings.TrimSuffix(before, " và")
		case strings.HasSuffix(before, ","):
			cut = strings.TrimSuffix(before, ",")
		default:
			continue
		}
		h.Subject = strings.TrimSpace(cut)
		h.End = h.subjectStart + len(cut)
	}
	// the type word of the next citation ends what the previous one can claim
	for i := 0; i+1 < len(out); i++ {
		if out[i].End > out[i+1].Start {
			out[i].End = out[i+1].Start
			for out[i].End > out[i].Start && out[i].End <= len(text) && (text[out[i].End-1] == ' ' || text[out[i].End-1] == ',') {
				out[i].End--
			}
		}
	}
	return out
}

// candidates are the numbers found by every grammar and the bare "số N", leftmost
// first, overlaps resolved in favour of the earlier grammar in the list.
func (r *Reference) candidates(sc *scan) []RefHit {
	text := sc.text
	type cand struct {
		h    RefHit
		prio int // the grammar's place in the list: lower wins an overlap
	}
	var all []cand
	for k, d := range r.numbers {
		for _, h := range d.Find(sc) {
			all = append(all, cand{RefHit{Num: h, Start: h.Start, End: h.End, Rule: r.id}, k})
		}
	}
	gn := r.bare.SubexpIndex("number")
	for _, m := range r.bare.findAll(sc) {
		s, e := m[2*gn], m[2*gn+1]
		if e < len(text) && (text[e] == '/' || text[e] == '-' || isDigit(text[e]) || text[e] == '.' && e+1 < len(text) && isDigit(text[e+1])) {
			continue
		}
		if nx := skipSpaces(text, e); nx < len(text) && (text[nx] == '/' || text[nx] == '-') {
			continue // "số 47 /PĐ-UBND" is a full number the grammars read
		}
		if m[0] > 0 {
			if rr, _ := utf8.DecodeLastRuneInString(text[:m[0]]); unicode.IsLetter(rr) {
				continue
			}
		}
		all = append(all, cand{RefHit{Num: NumberHit{Start: s, End: e, Number: text[s:e], Style: "state"}, Bare: true,
			Start: s, End: e, Rule: r.id}, len(r.numbers)})
	}
	slices.SortStableFunc(all, func(a, b cand) int { return a.h.Num.Start - b.h.Num.Start })
	var out []cand
	for _, c := range all {
		if n := len(out); n > 0 && c.h.Num.Start < out[n-1].h.Num.End {
			if c.prio < out[n-1].prio {
				out[n-1] = c
			}
			continue
		}
		out = append(out, c)
	}
	cands := make([]RefHit, len(out))
	for i, c := range out {
		cands[i] = c.h
	}
	return cands
}

// resolve finds the type of a candidate and attaches the parts that follow it, never
// past limit (the next candidate).
func (r *Reference) resolve(text string, h RefHit, limit int) (RefHit, bool) {
	// the type written before: "Kế hoạch số 08/…", "Nghị định 91/2017/NĐ-CP", "Công văn số: 1420/…"
	p := h.Num.Start
	for p > 0 && (text[p-1] == ' ' || text[p-1] == ':') {
		p--
	}
	if w := r.wordBefore(text, p, r.numberWords); w >= 0 {
		p = w
	}
	party := h.Num.Style == "party"
	lex := r.types
	if party {
		lex = r.partyTypes
	}
	if hit, ok := lex.Before(text, p); ok {
		h.Type, h.TypeFrom, h.TypeWord, h.Start = hit.Entry, "word", text[hit.Start:hit.End], hit.Start
	} else if hit, ok := r.types.Before(text, p); ok && party { // a state type word before a Party number
		h.Type, h.TypeFrom, h.TypeWord, h.Start = hit.Entry, "word", text[hit.Start:hit.End], hit.Start
	}
	if h.Type == nil && !h.Bare && !party {
		// "Luật Doanh nghiệp số 59/2020/QH14": a law is named between its type and its number
		if g := h.Num.Groups(); len(g) > 0 && legislature(g[0]) {
			h.Type, h.TypeFrom = r.typeBack(text, p, g[0]), "word"
		}
	}
	if h.Bare && h.Type == nil {
		return h, false
	}
	if !h.Bare && h.Type == nil {
		g := h.Num.Groups()
		if len(g) == 0 {
			return h, false
		}
		if e := lex.Code(g[0]); e != nil {
			h.Type, h.TypeFrom = e, "code"
		} else if r.issuers.Code(g[0]) != nil && !party {
			h.Type, h.TypeFrom = r.types.Get("CV"), "issuer"
		} else {
			return h, false // a number-like string that names no known type or issuer
		}
	}
	// what follows: "của X", "ngày D", "về …" in any order, each once
	pos := h.Num.End
	h.End = pos
	for step := 0; step < 4; step++ {
		q := skipSep(text, pos)
		if q >= limit {
			break
		}
		if h.Issuer == "" {
			if w := r.wordAt(text, q, r.issuerWords); w > q {
				is, ie := r.issuerSpan(text, skipSpaces(text, w), limit)
				if ie > is {
					h.Issuer = strings.TrimSpace(text[is:ie])
					pos, h.End = ie, ie
					continue
				}
			}
		}
		if h.Date == nil {
			dq := q
			if w := r.wordAt(text, q, r.dateWords); w > q {
				dq = q // date rules include the word "ngày" in the verbal form
				if d, ok := r.dateAt(text, skipSpaces(text, w), limit); ok {
					h.Date = &d
					pos, h.End = d.End, d.End
					continue
				}
			}
			if d, ok := r.dateAt(text, dq, limit); ok {
				h.Date = &d
				pos, h.End = d.End, d.End
				continue
			}
		}
		if h.Subject == "" {
			if w := r.wordAt(text, q, r.subjWords); w > q {
				ss := skipSpaces(text, w)
				if w2 := r.wordAt(text, ss, r.subjWords); w2 > ss { // "về việc V/v …"
					ss = skipSpaces(text, w2)
				}
				se := r.subjectEnd(text, ss, len(text))
				if se > ss {
					h.Subject = strings.TrimSpace(text[ss:se])
					h.subjectStart = ss
					pos, h.End = se, se
				}
			}
		}
		break
	}
	if h.Date == nil {
		if d, ok := r.issuedBefore(text, h.Start); ok {
			h.Date, h.DateBefore = &d, true
		} else if d, ok := r.wrappedCell(text, h.Num.End, limit); ok {
			h.Date = &d
		}
	}
	return h, true
}

// wrappedCell finds the date of a citation in a table cell that a PDF text layer wrapped
// onto the next line, interleaved with the next column ("153/KH-UBND, khai thực hiện" /
// "ngày 28/02/2023 phong trào thi"): the citation's line is short and the next line
// begins with the date word.
func (r *Reference) wrappedCell(text string, end, limit int) (DateHit, bool) {
	nl := strings.IndexByte(text[end:min(len(text), end+48)], '\n')
	if nl < 0 {
		return DateHit{}, false
	}
	lineStart := strings.LastIndexByte(text[:end], '\n') + 1
	if end+nl-lineStart > 64 {
		return DateHit{}, false
	}
	q := end + nl + 1
	if w := r.wordAt(text, q, r.dateWords); w > q && q < limit {
		return r.dateAt(text, skipSpaces(text, w), limit)
	}
	return DateHit{}, false
}

// legislature reports whether a ký hiệu group is the Quốc hội or its standing committee
// with a term number (QH15, UBTVQH14): the code of laws, codes and ordinances.
func legislature(g string) bool {
	g = strings.TrimRight(g, "0123456789")
	return g == "QH" || g == "UBTVQH"
}

// typeBack finds the type of a legislature document written a few words before its
// number ("Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15"), else Luật for the
// Quốc hội and Pháp lệnh for its standing committee.
func (r *Reference) typeBack(text string, p int, g string) *rules.Entry {
	from := max(0, p-160)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	if j := strings.LastIndexAny(text[from:p], ";\n\t"); j >= 0 {
		from += j + 1
	}
	var best *rules.Entry
	for _, hit := range r.types.Find(text[from:p]) {
		if hit.Entry.Attr("regime") == "legal" || hit.Entry.Key == "NQ" {
			best = hit.Entry
		}
	}
	if best != nil {
		return best
	}
	if strings.HasPrefix(g, "UBTVQH") {
		return r.types.Get("Pháp lệnh")
	}
	return r.types.Get("Luật")
}

// issuedBefore finds "ngày D, <issuer> (đã) ban hành <citation>" in the same sentence.
func (r *Reference) issuedBefore(text string, start int) (DateHit, bool) {
	from := max(0, start-160)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	before := text[from:start]
	if j := strings.LastIndexAny(before, ".;\n\t"); j >= 0 {
		from += j + 1
		before = text[from:start]
	}
	lb := strings.ToLower(strings.TrimRight(before, " "))
	ok := false
	for _, w := range r.issuedWords {
		if strings.HasSuffix(lb, w) {
			ok = true
		}
	}
	if !ok {
		return DateHit{}, false
	}
	var last *DateHit
	sub := newScan(text[from:start])
	for _, d := range r.dates {
		for _, h := range d.Find(sub) {
			if h.Precision == "day" && (last == nil || h.Start > last.Start-from) {
				hh := h
				hh.Start += from
				hh.End += from
				last = &hh
			}
		}
	}
	if last == nil {
		return DateHit{}, false
	}
	return *last, true
}

func skipSep(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == ',') {
		i++
	}
	return i
}

// wordAt returns the end of the first of words written at i (ignoring case, at a word
// boundary), or -1.
func (r *Reference) wordAt(text string, i int, words []string) int {
	for _, w := range words {
		e := i + len(w)
		if e > len(text) {
			continue
		}
		if !strings.EqualFold(text[i:e], w) {
			continue
		}
		if e < len(text) {
			if rr, _ := utf8.DecodeRuneInString(text[e:]); unicode.IsLetter(rr) || unicode.IsDigit(rr) {
				continue
			}
		}
		return e
	}
	return -1
}

// wordBefore returns the start of the first of words written just before end, or -1.
func (r *Reference) wordBefore(text string, end int, words []string) int {
	for _, w := range words {
		s := end - len(w)
		if s < 0 || !strings.EqualFold(text[s:end], w) {
			continue
		}
		if s > 0 {
			if rr, _ := utf8.DecodeLastRuneInString(text[:s]); unicode.IsLetter(rr) || unicode.IsDigit(rr) {
				continue
			}
		}
		for s > 0 && text[s-1] == ' ' {
			s--
		}
		return s
	}
	return -1
}

func (r *Reference) dateAt(text string, i, limit int) (DateHit, bool) {
	for _, d := range r.dates {
		loc := d.re.at(text, i)
		if loc == nil {
			continue
		}
		if loc[1] > limit || !d.boundaryOK(text, loc[0], loc[1]) {
			continue
		}
		h := DateHit{Start: loc[0], End: loc[1], Rule: d.id, Day: group(text, loc, d.gd), Month: group(text, loc, d.gm), Year: group(text, loc, d.gy)}
		switch {
		case h.Day > 0 && h.Month > 0:
			h.Precision = "day"
		case h.Month > 0:
			h.Precision = "month"
		default:
			h.Precision = "year"
		}
		return h, true
	}
	return DateHit{}, false
}

// issuerSpan reads the issuer after "của", up to a stop word or punctuation.
func (r *Reference) issuerSpan(text string, i, limit int) (int, int) {
	end := min(limit, i+r.maxIssuer*2, len(text))
	j := i
	for j < end {
		c := text[j]
		if c == ',' || c == ';' || c == '.' && (j+1 >= len(text) || text[j+1] == ' ' || text[j+1] == '\n') || c == '(' || c == '\n' || c == '\t' || c == '"' || c == '[' || c == ':' {
			break
		}
		if strings.HasPrefix(text[j:], "“") || strings.HasPrefix(text[j:], "”") {
			break
		}
		if c == ' ' {
			stop := false
			for _, w := range r.stops {
				if e := j + 1 + len(w); e <= len(text) && strings.EqualFold(text[j+1:e], w) {
					if e == len(text) || !isWordByte(text, e) {
						stop = !(w == "và" && r.nameGoesOn(text, e))
						break
					}
				}
			}
			if stop {
				break
			}
		}
		_, n := utf8.DecodeRuneInString(text[j:])
		j += n
	}
	for j > i && text[j-1] == ' ' {
		j--
	}
	if j-i > r.maxIssuer*2 || j == i {
		return i, i
	}
	// an issuer names a body: it starts with an upper-case letter or a known abbreviation
	if rr, _ := utf8.DecodeRuneInString(text[i:]); !unicode.IsUpper(rr) {
		return i, i
	}
	return i, j
}

// nameGoesOn reports whether "và" at i joins the parts of one body's name ("Bộ Giáo
// dục và Đào tạo") rather than two things: an upper-case word follows that starts no
// citation.
func (r *Reference) nameGoesOn(text string, i int) bool {
	j := skipSpaces(text, i)
	if j >= len(text) {
		return false
	}
	rr, _ := utf8.DecodeRuneInString(text[j:])
	if !unicode.IsUpper(rr) {
		return false
	}
	if _, ok := r.types.At(text, j); ok {
		return false
	}
	return true
}

func isWordByte(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// subjectEnd returns where the subject starting at i ends: a ";" or a sentence end.
func (r *Reference) subjectEnd(text string, i, limit int) int {
	end := min(limit, len(text))
	n := 0
	j := i
	for j < end && n < r.maxSubject {
		c := text[j]
		if c == ';' || c == '\n' || c == '\t' {
			break
		}
		if c == '.' && (j+1 == len(text) || text[j+1] == ' ' || text[j+1] == '\n' || text[j+1] == '/') {
			break
		}
		_, w := utf8.DecodeRuneInString(text[j:])
		j += w
		n++
	}
	for j > i && (text[j-1] == ' ' || text[j-1] == ',') {
		j--
	}
	return j
}

// Run finds the citations of an example input.
func (r *Reference) Run(in string) []rules.Item {
	in = vntext.Normalize(in)
	var out []rules.Item
	for _, h := range r.Find(newScan(in)) {
		it := rules.Item{"id": h.ID(), "number": h.Num.Number, "text": in[h.Start:h.End]}
		if !h.Bare {
			it["code"] = h.Num.Code
		} else {
			it["code"] = nil
		}
		if h.Num.Year != 0 {
			it["year"] = h.Num.Year
		}
		if h.Type != nil {
			it["type"] = h.Type.Key
		}
		if h.Date != nil {
			if v := h.Date.Value(); v != "" {
				it["date"] = v
			}
		} else {
			it["date"] = nil
		}
		if h.Issuer != "" {
			it["issuer"] = h.Issuer
		} else {
			it["issuer"] = nil
		}
		if h.Subject != "" {
			it["subject"] = h.Subject
		}
		out = append(out, it)
	}
	return out
}
