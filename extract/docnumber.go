package extract

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/rules"
)

func init() {
	rules.RegisterKind(rules.Kind{
		Name: "docnumber",
		Doc: `The grammar of a document number (số, ký hiệu; DOMAIN.md §1.3, §2.2): a regular
expression with groups number, code and optionally year, and the style it is: state
("08/KH-UBND", "91/2017/NĐ-CP": number / [year /] type-issuer) or party ("29-NQ/TW":
number - type / issuer). Stray spaces and dashes inside are removed.`,
		Compile: compileDocNumber,
	})
}

// DocNumber is a compiled docnumber rule.
type DocNumber struct {
	id      string
	style   string
	re      *anchored
	gnum    int
	gyear   int
	gcode   int
	minYear int
	maxYear int
}

type docNumberConfig struct {
	Style   string   `yaml:"style"`
	Pattern string   `yaml:"pattern"`
	MinYear int      `yaml:"min_year"`
	MaxYear int      `yaml:"max_year"`
	Anchor  []string `yaml:"anchor"`
	Window  int      `yaml:"window"`
}

func compileDocNumber(c *rules.Compiler, r *rules.Rule, decode func(any) error) (rules.Matcher, error) {
	var cfg docNumberConfig
	if err := decode(&cfg); err != nil {
		return nil, err
	}
	if cfg.Style != "state" && cfg.Style != "party" {
		return nil, fmt.Errorf("style %q: want state or party", cfg.Style)
	}
	re, err := compileAnchored("pattern", cfg.Pattern, cfg.Anchor, cfg.Window)
	if err != nil {
		return nil, err
	}
	d := &DocNumber{id: r.ID, style: cfg.Style, re: re, gnum: re.SubexpIndex("number"),
		gyear: re.SubexpIndex("year"), gcode: re.SubexpIndex("code"), minYear: cfg.MinYear, maxYear: cfg.MaxYear}
	if d.gnum < 0 || d.gcode < 0 {
		return nil, fmt.Errorf("pattern needs groups (?P<number>…) and (?P<code>…)")
	}
	if d.minYear == 0 {
		d.minYear = 1945
	}
	if d.maxYear == 0 {
		d.maxYear = 2100
	}
	return d, nil
}

// NumberHit is a document number found in a text.
type NumberHit struct {
	Start, End int
	Number     string // as written, leading zeros kept
	Year       int
	Code       string // spaces removed, dashes unified: "KH-UBND", "NQ/TW"
	Style      string // state or party
	Rule       string
}

// ID is the canonical form: number[/year]/code, Party style number-code.
func (h NumberHit) ID() string {
	if h.Style == "party" {
		return h.Number + "-" + h.Code
	}
	if h.Year != 0 {
		return h.Number + "/" + strconv.Itoa(h.Year) + "/" + h.Code
	}
	return h.Number + "/" + h.Code
}

// Groups returns the groups of the ký hiệu: "KH-UBND" → KH, UBND; party "NQ/TW" → NQ, TW.
func (h NumberHit) Groups() []string {
	return strings.FieldsFunc(h.Code, func(r rune) bool { return r == '-' || r == '/' })
}

// Find returns the document numbers of this grammar in a scanned text.
func (d *DocNumber) Find(sc *scan) []NumberHit {
	var out []NumberHit
	for _, m := range d.re.findAll(sc) {
		if h, ok := d.hit(sc.text, m); ok {
			out = append(out, h)
		}
	}
	return out
}

func (d *DocNumber) hit(text string, m []int) (NumberHit, bool) {
	start, end := m[0], m[1]
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/' || r == '.' || r == ',' {
			return NumberHit{}, false
		}
	}
	cs, ce := m[2*d.gcode], m[2*d.gcode+1]
	// keep the groups that look like abbreviations; a word ("KH-UBND - Triển khai") ends the code
	end = cs
	seg := cs
	for i := cs; i <= ce; i++ {
		if i < ce && text[i] != '-' && text[i] != '/' {
			continue
		}
		g := strings.TrimSpace(text[seg:i])
		if !abbrevLike(g) {
			break
		}
		end = seg + strings.Index(text[seg:i], g) + len(g)
		seg = i + 1
	}
	if end == cs {
		return NumberHit{}, false
	}
	if end < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[end:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return NumberHit{}, false
		}
	}
	code := text[cs:end]
	code = compactCode(code)
	if code == "" || (d.style == "party" && !strings.Contains(code, "/")) {
		return NumberHit{}, false
	}
	h := NumberHit{Start: start, End: end, Number: text[m[2*d.gnum]:m[2*d.gnum+1]], Code: code, Style: d.style, Rule: d.id}
	if d.gyear >= 0 && m[2*d.gyear] >= 0 {
		h.Year = atoi(text[m[2*d.gyear]:m[2*d.gyear+1]])
		if h.Year < d.minYear || h.Year > d.maxYear {
			return NumberHit{}, false
		}
	}
	return h, true
}

// abbrevLike reports whether a ký hiệu group looks like an abbreviation: upper-case
// letters and digits with at most one lower-case letter (TTr, QyĐ, CTr, TTg, QĐi).
func abbrevLike(g string) bool {
	if g == "" {
		return false
	}
	lower, upper := 0, 0
	for _, r := range g {
		switch {
		case unicode.IsLower(r):
			lower++
		case unicode.IsUpper(r):
			upper++
		case unicode.IsDigit(r) || r == '&':
		default:
			return false
		}
	}
	return upper > 0 && lower <= 1 && (lower == 0 || upper >= 1)
}

// compactCode removes the spaces around the separators of a ký hiệu.
func compactCode(s string) string {
	s = vntext.Normalize(s)
	var b strings.Builder
	for _, r := range s {
		if r != ' ' {
			b.WriteRune(r)
		}
	}
	return strings.Trim(b.String(), "-/")
}

// Run finds the numbers of an example input.
func (d *DocNumber) Run(in string) []rules.Item {
	in = vntext.Normalize(in)
	var out []rules.Item
	for _, h := range d.Find(newScan(in)) {
		it := rules.Item{"id": h.ID(), "number": h.Number, "code": h.Code, "style": h.Style}
		if h.Year != 0 {
			it["year"] = h.Year
		}
		out = append(out, it)
	}
	return out
}
