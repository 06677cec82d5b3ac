package legacy

import (
	"strings"
	"unicode/utf8"
)

// decodeMojibake undoes UTF-8 that was read as Windows-1252: b holds the bytes the
// misread runes stand for, which are the original UTF-8. Bytes that do not form valid
// UTF-8 keep the rune they were shown as, so text that was only partly damaged is not
// made worse.
func decodeMojibake(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			sb.WriteRune(cp1252Rune(b[0]))
			b = b[1:]
			continue
		}
		sb.WriteRune(r)
		b = b[n:]
	}
	return sb.String()
}
