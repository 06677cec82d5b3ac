package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus/gen"
	_ "github.com/baocao/baocao/reader/txt" // the real pipeline reads the generated files
)

// BenchmarkIngest ingests a generated corpus into a fresh data folder with the real
// pipeline (read, extract, audit, store, index). 10k documents run only with
// BAOCAO_BENCH_LARGE set:
//
//	BAOCAO_BENCH_LARGE=1 go test ./corpus -run '^$' -bench Ingest -benchtime 1x
func BenchmarkIngest(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			if n > 1000 && os.Getenv("BAOCAO_BENCH_LARGE") == "" {
				b.Skipf("%d documents: set BAOCAO_BENCH_LARGE=1 to run", n)
			}
			src := filepath.Join(b.TempDir(), "src")
			recs, err := gen.Write(src, gen.Options{N: n, Seed: 99})
			if err != nil {
				b.Fatal(err)
			}
			var textBytes int64
			for _, r := range recs {
				textBytes += int64(len(r.Text))
			}
			b.ReportAllocs()
			b.ResetTimer()
			var docs, pages int
			for i := 0; i < b.N; i++ {
				sum, err := Ingest(context.Background(), []string{src}, IngestOptions{Data: filepath.Join(b.TempDir(), "data")})
				if err != nil {
					b.Fatal(err)
				}
				if sum.New != n || len(sum.Failures) > 0 {
					b.Fatalf("%d new, %d failures", sum.New, len(sum.Failures))
				}
				docs += sum.New
				pages += sum.Pages
				if i == b.N-1 {
					b.ReportMetric(float64(sum.Corpus.IndexBytes)/float64(textBytes), "index/text")
				}
			}
			secs := b.Elapsed().Seconds()
			b.ReportMetric(float64(docs)/secs, "docs/s")
			b.ReportMetric(float64(pages)/secs, "pages/s")
			b.ReportMetric(float64(peakRSS())/(1<<20), "peak-RSS-MB")
		})
	}
}

// peakRSS is the process's peak resident set (VmHWM), in bytes; 0 where /proc is not.
func peakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
