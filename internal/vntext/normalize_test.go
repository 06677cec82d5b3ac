package vntext

import "testing"

func TestLowerKeepOffsets(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"NGÀY 25 THÁNG 01", "ngày 25 tháng 01"},
		{"Ủy Ban ĐẢNG ỦY", "ủy ban đảng ủy"},
		{"plain ascii", "plain ascii"},
		{"İstanbul", "İstanbul"}, // İ lowers to two runes: kept
	} {
		got := LowerKeepOffsets(tc.in)
		if got != tc.want || len(got) != len(tc.in) {
			t.Errorf("LowerKeepOffsets(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFoldAndNormalize(t *testing.T) {
	if got := Fold("Kế hoạch THI ĐUA"); got != "ke hoach thi dua" {
		t.Errorf("Fold: got %q", got)
	}
	if got := Normalize("a\u00a0b\u2013c\u200bd\r\ne"); got != "a b-cd\ne" {
		t.Errorf("Normalize: got %q", got)
	}
	if got := Normalize("Vie\u0323\u0302t"); got != "Việt" {
		t.Errorf("Normalize NFC: got %q", got)
	}
	if got := CollapseSpaces("  a   b \t c  "); got != "a b\tc" {
		t.Errorf("CollapseSpaces: got %q", got)
	}
}
