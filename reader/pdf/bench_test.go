package pdf

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/reader"
)

// The real PDFs with a text layer, as a batch: the reader against pdftotext on the
// same files, one file at a time and over all cores. pdftotext by hand:
//
//	time (for f in ../shared/corpus/real/*.pdf ../shared/corpus/seed/*.pdf; do pdftotext "$f" /dev/null; done)

type benchFile struct {
	path  string
	data  []byte
	pages int
}

func realBatch(b *testing.B) []benchFile {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join(testutil.Shared(b, "corpus/real"), "*.pdf"))
	seed, _ := filepath.Glob(filepath.Join(testutil.Shared(b, "corpus/seed"), "*.pdf"))
	var out []benchFile
	for _, p := range append(files, seed...) {
		if strings.Contains(p, "_scan") {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := reader.Read(context.Background(), p, data, reader.Options{Format: "pdf"})
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, benchFile{p, data, len(doc.Pages)})
	}
	if len(out) == 0 {
		b.Skip("no real PDFs")
	}
	return out
}

func batchPages(fs []benchFile) int {
	n := 0
	for _, f := range fs {
		n += f.pages
	}
	return n
}

// runBatch runs do on every file, with workers goroutines.
func runBatch(b *testing.B, fs []benchFile, workers int, do func(benchFile)) {
	next := make(chan benchFile)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				do(f)
			}
		}()
	}
	for _, f := range fs {
		next <- f
	}
	close(next)
	wg.Wait()
}

func benchReader(b *testing.B, workers int) {
	fs := realBatch(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		runBatch(b, fs, workers, func(f benchFile) {
			if _, err := reader.Read(context.Background(), f.path, f.data, reader.Options{Format: "pdf"}); err != nil {
				b.Error(err)
			}
		})
	}
	b.ReportMetric(float64(batchPages(fs)*b.N)/b.Elapsed().Seconds(), "pages/s")
}

func benchPdftotext(b *testing.B, workers int) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		b.Skip("pdftotext not installed")
	}
	fs := realBatch(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		runBatch(b, fs, workers, func(f benchFile) {
			if err := exec.Command(bin, "-enc", "UTF-8", f.path, os.DevNull).Run(); err != nil {
				b.Error(err)
			}
		})
	}
	b.ReportMetric(float64(batchPages(fs)*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// Sequential: one file after another (the reader still reads a file's pages in
// parallel). Parallel: GOMAXPROCS files at a time.
func BenchmarkReadRealSequential(b *testing.B)      { benchReader(b, 1) }
func BenchmarkReadRealParallel(b *testing.B)        { benchReader(b, runtime.GOMAXPROCS(0)) }
func BenchmarkPdftotextRealSequential(b *testing.B) { benchPdftotext(b, 1) }
func BenchmarkPdftotextRealParallel(b *testing.B)   { benchPdftotext(b, runtime.GOMAXPROCS(0)) }

// Stages, on generated files so they run without ../shared.

func BenchmarkRepair(b *testing.B) {
	data := samplePDF(&pdfWriter{enc: newTestEncryption("aes-128", "", "o")})
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := repair(data, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkInterpretPage(b *testing.B) {
	f, err := openFile(reportPDF(), &reader.Options{MaxPages: 10})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := f.readPage(context.Background(), f.pages[0], &fontCache{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLayout(b *testing.B) {
	f, err := openFile(reportPDF(), &reader.Options{MaxPages: 10})
	if err != nil {
		b.Fatal(err)
	}
	pc, err := f.readPage(context.Background(), f.pages[0], &fontCache{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	gs := make([]glyph, len(pc.glyphs))
	for i := 0; i < b.N; i++ {
		copy(gs, pc.glyphs)
		ls := layoutLines(gs, 1)
		promoteGutters(ls)
	}
}

func BenchmarkBuild(b *testing.B) {
	f, err := openFile(reportPDF(), &reader.Options{MaxPages: 10})
	if err != nil {
		b.Fatal(err)
	}
	results := readPages(context.Background(), f)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		rs := make([]*pageResult, len(results))
		for k, r := range results {
			c := *r
			c.lines = append([]line(nil), r.lines...)
			classifyPage(&c, 0.5)
			rs[k] = &c
		}
		build(reader.NewBuilder(), rs)
	}
}

func BenchmarkSanitize(b *testing.B) {
	font := newVNFont(sample)
	var c strings.Builder
	for i := 0; i < 200; i++ {
		c.WriteString("BT /F1 12 Tf 72 700 Td [" + font.hex(sample) + " -250 (abc\\(d\\)) ] TJ ET\n")
	}
	data := []byte(c.String())
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		sanitize(data)
	}
}
