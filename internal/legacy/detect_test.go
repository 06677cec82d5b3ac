package legacy

import (
	"strings"
	"testing"
)

func TestDetectRecognizes(t *testing.T) {
	for _, tc := range domainExamples {
		if !phrase(tc.want) {
			continue // one word, or single letters, is too little evidence to ask for
		}
		t.Run(string(tc.enc)+"/"+tc.want, func(t *testing.T) {
			enc, score := Detect(tc.legacy)
			if enc != tc.enc || score < 0.5 {
				t.Errorf("Detect(%q) = %q %.2f, want %q ≥ 0.5", tc.legacy, enc, score, tc.enc)
			}
			if tc.enc == VIQR || tc.enc == UTF8Latin1 {
				return
			}
			raw := toBytes(t, tc.legacy) // the same text as raw bytes in a file
			if enc, score := Detect(string(raw)); enc != tc.enc || score < 0.5 {
				t.Errorf("Detect(raw bytes) = %q %.2f, want %q ≥ 0.5", enc, score, tc.enc)
			}
		})
	}
}

// Detection must not fire on text that is already right.
func TestDetectQuiet(t *testing.T) {
	tests := []struct{ name, text string }{
		{"unicode vietnamese", "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Hội đồng thi đua khen thưởng xã Thụy Hùng báo cáo sơ kết công tác thi đua."},
		{"unicode with latin-1 letters only", "Tôi là ai? Bà có đi chợ không? Anh ấy à, ừ thì cũng có lúc vui lúc buồn."},
		{"decomposed unicode", "Vie\u0323\u0302t Nam co\u0301 ra\u0302\u0301t nhie\u0302\u0300u ngu\u031Bo\u031B\u0300i"},
		{"english", "The committee reviewed the report on emulation and commendation. Is it done? Yes, it's done."},
		{"english with accents", "The café served crème brûlée; naïve façade, résumé attached."},
		{"french", "Le comité a examiné le rapport; les élèves étaient très contents de l'été."},
		{"numbers and codes", "08/KH-UBND 05/01/2023 71,14 % 1.438.337.684 đồng"},
		{"empty", ""},
		{"markdown", "**Bold** and *italic* text, `code`, [link](http://x.y/z?a=1&b=2)."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if enc, score := Detect(tc.text); enc != Unicode || score != 0 {
				t.Errorf("Detect(%q) = %q %.2f, want no encoding", tc.text, enc, score)
			}
		})
	}
}

func TestDetectLongTextIsSampled(t *testing.T) {
	b, err := Encode(TCVN3, strings.Repeat("Cộng hòa xã hội chủ nghĩa Việt Nam. ", 5000))
	if err != nil {
		t.Fatal(err)
	}
	if enc, score := Detect(string(b)); enc != TCVN3 || score < 0.9 {
		t.Errorf("got %q %.2f", enc, score)
	}
}

func phrase(s string) bool {
	ws := strings.Fields(s)
	for _, w := range ws {
		if len([]rune(w)) < 2 {
			return false
		}
	}
	return len(ws) >= 2
}
