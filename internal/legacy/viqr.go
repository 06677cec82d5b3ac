package legacy

import (
	"strings"
	"unicode"
)

// VIQR (RFC 1456) writes the marks after the letter: ( breve, ^ circumflex, + horn,
// then ' sắc, ` huyền, ? hỏi, ~ ngã, . nặng; dd is đ. A backslash makes the next
// character literal ("dda^u\?").
var viqrTone = map[rune]int{'`': toneGrave, '\'': toneAcute, '?': toneHook, '~': toneTilde, '.': toneDot}

var viqrToneChar = [6]rune{0, '`', '\'', '?', '~', '.'}

func isASCIIVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'A', 'E', 'I', 'O', 'U', 'Y':
		return true
	}
	return false
}

func decodeVIQR(s string) string {
	rs := []rune(s)
	var sb strings.Builder
	sb.Grow(len(s))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\\' && i+1 < len(rs) && (strings.ContainsRune("(^+'`?~.\\", rs[i+1]) || rs[i+1] == 'd' || rs[i+1] == 'D'):
			sb.WriteRune(rs[i+1])
			i++
			continue
		case (r == 'd' || r == 'D') && i+1 < len(rs) && (rs[i+1] == 'd' || rs[i+1] == 'D'):
			if r == 'D' {
				sb.WriteRune('Đ')
			} else {
				sb.WriteRune('đ')
			}
			i++
			continue
		case !isASCIIVowel(r):
			sb.WriteRune(r)
			continue
		}
		letter := unicode.ToLower(r)
		j := i + 1
		marked := false
		if j < len(rs) {
			switch {
			case rs[j] == '(' && letter == 'a':
				letter, marked = 'ă', true
			case rs[j] == '^' && (letter == 'a' || letter == 'e' || letter == 'o'):
				letter, marked = map[rune]rune{'a': 'â', 'e': 'ê', 'o': 'ô'}[letter], true
			case rs[j] == '+' && (letter == 'o' || letter == 'u'):
				letter, marked = map[rune]rune{'o': 'ơ', 'u': 'ư'}[letter], true
			}
			if marked {
				j++
			}
		}
		tone := toneNone
		if j < len(rs) {
			if t, ok := viqrTone[rs[j]]; ok && (marked || toneApplies(rs, j)) {
				tone = t
				j++
			}
		}
		out := compose(letter, tone)
		if unicode.IsUpper(r) {
			out = unicode.ToUpper(out)
		}
		sb.WriteRune(out)
		i = j - 1
	}
	return sb.String()
}

// toneApplies decides whether the tone character at rs[j], after a vowel with no
// vowel mark, is a tone or punctuation. "." and "?" end sentences: they are tones
// inside a word, before a lower-case word ("la. ba"), and in a word written in
// capitals before another capital word ("CHU? NGHI~A").
func toneApplies(rs []rune, j int) bool {
	c := rs[j]
	if c != '.' && c != '?' {
		return true
	}
	k := j + 1
	if k < len(rs) && unicode.IsLetter(rs[k]) {
		return true
	}
	for k < len(rs) && rs[k] == ' ' {
		k++
	}
	if k == j+1 || k >= len(rs) || !unicode.IsLetter(rs[k]) {
		return false
	}
	if unicode.IsLower(rs[k]) {
		return true
	}
	// capitals on both sides: the word before must be capitals too
	w := j - 1
	for w >= 0 && (unicode.IsLetter(rs[w]) || strings.ContainsRune("(^+'`~", rs[w])) {
		w--
	}
	caps := 0
	for _, r := range rs[w+1 : j] {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return caps >= 2 && k+1 < len(rs) && !unicode.IsLower(rs[k+1])
}

func encodeVIQR(s string) ([]byte, error) {
	var sb strings.Builder
	rs := []rune(s)
	prevVowel := false // the last character written was a vowel a mark could attach to
	for i, r := range rs {
		if r == '\\' {
			sb.WriteString(`\\`)
			prevVowel = false
			continue
		}
		if strings.ContainsRune("(^+'`?~.", r) && prevVowel {
			sb.WriteRune('\\')
			sb.WriteRune(r)
			prevVowel = false
			continue
		}
		if (r == 'd' || r == 'D') && i > 0 && (rs[i-1] == 'd' || rs[i-1] == 'D') {
			sb.WriteRune('\\') // a literal "dd" is not đ
			sb.WriteRune(r)
			prevVowel = false
			continue
		}
		if r < 0x80 {
			sb.WriteRune(r)
			prevVowel = isASCIIVowel(r)
			continue
		}
		letter, tone := split(r)
		upper := unicode.IsUpper(letter)
		l := unicode.ToLower(letter)
		if upper && unicode.ToUpper(l) != letter {
			l = letter // İ and the like lower-case to a letter that is not their pair
		}
		var base rune
		var mark string
		switch l {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			base = l
		case 'ă':
			base, mark = 'a', "("
		case 'â':
			base, mark = 'a', "^"
		case 'ê':
			base, mark = 'e', "^"
		case 'ô':
			base, mark = 'o', "^"
		case 'ơ':
			base, mark = 'o', "+"
		case 'ư':
			base, mark = 'u', "+"
		case 'đ':
			if upper {
				sb.WriteString("DD")
			} else {
				sb.WriteString("dd")
			}
			prevVowel = false
			continue
		default:
			if !unicode.IsLetter(r) { // punctuation and symbols pass as they are
				sb.WriteRune(r)
				prevVowel = false
				continue
			}
			return nil, unencodable(VIQR, r, len(string(rs[:i])))
		}
		if upper {
			base = unicode.ToUpper(base)
		}
		sb.WriteRune(base)
		sb.WriteString(mark)
		if tone != toneNone {
			sb.WriteRune(viqrToneChar[tone])
		}
		prevVowel = true
	}
	return []byte(sb.String()), nil
}
