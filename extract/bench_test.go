package extract_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/reader"
)

// BenchmarkExtract measures extraction with the full default pack on a report at 1×,
// 10× and 100× its size (the text repeated): the cost must grow linearly. The report is
// the shared seed when ../shared is there, else an embedded sample.
func BenchmarkExtract(b *testing.B) {
	x, err := extract.Default()
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(testutil.Root(), "corpus", "samples", "bc-ubnd-huyen-van-lang-9-thang-2024.txt")
	if p := filepath.Join(testutil.Root(), "..", "shared", "corpus", "seed", "thuy-hung-bc-thi-dua-6-thang-2023.txt"); exists(p) {
		path = p
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1, 10, 100} {
		text := strings.Repeat(string(data)+"\n", n)
		doc, err := reader.Read(context.Background(), filepath.Base(path), []byte(text), reader.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) {
			b.SetBytes(int64(len(doc.Text)))
			b.ReportAllocs()
			var rec *baocao.Record
			for i := 0; i < b.N; i++ {
				rec = x.Record(doc)
			}
			b.ReportMetric(float64(len(rec.References)), "refs")
		})
	}
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }
