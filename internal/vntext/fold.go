package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in lower case with every diacritic removed and đ written d, so that
// "Kế hoạch thi đua" and "ke hoach thi dua" fold to the same string. Non-letters are
// kept as they are.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r < rune(len(foldTable)) {
			b.WriteString(foldTable[r])
		} else {
			b.WriteString(foldRune(r))
		}
	}
	return b.String()
}

// foldTable holds the folded form of every rune below U+1F00: all Vietnamese letters,
// precomposed or not, so Fold never decomposes in its loop.
var foldTable = func() (t [0x1F00]string) {
	for r := range t {
		t[r] = foldRune(rune(r))
	}
	return t
}()

// FoldRune returns the folded form of one rune ("" for a combining mark).
func foldRune(r rune) string {
	switch r {
	case 'đ', 'Đ':
		return "d"
	}
	if unicode.Is(unicode.Mn, r) {
		return ""
	}
	if r < 0xC0 {
		return string(unicode.ToLower(r))
	}
	var buf [16]byte
	d := norm.NFD.AppendString(buf[:0], string(r))
	base, _ := utf8.DecodeRune(d)
	if unicode.IsLetter(base) && base < 0x250 {
		return string(unicode.ToLower(base))
	}
	return string(unicode.ToLower(r))
}

// Lower returns s in lower case (Vietnamese letters included) keeping diacritics.
func Lower(s string) string { return strings.ToLower(s) }
