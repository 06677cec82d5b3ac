package legacy

import (
	"strings"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Windows-1258 has the letters with vowel marks (â ê ô ă ơ ư đ) and a few toned
// letters precomposed; every other tone is a combining byte after the letter
// (0xCC huyền, 0xEC sắc, 0xD2 hỏi, 0xDE ngã, 0xF2 nặng). Decoding therefore gives
// partly decomposed text, which Decode composes to NFC.
var cp1258Tone = [6]byte{0, 0xCC, 0xEC, 0xD2, 0xDE, 0xF2}

func decodeCP1258(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for _, c := range b {
		r := charmap.Windows1258.DecodeByte(c)
		if c >= 0x80 && c < 0xA0 && r == '\uFFFD' {
			r = rune(c)
		}
		sb.WriteRune(r)
	}
	return norm.NFC.String(sb.String())
}

func encodeCP1258(s string) ([]byte, error) {
	out := make([]byte, 0, len(s)+len(s)/4)
	for i, r := range s {
		if c, ok := charmap.Windows1258.EncodeRune(r); ok {
			out = append(out, c)
			continue
		}
		letter, tone := split(r)
		c, ok := charmap.Windows1258.EncodeRune(letter)
		if !ok || tone == toneNone {
			return nil, unencodable(CP1258, r, i)
		}
		out = append(out, c, cp1258Tone[tone])
	}
	return out, nil
}
