package legacy

import (
	"strings"
	"unicode"
)

// VNI-Windows writes a letter as its base (a e o u y, or the single codes for ơ ư)
// followed by one mark byte that carries the vowel mark and the tone together. The
// mark bytes are Latin-1 letters; their capital form follows a capital base. Checked
// against duydev/vietnamese-conversion (VNI array) and Unikey's VnConv tables.
const (
	vniGrave = 0xF8 // ø huyền
	vniAcute = 0xF9 // ù sắc
	vniHook  = 0xFB // û hỏi
	vniTilde = 0xF5 // õ ngã
	vniDot   = 0xEF // ï nặng
)

var (
	vniTone       = [6]byte{0, vniGrave, vniAcute, vniHook, vniTilde, vniDot}
	vniCircumflex = [6]byte{0xE2, 0xE0, 0xE1, 0xE5, 0xE3, 0xE4} // â à á å ã ä: â/ê/ô with each tone
	vniBreve      = [6]byte{0xEA, 0xE8, 0xE9, 0xFA, 0xFC, 0xEB} // ê è é ú ü ë: ă with each tone
	vniI          = [6]byte{'i', 0xEC, 0xED, 0xE6, 0xF3, 0xF2}  // i ì í æ ó ò: the i vowels are single codes
)

const (
	vniO   = 0xF4 // ô: ơ
	vniU   = 0xF6 // ö: ư
	vniD   = 0xF1 // ñ: đ
	vniYDo = 0xEE // î: ỵ
)

// vniMark says what a mark byte (lower-case form) adds: a vowel mark and a tone.
type vniMark struct {
	circumflex, breve bool
	tone              int
}

var vniMarks = map[byte]vniMark{}

// vniSingle maps the single-byte letters (lower-case form) to their letter.
var vniSingle = map[byte]rune{vniO: 'ơ', vniU: 'ư', vniD: 'đ', vniYDo: 'ỵ'}

func init() {
	for t := toneGrave; t <= toneDot; t++ {
		vniMarks[vniTone[t]] = vniMark{tone: t}
	}
	for t := toneNone; t <= toneDot; t++ {
		vniMarks[vniCircumflex[t]] = vniMark{circumflex: true, tone: t}
		vniMarks[vniBreve[t]] = vniMark{breve: true, tone: t}
		if t != toneNone {
			vniSingle[vniI[t]] = compose('i', t)
		}
	}
}

// lowerLatin1 folds a Latin-1 capital letter byte to its small form (they differ by
// 0x20 from À to Þ, × excepted) and says whether it was a capital.
func lowerLatin1(c byte) (byte, bool) {
	if c >= 0xC0 && c <= 0xDE && c != 0xD7 {
		return c + 0x20, true
	}
	return c, false
}

func decodeVNI(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/4)
	for i := 0; i < len(b); i++ {
		c := b[i]
		lc, capital := lowerLatin1(c)
		var base rune
		switch {
		case c < 0x80 && strings.IndexByte("aeouyAEOUY", c) >= 0:
			base = rune(c)
		case lc == vniO || lc == vniU:
			base = vniSingle[lc]
			if capital {
				base = unicode.ToUpper(base)
			}
		}
		if base != 0 && i+1 < len(b) {
			m, _ := lowerLatin1(b[i+1])
			if mk, ok := vniMarks[m]; ok {
				if r, ok := applyVNIMark(base, mk); ok {
					sb.WriteRune(r)
					i++
					continue
				}
			}
		}
		if base != 0 {
			sb.WriteRune(base)
			continue
		}
		if r, ok := vniSingle[lc]; ok && c >= 0xC0 {
			if capital {
				r = unicode.ToUpper(r)
			}
			sb.WriteRune(r)
			continue
		}
		sb.WriteRune(cp1252Rune(c))
	}
	return sb.String()
}

// applyVNIMark puts a mark byte's vowel mark and tone on base, when they fit it.
func applyVNIMark(base rune, m vniMark) (rune, bool) {
	l := unicode.ToLower(base)
	switch {
	case m.circumflex:
		switch l {
		case 'a':
			l = 'â'
		case 'e':
			l = 'ê'
		case 'o':
			l = 'ô'
		default:
			return 0, false
		}
	case m.breve:
		if l != 'a' {
			return 0, false
		}
		l = 'ă'
	}
	r := compose(l, m.tone)
	if unicode.IsUpper(base) {
		r = unicode.ToUpper(r)
	}
	return r, true
}

func encodeVNI(s string) ([]byte, error) {
	out := make([]byte, 0, len(s)+len(s)/4)
	for i, r := range s {
		if r < 0x80 {
			out = append(out, byte(r))
			continue
		}
		letter, tone := split(r)
		upper := unicode.IsUpper(letter)
		l := unicode.ToLower(letter)
		if upper && unicode.ToUpper(l) != letter {
			l = letter // İ and the like lower-case to a letter that is not their pair
		}
		up := func(c byte) byte {
			if upper && c >= 0xE0 && c != 0xF7 {
				return c - 0x20
			}
			if upper && c >= 'a' && c <= 'z' {
				return c - 0x20
			}
			return c
		}
		tail := func(c byte) { // base byte, then the tone byte if any
			out = append(out, up(c))
			if tone != toneNone {
				out = append(out, up(vniTone[tone]))
			}
		}
		switch l {
		case 'a', 'e', 'o', 'u':
			tail(byte(l))
		case 'y':
			if tone == toneDot {
				out = append(out, up(vniYDo))
			} else {
				tail('y')
			}
		case 'i':
			out = append(out, up(vniI[tone]))
		case 'â', 'ê', 'ô':
			base := map[rune]byte{'â': 'a', 'ê': 'e', 'ô': 'o'}[l]
			out = append(out, up(base), up(vniCircumflex[tone]))
		case 'ă':
			out = append(out, up('a'), up(vniBreve[tone]))
		case 'ơ':
			tail(vniO)
		case 'ư':
			tail(vniU)
		case 'đ':
			out = append(out, up(vniD))
		default:
			// bytes from À up are VNI letters and marks: another character there
			// would come back as a Vietnamese letter
			c, ok := byteOf(r)
			if !ok || tone != toneNone || c >= 0xC0 {
				return nil, unencodable(VNI, r, i)
			}
			out = append(out, c)
		}
	}
	return out, nil
}
