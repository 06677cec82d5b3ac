package ocr

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"testing"

	"github.com/baocao/baocao/reader"
)

// benchPage is page 1 of the seed, rendered at 300 dpi (a full A4 page of text).
func benchPage(b *testing.B) []byte {
	b.Helper()
	return renderPage(b, seedPDF, 1)
}

// BenchmarkRecognize is the pipeline's cost of one page without the cache: checking
// the image, running Tesseract, parsing the TSV and repairing words. Compare it with
// BenchmarkTesseractDirect: the difference is the pipeline's overhead.
func BenchmarkRecognize(b *testing.B) {
	img := benchPage(b)
	r, err := New(Options{NoCache: true})
	if err != nil {
		b.Skip(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Recognize(ctx, reader.PageImage{Data: img}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkTesseractDirect runs the same command on the same image, nothing else.
func BenchmarkTesseractDirect(b *testing.B) {
	img := benchPage(b)
	bin, err := exec.LookPath("tesseract")
	if err != nil {
		b.Skip(err)
	}
	for b.Loop() {
		cmd := exec.Command(bin, "stdin", "stdout", "-l", "vie", "--psm", "4", "tsv")
		cmd.Stdin = bytes.NewReader(img)
		cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
		if err := cmd.Run(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkRecognizeCached is a second ingest: the page is answered from the cache.
func BenchmarkRecognizeCached(b *testing.B) {
	img := benchPage(b)
	r, err := New(Options{CacheDir: b.TempDir()})
	if err != nil {
		b.Skip(err)
	}
	ctx := context.Background()
	if _, err := r.Recognize(ctx, reader.PageImage{Data: img}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Recognize(ctx, reader.PageImage{Data: img}); err != nil {
			b.Fatal(err)
		}
	}
	if r.Stats().Runs != 1 {
		b.Fatalf("stats %+v: the cache missed", r.Stats())
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkParseTSV parses the TSV of a page of 32 lines (testdata/sample.tsv,
// Tesseract's output for a page the tests draw).
func BenchmarkParseTSV(b *testing.B) {
	out, err := os.ReadFile("testdata/sample.tsv")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	for b.Loop() {
		pg, err := parseTSV(out)
		if err != nil {
			b.Fatal(err)
		}
		repairWords(pg)
	}
}
