package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/corpus/gen"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

func init() {
	register(
		&cli.Command{
			Name:      "ingest",
			Usage:     "read, extract and index reports into the corpus",
			ArgsUsage: "[PATH…] (folders are read recursively; none: the embedded sample corpus)",
			Description: `Reads every supported file under each PATH, stores its extraction record in the
data folder and indexes it. Files are known by content: unchanged files are skipped,
changed ones replaced, the same content under two paths is stored once. Files that
cannot be read are listed with the cause; the others are still ingested (exit status 1
when some failed). With no PATH the embedded sample corpus is ingested.`,
			Flags: append([]cli.Flag{
				dataFlag(),
				&cli.BoolFlag{Name: "prune", Usage: "remove stored files under the given folders that no longer exist"},
				&cli.BoolFlag{Name: "retry", Usage: "read again files that failed before with the same content"},
				&cli.IntFlag{Name: "workers", Usage: "files read at once (default: the number of cores)"},
				&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "summary as text or json"},
			}, readFlags()...),
			Action: ingestAction,
		},
		&cli.Command{
			Name:   "reindex",
			Usage:  "rebuild the search index from the stored records",
			Flags:  []cli.Flag{dataFlag()},
			Action: reindexAction,
		},
		&cli.Command{
			Name:  "stats",
			Usage: "summarize the corpus: documents by type, year and issuer, references, findings",
			Flags: []cli.Flag{dataFlag(),
				&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json"}},
			Action: statsAction,
		},
		&cli.Command{
			Name:      "show",
			Usage:     "print one stored record",
			ArgsUsage: "ID|PATH (a document number like 08/KH-UBND in any spelling, a sha256 prefix, or a path)",
			Flags: []cli.Flag{dataFlag(),
				&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json (the record)"}},
			Action: showAction,
		},
		&cli.Command{
			Name:  "gen",
			Usage: "write a generated corpus of realistic reports (for tests and benchmarks)",
			Flags: []cli.Flag{
				&cli.IntFlag{Name: "n", Value: 100, Usage: "number of documents"},
				&cli.StringFlag{Name: "out", Required: true, Usage: "folder to write into"},
				&cli.Uint64Flag{Name: "seed", Value: 1, Usage: "the same seed writes the same corpus"},
				&cli.BoolFlag{Name: "truth", Usage: "also write each document's ground-truth record as NAME.record.json"},
			},
			Action: genAction,
		},
	)
}

func dataFlag() cli.Flag {
	return &cli.StringFlag{Name: "data", EnvVars: []string{"BAOCAO_DATA"},
		Usage: "data folder (default $XDG_DATA_HOME/baocao or ~/.local/share/baocao)"}
}

func dataDir(c *cli.Context) (string, error) {
	if d := c.String("data"); d != "" {
		return d, nil
	}
	return corpus.DefaultDir()
}

// openCorpus opens the data folder for a command, mapping "in use" to exit status 3.
func openCorpus(c *cli.Context) (*corpus.Corpus, error) {
	dir, err := dataDir(c)
	if err != nil {
		return nil, cli.Exit(err.Error(), 2)
	}
	cp, err := corpus.Open(c.Context, dir, corpus.Options{})
	if err != nil {
		return nil, exitFor(err)
	}
	return cp, nil
}

func exitFor(err error) error {
	if err == nil {
		return nil
	}
	if strings.Contains(err.Error(), corpus.ErrInUse.Error()) {
		return cli.Exit(err.Error(), 3)
	}
	return cli.Exit(err.Error(), 2)
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

func ingestAction(c *cli.Context) error {
	format := c.String("format")
	if format != "text" && format != "json" {
		return cli.Exit(fmt.Sprintf("ingest: unknown --format %q (text or json)", format), 2)
	}
	opts, err := pipelineOptions(c)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	paths, err := positional(c)
	if err != nil {
		return err
	}
	cp, err := openCorpus(c)
	if err != nil {
		return err
	}
	defer cp.Close()
	if len(paths) == 0 {
		dir, err := corpus.WriteSamples(cp.Dir())
		if err != nil {
			return cli.Exit(err.Error(), 2)
		}
		paths = []string{dir}
		fmt.Fprintf(c.App.ErrWriter, "baocao: no PATH given: ingesting the sample corpus (%s)\n", dir)
	}
	sum, err := cp.Ingest(c.Context, paths, corpus.IngestOptions{
		Pipeline: opts, Prune: c.Bool("prune"), Retry: c.Bool("retry"), Workers: c.Int("workers"),
		Progress: c.App.ErrWriter, Terminal: c.App.ErrWriter == os.Stderr && isTerminal(os.Stderr),
	})
	if sum != nil {
		if format == "json" {
			writeJSON(c.App.Writer, sum)
		} else {
			printSummary(c.App.Writer, sum, cp.Dir())
		}
	}
	if err != nil {
		return exitFor(err)
	}
	if len(sum.Failures) > 0 {
		return cli.Exit("", 1)
	}
	return nil
}

func printSummary(w io.Writer, s *corpus.Summary, dir string) {
	for _, f := range s.Failures {
		fmt.Fprintf(w, "failed: %s: %s\n", f.Path, f.Cause)
	}
	secs := s.Duration.Seconds()
	rate := ""
	if secs > 0 && s.New+s.Changed > 0 {
		rate = fmt.Sprintf(", %s docs/s, %s pages/s", perSec(float64(s.New+s.Changed)/secs), perSec(float64(s.Pages)/secs))
	}
	fmt.Fprintf(w, "ingested %d files in %s%s: %d new, %d changed, %d unchanged, %d duplicate, %d removed, %d failed\n",
		s.Files, s.Duration.Round(time.Millisecond), rate, s.New, s.Changed, s.Unchanged, s.Duplicates, s.Removed, len(s.Failures))
	fmt.Fprintf(w, "new records: %d references, %d findings, %d pages\n", s.References, s.Findings, s.Pages)
	fmt.Fprintf(w, "corpus: %d documents, %d references, %d findings (%s)\n",
		s.Corpus.Documents, s.Corpus.References, s.Corpus.Findings, dir)
}

// perSec writes a rate with the digits that matter: "0.2", "12", "1340".
func perSec(x float64) string {
	if x < 10 {
		return fmt.Sprintf("%.1f", x)
	}
	return fmt.Sprintf("%.0f", x)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func reindexAction(c *cli.Context) error {
	cp, err := openCorpus(c)
	if err != nil {
		return err
	}
	defer cp.Close()
	start := time.Now()
	last := time.Now()
	n, err := cp.Reindex(c.Context, func(done, total int) {
		if time.Since(last) > 5*time.Second {
			last = time.Now()
			fmt.Fprintf(c.App.ErrWriter, "reindex: %d/%d records\n", done, total)
		}
	})
	if err != nil {
		return exitFor(err)
	}
	fmt.Fprintf(c.App.Writer, "reindexed %d records in %s\n", n, time.Since(start).Round(time.Millisecond))
	return nil
}

func statsAction(c *cli.Context) error {
	cp, err := openCorpus(c)
	if err != nil {
		return err
	}
	defer cp.Close()
	st, err := cp.Stats(c.Context)
	if err != nil {
		return exitFor(err)
	}
	if c.String("format") == "json" {
		return writeJSON(c.App.Writer, st)
	}
	w := c.App.Writer
	fmt.Fprintf(w, "data folder  %s\n", cp.Dir())
	fmt.Fprintf(w, "documents    %d (%d paths, %d pages, %.1f MB of text)\n", st.Documents, st.Paths, st.Pages, float64(st.TextBytes)/1e6)
	fmt.Fprintf(w, "references   %d (%d cited numbers indexed)\n", st.References, st.IndexedReferences)
	fmt.Fprintf(w, "findings     %d\n", st.Findings)
	fmt.Fprintf(w, "failed files %d\n", st.Failed)
	ratio := ""
	if st.TextBytes > 0 {
		ratio = fmt.Sprintf(", %.2f× the text", float64(st.IndexBytes)/float64(st.TextBytes))
	}
	fmt.Fprintf(w, "index        %d documents, %.1f MB%s\n", st.IndexedDocuments, float64(st.IndexBytes)/1e6, ratio)
	for _, g := range []struct {
		name string
		cs   []corpus.Count
	}{{"by type", st.ByType}, {"by year", st.ByYear}, {"by issuer", st.ByIssuer}, {"by format", st.ByFormat}} {
		fmt.Fprintf(w, "%s:\n", g.name)
		for _, x := range g.cs {
			fmt.Fprintf(w, "  %6d  %s\n", x.Count, x.Key)
		}
	}
	return nil
}

func showAction(c *cli.Context) error {
	if _, err := positional(c); err != nil {
		return err
	}
	if c.NArg() != 1 {
		return cli.Exit("show: give one ID or PATH (try: baocao show 08/KH-UBND)", 2)
	}
	cp, err := openCorpus(c)
	if err != nil {
		return err
	}
	defer cp.Close()
	recs, err := cp.Lookup(c.Context, c.Args().First())
	if err != nil {
		return exitFor(err)
	}
	if len(recs) == 0 {
		return cli.Exit(fmt.Sprintf("show: no stored document has the number %s (baocao cites %s lists who cites it)", c.Args().First(), c.Args().First()), 1)
	}
	if c.String("format") == "json" {
		if len(recs) == 1 {
			return writeJSON(c.App.Writer, recs[0])
		}
		return writeJSON(c.App.Writer, recs)
	}
	for i, r := range recs {
		if i > 0 {
			fmt.Fprintln(c.App.Writer, strings.Repeat("─", 60))
		}
		printRecord(c.App.Writer, r)
	}
	return nil
}

func printRecord(w io.Writer, r *baocao.Record) {
	d := r.Document
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-12s %s\n", name, v)
		}
	}
	field("path", r.Source.Path)
	for _, p := range r.Source.Paths {
		field("also at", p)
	}
	field("sha256", r.Source.SHA256)
	field("format", fmt.Sprintf("%s, %d pages, %d bytes of text", r.Source.Format, corpus.Pages(r), len(r.Text)))
	field("type", strings.TrimSpace(string(d.Type)+" "+paren(string(d.TypeName))))
	num := string(d.Number)
	if d.Code != "" {
		num = num + "/" + string(d.Code)
	}
	field("number", num)
	field("issuer", string(d.Issuer))
	if d.Date != nil {
		field("date", strings.TrimSpace(string(d.Date.Value)+" "+paren(d.Date.Text)))
	}
	field("place", string(d.Place))
	field("subject", string(d.Subject))
	if d.Signer != nil {
		field("signer", strings.TrimSpace(strings.Join([]string{string(d.Signer.Authority), string(d.Signer.Title), string(d.Signer.Name)}, " ")))
	}
	for _, rc := range d.Recipients {
		field("recipient", rc)
	}
	fmt.Fprintf(w, "references   %d\n", len(r.References))
	for _, ref := range r.References {
		extra := []string{}
		if ref.Date != "" {
			extra = append(extra, string(ref.Date))
		}
		if ref.Issuer != "" {
			extra = append(extra, string(ref.Issuer))
		}
		fmt.Fprintf(w, "  %-20s %-4s %s\n", ref.ID, string(ref.Type), strings.Join(extra, ", "))
	}
	fmt.Fprintf(w, "dates        %d\n", len(r.Dates))
	fmt.Fprintf(w, "indicators   %d\n", len(r.Indicators))
	for _, in := range r.Indicators {
		fmt.Fprintf(w, "  %s\n", in.Text)
	}
	fmt.Fprintf(w, "commendations %d\n", len(r.Commendations))
	fmt.Fprintf(w, "findings     %d\n", len(r.Findings))
	for _, f := range r.Findings {
		fmt.Fprintf(w, "  %s %s: %s\n", f.Severity, f.Check, f.Message)
	}
	for _, wn := range r.Warnings {
		field("warning", wn)
	}
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return "(" + s + ")"
}

func genAction(c *cli.Context) error {
	n := c.Int("n")
	if n <= 0 {
		return cli.Exit("gen: --n must be at least 1", 2)
	}
	out := c.String("out")
	recs, err := gen.Write(out, gen.Options{N: n, Seed: c.Uint64("seed")})
	if err != nil {
		return cli.Exit("gen: "+err.Error(), 2)
	}
	var bytes int64
	for _, r := range recs {
		bytes += r.Source.Size
		if c.Bool("truth") {
			data, err := json.MarshalIndent(r, "", " ")
			if err != nil {
				return cli.Exit("gen: "+err.Error(), 2)
			}
			if err := os.WriteFile(strings.TrimSuffix(r.Source.Path, ".txt")+".record.json", data, 0o644); err != nil {
				return cli.Exit("gen: "+err.Error(), 2)
			}
		}
	}
	fmt.Fprintf(c.App.Writer, "wrote %d documents (%.1f MB) to %s\n", len(recs), float64(bytes)/1e6, out)
	return nil
}
