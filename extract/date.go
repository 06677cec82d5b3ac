package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/rules"
)

func init() {
	rules.RegisterKind(rules.Kind{
		Name: "date",
		Doc: `A written form of dates: a regular expression with named groups d (day), m (month),
y (year) or ms (a list of months), the form it is (verbal, numeric, month-year, day-month,
year), the range of plausible years, and for day-month forms the context words that make
"20/3" a date and the link words through which a later year reaches it ("30/4 và 01/5
năm 2023"). Strings that only look like dates ("9/9 thôn", "(6/5)", "24/24 giờ") are
refused by the boundary checks and by not_followed_by, a lexicon of nouns.`,
		Compile: compileDate,
	})
}

// DateRule is a compiled date rule.
type DateRule struct {
	id       string
	form     string
	re       *anchored
	gd, gm   int
	gy, gms  int
	minYear  int
	maxYear  int
	context  []string
	chain    *regexp.Regexp
	notAfter *rules.Lexicon
}

type dateConfig struct {
	Form          string   `yaml:"form"`
	Pattern       string   `yaml:"pattern"`
	MinYear       int      `yaml:"min_year"`
	MaxYear       int      `yaml:"max_year"`
	Context       []string `yaml:"context"`
	Chain         string   `yaml:"chain"`
	NotFollowedBy string   `yaml:"not_followed_by"`
	Anchor        []string `yaml:"anchor"`
	Window        int      `yaml:"window"`
}

var dateForms = map[string]bool{"verbal": true, "numeric": true, "month-year": true, "day-month": true, "year": true}

func compileDate(c *rules.Compiler, r *rules.Rule, decode func(any) error) (rules.Matcher, error) {
	var cfg dateConfig
	if err := decode(&cfg); err != nil {
		return nil, err
	}
	if !dateForms[cfg.Form] {
		return nil, fmt.Errorf("form %q: want verbal, numeric, month-year, day-month or year", cfg.Form)
	}
	re, err := compileAnchored("pattern", cfg.Pattern, cfg.Anchor, cfg.Window)
	if err != nil {
		return nil, err
	}
	d := &DateRule{id: r.ID, form: cfg.Form, re: re, minYear: cfg.MinYear, maxYear: cfg.MaxYear,
		gd: re.SubexpIndex("d"), gm: re.SubexpIndex("m"), gy: re.SubexpIndex("y"), gms: re.SubexpIndex("ms")}
	if d.minYear == 0 {
		d.minYear = 1800
	}
	if d.maxYear == 0 {
		d.maxYear = 2100
	}
	switch cfg.Form {
	case "verbal", "numeric":
		if d.gy < 0 || (d.gd < 0 && d.gm < 0) {
			return nil, fmt.Errorf("pattern needs groups (?P<d>…), (?P<m>…) and (?P<y>…)")
		}
	case "month-year":
		if d.gy < 0 || (d.gm < 0 && d.gms < 0) {
			return nil, fmt.Errorf("pattern needs groups (?P<m>…) or (?P<ms>…), and (?P<y>…)")
		}
	case "day-month":
		if d.gd < 0 || d.gm < 0 {
			return nil, fmt.Errorf("pattern needs groups (?P<d>…) and (?P<m>…)")
		}
		if cfg.Chain != "" {
			if d.chain, err = regexp.Compile(`^(?:` + cfg.Chain + `)`); err != nil {
				return nil, fmt.Errorf("chain: %v", err)
			}
			if d.chain.SubexpIndex("y") < 0 {
				return nil, fmt.Errorf("chain needs a group (?P<y>…)")
			}
		}
	case "year":
		if d.gy < 0 {
			return nil, fmt.Errorf("pattern needs a group (?P<y>…)")
		}
	}
	for _, w := range cfg.Context {
		d.context = append(d.context, strings.ToLower(w))
	}
	if cfg.NotFollowedBy != "" {
		m, err := c.Require(cfg.NotFollowedBy)
		if err != nil {
			return nil, err
		}
		lx, ok := m.(*rules.Lexicon)
		if !ok {
			return nil, fmt.Errorf("not_followed_by: rule %q is not a lexicon", cfg.NotFollowedBy)
		}
		d.notAfter = lx
	}
	return d, nil
}

// DateHit is a date found in a text.
type DateHit struct {
	Start, End int
	Day        int
	Month      int
	Year       int
	Precision  string
	Rule       string
}

// Value returns the ISO date when the hit is a complete, real calendar date.
func (h DateHit) Value() string {
	if h.Precision != baocao.PrecDay || !validDate(h.Year, h.Month, h.Day) {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", h.Year, h.Month, h.Day)
}

func validDate(y, m, d int) bool {
	if y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d && int(t.Month()) == m
}

// Find returns the dates of this form in a scanned text (which is normalized).
func (d *DateRule) Find(sc *scan) []DateHit {
	text := sc.text
	var out []DateHit
	for _, m := range d.re.findAll(sc) {
		start, end := m[0], m[1]
		if len(out) > 0 && start < out[len(out)-1].End { // taken by a day-month chain
			continue
		}
		if !d.boundaryOK(text, start, end) {
			continue
		}
		h := DateHit{Start: start, End: end, Rule: d.id,
			Day: group(text, m, d.gd), Month: group(text, m, d.gm), Year: group(text, m, d.gy)}
		switch d.form {
		case "verbal", "numeric":
			if h.Year < d.minYear && h.Year != 0 || h.Year > d.maxYear*10 { // a 5-digit typo is kept, the audit reports it
				continue
			}
			if d.form == "numeric" && (h.Day < 1 || h.Day > 31 || h.Month < 1 || h.Month > 12 || h.Year > d.maxYear) {
				continue
			}
			switch {
			case h.Day > 0 && h.Month > 0:
				h.Precision = baocao.PrecDay
			case h.Month > 0:
				h.Precision = baocao.PrecMonth
			default:
				h.Precision = baocao.PrecYear
			}
			out = append(out, h)
		case "month-year":
			if h.Year < d.minYear || h.Year > d.maxYear {
				continue
			}
			h.Precision = baocao.PrecMonth
			if d.gms >= 0 && m[2*d.gms] >= 0 {
				for _, ms := range strings.Split(text[m[2*d.gms]:m[2*d.gms+1]], ",") {
					mo, err := strconv.Atoi(strings.TrimSpace(ms))
					if err == nil && mo >= 1 && mo <= 12 {
						hh := h
						hh.Month = mo
						out = append(out, hh)
					}
				}
				continue
			}
			if h.Month < 1 || h.Month > 12 {
				continue
			}
			out = append(out, h)
		case "year":
			if h.Year < d.minYear || h.Year > d.maxYear {
				continue
			}
			h.Precision = baocao.PrecYear
			out = append(out, h)
		case "day-month":
			out = append(out, d.dayMonth(text, h)...)
		}
	}
	return out
}

// dayMonth accepts "20/3" only in a date context, or when a chain of day-months ends in
// a year ("30/4 và 01/5 năm 2023"), which it gives to every member of the chain.
func (d *DateRule) dayMonth(text string, h DateHit) []DateHit {
	if h.Day < 1 || h.Day > 31 || h.Month < 1 || h.Month > 12 {
		return nil
	}
	h.Precision = baocao.PrecDayMonth
	hits := []DateHit{h}
	if d.chain != nil {
		pos := h.End
		for {
			cm := d.chain.FindStringSubmatchIndex(text[pos:])
			if cm == nil {
				break
			}
			next := DateHit{Rule: d.id, Precision: baocao.PrecDayMonth}
			if gd := d.chain.SubexpIndex("d"); gd >= 0 && cm[2*gd] >= 0 {
				next.Day = atoi(text[pos+cm[2*gd] : pos+cm[2*gd+1]])
				next.Month = atoi(text[pos+cm[2*d.chain.SubexpIndex("m")] : pos+cm[2*d.chain.SubexpIndex("m")+1]])
				next.Start, next.End = pos+cm[2*gd], pos+cm[2*d.chain.SubexpIndex("m")+1]
				if next.Day < 1 || next.Day > 31 || next.Month < 1 || next.Month > 12 {
					break
				}
				hits = append(hits, next)
			}
			if gy := d.chain.SubexpIndex("y"); cm[2*gy] >= 0 {
				y := atoi(text[pos+cm[2*gy] : pos+cm[2*gy+1]])
				if y >= d.minYear && y <= d.maxYear {
					for i := range hits {
						hits[i].Year = y
						hits[i].Precision = baocao.PrecDay
					}
				}
				break
			}
			pos += cm[1]
		}
	}
	if hits[0].Year == 0 && !d.inContext(text, h.Start) {
		return nil
	}
	if d.notAfter != nil {
		last := hits[len(hits)-1]
		if _, ok := d.notAfter.At(text, skipSpaces(text, last.End)); ok && last.Year == 0 {
			return nil
		}
	}
	return hits
}

// inContext reports whether one of the context words is among the few words before i.
func (d *DateRule) inContext(text string, i int) bool {
	from := i - 48
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	before := strings.ToLower(text[max(from, 0):i])
	if j := strings.LastIndexAny(before, ".;:()\n\t"); j >= 0 {
		before = before[j+1:]
	}
	words := strings.Fields(before)
	if len(words) > 6 {
		words = words[len(words)-6:]
	}
	for _, w := range words {
		for _, c := range d.context {
			if w == c {
				return true
			}
		}
	}
	return false
}

// boundaryOK refuses matches glued to other digits, letters or number separators:
// "1.292/2023", "15/6/19335", "ISO 9001:2015", "08/KH-UBND".
func (d *DateRule) boundaryOK(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
		if (r == '/' || r == '.' || r == ',' || r == '+' || r == ':') && start > 1 && isDigit(text[start-2]) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if unicode.IsDigit(r) {
			return false
		}
		if d.form != "verbal" && d.form != "year" && unicode.IsLetter(r) {
			return false
		}
		if (r == '/' || r == '.' || r == ':') && end+1 < len(text) && isDigit(text[end+1]) {
			return false
		}
		if r == '-' && d.form != "numeric" && end+1 < len(text) && isDigit(text[end+1]) {
			return false // "năm 2022-2023", "5-12 tuổi"; but "15/6/1933-15/6/2023" is a range
		}
		if r == '/' && end+1 < len(text) && text[end+1] >= 'A' && text[end+1] <= 'Z' {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

func group(text string, m []int, g int) int {
	if g < 0 || m[2*g] < 0 {
		return 0
	}
	return atoi(text[m[2*g]:m[2*g+1]])
}

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}

// Run finds the dates of an example input.
func (d *DateRule) Run(in string) []rules.Item {
	in = vntext.Normalize(in)
	var out []rules.Item
	for _, h := range d.Find(newScan(in)) {
		out = append(out, dateItem(in, h))
	}
	return out
}

func dateItem(text string, h DateHit) rules.Item {
	it := rules.Item{"text": text[h.Start:h.End], "precision": h.Precision}
	if v := h.Value(); v != "" {
		it["value"] = v
	} else {
		it["value"] = nil
	}
	if h.Year != 0 {
		it["year"] = h.Year
	}
	if h.Month != 0 {
		it["month"] = h.Month
	}
	if h.Day != 0 {
		it["day"] = h.Day
	}
	return it
}
