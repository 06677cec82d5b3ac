package audit

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/rules"
)

func init() {
	Register(Definition{
		Name:     "doc-numbers",
		Category: "number_format",
		Doc: `The số, ký hiệu of every cited document against NĐ 30/2020 (DOMAIN.md §1.3, §2): the
first group of a state ký hiệu is a type abbreviation (or the issuer, for a công văn), a
Party number is number-type/issuer (HD 36-HD/VPTW). Reported: an abbreviation no type
has ("29-Q/TW"), a shortened one ("84/Tr-UBND" for TTr), a type word that contradicts
the abbreviation, a typed document whose ký hiệu has no type ("Kế hoạch số 169/UBND"),
a number with no ký hiệu at all ("Kế hoạch số 432 ngày …", unless the same document is
cited in full elsewhere), Party and state styles mixed up ("29/NQ-TW", "12-KH/UBND"),
spaces inside the number ("47 /PĐ-UBND"), and a công văn ký hiệu with no unit or field.`,
		Situations: map[string]string{
			"unknown-type": baocao.SevWarning, "nonstandard": baocao.SevWarning, "type-mismatch": baocao.SevWarning,
			"missing-type": baocao.SevWarning, "missing-code": baocao.SevWarning, "style-mixed": baocao.SevWarning,
			"spacing": baocao.SevInfo, "unit-missing": baocao.SevInfo, "misread": baocao.SevInfo,
		},
		New: newDocNumbers,
	})
	Register(Definition{
		Name:     "own-number",
		Category: "number_format",
		Doc: `The report's own số, ký hiệu: a number left blank ("Số: /BC-UBND"; assigned after
signature, so usual in a draft, likely wrong in a document that is signed and fully
dated), and a ký hiệu whose type abbreviation contradicts the type name under it.`,
		Situations: map[string]string{"blank-signed": baocao.SevWarning, "blank": baocao.SevInfo, "type-mismatch": baocao.SevWarning},
		New:        newOwnNumber,
	})
	Register(Definition{
		Name:     "number-reuse",
		Category: "number_format",
		Doc: `The same number and ký hiệu cited with two different issue dates of one year: a number
and symbol are unique within the year (NĐ 30/2020 Điều 15.1), so one of the two is wrong
(unless the texts name two different issuers).`,
		Situations: map[string]string{"reused": baocao.SevWarning},
		New:        func(*rules.Compiler, func(any) error) (Check, error) { return numberReuse{}, nil },
	})
}

type numberOptions struct {
	Common       `yaml:",inline"`
	Types        string     `yaml:"types"`
	PartyTypes   string     `yaml:"party_types"`
	Issuers      string     `yaml:"issuers"`
	PartyIssuers []string   `yaml:"party_issuers"` // issuer codes of Party bodies (TW, TU, HU, ĐU…)
	SameType     [][]string `yaml:"same_type"`     // abbreviations a type word may legitimately be written with
}

type numberLexicons struct {
	types, party, issuers *rules.Lexicon
	partyIssuer           map[string]bool
	same                  map[string]bool // "QĐ|QĐi" pairs, both ways, lower case
}

func compileNumberLexicons(c *rules.Compiler, o numberOptions) (*numberLexicons, error) {
	var nl numberLexicons
	var err error
	if nl.types, err = rules.RequireLexicon(c, "types", o.Types); err != nil {
		return nil, err
	}
	if nl.party, err = rules.RequireLexicon(c, "party_types", o.PartyTypes); err != nil {
		return nil, err
	}
	if nl.issuers, err = rules.RequireLexicon(c, "issuers", o.Issuers); err != nil {
		return nil, err
	}
	if len(o.PartyIssuers) == 0 {
		return nil, fmt.Errorf("party_issuers: list the issuer codes of Party bodies (TW, TU, HU, ĐU, …)")
	}
	nl.partyIssuer = map[string]bool{}
	for _, p := range o.PartyIssuers {
		nl.partyIssuer[strings.ToLower(p)] = true
	}
	nl.same = map[string]bool{}
	for _, g := range o.SameType {
		for _, a := range g {
			for _, b := range g {
				nl.same[strings.ToLower(a)+"|"+strings.ToLower(b)] = true
			}
		}
	}
	return &nl, nil
}

type docNumbers struct{ *numberLexicons }

func newDocNumbers(c *rules.Compiler, decode func(any) error) (Check, error) {
	var o numberOptions
	if err := decode(&o); err != nil {
		return nil, err
	}
	nl, err := compileNumberLexicons(c, o)
	if err != nil {
		return nil, err
	}
	return docNumbers{nl}, nil
}

func (docNumbers) Name() string { return "doc-numbers" }

func codeGroups(code string) []string {
	return strings.FieldsFunc(code, func(r rune) bool { return r == '-' || r == '/' })
}

func isPartyStyle(r *baocao.Reference) bool {
	return r.Code != "" && strings.HasPrefix(r.ID, r.Number+"-")
}

// typeWord returns the type the citation is introduced with ("Kế hoạch số …"), nil when
// it starts with the number.
func (nl *numberLexicons) typeWord(r *baocao.Reference) *rules.Entry {
	first, second := nl.types, nl.party
	if isPartyStyle(r) {
		first, second = nl.party, nl.types
	}
	for _, lx := range []*rules.Lexicon{first, second} {
		if h, ok := lx.At(r.Text, 0); ok {
			return h.Entry
		}
	}
	return nil
}

// abbr returns the abbreviation of a type entry ("" for công văn, laws).
func abbr(e *rules.Entry) string {
	if e == nil {
		return ""
	}
	if a, ok := e.Attrs["abbr"]; ok {
		return a
	}
	if len(e.Codes) > 0 {
		return e.Codes[0]
	}
	return ""
}

// compatible reports whether a type word and the type abbreviation of a ký hiệu agree:
// the same type, an allowed pair ("Quy định" written QĐ in old Party documents), or a
// type name that begins with the other's ("Thông báo kết luận" numbered TB).
func (nl *numberLexicons) compatible(word, code *rules.Entry) bool {
	if word.Key == code.Key || nl.same[strings.ToLower(word.Key)+"|"+strings.ToLower(code.Key)] {
		return true
	}
	for _, wn := range word.Names {
		for _, cn := range code.Names {
			if strings.HasPrefix(strings.ToLower(wn), strings.ToLower(cn)+" ") {
				return true
			}
		}
	}
	return false
}

func (d docNumbers) Run(ctx *Context) []baocao.Finding {
	rec := ctx.Record()
	coded := map[string]bool{} // type|number of the documents cited with a ký hiệu
	for _, r := range rec.References {
		if r.Code != "" {
			coded[string(r.Type)+"|"+strings.TrimLeft(r.Number, "0")] = true
		}
	}
	var out []baocao.Finding
	bare := map[string]bool{} // one finding per document cited without its ký hiệu
	add := func(f baocao.Finding, ok bool, r *baocao.Reference) {
		if ok {
			f.Confidence = r.Confidence
			out = append(out, f)
		}
	}
	for i := range rec.References {
		r := &rec.References[i]
		word := d.typeWord(r)
		if r.Code == "" {
			k := string(r.Type) + "|" + strings.TrimLeft(r.Number, "0")
			if word != nil && abbr(word) != "" && !coded[k] && !bare[k] {
				bare[k] = true
				f, ok := ctx.Finding("missing-code", r.Span, r.Number, r.Number+"/"+abbr(word)+"-…",
					"%s số %s is cited without its ký hiệu (a %s is numbered %s/%s-…)", word.Names[0], r.Number, word.Names[0], r.Number, abbr(word))
				add(f, ok, r)
			}
			continue
		}
		groups := codeGroups(string(r.Code))
		if len(groups) == 0 {
			continue
		}
		g0 := groups[0]
		written := writtenNumber(r)
		if c, ok := foreignRune(string(r.Code)); ok {
			// "44/QĐÐ-HĐND": a letter no Vietnamese word has is a misreading of the scan or the
			// font, not the writer's error
			f, ok := ctx.Finding("misread", numberSpan(r), written, nil,
				"the ký hiệu '%s' has '%c', which is no Vietnamese letter: the text was misread here", written, c)
			add(f, ok, r)
			continue
		}
		if isPartyStyle(r) {
			pe := d.party.Code(g0)
			switch {
			case pe == nil:
				f, ok := d.badType(ctx, r, word, g0, written)
				add(f, ok, r)
			case word != nil && !d.compatible(word, pe) && d.party.Get(word.Key) != nil:
				f, ok := ctx.Finding("type-mismatch", numberSpan(r), g0, abbr(word),
					"'%s' is introduced as a %s, but its ký hiệu says %s (%s)", written, word.Names[0], g0, pe.Names[0])
				add(f, ok, r)
			}
			if len(groups) >= 2 && !d.partyIssuer[strings.ToLower(groups[1])] && d.issuers.Code(groups[1]) != nil {
				f, ok := ctx.Finding("style-mixed", numberSpan(r), r.ID, r.Number+"/"+g0+"-"+strings.Join(groups[1:], "-"),
					"'%s' is numbered in the Party style (number-type/issuer), but %s is a state body, whose documents are numbered %s/%s-%s",
					written, groups[1], r.Number, g0, strings.Join(groups[1:], "-"))
				add(f, ok, r)
			}
		} else {
			te := d.types.Code(g0)
			switch {
			case te != nil:
				if word != nil && !d.compatible(word, te) {
					f, ok := ctx.Finding("type-mismatch", numberSpan(r), g0, abbr(word),
						"'%s' is introduced as a %s, but its ký hiệu says %s (%s)", written, word.Names[0], g0, te.Names[0])
					add(f, ok, r)
				}
				if len(groups) >= 2 && d.partyIssuer[strings.ToLower(groups[len(groups)-1])] && d.party.Code(g0) != nil && r.Year == 0 {
					f, ok := ctx.Finding("style-mixed", numberSpan(r), r.ID, r.Number+"-"+g0+"/"+strings.Join(groups[1:], "-"),
						"'%s' is a Party document numbered in the state style; Party documents are numbered %s-%s/%s",
						written, r.Number, g0, strings.Join(groups[1:], "-"))
					add(f, ok, r)
				}
			case d.issuers.Code(g0) != nil:
				switch {
				case r.Year != 0:
					// a law or resolution of the Quốc hội: 06/2022/QH15
				case word != nil && abbr(word) != "":
					f, ok := ctx.Finding("missing-type", numberSpan(r), string(r.Code), abbr(word)+"-"+string(r.Code),
						"the ký hiệu of %s số %s names no type; a %s is numbered %s/%s-%s", word.Names[0], written, word.Names[0], r.Number, abbr(word), r.Code)
					add(f, ok, r)
				case len(groups) == 1 && !d.partyIssuer[strings.ToLower(g0)]:
					f, ok := ctx.Finding("unit-missing", numberSpan(r), string(r.Code), string(r.Code)+"-…",
						"the công văn '%s' has only the issuer in its ký hiệu; NĐ 30/2020 adds the drafting unit or field (%s-VP, %s-NV, …)", written, g0, g0)
					add(f, ok, r)
				}
			default:
				f, ok := d.badType(ctx, r, word, g0, written)
				add(f, ok, r)
			}
		}
		if strings.ContainsRune(written, ' ') {
			f, ok := ctx.Finding("spacing", numberSpan(r), written, r.ID, "the number '%s' has spaces inside; NĐ 30/2020 writes it without: %s", written, r.ID)
			add(f, ok, r)
		}
	}
	return out
}

// foreignRune returns the first letter of s that no Vietnamese word is written with
// ("Ð", "ñ": what fonts and scans put for Đ).
func foreignRune(s string) (rune, bool) {
	for _, r := range s {
		if r < utf8.RuneSelf || !unicode.IsLetter(r) {
			continue
		}
		f := vntext.Fold(string(r))
		if len(f) != 1 || f[0] < 'a' || f[0] > 'z' {
			return r, true
		}
	}
	return 0, false
}

// badType reports a first group that is no type abbreviation (nor an issuer).
func (d docNumbers) badType(ctx *Context, r *baocao.Reference, word *rules.Entry, g0, written string) (baocao.Finding, bool) {
	want := abbr(word)
	fixed := ""
	if want != "" {
		fixed = strings.Replace(r.ID, g0, want, 1)
	}
	// a recognizable part of the right abbreviation (two letters or more: "Tr" of TTr) is a
	// non-standard form of it; one letter ("Q" for NQ) is no abbreviation at all
	if want != "" && utf8.RuneCountInString(g0) >= 2 && len(g0) < len(want) && strings.HasSuffix(strings.ToLower(want), strings.ToLower(g0)) {
		return ctx.Finding("nonstandard", numberSpan(r), g0, want,
			"'%s' writes the type as '%s', which is no abbreviation; a %s is '%s' (%s)", written, g0, word.Names[0], want, fixed)
	}
	if want != "" {
		return ctx.Finding("unknown-type", numberSpan(r), g0, want,
			"'%s' has the type abbreviation '%s', which no document type has; a %s is '%s' (%s)", written, g0, word.Names[0], want, fixed)
	}
	return ctx.Finding("unknown-type", numberSpan(r), g0, nil, "'%s' has the type abbreviation '%s', which no document type has", written, g0)
}

// numberSpan narrows a citation's span to its type word and number ("Kế hoạch số
// 200/KH - UBND"): the evidence a number-format finding quotes.
func numberSpan(r *baocao.Reference) baocao.Span {
	w := writtenNumber(r)
	if i := strings.Index(r.Text, w); i >= 0 && w != "" {
		return baocao.Span{Start: r.Span.Start, End: r.Span.Start + i + len(w)}
	}
	return r.Span
}

// writtenNumber returns the number and ký hiệu as the citation writes them ("113/KH -
// UBND"): from the number up to where, without spaces, the canonical id is complete.
func writtenNumber(r *baocao.Reference) string {
	id := r.ID
	t := r.Text
	i := strings.Index(t, r.Number)
	for i >= 0 {
		var b strings.Builder
		j := i
		for j < len(t) && b.Len() < len(id) && j-i < 80 {
			c, n := utf8.DecodeRuneInString(t[j:])
			if c != ' ' {
				b.WriteRune(c)
			}
			j += n
		}
		if b.String() == id {
			return t[i:j]
		}
		k := strings.Index(t[i+1:], r.Number)
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return id
}

type ownNumber struct{ *numberLexicons }

func newOwnNumber(c *rules.Compiler, decode func(any) error) (Check, error) {
	var o numberOptions
	if err := decode(&o); err != nil {
		return nil, err
	}
	nl, err := compileNumberLexicons(c, o)
	if err != nil {
		return nil, err
	}
	return ownNumber{nl}, nil
}

func (ownNumber) Name() string { return "own-number" }

func (o ownNumber) Run(ctx *Context) []baocao.Finding {
	id := ctx.Record().Document
	if id.Code == "" {
		return nil
	}
	span := id.Spans["number"]
	var out []baocao.Finding
	if id.Number == "" {
		complete := id.Date != nil && id.Date.Value != ""
		if ctx.an.signed() && complete {
			f, ok := ctx.Finding("blank-signed", span, "/"+string(id.Code), nil,
				"the document's number is left blank ('Số: /%s') though it is signed and dated %s", id.Code, id.Date.Text)
			out = append(out, oneIf(f, ok)...)
		} else {
			f, ok := ctx.Finding("blank", span, "/"+string(id.Code), nil,
				"the document's number is left blank ('Số: /%s'), as in a draft", id.Code)
			out = append(out, oneIf(f, ok)...)
		}
	}
	groups := codeGroups(string(id.Code))
	if len(groups) > 0 && id.Type != "" && id.Type != "CV" {
		te := o.types.Code(groups[0])
		if te == nil {
			te = o.party.Code(groups[0])
		}
		word := o.types.Get(string(id.Type))
		if word == nil {
			word = o.party.Get(string(id.Type))
		}
		if te != nil && word != nil && !o.compatible(word, te) {
			f, ok := ctx.Finding("type-mismatch", span, groups[0], abbr(word),
				"the report is a %s, but its ký hiệu %s says %s (%s)", word.Names[0], id.Code, groups[0], te.Names[0])
			out = append(out, oneIf(f, ok)...)
		}
	}
	return out
}

type numberReuse struct{}

func (numberReuse) Name() string { return "number-reuse" }

func (numberReuse) Run(ctx *Context) []baocao.Finding {
	type mention struct {
		r    *baocao.Reference
		date time.Time
	}
	rec := ctx.Record()
	groups := map[string][]mention{}
	var keys []string
	for i := range rec.References {
		r := &rec.References[i]
		if r.Code == "" || (r.DateSource != "" && r.DateSource != "before") {
			continue
		}
		t, ok := isoDate(r.Date)
		if !ok {
			continue
		}
		k := fmt.Sprintf("%s|%d", strings.TrimLeft(r.ID, "0"), t.Year())
		if _, seen := groups[k]; !seen {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], mention{r, t})
	}
	sort.Strings(keys)
	var out []baocao.Finding
	for _, k := range keys {
		ms := groups[k]
		first := ms[0]
		for _, m := range ms[1:] {
			if m.date.Equal(first.date) {
				continue
			}
			a, b := vntext.Fold(string(first.r.Issuer)), vntext.Fold(string(m.r.Issuer))
			if a != "" && b != "" && a != b {
				continue // two bodies that share a ký hiệu ("KH-UBND" of a commune and of its district)
			}
			f, ok := ctx.Finding("reused", dateSpan(m.r), string(m.r.Date), string(first.r.Date),
				"%s is dated %s here but %s earlier; one number and ký hiệu names one document a year", refName(m.r), dmy(m.date), dmy(first.date))
			if ok {
				f.Confidence = m.r.Confidence
				out = append(out, f)
			}
			break
		}
	}
	return out
}
