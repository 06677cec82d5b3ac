package ocr

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/reader"
)

// Vowel modifiers (combining marks, NFD) that Tesseract's Vietnamese model most often
// gets wrong: it reads "QUYẾT" as "QUYÉT" and "ĐỐC" as "ĐÓC", keeping the tone but
// losing the circumflex. Tones it reads well.
const (
	circumflex = '\u0302'
	breve      = '\u0306'
	horn       = '\u031B'
)

// modifiers lists the marks a base vowel can carry (0 = none).
var modifiers = map[rune][]rune{
	'a': {0, breve, circumflex},
	'e': {0, circumflex},
	'o': {0, circumflex, horn},
	'u': {0, horn},
}

// repairWords fixes words that are not Vietnamese syllables when changing one vowel's
// modifier makes exactly one well-formed syllable: "QUYÉT" → "QUYẾT", "ĐÓC" → "ĐỐC".
// A word with digits, an abbreviation (UBND, QĐ), a word without any mark (English,
// names) or a word that has several possible repairs is left alone. It returns how many words changed.
func repairWords(pg *reader.OCRPage) int {
	n := 0
	for i := range pg.Lines {
		for j := range pg.Lines[i].Words {
			w := &pg.Lines[i].Words[j]
			if r, ok := repairWord(w.Text); ok {
				w.Text = r
				n++
			}
		}
	}
	return n
}

func repairWord(word string) (string, bool) {
	// the letters of the word, without the punctuation Tesseract attaches ("ĐÓC,")
	start := strings.IndexFunc(word, unicode.IsLetter)
	if start < 0 {
		return "", false
	}
	end := strings.LastIndexFunc(word, unicode.IsLetter)
	end += len(string([]rune(word[end:])[0]))
	tok := word[start:end]
	if strings.IndexFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) }) >= 0 ||
		len([]rune(tok)) < 2 || vntext.SyllableShare(tok) >= 0.5 {
		return "", false // not one word, too short, or already fine
	}
	if !strings.ContainsFunc(tok, func(r rune) bool { return r >= 0x80 }) {
		return "", false // no mark at all: an English word or a name, not a misread mark
	}
	d := []rune(norm.NFD.String(tok))
	var found string
	count := 0
	for i, r := range d {
		base := unicode.ToLower(r)
		mods, ok := modifiers[base]
		if !ok {
			continue
		}
		// the modifier now on this vowel, if any, sits right after it
		cur, at := rune(0), i+1
		if at < len(d) && (d[at] == circumflex || d[at] == breve || d[at] == horn) {
			cur = d[at]
		}
		for _, m := range mods {
			if m == cur {
				continue
			}
			c := make([]rune, 0, len(d)+1)
			c = append(c, d[:i+1]...)
			if m != 0 {
				c = append(c, m)
			}
			rest := d[i+1:]
			if cur != 0 {
				rest = rest[1:]
			}
			c = append(c, rest...)
			cand := norm.NFC.String(string(c))
			if vntext.IsSyllable(cand) && cand != found {
				found = cand
				count++
			}
		}
	}
	if count != 1 {
		return "", false
	}
	return word[:start] + found + word[end:], true
}
