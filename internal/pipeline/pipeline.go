// Package pipeline composes the stages for one file: read → extract → audit. The CLI
// and the corpus call Process; each stage stays in its own package.
package pipeline

import (
	"context"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/reader"
)

// Options configure Process.
type Options struct {
	Read reader.Options
}

// Process reads the file at path and returns its record and document model.
func Process(ctx context.Context, path string, opts Options) (*baocao.Record, *baocao.Document, error) {
	doc, err := reader.ReadFile(ctx, path, opts.Read)
	if err != nil {
		return nil, nil, err
	}
	return Build(doc, opts), doc, nil
}

// Build runs the stages after reading on a document already read.
func Build(doc *baocao.Document, opts Options) *baocao.Record {
	rec := &baocao.Record{
		Schema:   baocao.Schema,
		Source:   doc.Source,
		Pages:    doc.Pages,
		Encoding: doc.Encoding,
		Warnings: doc.Warnings,
		Text:     doc.Text,
	}
	return rec
}
