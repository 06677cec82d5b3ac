// Package testutil holds what the tests of several packages share: finding ../shared
// (and skipping when it is absent) and golden files with an -update flag.
package testutil

import (
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Update rewrites golden files instead of comparing: go test ./... -update
var Update = flag.Bool("update", false, "rewrite golden files under testdata/")

// Root returns the module's root folder.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Shared returns the path of rel inside ../shared (beside the checkout), or skips the
// test with a message when it is not there. BAOCAO_SHARED overrides the location.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	dir := os.Getenv("BAOCAO_SHARED")
	if dir == "" {
		dir = filepath.Join(Root(), "..", "shared")
	}
	p := filepath.Join(dir, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared material not found (%s): put ../shared beside the checkout to run this test", p)
	}
	return p
}

// OCRCache is the OCR cache folder tests share, so that a page OCRed by one test (or an
// earlier run on the same machine) is not OCRed again by another.
func OCRCache() string {
	return filepath.Join(os.TempDir(), "baocao-test-ocr-cache")
}

// Golden compares got with the golden file at path (relative to the test's package),
// or rewrites it when -update is given.
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file %s: %v (run go test -update to create it)", path, err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs from the output (run go test -update to accept it)\n%s", path, diffHead(string(want), string(got)))
	}
}

// diffHead shows the first differing line.
func diffHead(want, got string) string {
	wl, gl := splitLines(want), splitLines(got)
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n got  " + g + "\n want " + w
		}
	}
	return ""
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}
