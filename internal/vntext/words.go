package vntext

import (
	"strings"
	"unicode"
)

// Words splits s into word tokens: runs of letters, digits and marks, with the
// separators that belong inside numbers and codes ("71,14", "1.438.337", "08/KH-UBND")
// kept when a letter or digit follows them. Used to compare the words of two texts.
func Words(s string) []string {
	var out []string
	start := -1
	rs := []rune(s)
	for i, r := range rs {
		inner := (r == ',' || r == '.' || r == '/' || r == '-') && start >= 0 && i+1 < len(rs) &&
			isWordRune(rs[i+1]) && isWordRune(rs[i-1])
		if isWordRune(r) || inner {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, string(rs[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, string(rs[start:]))
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Overlap returns the share of a's word multiset that b also has (a multiset
// intersection divided by len(a)); 1 when a is empty.
func Overlap(a, b []string) float64 {
	if len(a) == 0 {
		return 1
	}
	m := make(map[string]int, len(b))
	for _, w := range b {
		m[w]++
	}
	hit := 0
	for _, w := range a {
		if m[w] > 0 {
			m[w]--
			hit++
		}
	}
	return float64(hit) / float64(len(a))
}

// HasLetters reports whether s contains at least one letter.
func HasLetters(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// IsUpper reports whether s has at least two letters and none of them is lower case:
// a title or a name block written in capitals ("BÁO CÁO", "UBND TỈNH VĨNH LONG").
func IsUpper(s string) bool { return UpperLetters(s) >= 2 }

// UpperLetters returns the number of letters of s when none of them is lower case,
// else 0.
func UpperLetters(s string) int {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return 0
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters
}
