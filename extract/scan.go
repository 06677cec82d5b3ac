package extract

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/internal/vntext"
)

// Rules are regular expressions, but running a dozen of them over a whole report is
// slow (Go's regexp scans every byte for every pattern). Each regex rule names an anchor
// instead — where its matches can start — and runs anchored, on a short window, only at
// those places. The places are found once per text by one pass (scan).
//
// Anchors:
//
//	digit     the start of every run of digits
//	digit/    a run of digits followed by "/" (spaces allowed): dates, numbers, fractions
//	digit~/   a run of digits with a "/" within the next 24 bytes: "332,6 ha/467,53"
//	digit-    a run of digits followed by "-": Party numbers, dashed dates
//	digit.    a run of digits followed by "." and a digit: dotted dates
//	digit,.   a run of digits followed by "." or "," and a digit: numbers with separators
//	digit_    a run of digits followed by one space and a letter: counts ("07 tập thể")
//	(         an opening parenthesis
//	WORD      any other word, matched ignoring case at a word start: "ngày", "số"

type scan struct {
	text  string
	lower string // vntext.LowerKeepOffsets(text)
	runs  []int  // starts of digit runs

	mu    sync.Mutex
	words map[string][]int
}

func newScan(text string) *scan {
	s := &scan{text: text, words: map[string][]int{}}
	s.lower = vntext.LowerKeepOffsets(text)
	for i := 0; i < len(text); i++ {
		if isDigit(text[i]) && (i == 0 || !isDigit(text[i-1])) {
			s.runs = append(s.runs, i)
		}
	}
	return s
}

// runEnd returns the end of the digit run starting at i.
func (s *scan) runEnd(i int) int {
	for i < len(s.text) && isDigit(s.text[i]) {
		i++
	}
	return i
}

// positions returns the byte offsets where anchor occurs, in order.
func (s *scan) positions(anchor string) []int {
	switch anchor {
	case "digit":
		return s.runs
	case "digit/", "digit-", "digit.", "digit~/", "digit,.", "digit_":
		s.mu.Lock()
		defer s.mu.Unlock()
		if p, ok := s.words[anchor]; ok {
			return p
		}
		var out []int
		for _, i := range s.runs {
			e := s.runEnd(i)
			switch anchor {
			case "digit/":
				j := skipSpaces(s.text, e)
				if j < len(s.text) && s.text[j] == '/' {
					out = append(out, i)
				}
			case "digit-":
				j := skipSpaces(s.text, e)
				if j < len(s.text) && s.text[j] == '-' {
					out = append(out, i)
				}
			case "digit.":
				if e+1 < len(s.text) && s.text[e] == '.' && isDigit(s.text[e+1]) {
					out = append(out, i)
				}
			case "digit~/":
				if strings.IndexByte(s.text[e:min(len(s.text), e+24)], '/') >= 0 {
					out = append(out, i)
				}
			case "digit,.":
				if e+1 < len(s.text) && (s.text[e] == '.' || s.text[e] == ',') && isDigit(s.text[e+1]) {
					out = append(out, i)
				}
			case "digit_":
				if e+1 < len(s.text) && s.text[e] == ' ' {
					if r, _ := utf8.DecodeRuneInString(s.text[e+1:]); unicode.IsLetter(r) {
						out = append(out, i)
					}
				}
			}
		}
		s.words[anchor] = out
		return out
	}
	return s.word(anchor)
}

// word returns the starts of a literal word (lower case), ignoring case.
func (s *scan) word(w string) []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p, ok := s.words[w]; ok {
		return p
	}
	hay := s.lower
	var out []int
	for i := 0; ; {
		j := strings.Index(hay[i:], w)
		if j < 0 {
			break
		}
		p := i + j
		if p == 0 || !wordRuneBefore(hay, p) || !isWordStart(w) {
			out = append(out, p)
		}
		i = p + 1
		for i < len(hay) && !utf8.RuneStart(hay[i]) {
			i++
		}
	}
	s.words[w] = out
	return out
}

func isWordStart(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return isWordRuneR(r)
}

func wordRuneBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isWordRuneR(r)
}

// anchored is a regular expression run only at its anchors.
type anchored struct {
	re      *regexp.Regexp // the pattern, anchored with ^
	anchors []string
	window  int
}

// compileAnchored compiles pattern for use at the given anchors.
func compileAnchored(field, pattern string, anchors []string, window int) (*anchored, error) {
	if pattern == "" {
		return nil, fmt.Errorf("%s is missing", field)
	}
	if len(anchors) == 0 {
		return nil, fmt.Errorf("%s: list where its matches start (anchor: [digit], [digit/], [ngày] …)", field)
	}
	re, err := regexp.Compile(`^(?:` + pattern + `)`)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", field, err)
	}
	var as []string
	for _, a := range anchors {
		a = strings.ToLower(strings.TrimSpace(a))
		if a == "" {
			return nil, fmt.Errorf("anchor: empty anchor")
		}
		as = append(as, a)
	}
	if window <= 0 {
		window = 160
	}
	return &anchored{re: re, anchors: as, window: window}, nil
}

// SubexpIndex is the index of a named group.
func (a *anchored) SubexpIndex(name string) int { return a.re.SubexpIndex(name) }

// findAll returns the matches in the scanned text, leftmost first and not overlapping,
// as submatch index slices with offsets into the text.
func (a *anchored) findAll(s *scan) [][]int {
	var pos []int
	if len(a.anchors) == 1 {
		pos = s.positions(a.anchors[0])
	} else {
		for _, an := range a.anchors {
			pos = append(pos, s.positions(an)...)
		}
		sort.Ints(pos)
	}
	var out [][]int
	last := -1
	for _, p := range pos {
		if p < last {
			continue
		}
		m := a.at(s.text, p)
		if m == nil {
			continue
		}
		out = append(out, m)
		last = m[1]
	}
	return out
}

// at matches at byte offset p; offsets are into text.
func (a *anchored) at(text string, p int) []int {
	end := min(len(text), p+a.window)
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	m := a.re.FindStringSubmatchIndex(text[p:end])
	if m == nil {
		return nil
	}
	for i := range m {
		if m[i] >= 0 {
			m[i] += p
		}
	}
	return m
}

func isWordRuneR(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
