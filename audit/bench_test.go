package audit_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/audit"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/reader"
)

// BenchmarkAudit measures the audit of a report next to its reading and its extraction,
// at 1× and 10× its size (the text repeated): the audit must cost little beside them and
// grow linearly. The report is the shared seed when ../shared is there, else a test report
// of testdata with its errors planted.
func BenchmarkAudit(b *testing.B) {
	x, err := extract.Default()
	if err != nil {
		b.Fatal(err)
	}
	a, err := audit.Default()
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join("testdata", "reports", "bc-xa-dong-tien-6-thang-2024.txt")
	if p := filepath.Join(testutil.Root(), "..", "shared", "corpus", "seed", "thuy-hung-bc-thi-dua-6-thang-2023.txt"); fileExists(p) {
		path = p
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1, 10} {
		text := strings.Repeat(string(data)+"\n", n)
		doc, err := reader.Read(context.Background(), filepath.Base(path), []byte(text), reader.Options{Format: "txt"})
		if err != nil {
			b.Fatal(err)
		}
		rec := x.Record(doc)
		b.Run(fmt.Sprintf("read/%dx", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := reader.Read(context.Background(), filepath.Base(path), []byte(text), reader.Options{Format: "txt"}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("extract/%dx", n), func(b *testing.B) {
			b.SetBytes(int64(len(doc.Text)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				x.Record(doc)
			}
		})
		b.Run(fmt.Sprintf("audit/%dx", n), func(b *testing.B) {
			b.SetBytes(int64(len(doc.Text)))
			b.ReportAllocs()
			var found int
			for i := 0; i < b.N; i++ {
				found = len(a.Run(rec, doc))
			}
			b.ReportMetric(float64(found), "findings")
		})
	}
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }
