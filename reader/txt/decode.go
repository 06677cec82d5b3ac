package txt

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/baocao/baocao/internal/legacy"
	"github.com/baocao/baocao/reader"
)

// legacyThreshold is the legacy.Detect score from which a text is converted.
const legacyThreshold = 0.5

// decoded is a text file's content as Unicode.
type decoded struct {
	text     string
	enc      legacy.Encoding // legacy conversion applied, "" for none
	from     string          // what the bytes were: "utf-8", "utf-16le", …
	warnings []string
}

// decode turns the bytes of a text file into a string: UTF-8 (a BOM is dropped),
// UTF-16 with a BOM or with the zero bytes of mostly-Latin text, or a legacy
// Vietnamese encoding recognized by its statistics. Bytes that are none of these are an
// error naming the first offending byte.
func decode(data []byte) (decoded, error) {
	var d decoded
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return fromUTF16(data[2:], false, "utf-16le")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return fromUTF16(data[2:], true, "utf-16be")
	default:
		if le, ok := utf16Guess(data); ok {
			return fromUTF16(data, !le, map[bool]string{true: "utf-16le", false: "utf-16be"}[le])
		}
	}
	d.from = "utf-8"
	if utf8.Valid(data) {
		d.text = string(data)
	} else {
		bad := firstInvalid(data)
		if enc, score := legacy.Detect(string(data)); score >= legacyThreshold {
			d.text = legacy.DecodeBytes(enc, data, false)
			d.enc = enc
			d.from = string(enc)
			return d, nil
		}
		if tail := len(data) - bad; tail < utf8.UTFMax && utf8.Valid(data[:bad]) && !utf8.FullRune(data[bad:]) {
			// the file was cut inside its last character: keep what is there
			d.text = string(data[:bad])
			d.warnings = append(d.warnings, fmt.Sprintf("the file ends inside a UTF-8 character at byte %d; the incomplete character was dropped", bad))
		} else {
			return d, invalidUTF8(data, bad)
		}
	}
	if nul := strings.Count(d.text, "\x00"); nul > 0 {
		if nul*100 > len(d.text) {
			return d, reader.Errorf(reader.ErrUnsupported, "binary content: %d NUL bytes", nul)
		}
		d.text = strings.ReplaceAll(d.text, "\x00", "")
		d.warnings = append(d.warnings, fmt.Sprintf("%d NUL bytes removed", nul))
	}
	if unicodeVietnamese(d.text) {
		return d, nil // no legacy encoding writes these letters: skip the costly detection
	}
	if enc, score := legacy.Detect(d.text); score >= legacyThreshold {
		d.text = legacy.Decode(enc, d.text, false)
		d.enc = enc
		d.from = "utf-8 holding " + string(enc)
	}
	return d, nil
}

// unicodeVietnamese reports whether text is plainly Unicode Vietnamese: many letters of
// the Latin Extended Additional block (ạ ả ấ … ỹ), which none of the legacy encodings
// (nor their mojibake) produces, and they are most of the non-ASCII letters.
func unicodeVietnamese(text string) bool {
	viet, other := 0, 0
	for i, r := range text {
		if i > 64<<10 {
			break
		}
		switch {
		case r < utf8.RuneSelf:
		case r >= 0x1EA0 && r <= 0x1EF9, r == 'ơ', r == 'ư', r == 'đ', r == 'Đ', r == 'Ơ', r == 'Ư', r == 'ă', r == 'Ă':
			viet++
		default:
			other++
		}
	}
	return viet >= 10 && viet*2 > other
}

// invalidUTF8 explains bytes that are neither UTF-8 nor a known legacy encoding. A
// file that is mostly well-formed UTF-8 is damaged (ErrCorrupt); one whose high bytes
// are mostly not UTF-8 is in an 8-bit encoding we do not read (ErrUnsupported).
func invalidUTF8(data []byte, bad int) error {
	good, invalid := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			good++
		}
		i += n
	}
	if good > 4*invalid {
		return reader.Errorf(reader.ErrCorrupt, "invalid UTF-8 at byte %d (0x%02X); %d bad sequences", bad, data[bad], invalid)
	}
	return reader.Errorf(reader.ErrUnsupported, "invalid UTF-8 at byte %d (0x%02X) and not a Vietnamese legacy encoding (TCVN3, VNI, Windows-1258)", bad, data[bad])
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// utf16Guess recognizes UTF-16 without a BOM by its zero bytes: text in Latin script
// has a zero in the high byte of most characters.
func utf16Guess(data []byte) (littleEndian, ok bool) {
	n := min(len(data), 4096) &^ 1
	if n < 16 {
		return false, false
	}
	var even, odd, evenBad, oddBad int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
			if !textByte(data[i+1]) {
				evenBad++
			}
		}
		if data[i+1] == 0 {
			odd++
			if !textByte(data[i]) {
				oddBad++
			}
		}
	}
	pairs := n / 2
	// the zero must be the high byte of most characters, and the low bytes beside
	// it must be text, not the length fields of a binary header
	switch {
	case odd*10 >= pairs*4 && even*20 < pairs && oddBad*20 <= odd:
		return true, true
	case even*10 >= pairs*4 && odd*20 < pairs && evenBad*20 <= even:
		return false, true
	}
	return false, false
}

func fromUTF16(data []byte, bigEndian bool, name string) (decoded, error) {
	d := decoded{from: name}
	if len(data)%2 == 1 {
		d.warnings = append(d.warnings, "UTF-16 text with an odd number of bytes: the last byte was dropped")
		data = data[:len(data)-1]
	}
	u := make([]uint16, len(data)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	rs := utf16.Decode(u)
	bad := 0
	for _, r := range rs {
		if r == utf8.RuneError {
			bad++
		}
	}
	if bad*20 > len(rs)+20 {
		return d, reader.Errorf(reader.ErrCorrupt, "%s: %d of %d characters are broken surrogates", name, bad, len(rs))
	}
	if bad > 0 {
		d.warnings = append(d.warnings, fmt.Sprintf("%s: %d unpaired surrogates replaced by U+FFFD", name, bad))
	}
	d.text = strings.ReplaceAll(string(rs), "\x00", "")
	return d, nil
}

func textByte(c byte) bool { return c >= 0x20 || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
