package legacy

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Encoding names a legacy Vietnamese encoding. The empty Encoding is Unicode (nothing
// to convert). The names are the ones baocao.Document.Encoding records.
type Encoding string

const (
	Unicode    Encoding = ""
	TCVN3      Encoding = "tcvn3"       // TCVN 5712:1993 VN3, the ".Vn" (ABC) fonts
	VNI        Encoding = "vni"         // VNI-Windows, the "VNI-" fonts
	CP1258     Encoding = "cp1258"      // Windows-1258, tones as combining bytes
	VIQR       Encoding = "viqr"        // RFC 1456 mnemonics: "Vie^.t Nam"
	UTF8Latin1 Encoding = "utf8-latin1" // UTF-8 read as Windows-1252 and saved again
)

// Encodings lists the encodings Decode knows, in the order Detect tries them.
var Encodings = []Encoding{TCVN3, VNI, CP1258, UTF8Latin1, VIQR}

// Valid reports whether e is Unicode or one of Encodings.
func (e Encoding) Valid() bool {
	if e == Unicode {
		return true
	}
	for _, k := range Encodings {
		if e == k {
			return true
		}
	}
	return false
}

// FromFont returns the encoding of text set in the font fontName and whether the font
// draws every letter as a capital (the ABC "H" fonts: ".VnTimeH", ".VnArialH"). A PDF
// subset tag ("ABCDEF+") and style suffixes (",Bold", "-BoldItalic", " Bold") are
// ignored. Unicode fonts give Unicode.
func FromFont(fontName string) (enc Encoding, upper bool) {
	name := strings.TrimSpace(fontName)
	if i := strings.IndexByte(name, '+'); i == 6 && isUpperASCII(name[:6]) {
		name = name[7:]
	}
	name = stripStyle(name)
	lower := strings.ToLower(name)
	switch {
	case strings.HasPrefix(lower, ".vn"),
		// PDF font names often lose the leading dot: "VnTimeH", "VnArial"
		len(name) > 2 && strings.HasPrefix(name, "Vn") && name[2] >= 'A' && name[2] <= 'Z':
		base := strings.TrimRight(name, " ")
		return TCVN3, strings.HasSuffix(base, "H")
	case strings.HasPrefix(lower, "vni-"), strings.HasPrefix(lower, "vni "), strings.HasPrefix(lower, "vni_"):
		return VNI, false
	}
	return Unicode, false
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// stripStyle removes the style part of a font name: ".VnTimeH,Bold" → ".VnTimeH",
// "VNI-Times-BoldItalic" → "VNI-Times", ".VnTime Bold" → ".VnTime".
func stripStyle(name string) string {
	if i := strings.IndexByte(name, ','); i > 0 {
		name = name[:i]
	}
	styles := []string{"bolditalic", "boldoblique", "bold", "italic", "oblique", "regular", "normal", "demibold", "black", "light"}
	for changed := true; changed; {
		changed = false
		lower := strings.ToLower(name)
		for _, st := range styles {
			for _, sep := range []string{"-", " "} {
				if strings.HasSuffix(lower, sep+st) && len(name) > len(sep+st) {
					name = strings.TrimRight(name[:len(name)-len(sep+st)], " ")
					changed = true
					break
				}
			}
			if changed {
				break
			}
		}
	}
	return name
}

// Decode converts s, text in encoding enc, to NFC Unicode. s is what a reader found: a
// string of raw bytes (invalid UTF-8 is always taken as raw bytes), or UTF-8 in which
// each rune U+0000–U+00FF and each Windows-1252 punctuation rune (“ ” – … €) stands
// for one byte, as Word stores runes set in a legacy font. Runes that stand for no byte
// (already Unicode Vietnamese, CJK…) pass through unchanged. upper says the run's font
// draws capitals (FromFont's second result); the text is then upper-cased. Unicode
// returns s in NFC.
func Decode(enc Encoding, s string, upper bool) string {
	if !utf8.ValidString(s) {
		return DecodeBytes(enc, []byte(s), upper)
	}
	var out string
	switch enc {
	case Unicode:
		out = s
	case VIQR:
		out = decodeVIQR(s)
	default:
		out = mapByteRuns(s, func(b []byte) string { return decodeRaw(enc, b) })
		if enc == TCVN3 && !upper {
			out = restoreCapitals(out)
		}
	}
	out = norm.NFC.String(out)
	if upper {
		out = strings.ToUpper(out)
	}
	return out
}

// DecodeBytes converts b, raw bytes in encoding enc, to NFC Unicode. For VIQR and
// UTF8Latin1, whose text is itself UTF-8 (or ASCII), it is Decode(enc, string(b), upper).
func DecodeBytes(enc Encoding, b []byte, upper bool) string {
	var out string
	switch enc {
	case Unicode:
		out = strings.ToValidUTF8(string(b), "\uFFFD")
	case VIQR:
		out = decodeVIQR(strings.ToValidUTF8(string(b), "\uFFFD"))
	case UTF8Latin1:
		if utf8.Valid(b) {
			return Decode(enc, string(b), upper)
		}
		out = decodeMojibake(b)
	default:
		out = decodeRaw(enc, b)
		if enc == TCVN3 && !upper {
			out = restoreCapitals(out)
		}
	}
	out = norm.NFC.String(out)
	if upper {
		out = strings.ToUpper(out)
	}
	return out
}

// decodeRaw decodes raw bytes with one of the byte-oriented encodings. TCVN3 output
// marks the letters whose case the bytes cannot tell with ambiguous (see
// restoreCapitals); the marker is removed there.
func decodeRaw(enc Encoding, b []byte) string {
	switch enc {
	case TCVN3:
		return decodeTCVN3(b)
	case VNI:
		return decodeVNI(b)
	case CP1258:
		return decodeCP1258(b)
	case UTF8Latin1:
		return decodeMojibake(b)
	}
	return decodeCP1252(b)
}

// Encode converts s (any normalization) to enc, giving the bytes a file in that
// encoding holds; for UTF8Latin1 that is the UTF-8 of the mojibake text. TCVN3 writes a
// toned capital with the lower-case code, as the ABC capital fonts do: decode it with
// upper=true (or rely on the capital context). A character the encoding cannot hold is
// an error naming it and its byte offset in s.
func Encode(enc Encoding, s string) ([]byte, error) {
	s = norm.NFC.String(s)
	switch enc {
	case Unicode:
		return []byte(s), nil
	case TCVN3:
		return encodeTCVN3(s)
	case VNI:
		return encodeVNI(s)
	case CP1258:
		return encodeCP1258(s)
	case VIQR:
		return encodeVIQR(s)
	case UTF8Latin1:
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			b.WriteRune(cp1252Rune(s[i]))
		}
		return []byte(b.String()), nil
	}
	return nil, fmt.Errorf("legacy: unknown encoding %q", enc)
}

// unencodable is the error of Encode for a character outside the encoding.
func unencodable(enc Encoding, r rune, off int) error {
	return fmt.Errorf("legacy: %s cannot encode %q (%U) at byte %d", enc, r, r, off)
}

// cp1252 maps bytes 0x80–0x9F to their Windows-1252 runes; the five undefined bytes map
// to the C1 control of the same value, as Windows does.
var cp1252 [32]rune

// fromCP1252 maps the Windows-1252 punctuation runes back to their bytes.
var fromCP1252 = map[rune]byte{}

func init() {
	for i := range cp1252 {
		b := byte(0x80 + i)
		r := charmap.Windows1252.DecodeByte(b)
		if r == utf8.RuneError {
			r = rune(b)
		}
		cp1252[i] = r
		fromCP1252[r] = b
	}
}

// cp1252Rune is the rune Windows-1252 shows for byte b.
func cp1252Rune(b byte) rune {
	if b >= 0x80 && b < 0xA0 {
		return cp1252[b-0x80]
	}
	return rune(b)
}

// byteOf returns the byte a rune stands for in a legacy-font run, if any.
func byteOf(r rune) (byte, bool) {
	if r < 0x100 {
		return byte(r), true
	}
	b, ok := fromCP1252[r]
	return b, ok
}

func decodeCP1252(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	for _, c := range b {
		sb.WriteRune(cp1252Rune(c))
	}
	return sb.String()
}

// mapByteRuns applies dec to every maximal run of runes that stand for bytes, and
// keeps the other runes as they are.
func mapByteRuns(s string, dec func([]byte) string) string {
	var out strings.Builder
	out.Grow(len(s) + len(s)/4)
	buf := make([]byte, 0, 256)
	flush := func() {
		if len(buf) > 0 {
			out.WriteString(dec(buf))
			buf = buf[:0]
		}
	}
	for _, r := range s {
		if c, ok := byteOf(r); ok {
			buf = append(buf, c)
			continue
		}
		flush()
		out.WriteRune(r)
	}
	flush()
	return out.String()
}

// Tone marks in the order the tables use: none, huyền, sắc, hỏi, ngã, nặng.
const (
	toneNone = iota
	toneGrave
	toneAcute
	toneHook
	toneTilde
	toneDot
)

var toneMarks = [6]rune{0, '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'}

// composed[base][t] is base (a letter, possibly with its vowel mark: â, ơ…) with tone
// t; splits inverts it. Both are filled once from the Unicode tables, so the hot loops
// do map lookups instead of normalization.
var (
	composed = map[rune][6]rune{}
	splits   = map[rune]toned{}
)

type toned struct {
	base rune
	tone int
}

func init() {
	for _, b := range "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" {
		var row [6]rune
		for t := range row {
			row[t] = b
			if t == toneNone {
				continue
			}
			c := norm.NFC.String(string(b) + string(toneMarks[t]))
			if r, n := utf8.DecodeRuneInString(c); n == len(c) {
				row[t] = r
				splits[r] = toned{b, t}
			}
		}
		composed[b] = row
	}
}

// compose returns base with tone t (base itself when there is no such letter).
func compose(base rune, t int) rune {
	if row, ok := composed[base]; ok {
		return row[t]
	}
	return base
}

// split returns the letter without its tone and the tone: "ộ" → ('ô', toneDot).
// Runes that are not Vietnamese toned letters return (r, toneNone).
func split(r rune) (rune, int) {
	if r < 0xC0 {
		return r, toneNone
	}
	if s, ok := splits[r]; ok {
		return s.base, s.tone
	}
	return r, toneNone
}
