package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in NFC with every dash (‐ ‑ ‒ – — ― −) written "-", every kind of
// space written " ", "\r\n" and "\r" written "\n", and invisible characters (zero-width
// spaces and joiners, soft hyphens, BOMs, other control characters) removed. Tabs and
// newlines are kept. It does not collapse spaces; see CollapseSpaces.
func Normalize(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune('\uFFFD')
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case isDash(r):
			b.WriteByte('-')
		case isSpace(r):
			b.WriteByte(' ')
		case isInvisible(r):
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// isPlain reports whether s is printable ASCII plus tab and newline: nothing to do.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f {
			return false
		}
	}
	return true
}

func isDash(r rune) bool {
	return (r >= 0x2010 && r <= 0x2015) || r == 0x2212 || r == 0xFE58 || r == 0xFE63 || r == 0xFF0D
}

func isSpace(r rune) bool {
	return r == 0xA0 || (r >= 0x2000 && r <= 0x200A) || r == 0x202F || r == 0x205F || r == 0x3000 || r == 0x1680 || r == '\v' || r == '\f'
}

func isInvisible(r rune) bool {
	switch r {
	case 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x200E, 0x200F:
		return true
	}
	return r < 0x20 || (r >= 0x7f && r < 0xA0) || unicode.Is(unicode.Cf, r)
}

// CollapseSpaces trims s and writes every run of spaces as one space. Tabs are kept
// (they separate columns) but spaces around them are dropped.
func CollapseSpaces(s string) string {
	s = strings.Trim(s, " ")
	if !strings.Contains(s, "  ") && !strings.Contains(s, " \t") && !strings.Contains(s, "\t ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			if i+1 < len(s) && (s[i+1] == ' ' || s[i+1] == '\t') {
				continue
			}
			if b.Len() > 0 && b.String()[b.Len()-1] == '\t' {
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}
