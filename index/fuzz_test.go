package index

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baocao/baocao/internal/testutil"
)

// seedNumbers adds the numbers of the real documents (header-truth.json) and of the
// seed report to a fuzz corpus, when ../shared is there.
func seedNumbers(f *testing.F) {
	for _, s := range []string{"08/KH-UBND", "08/KH – UBND", "KH-UBND 08", "91/2017/NĐ-CP", "84-NQ/HU",
		"29-Q/TW", "226/ KH – UBND", "Số: /BC-HĐTĐKT", "06/2022/QH15", "02/2011/TTLT-VPCP-BNV", "19/19", "05/01/2023"} {
		f.Add(s)
	}
	if _, err := os.Stat(testutil.Root() + "/../shared/corpus/real/header-truth.json"); err != nil {
		return
	}
	data, err := os.ReadFile(testutil.Root() + "/../shared/corpus/real/header-truth.json")
	if err != nil {
		return
	}
	var truth []struct {
		Number string `json:"so_ky_hieu"`
	}
	if json.Unmarshal(data, &truth) == nil {
		for _, t := range truth {
			f.Add(t.Number)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	seedNumbers(f)
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := ParseNumber(s)
		if !ok {
			return
		}
		k := n.Key()
		if !utf8.ValidString(k) || strings.ContainsAny(k, " \t\n") {
			t.Fatalf("key %q of %q", k, s)
		}
		// the key is a fixed point: it parses to itself
		if again := NormalizeNumber(k); again != k {
			t.Fatalf("NormalizeNumber(%q) = %q, key of %q", k, again, s)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"05/01/2023", "2023-01-05", "2023", "01/2023", "2024-02", "31/02/2023", "0/0/0", "-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		first, last, err := ParseDate(s)
		if err != nil {
			return
		}
		if last.Before(first) {
			t.Fatalf("ParseDate(%q): last %v before first %v", s, last, first)
		}
	})
}
