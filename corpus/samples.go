package corpus

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// samples is the sample corpus that "baocao ingest" reads when given no path, so the
// first command works on a fresh machine with nothing downloaded.
//
//go:embed samples
var samples embed.FS

// Samples returns the embedded sample corpus.
func Samples() fs.FS {
	sub, err := fs.Sub(samples, "samples")
	if err != nil {
		panic(err) // the folder is embedded: it is there
	}
	return sub
}

// SampleDir is the folder of the data folder the samples are written to.
const SampleDir = "samples"

// WriteSamples writes the embedded sample corpus into dataDir/samples (files whose
// content is already there are left alone, so their paths stay unchanged for
// incremental runs) and returns that folder.
func WriteSamples(dataDir string) (string, error) {
	out := filepath.Join(dataDir, SampleDir)
	err := fs.WalkDir(samples, "samples", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := samples.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("samples", filepath.FromSlash(p))
		dst := filepath.Join(out, rel)
		if old, err := os.ReadFile(dst); err == nil && bytes.Equal(old, data) {
			return nil
		}
		return writeAtomic(dst, data)
	})
	if err != nil {
		return "", fmt.Errorf("corpus: writing the sample corpus: %w", err)
	}
	return out, nil
}
