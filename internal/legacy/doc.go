// Package legacy converts Vietnamese text written in the pre-Unicode encodings that
// administrative documents still carry (DOMAIN.md §5) into NFC Unicode, and tells which
// encoding a text is in when no font says so.
//
// Entry points:
//
//   - FromFont maps a font name to its encoding: ".VnTime" is TCVN3, ".VnTimeH" is TCVN3
//     drawn in capitals, "VNI-Times" is VNI. Readers call it for every run or glyph whose
//     font they know.
//   - Decode and DecodeBytes convert one run: Decode takes text as a reader found it
//     (either raw bytes in a string, or UTF-8 whose runes U+0000–U+00FF, plus the
//     Windows-1252 punctuation, stand for the bytes, as Word stores legacy-font runs);
//     DecodeBytes takes raw bytes.
//   - Detect guesses the encoding of a text from its character statistics, for text
//     with no font information (plain text files, PDF text without fonts we know).
//   - Encode turns Unicode into a legacy encoding; it exists to build test fixtures.
//
// The encodings: TCVN3 (TCVN 5712:1993 VN3, the ".Vn" ABC fonts), VNI-Windows (base
// letter followed by a mark byte), Windows-1258 (base letter plus combining tone
// bytes), VIQR (RFC 1456, 7-bit mnemonics such as "Vie^.t"), and UTF-8 that was read as
// Windows-1252 and saved again ("Cá»™ng"). The TCVN3 and VNI tables were written from
// the public tables named in DOMAIN.md §5 (duydev/vietnamese-conversion charsets.ts,
// Unikey's VnConv) and checked against glibc iconv (TCVN5712-1, lower case).
//
// BUG(legacy): TCVN3 has no codes for toned capitals: the ABC "H" fonts draw the
// lower-case codes as capitals. Without the font name (upper=false) Decode restores
// capitals only from context: a word with no lower-case ASCII letter becomes upper case
// when it has a capital after its first letter or its line is mostly capitals. A
// two-letter capital word alone in mixed text ("TỈ") comes out as title case ("Tỉ").
//
// BUG(legacy): VIQR marks after a bare vowel are ambiguous with punctuation: "." and "?"
// at the end of a word are read as punctuation unless a lower-case word follows, so
// "la. ba" decodes as "lạ ba" but "la." at a sentence end stays "la.". Write "\." to
// force punctuation.
//
// BUG(legacy): UTF-16 text seen byte-wise with its zero bytes dropped ("NGH(A" for
// "NGHĨA") lost information and is not repaired; UTF-16 with its zero bytes intact is
// handled by the plain-text reader.
//
// BUG(legacy): VISCII, VPS, BK HCM and the VNI Mac tables are not supported.
package legacy
