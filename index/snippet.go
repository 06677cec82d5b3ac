package index

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/internal/vntext"
)

// Snippets are made here from the record's text rather than by bleve's highlighter:
// the index then needs neither the stored text nor term vectors (a third of its size),
// and the marks are byte ranges of whole words of the NFC text, found by the same
// folding as the search, so they always fall on character boundaries.

const snippetBytes = 220 // about two lines of a terminal

// token is a word of a text: its byte range and its term.
type token struct {
	start, end int
	term       string
}

// words splits text into words (runs of letters, digits and marks) with their terms:
// lower case, and folded when fold is set. It is much cheaper than running the
// analyzers over a whole document and agrees with them on words; the offsets are into
// text, so marks always fall on character boundaries.
func words(text string, fold bool) []token {
	var out []token
	start := -1
	for i, r := range text {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if in && start < 0 {
			start = i
		}
		if !in && start >= 0 {
			out = append(out, mkToken(text, start, i, fold))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, mkToken(text, start, len(text), fold))
	}
	return out
}

func mkToken(text string, start, end int, fold bool) token {
	w := text[start:end]
	if fold {
		return token{start, end, vntext.Fold(w)}
	}
	return token{start, end, strings.ToLower(w)}
}

// matches returns the words of text that are the query's. A query typed with
// diacritics marks the words written exactly so when the text has any ("kế hoạch"
// does not light up "thống kê"); otherwise, and for a query without diacritics, every
// word that folds to a query word is marked.
func (ix *Index) matches(text, query string) []token {
	query = vntext.Normalize(query)
	if vntext.Fold(query) != strings.ToLower(query) {
		if ms := matchWords(text, query, false); len(ms) > 0 {
			return ms
		}
	}
	return matchWords(text, query, true)
}

func matchWords(text, query string, fold bool) []token {
	set := map[string]bool{}
	for _, t := range words(query, fold) {
		set[t.term] = true
	}
	var out []token
	for _, t := range words(text, fold) {
		if set[t.term] {
			out = append(out, t)
		}
	}
	return out
}

// snippet marks the query's words in a short text (a citing sentence), whole.
func (ix *Index) snippet(text, words string) *Snippet {
	ms := ix.matches(text, words)
	if len(ms) == 0 {
		return nil
	}
	s := &Snippet{Text: text}
	for _, m := range ms {
		s.Marks = append(s.Marks, [2]int{m.start, m.end})
	}
	return s
}

// snippets picks up to n windows of text where the most distinct query words occur.
func (ix *Index) snippets(text, words string, n int) []Snippet {
	ms := ix.matches(text, words)
	if len(ms) == 0 {
		return nil
	}
	type window struct{ start, end, first, last, score int }
	var ws []window
	for i, m := range ms {
		start := m.start
		end := start + snippetBytes
		seen := map[string]bool{}
		last := i
		for j := i; j < len(ms) && ms[j].end <= end; j++ {
			seen[ms[j].term] = true
			last = j
		}
		ws = append(ws, window{start: start, end: end, first: i, last: last, score: len(seen)*100 + (last - i)})
	}
	sort.SliceStable(ws, func(a, b int) bool { return ws[a].score > ws[b].score })
	var out []Snippet
	var taken [][2]int
	for _, w := range ws {
		if len(out) == n {
			break
		}
		// start a little before the first match, on a word boundary
		start := max(0, w.start-40)
		for start > 0 && start < w.start && text[start-1] != ' ' && text[start-1] != '\n' {
			start++
		}
		end := min(len(text), w.end)
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end++
		}
		for end > ms[w.last].end && end < len(text) && text[end] != ' ' && text[end] != '\n' {
			end--
		}
		overlap := false
		for _, t := range taken {
			if start < t[1] && t[0] < end {
				overlap = true
			}
		}
		if overlap {
			continue
		}
		taken = append(taken, [2]int{start, end})
		s := Snippet{Text: text[start:end]}
		for _, m := range ms[w.first : w.last+1] {
			if m.start >= start && m.end <= end {
				s.Marks = append(s.Marks, [2]int{m.start - start, m.end - start})
			}
		}
		out = append(out, s)
	}
	// in text order
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return taken[idx[a]][0] < taken[idx[b]][0] })
	sorted := make([]Snippet, len(out))
	for i, k := range idx {
		sorted[i] = out[k]
	}
	return sorted
}
