package rules

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/internal/vntext"
)

func init() {
	RegisterKind(Kind{
		Name: "lexicon",
		Doc: `A list of terms: each entry has a key, the names it is written as (matched as whole
words, ignoring case, longest first) and codes (abbreviations, matched as whole tokens
ignoring case), plus free attributes. Document types, units, issuers, award titles and
levels are lexicons; other rules refer to them by id.`,
		Compile: compileLexicon,
	})
}

// Entry is one term of a lexicon.
type Entry struct {
	Key   string            `yaml:"key"`
	Names []string          `yaml:"names"`
	Codes []string          `yaml:"codes"`
	Attrs map[string]string `yaml:"attrs"`
}

// Attr returns an attribute, or "".
func (e *Entry) Attr(k string) string { return e.Attrs[k] }

// Lexicon is a compiled lexicon rule.
type Lexicon struct {
	ID      string
	Entries []*Entry
	byKey   map[string]*Entry
	byCode  map[string]*Entry // lower-cased code → entry
	byFirst map[string][]name // lower-cased first word → names, longest first
	byLast  map[string][]name // lower-cased last word → names, longest first
	fold    bool
}

type name struct {
	text  string // as written in the rule
	low   string // lower-cased (and folded when the lexicon folds)
	entry *Entry
}

type lexiconConfig struct {
	Fold    bool     `yaml:"fold"` // match ignoring diacritics too
	Entries []*Entry `yaml:"entries"`
}

func compileLexicon(c *Compiler, r *Rule, decode func(any) error) (Matcher, error) {
	var cfg lexiconConfig
	if err := decode(&cfg); err != nil {
		return nil, err
	}
	if len(cfg.Entries) == 0 {
		return nil, fmt.Errorf("lexicon has no entries")
	}
	return NewLexicon(r.ID, cfg.Fold, cfg.Entries)
}

// NewLexicon builds a lexicon from entries.
func NewLexicon(id string, fold bool, entries []*Entry) (*Lexicon, error) {
	l := &Lexicon{ID: id, Entries: entries, fold: fold, byKey: map[string]*Entry{},
		byCode: map[string]*Entry{}, byFirst: map[string][]name{}, byLast: map[string][]name{}}
	for i, e := range entries {
		if e.Key == "" {
			return nil, fmt.Errorf("entry %d has no key", i+1)
		}
		if _, dup := l.byKey[e.Key]; dup {
			return nil, fmt.Errorf("entry key %q appears twice", e.Key)
		}
		l.byKey[e.Key] = e
		for _, c := range e.Codes {
			lc := strings.ToLower(c)
			if o, dup := l.byCode[lc]; dup && o != e {
				return nil, fmt.Errorf("code %q belongs to both %q and %q", c, o.Key, e.Key)
			}
			l.byCode[lc] = e
		}
		for _, n := range e.Names {
			n = strings.TrimSpace(vntext.Normalize(n))
			if n == "" {
				return nil, fmt.Errorf("entry %q has an empty name", e.Key)
			}
			low := strings.Join(strings.Fields(l.lower(n)), " ")
			nm := name{text: n, low: low, entry: e}
			l.byFirst[firstWord(low)] = append(l.byFirst[firstWord(low)], nm)
			l.byLast[lastWord(low)] = append(l.byLast[lastWord(low)], nm)
		}
	}
	for _, m := range []map[string][]name{l.byFirst, l.byLast} {
		for k, ns := range m {
			sort.SliceStable(ns, func(i, j int) bool { return len(ns[i].low) > len(ns[j].low) })
			m[k] = ns
		}
	}
	return l, nil
}

func (l *Lexicon) lower(s string) string {
	if l.fold {
		return vntext.Fold(s)
	}
	return strings.ToLower(s)
}

// Get returns the entry with key.
func (l *Lexicon) Get(key string) *Entry { return l.byKey[key] }

// Code returns the entry one of whose codes is code (ignoring case).
func (l *Lexicon) Code(code string) *Entry { return l.byCode[strings.ToLower(code)] }

// Hit is a lexicon match in a text.
type Hit struct {
	Entry      *Entry
	Start, End int
}

// At returns the longest name that starts at byte offset i of s and ends at a word
// boundary.
func (l *Lexicon) At(s string, i int) (Hit, bool) {
	w, _ := wordAt(s, i)
	if w == "" {
		if i >= len(s) {
			return Hit{}, false
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		w = s[i : i+n]
	}
	for _, n := range l.byFirst[l.lower(w)] {
		if end, ok := l.matchForward(s, i, n.low); ok {
			return Hit{Entry: n.entry, Start: i, End: end}, true
		}
	}
	return Hit{}, false
}

// Before returns the longest name that ends at byte offset end of s (trailing spaces
// before end are skipped) and starts at a word boundary.
func (l *Lexicon) Before(s string, end int) (Hit, bool) {
	for end > 0 && s[end-1] == ' ' {
		end--
	}
	start := end
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if !isWordRune(r) {
			break
		}
		start -= n
	}
	if start == end {
		if end == 0 {
			return Hit{}, false
		}
		_, n := utf8.DecodeLastRuneInString(s[:end])
		start = end - n
	}
	for _, n := range l.byLast[l.lower(s[start:end])] {
		if st, ok := l.matchBackward(s, end, n.low); ok {
			return Hit{Entry: n.entry, Start: st, End: end}, true
		}
	}
	return Hit{}, false
}

// Find returns every non-overlapping match in s, leftmost-longest.
func (l *Lexicon) Find(s string) []Hit {
	var out []Hit
	for i := 0; i < len(s); {
		if i > 0 {
			r, _ := utf8.DecodeLastRuneInString(s[:i])
			if isWordRune(r) { // not at a word start
				_, n := utf8.DecodeRuneInString(s[i:])
				i += n
				continue
			}
		}
		if h, ok := l.At(s, i); ok {
			out = append(out, h)
			i = h.End
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return out
}

// matchForward compares the name low with s from i, rune by rune ignoring case, one or
// more spaces where the name has one; the name must end at a word boundary.
func (l *Lexicon) matchForward(s string, i int, low string) (int, bool) {
	j := i
	for _, nr := range low {
		if nr == ' ' {
			sp := j
			for j < len(s) && s[j] == ' ' {
				j++
			}
			if j == sp {
				return 0, false
			}
			continue
		}
		if j >= len(s) {
			return 0, false
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if l.lowerRune(r) != nr {
			return 0, false
		}
		j += n
	}
	if last, _ := utf8.DecodeLastRuneInString(low); isWordRune(last) && j < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[j:]); isWordRune(r) {
			return 0, false
		}
	}
	return j, true
}

func (l *Lexicon) matchBackward(s string, end int, low string) (int, bool) {
	j := end
	for k := len(low); k > 0; {
		nr, nn := utf8.DecodeLastRuneInString(low[:k])
		k -= nn
		if nr == ' ' {
			sp := j
			for j > 0 && s[j-1] == ' ' {
				j--
			}
			if j == sp {
				return 0, false
			}
			continue
		}
		if j <= 0 {
			return 0, false
		}
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if l.lowerRune(r) != nr {
			return 0, false
		}
		j -= n
	}
	if first, _ := utf8.DecodeRuneInString(low); isWordRune(first) && j > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:j]); isWordRune(r) {
			return 0, false
		}
	}
	return j, true
}

// lowerRune lower-cases (and folds, for folding lexicons) one rune. Folding a rune to
// more than one rune never happens for Vietnamese letters.
func (l *Lexicon) lowerRune(r rune) rune {
	if l.fold {
		f := vntext.Fold(string(r))
		fr, _ := utf8.DecodeRuneInString(f)
		return fr
	}
	return unicode.ToLower(r)
}

// firstWord and lastWord are the runs of letters and digits a name is indexed by.
func firstWord(low string) string {
	for i, r := range low {
		if !isWordRune(r) {
			if i == 0 {
				return low[:len(string(r))]
			}
			return low[:i]
		}
	}
	return low
}

func lastWord(low string) string {
	for i := len(low); i > 0; {
		r, n := utf8.DecodeLastRuneInString(low[:i])
		if !isWordRune(r) {
			if i == len(low) {
				return low[i-n:]
			}
			return low[i:]
		}
		i -= n
	}
	return low
}

// wordAt returns the word starting at i (letters, digits, marks and the inner "/" of
// abbreviations such as "V/v") and its length in bytes.
func wordAt(s string, i int) (string, int) {
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isWordRune(r) {
			break
		}
		j += n
	}
	return s[i:j], j - i
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Run finds the lexicon's names in an example input.
func (l *Lexicon) Run(in string) []Item {
	in = vntext.Normalize(in)
	var out []Item
	for _, h := range l.Find(in) {
		out = append(out, Item{"key": h.Entry.Key, "text": in[h.Start:h.End]})
	}
	// a bare code ("TTR") is also an example input
	if len(out) == 0 {
		if e := l.Code(strings.TrimSpace(in)); e != nil {
			out = append(out, Item{"key": e.Key, "text": strings.TrimSpace(in)})
		}
	}
	return out
}

// RequireLexicon returns the lexicon rule id that a kind's configuration field names,
// with an error that says which field is wrong.
func RequireLexicon(c *Compiler, field, id string) (*Lexicon, error) {
	if id == "" {
		return nil, fmt.Errorf("%s: name a lexicon rule", field)
	}
	m, err := c.Require(id)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", field, err)
	}
	lx, ok := m.(*Lexicon)
	if !ok {
		return nil, fmt.Errorf("%s: rule %q is not a lexicon", field, id)
	}
	return lx, nil
}
