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

// LowerKeepOffsets returns s in lower case with every byte offset unchanged: runes whose
// lower case is written with a different number of bytes are left as they are (none of
// the Vietnamese letters is). Scanners use it to search case-insensitively and report
// offsets into the original.
func LowerKeepOffsets(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			break
		}
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, len(s))
	copy(b, s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		l := r
		if r < rune(len(lowerTable)) {
			l = lowerTable[r]
		} else {
			l = unicode.ToLower(r)
		}
		if utf8.RuneLen(l) == n {
			utf8.EncodeRune(b[i:], l)
		} else {
			copy(b[i:i+n], s[i:i+n])
		}
		i += n
	}
	return string(b)
}

var lowerTable = func() (t [0x1F00]rune) {
	for r := range t {
		t[r] = unicode.ToLower(rune(r))
	}
	return t
}()
