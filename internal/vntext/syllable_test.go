package vntext

import (
	"os"
	"strings"
	"testing"

	"github.com/baocao/baocao/internal/testutil"
)

func TestIsSyllable(t *testing.T) {
	good := []string{"thi", "đua", "khen", "thưởng", "nghiêng", "Quốc", "quyết", "giữ", "gì", "khuya",
		"ĐỘC", "LẬP", "Hạnh", "phúc", "oanh", "uyển", "chuyện", "ngoằn", "trường", "ương", "yêu", "kìa"}
	bad := []string{"CQNG", "HQI", "xA", "QD", "thưởnng", "kan", "ngi", "cên", "thàt", "ằá", "Internet", "bKh", "hoảả"}
	for _, w := range good {
		if !IsSyllable(w) {
			t.Errorf("IsSyllable(%q) = false, want true", w)
		}
	}
	for _, w := range bad {
		if IsSyllable(w) {
			t.Errorf("IsSyllable(%q) = true, want false", w)
		}
	}
}

func TestSyllableShare(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		min, max float64
	}{
		{"report text", "Ủy ban nhân dân xã Thụy Hùng báo cáo kết quả công tác thi đua, khen thưởng năm 2023.", 0.9, 1},
		{"abbreviations", "UBND, HĐND, TĐKT và Số: 08/KH-UBND, 117/QĐ-UBND", 0.95, 1},
		{"garbled header", "CQNG HOA xA HQI CHU NGHIA VIET NAM", 0, 0.49},
		{"garbled number line", "S:3I/QD-SYT ngay 2O thang 6", 0, 0.49},
		{"no letters", "12/2023 - 45,6 %", 1, 1},
		{"english", "The quick brown fox jumps over the lazy dog", 0, 0.3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := SyllableShare(tc.text); got < tc.min || got > tc.max {
				t.Errorf("SyllableShare(%q) = %.3f, want in [%.2f, %.2f]", tc.text, got, tc.min, tc.max)
			}
		})
	}
}

// TestSyllableShareSeed: the real seed report scores far above the default garbage
// threshold.
func TestSyllableShareSeed(t *testing.T) {
	path := testutil.Shared(t, "corpus/seed/thuy-hung-bc-thi-dua-6-thang-2023.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if s := SyllableShare(string(data)); s < 0.85 {
		t.Errorf("seed report scores %.3f, want ≥ 0.85", s)
	}
}

func BenchmarkSyllableShare(b *testing.B) {
	text := strings.Repeat("Ủy ban nhân dân xã Thụy Hùng báo cáo kết quả công tác thi đua, khen thưởng năm 2023. ", 200)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		SyllableShare(text)
	}
}
