package legacy

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// detectSample bounds the text Detect looks at: statistics settle long before it.
const detectSample = 64 << 10

// Detect guesses the encoding of s (raw bytes or UTF-8, as for Decode) from its words:
// it decodes s with every encoding and compares how many Vietnamese syllables each
// decoding yields with how many s already has as Unicode. The score is 0..1: 0 means
// no evidence (enc is Unicode), 0.5 and more means converting is the right call.
// Ordinary Unicode Vietnamese and English score 0.
func Detect(s string) (enc Encoding, score float64) {
	if len(s) > detectSample {
		cut := detectSample
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	raw := !utf8.ValidString(s)
	var base evidence
	if !raw {
		base = measure(norm.NFC.String(s)) // decodings come out in NFC: compare like with like
	}
	best, bestGain, bestN := Unicode, 0.0, 0
	for _, e := range Encodings {
		if raw && (e == UTF8Latin1 || e == VIQR) {
			continue // both are UTF-8 text
		}
		if !raw && e != VIQR && !hasHighBytes(s) {
			continue // nothing a byte table could change
		}
		var d string
		if raw {
			d = DecodeBytes(e, []byte(s), false)
		} else {
			d = Decode(e, s, false)
		}
		ev := measure(d)
		if gain := ev.good - base.good; gain > bestGain {
			best, bestGain, bestN = e, gain, max(ev.n, base.n)
		}
	}
	if best == Unicode || bestN == 0 {
		return Unicode, 0
	}
	ratio := math.Min(1, bestGain/float64(bestN))
	// a gain of one word is weak evidence, three is plenty
	confidence := 1 - math.Pow(0.4, bestGain)
	return best, ratio * confidence
}

func hasHighBytes(s string) bool {
	for _, r := range s {
		if _, ok := byteOf(r); ok && r >= 0x80 {
			return true
		}
	}
	return false
}

// evidence sums the word scores of the words that a decoding could have changed:
// those with a character outside ASCII letters inside them.
type evidence struct {
	good float64
	n    int
}

func measure(s string) evidence {
	var ev evidence
	for _, tok := range strings.Fields(s) {
		tok = strings.TrimFunc(tok, func(r rune) bool {
			return r < 0x80 && !unicode.IsLetter(r) && r != '^' && r != '+' && r != '('
		})
		if tok == "" || plainASCIIWord(tok) {
			continue
		}
		ev.n++
		if isWord(tok) {
			ev.good += wordScore(tok)
		}
	}
	return ev
}

func plainASCIIWord(t string) bool {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

func isWord(t string) bool {
	for _, r := range t {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
