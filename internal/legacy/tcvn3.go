package legacy

import (
	"strings"
	"unicode"
)

// tcvn3Letters is the TCVN3 (ABC, VN3) code of each lower-case Vietnamese letter and of
// the seven capitals that have their own code. Toned capitals have none: the ABC
// capital ("H") fonts draw the lower-case codes as capitals. Checked against glibc
// iconv TCVN5712-1 (whose lower case agrees) and duydev/vietnamese-conversion.
var tcvn3Letters = map[rune]byte{
	'à': 0xB5, 'á': 0xB8, 'ả': 0xB6, 'ã': 0xB7, 'ạ': 0xB9,
	'ă': 0xA8, 'ằ': 0xBB, 'ắ': 0xBE, 'ẳ': 0xBC, 'ẵ': 0xBD, 'ặ': 0xC6,
	'â': 0xA9, 'ầ': 0xC7, 'ấ': 0xCA, 'ẩ': 0xC8, 'ẫ': 0xC9, 'ậ': 0xCB,
	'è': 0xCC, 'é': 0xD0, 'ẻ': 0xCE, 'ẽ': 0xCF, 'ẹ': 0xD1,
	'ê': 0xAA, 'ề': 0xD2, 'ế': 0xD5, 'ể': 0xD3, 'ễ': 0xD4, 'ệ': 0xD6,
	'ì': 0xD7, 'í': 0xDD, 'ỉ': 0xD8, 'ĩ': 0xDC, 'ị': 0xDE,
	'ò': 0xDF, 'ó': 0xE3, 'ỏ': 0xE1, 'õ': 0xE2, 'ọ': 0xE4,
	'ô': 0xAB, 'ồ': 0xE5, 'ố': 0xE8, 'ổ': 0xE6, 'ỗ': 0xE7, 'ộ': 0xE9,
	'ơ': 0xAC, 'ờ': 0xEA, 'ớ': 0xED, 'ở': 0xEB, 'ỡ': 0xEC, 'ợ': 0xEE,
	'ù': 0xEF, 'ú': 0xF3, 'ủ': 0xF1, 'ũ': 0xF2, 'ụ': 0xF4,
	'ư': 0xAD, 'ừ': 0xF5, 'ứ': 0xF8, 'ử': 0xF6, 'ữ': 0xF7, 'ự': 0xF9,
	'ỳ': 0xFA, 'ý': 0xFD, 'ỷ': 0xFB, 'ỹ': 0xFC, 'ỵ': 0xFE,
	'đ': 0xAE,
	'Ă': 0xA1, 'Â': 0xA2, 'Ê': 0xA3, 'Ô': 0xA4, 'Ơ': 0xA5, 'Ư': 0xA6, 'Đ': 0xA7,
}

// tcvn3VN1 are the toned capitals that the fuller VN1 set (iconv's TCVN5712-1) puts in
// the byte positions VN3 leaves free. ABC documents do not use them, but decoding
// them costs nothing and reads VN1 text right.
var tcvn3VN1 = map[byte]rune{
	0xAF: 'Ằ', 0xBA: 'Ẳ', 0xBF: 'Ẵ', 0xC0: 'Ắ', 0xC1: 'Ầ', 0xC2: 'Ẩ', 0xC3: 'Ẫ',
	0xC4: 'Ấ', 0xC5: 'Ề', 0xCD: 'Ể', 0xD9: 'Ễ', 0xDA: 'Ế', 0xDB: 'Ồ', 0xE0: 'Ổ',
	0xF0: 'Ỗ', 0xFF: 'Ố',
}

var (
	tcvn3Dec [256]rune
	tcvn3Enc = map[rune]byte{}
)

func init() {
	for i := range tcvn3Dec {
		tcvn3Dec[i] = cp1252Rune(byte(i))
	}
	for b, r := range tcvn3VN1 {
		tcvn3Dec[b] = r
	}
	for r, b := range tcvn3Letters {
		tcvn3Dec[b] = r
		tcvn3Enc[r] = b
	}
	// Characters the font table leaves alone (ASCII, B0–B4 "°±²³´", NBSP, the
	// Windows-1252 punctuation) encode as themselves.
	for i := 0; i < 256; i++ {
		r := tcvn3Dec[i]
		if _, taken := tcvn3Enc[r]; !taken {
			tcvn3Enc[r] = byte(i)
		}
	}
}

func decodeTCVN3(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for _, c := range b {
		sb.WriteRune(tcvn3Dec[c])
	}
	return sb.String()
}

func encodeTCVN3(s string) ([]byte, error) {
	out := make([]byte, 0, len(s))
	for i, r := range s {
		if c, ok := tcvn3Enc[r]; ok {
			out = append(out, c)
			continue
		}
		// a toned capital: the shared lower-case code, drawn as a capital by the H font
		if lr := unicode.ToLower(r); lr != r {
			if c, ok := tcvn3Letters[lr]; ok {
				out = append(out, c)
				continue
			}
		}
		return nil, unencodable(TCVN3, r, i)
	}
	return out, nil
}

// ambiguousCase reports whether TCVN3 writes r with a code shared by its capital: the
// lower-case toned letters.
func ambiguousCase(r rune) bool {
	if !unicode.IsLower(r) {
		return false
	}
	_, t := split(r)
	return t != toneNone
}

// restoreCapitals puts back the capitals that TCVN3 text typed without the H font
// lost. In a word with no lower-case letter of its own, the toned letters become
// capitals when another letter after the first is a capital ("PH¹M" → "PHẠM") or when
// the line is set in capitals ("X· H«I" → "XÃ HỘI"); a toned first letter becomes a
// capital at the start of a line or a sentence (". ñy ban" → ". Ủy ban").
func restoreCapitals(s string) string {
	if !strings.ContainsFunc(s, ambiguousCase) {
		return s
	}
	var out strings.Builder
	out.Grow(len(s))
	for first := true; len(s) > 0; first = false {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i+1], s[i+1:]
		} else {
			s = ""
		}
		out.WriteString(restoreLine(line, !first))
	}
	return out.String()
}

type word struct {
	start, end             int // rune offsets in the line
	hasAmb, ownLower       bool
	laterUpper, code       bool
	plainUpper, plainLower int // letters whose case the bytes tell
}

func restoreLine(line string, afterNewline bool) string {
	rs := []rune(line)
	var words []word
	for i := 0; i < len(rs); {
		if !unicode.IsLetter(rs[i]) {
			i++
			continue
		}
		w := word{start: i}
		j := i
		for ; j < len(rs) && unicode.IsLetter(rs[j]); j++ {
			r := rs[j]
			switch {
			case ambiguousCase(r):
				w.hasAmb = true
			case unicode.IsLower(r):
				w.ownLower = true
				w.plainLower++
			case unicode.IsUpper(r):
				w.plainUpper++
				if j > i {
					w.laterUpper = true
				}
			}
		}
		w.end = j
		// a code such as KH-UBND or 08/BC says nothing about the line's case
		glued := func(k int) bool { return k >= 0 && k < len(rs) && strings.ContainsRune("/-_.0123456789", rs[k]) }
		w.code = glued(i-1) || glued(j) && !(j+1 < len(rs) && rs[j] == '.' && rs[j+1] == ' ')
		words = append(words, w)
		i = j
	}
	upperWords, lowerWords := 0, 0
	for _, w := range words {
		switch {
		case w.code:
		case w.ownLower:
			lowerWords++
		case w.plainUpper >= 2:
			upperWords++
		}
	}
	capsLine := upperWords >= 2 && upperWords >= 4*lowerWords
	changed := false
	for _, w := range words {
		if !w.hasAmb || w.ownLower {
			if w.hasAmb && ambiguousCase(rs[w.start]) && sentenceStart(rs, w.start, afterNewline) {
				rs[w.start] = unicode.ToUpper(rs[w.start])
				changed = true
			}
			continue
		}
		if w.laterUpper || capsLine {
			for k := w.start; k < w.end; k++ {
				rs[k] = unicode.ToUpper(rs[k])
			}
			changed = true
		} else if ambiguousCase(rs[w.start]) && sentenceStart(rs, w.start, afterNewline) {
			rs[w.start] = unicode.ToUpper(rs[w.start])
			changed = true
		}
	}
	if !changed {
		return line
	}
	return string(rs)
}

// sentenceStart reports whether the word at rune i begins a line (after spaces and a
// bullet) or follows a full stop, "!" or "?". The start of the string does not count:
// readers decode run by run, and a run often starts inside a sentence.
func sentenceStart(rs []rune, i int, afterNewline bool) bool {
	k := i - 1
	for k >= 0 && (rs[k] == ' ' || rs[k] == '\t') {
		k--
	}
	if k < 0 {
		return afterNewline
	}
	if k < i-1 && strings.ContainsRune(".!?", rs[k]) {
		return true
	}
	if k < i-1 && strings.ContainsRune("-+*•", rs[k]) { // "- Ủy ban…"
		j := k - 1
		for j >= 0 && (rs[j] == ' ' || rs[j] == '\t') {
			j--
		}
		return j < 0 && afterNewline
	}
	return false
}
