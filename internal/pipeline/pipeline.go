// Package pipeline composes the stages for one file: read → extract → audit. The CLI
// and the corpus call Process; each stage stays in its own package.
package pipeline

import (
	"context"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/audit"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/reader"
)

// Options configure Process.
type Options struct {
	Read reader.Options
	// Extractor extracts the record; nil means the default rule pack.
	Extractor *extract.Extractor
	// Auditor checks the record (Record.Findings); nil means the check rules of the
	// extractor's pack.
	Auditor *audit.Auditor
}

// Process reads the file at path and returns its record and document model.
func Process(ctx context.Context, path string, opts Options) (*baocao.Record, *baocao.Document, error) {
	doc, err := reader.ReadFile(ctx, path, opts.Read)
	if err != nil {
		return nil, nil, err
	}
	rec, err := Build(doc, opts)
	return rec, doc, err
}

// Build runs the stages after reading on a document already read.
func Build(doc *baocao.Document, opts Options) (*baocao.Record, error) {
	x := opts.Extractor
	if x == nil {
		var err error
		if x, err = extract.Default(); err != nil {
			return nil, err
		}
	}
	rec := x.Record(doc)
	a := opts.Auditor
	if a == nil {
		a = audit.New(x.Pack())
	}
	a.Audit(rec, doc)
	return rec, nil
}
