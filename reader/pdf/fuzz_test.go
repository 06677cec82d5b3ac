package pdf

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/baocao/baocao/reader"
)

// FuzzRead feeds arbitrary bytes to the reader: it may fail, but never crash (a panic
// would come back as ErrPanic) or hang. Seeds: the generated fixtures and, when
// ../shared is there, the real PDFs: whole when small, else their first 48 KiB (a
// truncated file, which exercises the repair) so that each run stays fast. Page reading
// is parallel, so coverage varies between runs of one input: keep minimization short,
//
//	go test ./reader/pdf -run '^$' -fuzz FuzzRead -fuzztime=30s -fuzzminimizetime=20x
//
// and keep any crasher under testdata/fuzz/FuzzRead.
func FuzzRead(f *testing.F) {
	f.Add(samplePDF(&pdfWriter{}))
	f.Add(samplePDF(&pdfWriter{enc: newTestEncryption("rc4-40", "", "o")}))
	f.Add(samplePDF(&pdfWriter{enc: newTestEncryption("aes-256", "", "o")}))
	f.Add(reportPDF())
	f.Add(scanPDF(1))
	f.Add(garbledPDF())
	for _, dir := range []string{"corpus/real", "corpus/seed"} {
		// the shared folder is optional here: fuzzing must also run without it
		p := filepath.Join(sharedDir(), dir)
		files, _ := filepath.Glob(filepath.Join(p, "*.pdf"))
		for _, path := range files {
			if data, err := os.ReadFile(path); err == nil {
				f.Add(data[:min(len(data), 48<<10)])
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := reader.Read(context.Background(), "fuzz.pdf", data, reader.Options{Format: "pdf", MaxPages: 20, Timeout: 10 * time.Second})
		if errors.Is(err, reader.ErrPanic) || errors.Is(err, reader.ErrTimeout) {
			t.Fatal(err)
		}
	})
}

func sharedDir() string {
	if d := os.Getenv("BAOCAO_SHARED"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared")
}
