package txt

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/reader"
)

// FuzzRead: any bytes read as text give a document whose spans fit its text, or an
// error; never a panic. Seeded from the seed report and the real text documents
// (when ../shared is there), cut into pieces so the fuzzer starts from every feature.
func FuzzRead(f *testing.F) {
	for _, s := range []string{"", "a", "*** x:**", "¹ a\n\nb¹", "a\tb\nc\td", "| a |\n|---|\n| b |", "--- TRANG 2 ---\n2\nx", "\xFF\xFEa\x00", "B\xb8o c\xb8o"} {
		f.Add([]byte(s))
	}
	dir := os.Getenv("BAOCAO_SHARED")
	if dir == "" {
		dir = filepath.Join(testutil.Root(), "..", "shared")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "corpus", "*", "*.txt"))
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for len(data) > 0 { // pieces of ~4 KB on line boundaries
			n := min(len(data), 4096)
			if i := strings.LastIndexByte(string(data[:n]), '\n'); i > 0 && n < len(data) {
				n = i + 1
			}
			f.Add(data[:n])
			data = data[n:]
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := reader.Read(context.Background(), "fuzz.txt", data, reader.Options{Format: "txt"})
		if err != nil {
			return
		}
		if !utf8.ValidString(d.Text) {
			t.Fatalf("invalid UTF-8 text")
		}
		check := func(what string, s, e int) {
			if s < 0 || e > len(d.Text) || s > e {
				t.Fatalf("%s span [%d,%d) outside text of %d bytes", what, s, e, len(d.Text))
			}
		}
		prev := 0
		for _, b := range d.Blocks {
			check("block", b.Span.Start, b.Span.End)
			if b.Span.Start < prev {
				t.Fatalf("blocks out of order")
			}
			prev = b.Span.End
			for _, m := range b.Marks {
				check("mark", m.Span.Start, m.Span.End)
			}
			if b.Table != nil {
				for _, r := range b.Table.Rows {
					if len(r) != len(b.Table.Rows[0]) {
						t.Fatalf("ragged table")
					}
				}
			}
		}
		for _, n := range d.Footnotes {
			check("note", n.Span.Start, n.Span.End)
			check("ref", n.Ref.Start, n.Ref.End)
		}
		for _, p := range d.Pages {
			check("page", p.Span.Start, p.Span.End)
		}
	})
}
