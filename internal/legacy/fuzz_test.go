package legacy

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func addSeeds(f *testing.F) {
	for _, tc := range domainExamples {
		f.Add(tc.legacy)
	}
	for _, s := range []string{"", "\x00\xff\xfe", "a\\", "dd", "a(^+'`?~.", "ñ\u00ad¬", "Ã\x80\xe2\x82"} {
		f.Add(s)
	}
}

// FuzzDecode: every encoding decodes any input to valid NFC UTF-8 without panicking.
func FuzzDecode(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, enc := range append([]Encoding{Unicode}, Encodings...) {
			for _, upper := range []bool{false, true} {
				for _, got := range []string{Decode(enc, s, upper), DecodeBytes(enc, []byte(s), upper)} {
					if !utf8.ValidString(got) {
						t.Fatalf("%s: invalid UTF-8 from %q", enc, s)
					}
					if !norm.NFC.IsNormalString(got) && !strings.ContainsRune(got, utf8.RuneError) {
						t.Fatalf("%s: not NFC from %q: %q", enc, s, got)
					}
				}
			}
		}
	})
}

// FuzzDetect: Detect never panics, scores in [0,1], and names a known encoding.
func FuzzDetect(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		enc, score := Detect(s)
		if score < 0 || score > 1 || !enc.Valid() || (enc == Unicode) != (score == 0) {
			t.Fatalf("Detect(%q) = %q %v", s, enc, score)
		}
	})
}

// FuzzRoundTrip: Unicode text that an encoding accepts comes back unchanged, except
// where the encodings are ambiguous by design (TCVN3 capitals, VIQR word-final "?"
// and "." and a literal "dd").
func FuzzRoundTrip(f *testing.F) {
	f.Add("Cộng hòa xã hội chủ nghĩa Việt Nam")
	f.Add("thi đua, khen thưởng năm 2023: 71,14 % “Gia đình văn hóa”")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		s = norm.NFC.String(s)
		for _, enc := range []Encoding{VNI, CP1258, UTF8Latin1} {
			b, err := Encode(enc, s)
			if err != nil {
				continue
			}
			if got := DecodeBytes(enc, b, false); got != s {
				t.Fatalf("%s: %q → % x → %q", enc, s, b, got)
			}
		}
	})
}
