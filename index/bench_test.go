package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/corpus/gen"
)

// Large benchmarks (100k documents take minutes to index on 2 cores) run only when
// BAOCAO_BENCH_LARGE is set:
//
//	BAOCAO_BENCH_LARGE=1 go test ./index -run '^$' -bench Search -benchtime 2000x
func large(b *testing.B, n int) {
	if n > 10000 && os.Getenv("BAOCAO_BENCH_LARGE") == "" {
		b.Skipf("%d documents: set BAOCAO_BENCH_LARGE=1 to run", n)
	}
}

// benchIndex builds an index of n generated documents, kept for the process.
var benchIndexes = map[int]*benchIx{}

type benchIx struct {
	ix        *Index
	textBytes int64
	recs      map[string]*baocao.Record
	dir       string
}

func buildBench(b testing.TB, n int) *benchIx {
	if bi := benchIndexes[n]; bi != nil {
		return bi
	}
	dir, err := os.MkdirTemp("", "baocao-bench-")
	if err != nil {
		b.Fatal(err)
	}
	bi := &benchIx{recs: map[string]*baocao.Record{}, dir: dir}
	ix, err := Open(filepath.Join(dir, "ix"), Options{Record: func(sha string) (*baocao.Record, error) { return bi.recs[sha], nil }})
	if err != nil {
		b.Fatal(err)
	}
	g := gen.New(gen.Options{N: n, Seed: 77})
	start := time.Now()
	batch := ix.NewBatch()
	for i := 0; i < n; i++ {
		r := g.Doc(i).Record
		bi.textBytes += int64(len(r.Text))
		bi.recs[r.Source.SHA256] = r
		if err := batch.Add(r); err != nil {
			b.Fatal(err)
		}
		if batch.Len() == 500 {
			if err := batch.Commit(); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := batch.Commit(); err != nil {
		b.Fatal(err)
	}
	took := time.Since(start)
	if err := ix.Compact(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.Logf("indexed %d documents (%.1f MB of text) in %v (%.0f docs/s), compacted in %v", n, float64(bi.textBytes)/1e6,
		took.Round(time.Millisecond), float64(n)/took.Seconds(), (time.Since(start) - took).Round(time.Millisecond))
	bi.ix = ix
	benchIndexes[n] = bi
	return bi
}

// benchQueries are what users ask: numbers in their spellings, words with and without
// diacritics, filters, the directive level; all with facets, as the command asks.
func benchQueries() []struct {
	name string
	q    Query
} {
	from, _, _ := ParseDate("2023-03-01")
	_, to, _ := ParseDate("2023-03-31")
	y, ye, _ := ParseDate("2022")
	return []struct {
		name string
		q    Query
	}{
		{"number", Query{Text: "08/KH-UBND"}},
		{"number-code-first", Query{Text: "KH-UBND 12"}},
		{"words-exact", Query{Text: "kế hoạch thi đua"}},
		{"words-folded", Query{Text: "ke hoach thi dua"}},
		{"words-rare", Query{Text: "phòng chống dịch bệnh"}},
		{"words+type", Query{Text: "nong thon moi", Type: "BC"}},
		{"type+year", Query{Type: "QĐ", From: y, To: ye}},
		{"issuer", Query{Issuer: "Thụy Hùng"}},
		{"refs-type-month", Query{Refs: true, Type: "KH", From: from, To: to}},
		{"refs-words", Query{Refs: true, Text: "thi đua"}},
		{"cites", Query{Cites: "91/2017/NĐ-CP"}},
		{"own-number", Query{Number: "23/BC-UBND"}},
	}
}

// BenchmarkSearch reports p50 and p99 latency of each kind of query, and of all of
// them mixed, at 10k and 100k indexed documents, with the index/text size ratio.
func BenchmarkSearch(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			large(b, n)
			bi := buildBench(b, n)
			ctx := context.Background()
			qs := benchQueries()
			run := func(b *testing.B, pick func(i int) Query) {
				lat := make([]time.Duration, 0, b.N)
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					q := pick(i)
					q.Facets = true
					t := time.Now()
					if _, err := bi.ix.Search(ctx, q); err != nil {
						b.Fatal(err)
					}
					lat = append(lat, time.Since(t))
				}
				b.StopTimer()
				sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
				b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
			}
			for _, q := range qs {
				if _, err := bi.ix.Search(ctx, q.q); err != nil { // warm the caches once
					b.Fatal(err)
				}
			}
			for _, q := range qs {
				b.Run(q.name, func(b *testing.B) { run(b, func(int) Query { return q.q }) })
			}
			b.Run("mix", func(b *testing.B) {
				run(b, func(i int) Query { return qs[i%len(qs)].q })
				size, _ := bi.ix.Size()
				b.ReportMetric(float64(size)/float64(bi.textBytes), "index/text")
			})
			bi.ix.Close()
			os.RemoveAll(bi.dir)
			delete(benchIndexes, n)
		})
	}
}

func BenchmarkIndexBatch(b *testing.B) {
	g := gen.New(gen.Options{N: 2000, Seed: 5})
	docs := g.All()
	dir := b.TempDir()
	ix, err := Open(filepath.Join(dir, "ix"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		batch := ix.NewBatch()
		for j := 0; j < 100; j++ {
			batch.Add(docs[(i*100+j)%len(docs)].Record)
		}
		if err := batch.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*100)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkParseNumber(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		ParseNumber("08/KH – UBND")
	}
}
