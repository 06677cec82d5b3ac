package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/par"
	"github.com/baocao/baocao/internal/pipeline"
	"github.com/urfave/cli/v2"
)

func init() {
	register(&cli.Command{
		Name:      "extract",
		Usage:     "read reports and print their normalized text or extraction record",
		ArgsUsage: "FILE… (- reads standard input)",
		Description: `Reads each FILE (PDF, DOCX, TXT/Markdown; the format is sniffed from the content)
and prints its normalized text (--format text) or its extraction record as JSON
(--format json; one object for one file, an array for several). A file that cannot be
read is reported on standard error with the cause, the others are still printed, and
the exit status is 2.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output: text or json"},
			&cli.BoolFlag{Name: "explain", Usage: "list every extracted item with the rule that produced it and the text it read"},
		}, readFlags()...),
		Action: extractAction,
	})
}

func extractAction(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("extract: no FILE given (try: baocao extract --help)", 2)
	}
	format := c.String("format")
	if format != "text" && format != "json" {
		return cli.Exit(fmt.Sprintf("extract: unknown --format %q (text or json)", format), 2)
	}
	opts, err := pipelineOptions(c)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	results := processAll(c.Context, c.Args().Slice(), opts)
	failed := 0
	var recs []*baocao.Record
	for _, r := range results {
		if r.err != nil {
			failed++
			fmt.Fprintln(c.App.ErrWriter, "baocao:", r.err)
			continue
		}
		if c.Bool("explain") {
			explain(c.App.Writer, r.rec)
			continue
		}
		if format == "text" {
			if len(results) > 1 {
				fmt.Fprintf(c.App.Writer, "==> %s <==\n", r.path)
			}
			io.WriteString(c.App.Writer, r.rec.Text)
			io.WriteString(c.App.Writer, "\n")
		} else {
			recs = append(recs, r.rec)
		}
	}
	if format == "json" && len(recs) > 0 {
		enc := json.NewEncoder(c.App.Writer)
		enc.SetIndent("", " ")
		enc.SetEscapeHTML(false)
		var v any = recs
		if len(results) == 1 {
			v = recs[0]
		}
		if err := enc.Encode(v); err != nil {
			return cli.Exit(err.Error(), 2)
		}
	}
	if failed > 0 {
		return cli.Exit(fmt.Sprintf("%d of %d files could not be read", failed, len(results)), 2)
	}
	return nil
}

// explain prints each extracted item with its rule and the text it was read from.
func explain(w io.Writer, rec *baocao.Record) {
	fmt.Fprintf(w, "==> %s <==\n", rec.Source.Path)
	q := func(s baocao.Span) string {
		t := s.Of(rec.Text)
		if r := []rune(t); len(r) > 100 {
			t = string(r[:97]) + "…"
		}
		return fmt.Sprintf("[%d:%d] %q", s.Start, s.End, t)
	}
	d := rec.Document
	for _, f := range []struct{ name, value string }{{"number", string(d.Number)}, {"date", dateText(d.Date)}} {
		if s, ok := d.Spans[f.name]; ok {
			fmt.Fprintf(w, "document.%-8s %-30s ← %s %s\n", f.name, f.value, d.Rules["document"], q(s))
		}
	}
	fmt.Fprintf(w, "document          type=%s code=%s issuer=%q place=%q subject=%q ← %s\n", d.Type, d.Code, d.Issuer, d.Place, d.Subject, d.Rules["document"])
	for _, r := range rec.References {
		fmt.Fprintf(w, "reference         %-30s type=%s date=%s ← %s %s\n", r.ID, r.Type, r.Date, r.Rule, q(r.Span))
	}
	for _, x := range rec.Dates {
		fmt.Fprintf(w, "date              %-30s %s %s ← %s %s\n", orDash(string(x.Value)), x.Precision, x.Role, x.Rule, q(x.Span))
	}
	for _, x := range rec.Indicators {
		fmt.Fprintf(w, "indicator         %-30s ← %s %s\n", fmt.Sprintf("%v/%v %v%% %s", x.Value, nf(x.Target), nf(x.Percent), x.Unit), x.Rule, q(x.Span))
	}
	for _, x := range rec.Commendations {
		fmt.Fprintf(w, "commendation      %-30s ← %s %s\n", fmt.Sprintf("%s %s %d/%d/%d", x.Level, x.Form, x.Collective, x.Individual, x.Household), x.Rule, q(x.Span))
	}
	for _, x := range rec.Findings {
		fmt.Fprintf(w, "finding           %-30s ← %s %s\n", x.Severity+" "+x.Check, x.Rule, q(x.Span))
	}
}

func dateText(d *baocao.DateParts) string {
	if d == nil {
		return ""
	}
	return d.Text
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func nf(f baocao.NullFloat) string {
	if !f.Valid {
		return "-"
	}
	return fmt.Sprint(f.V)
}

type result struct {
	path string
	rec  *baocao.Record
	doc  *baocao.Document
	err  error
}

// processAll runs the pipeline over paths on all cores, results in input order.
func processAll(ctx context.Context, paths []string, opts pipeline.Options) []result {
	out := make([]result, len(paths))
	par.Do(ctx, len(paths), func(i int) {
		rec, doc, err := pipeline.Process(ctx, paths[i], opts)
		out[i] = result{path: paths[i], rec: rec, doc: doc, err: err}
	})
	for i := range out {
		if out[i].rec == nil && out[i].err == nil { // not started: the run was cancelled
			out[i] = result{path: paths[i], err: ctx.Err()}
		}
	}
	return out
}
