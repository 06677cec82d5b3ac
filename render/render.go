package render

import (
	"fmt"
	"io"

	"github.com/baocao/baocao"
)

// Format is an output format of the normalized report.
type Format string

// Report formats.
const (
	Markdown Format = "md"
	HTML     Format = "html"
	DOCX     Format = "docx"
)

// Options configure Write.
type Options struct {
	Format Format // md, html or docx (default md)
	// Annotate marks the extracted items and the audit findings: highlighted spans with
	// the finding as a tooltip and a list of findings in HTML; highlights and comments
	// (word/comments.xml) in DOCX. Markdown has no way to show them.
	Annotate bool
}

// Write renders the normalized report of doc and its record to w. Either may be nil
// (see NewReport).
func Write(w io.Writer, rec *baocao.Record, doc *baocao.Document, opts Options) error {
	r, err := NewReport(rec, doc)
	if err != nil {
		return err
	}
	return r.Write(w, opts)
}

// Write renders the report to w in opts.Format.
func (r *Report) Write(w io.Writer, opts Options) error {
	if opts.Format == "" {
		opts.Format = Markdown
	}
	if opts.Annotate {
		if opts.Format == Markdown {
			return fmt.Errorf("%w: --annotate needs html or docx (Markdown cannot show annotations)", ErrFormat)
		}
	}
	switch opts.Format {
	case Markdown:
		return r.writeMarkdown(w)
	case HTML:
		return r.writeHTML(w, opts.Annotate)
	case DOCX:
		return r.writeDOCX(w, opts.Annotate)
	}
	return fmt.Errorf("%w %q (md, html or docx)", ErrFormat, opts.Format)
}
