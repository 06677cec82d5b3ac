package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/baocao/baocao"
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

type result struct {
	path string
	rec  *baocao.Record
	doc  *baocao.Document
	err  error
}

// processAll runs the pipeline over paths on all cores, results in input order.
func processAll(ctx context.Context, paths []string, opts pipeline.Options) []result {
	out := make([]result, len(paths))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(paths)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				rec, doc, err := pipeline.Process(ctx, paths[i], opts)
				out[i] = result{path: paths[i], rec: rec, doc: doc, err: err}
			}
		}()
	}
	for i := range paths {
		work <- i
	}
	close(work)
	wg.Wait()
	return out
}
