package index

import (
	"strconv"
	"strings"

	"github.com/baocao/baocao/internal/vntext"
)

// Number is a document number (số, ký hiệu) split into its parts.
type Number struct {
	Num  string // serial number without leading zeros: "8"
	Year int    // year inside the number (legal normative documents), else 0
	Code []string
}

// Key is the normalized form every spelling of a number maps to: "8/kh-ubnd",
// "91/2017/nd-cp", "84/nq-hu". It is what the number fields are searched by.
func (n Number) Key() string {
	var b strings.Builder
	b.WriteString(n.Num)
	if n.Year != 0 {
		b.WriteByte('/')
		b.WriteString(strconv.Itoa(n.Year))
	}
	b.WriteByte('/')
	b.WriteString(strings.Join(n.Code, "-"))
	return b.String()
}

// ParseNumber reads a document number in any of the spellings found in reports and
// typed by users: "08/KH-UBND", "8/kh-ubnd", "08/KH – UBND", "KH-UBND 08",
// "91/2017/NĐ-CP", "84-NQ/HU", "Số: 08/KH-UBND". It needs a serial number and at least
// one letter group, the serial first or last; anything else is not a number.
func ParseNumber(s string) (Number, bool) {
	f := vntext.Fold(vntext.Normalize(s))
	f = strings.TrimSpace(f)
	for _, p := range []string{"so:", "so "} { // "Số: 08/KH-UBND"
		if strings.HasPrefix(f, p) {
			f = strings.TrimSpace(f[len(p):])
		}
	}
	toks := splitAlnum(f)
	if len(toks) < 2 || len(toks) > 8 {
		return Number{}, false
	}
	var n Number
	digits := func(t string) bool { return t != "" && strings.Trim(t, "0123456789") == "" }
	switch {
	case digits(toks[0]):
		n.Num = trimZeros(toks[0])
		toks = toks[1:]
		if len(toks) > 0 && digits(toks[0]) {
			y, _ := strconv.Atoi(toks[0])
			if len(toks[0]) != 4 || y < 1945 || y > 2100 {
				return Number{}, false
			}
			n.Year = y
			toks = toks[1:]
		}
	case digits(toks[len(toks)-1]): // "KH-UBND 08"
		n.Num = trimZeros(toks[len(toks)-1])
		toks = toks[:len(toks)-1]
	default:
		return Number{}, false
	}
	if len(n.Num) > 7 || len(toks) == 0 {
		return Number{}, false
	}
	for _, t := range toks {
		if digits(t) || len(t) > 12 || !hasLetter(t) {
			return Number{}, false
		}
	}
	n.Code = toks
	return n, true
}

// NormalizeNumber returns the key of s, or "" when s is not a number.
func NormalizeNumber(s string) string {
	n, ok := ParseNumber(s)
	if !ok {
		return ""
	}
	return n.Key()
}

// splitAlnum splits folded text into runs of ASCII letters and digits; everything else
// (slashes, dashes of any kind, spaces, dots) separates.
func splitAlnum(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		alnum := i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= '0' && s[i] <= '9')
		if alnum && start < 0 {
			start = i
		}
		if !alnum && start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
		if i < len(s) && s[i] >= 0x80 { // a letter Fold could not reduce to ASCII
			return nil
		}
	}
	return out
}

func trimZeros(s string) string {
	t := strings.TrimLeft(s, "0")
	if t == "" {
		return "0"
	}
	return t
}

func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// types are the abbreviations of NĐ 30/2020 Phụ lục III, the legal normative types and
// CV, keyed by their folded lower-case form so "kh", "TTR" and "qyd" find them.
var typeList = []string{"NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA",
	"BC", "BB", "TTr", "HĐ", "CV", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB",
	"NĐ", "TT", "TTLT", "L", "PL", "KL", "QĐi", "PĐ"}

var types = func() map[string]string {
	m := map[string]string{}
	for _, t := range typeList {
		k := vntext.Fold(t)
		if _, dup := m[k]; !dup { // QĐ before QyĐ… folding keeps them apart; HD and HĐ collide
			m[k] = t
		}
	}
	return m
}()

// CanonicalType returns the abbreviation as NĐ 30 writes it for a user's spelling
// ("kh" → "KH", "ttr" → "TTr", "QĐ" and "qd" → "QĐ"). HD and HĐ fold alike; a spelling
// with the đ keeps it. Unknown abbreviations are returned as given.
func CanonicalType(s string) string {
	s = strings.TrimSpace(vntext.Normalize(s))
	if s == "" {
		return ""
	}
	for _, t := range typeList {
		if strings.EqualFold(t, s) {
			return t
		}
	}
	if t, ok := types[vntext.Fold(s)]; ok {
		return t
	}
	return s
}
