package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/index"
	"github.com/baocao/baocao/internal/pipeline"
	"github.com/baocao/baocao/reader"
	"github.com/baocao/baocao/render"
	"github.com/urfave/cli/v2"
)

func init() {
	register(&cli.Command{
		Name:      "render",
		Usage:     "write a normalized copy of a report (Markdown, HTML or DOCX)",
		ArgsUsage: "FILE|ID",
		Description: `Lays the report out again in the standard layout of Nghị định 30/2020: the issuer
and the Quốc hiệu side by side, the number, the place and date, the type name and trích
yếu, the body with its numbered headings, tables and footnotes, the signature and the
Nơi nhận. The text is the report's own; only citations are written in canonical form
("Kế hoạch số 08/KH-UBND ngày 05/01/2023").

FILE is read and extracted; anything else is looked up in the corpus (a path, a sha256
prefix or a document number; see baocao ingest). DOCX is written to --out, or to
standard output when it is not a terminal.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "md", Usage: "md, html or docx"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write to PATH instead of standard output"},
			&cli.BoolFlag{Name: "annotate", Usage: "mark extracted items and audit findings (html, docx)"},
			dataFlag(),
		}, readFlags()...),
		Action: renderAction,
	}, &cli.Command{
		Name:      "appendix",
		Usage:     "rebuild a report's appendix tables: directives, commendations, indicators",
		ArgsUsage: "KIND FILE|ID  or  directives --corpus",
		Description: `KIND is one of:
   directives     Phụ lục I: TT | Số, ký hiệu, ngày tháng ban hành | Trích yếu | Ghi chú, the
                  documents the report cites (those of its own list when it has one; --all
                  for every one), merged by number and sorted by date. With --corpus: the
                  documents of the corpus, chosen with --issuer, --from and --to.
   commendations  the commendation counts by level (I Nhà nước … IV xã) with tập thể, cá
                  nhân and gia đình, every total recomputed; a stated total that disagrees
                  is noted.
   indicators     chỉ tiêu | đơn vị | kế hoạch | thực hiện | tỷ lệ | ghi chú, with the audit's
                  verdict.
CSV is UTF-8 with a byte-order mark (for Excel) and numbers with a dot before the
decimals; XLSX and DOCX are written to --out, or to standard output when it is not a
terminal.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "md", Usage: "csv, xlsx, docx or md"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write to PATH instead of standard output"},
			&cli.BoolFlag{Name: "corpus", Usage: "directives: list the corpus's documents instead of one report's citations"},
			&cli.BoolFlag{Name: "all", Usage: "directives: every document the report cites, even when it has its own list"},
			&cli.StringFlag{Name: "issuer", Usage: "with --corpus: words of the issuer's name"},
			&cli.StringFlag{Name: "from", Usage: "directives issued on or after DATE (05/01/2023, 2023-01-05, 01/2023, 2023)"},
			&cli.StringFlag{Name: "to", Usage: "directives issued on or before DATE"},
			dataFlag(),
		}, readFlags()...),
		Action: appendixAction,
	})
}

func renderAction(c *cli.Context) error {
	args, err := positional(c)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return cli.Exit("render: give one FILE or ID (try: baocao render --help)", 2)
	}
	format := render.Format(c.String("format"))
	switch format {
	case render.Markdown, render.HTML, render.DOCX:
	default:
		return cli.Exit(fmt.Sprintf("render: unknown --format %q (md, html or docx)", format), 2)
	}
	if c.Bool("annotate") && format == render.Markdown {
		return cli.Exit("render: --annotate needs --format html or docx", 2)
	}
	rec, doc, err := loadReport(c, args[0])
	if err != nil {
		return err
	}
	rep, err := render.NewReport(rec, doc)
	if err != nil {
		return cli.Exit("render: "+args[0]+": "+err.Error(), 2)
	}
	return writeOutput(c, format == render.DOCX, func(w io.Writer) error {
		return rep.Write(w, render.Options{Format: format, Annotate: c.Bool("annotate")})
	})
}

func appendixAction(c *cli.Context) error {
	args, err := positional(c)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		return cli.Exit("appendix: give a KIND: directives, commendations or indicators", 2)
	}
	kind := args[0]
	if kind != "directives" && kind != "commendations" && kind != "indicators" {
		return cli.Exit(fmt.Sprintf("appendix: unknown KIND %q (directives, commendations or indicators)", kind), 2)
	}
	format := render.TableFormat(c.String("format"))
	switch format {
	case render.TableCSV, render.TableXLSX, render.TableDOCX, render.TableMD:
	default:
		return cli.Exit(fmt.Sprintf("appendix: unknown --format %q (csv, xlsx, docx or md)", format), 2)
	}
	o := render.DirectiveOptions{All: c.Bool("all"), Issuer: c.String("issuer")}
	for _, f := range []struct {
		name string
		dst  *string
		last bool
	}{{"from", &o.From, false}, {"to", &o.To, true}} {
		if s := c.String(f.name); s != "" {
			first, last, err := index.ParseDate(s)
			if err != nil {
				return cli.Exit("appendix: --"+f.name+": "+err.Error(), 2)
			}
			if f.last {
				first = last
			}
			*f.dst = first.Format("2006-01-02")
		}
	}
	var t *render.Table
	switch {
	case c.Bool("corpus"):
		if kind != "directives" {
			return cli.Exit("appendix: --corpus builds the directives table only", 2)
		}
		if len(args) > 1 {
			return cli.Exit("appendix: --corpus takes no FILE", 2)
		}
		recs, err := corpusDocuments(c, o)
		if err != nil {
			return err
		}
		t = render.CorpusDirectivesAppendix(recs, o) // the index chose the issuer and period
	case len(args) != 2:
		return cli.Exit("appendix: give KIND and one FILE or ID, or directives --corpus", 2)
	case o.Issuer != "":
		return cli.Exit("appendix: --issuer goes with --corpus", 2)
	default:
		rec, doc, err := loadReport(c, args[1])
		if err != nil {
			return err
		}
		switch kind {
		case "directives":
			t = render.DirectivesAppendix(rec, doc, o)
		case "commendations":
			t = render.CommendationsTable(rec)
		case "indicators":
			t = render.IndicatorsTable(rec)
		}
	}
	return writeOutput(c, format == render.TableXLSX || format == render.TableDOCX, func(w io.Writer) error {
		return t.Write(w, format)
	})
}

// loadReport returns the record and document of arg: a file is read and extracted,
// anything else is looked up in the corpus.
func loadReport(c *cli.Context, arg string) (*baocao.Record, *baocao.Document, error) {
	if st, err := os.Stat(arg); arg == "-" || err == nil && !st.IsDir() {
		opts, err := pipelineOptions(c)
		if err != nil {
			return nil, nil, cli.Exit(err.Error(), 2)
		}
		rec, doc, err := pipeline.Process(c.Context, arg, opts)
		if err != nil {
			return nil, nil, cli.Exit(err.Error(), 2)
		}
		return rec, doc, nil
	}
	if reader.Supported(arg) || strings.HasPrefix(arg, "/") || strings.HasPrefix(arg, ".") {
		return nil, nil, cli.Exit(arg+": no such file", 2) // a path, not a document number
	}
	dir, err := dataDir(c)
	if err != nil {
		return nil, nil, cli.Exit(err.Error(), 2)
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, nil, cli.Exit(fmt.Sprintf("%s: no such file, and there is no corpus at %s to look it up in (see baocao ingest)", arg, dir), 2)
	}
	cp, err := openCorpus(c)
	if err != nil {
		return nil, nil, err
	}
	defer cp.Close()
	recs, err := cp.Lookup(c.Context, arg)
	if err != nil {
		return nil, nil, cli.Exit(fmt.Sprintf("%s: no such file, and %v", arg, err), 2)
	}
	switch len(recs) {
	case 0:
		return nil, nil, cli.Exit(fmt.Sprintf("%s: no such file, and the corpus has no such document", arg), 2)
	case 1:
	default:
		var b strings.Builder
		fmt.Fprintf(&b, "%s matches %d documents; give one's sha256 prefix:", arg, len(recs))
		for _, r := range recs {
			fmt.Fprintf(&b, "\n   %.12s  %s", r.Source.SHA256, r.Source.Path)
		}
		return nil, nil, cli.Exit(b.String(), 2)
	}
	doc, err := cp.Document(recs[0].Source.SHA256)
	if err != nil {
		return nil, nil, cli.Exit(err.Error(), 2)
	}
	return recs[0], doc, nil
}

// corpusDocuments returns the records of the corpus's documents that the index finds
// for the issuer and period of o.
func corpusDocuments(c *cli.Context, o render.DirectiveOptions) ([]*baocao.Record, error) {
	q := index.Query{Issuer: o.Issuer, Limit: 500}
	var err error
	if o.From != "" {
		if q.From, _, err = index.ParseDate(o.From); err != nil {
			return nil, cli.Exit("appendix: --from: "+err.Error(), 2)
		}
	}
	if o.To != "" {
		if _, q.To, err = index.ParseDate(o.To); err != nil {
			return nil, cli.Exit("appendix: --to: "+err.Error(), 2)
		}
	}
	cp, err := openCorpus(c)
	if err != nil {
		return nil, err
	}
	defer cp.Close()
	var recs []*baocao.Record
	for {
		res, err := cp.Index().Search(c.Context, q)
		if err != nil {
			return nil, cli.Exit("appendix: "+err.Error(), 2)
		}
		for _, h := range res.Hits {
			rec, err := cp.Record(h.SHA)
			if err != nil {
				return nil, cli.Exit("appendix: "+err.Error(), 2)
			}
			recs = append(recs, rec)
		}
		q.Offset += len(res.Hits)
		if len(res.Hits) == 0 || uint64(q.Offset) >= res.Total {
			return recs, nil
		}
	}
}

// writeOutput runs write on --out (through a temporary file renamed at the end, so a
// failed run leaves no half-written file) or on standard output. Binary formats are
// not written to a terminal.
func writeOutput(c *cli.Context, binary bool, write func(io.Writer) error) error {
	name := c.Command.Name
	out := c.String("out")
	if out == "" || out == "-" {
		if f, ok := c.App.Writer.(*os.File); ok && binary && isTerminal(f) {
			return cli.Exit(name+": this format is binary: give --out PATH or redirect the output", 2)
		}
		if err := write(c.App.Writer); err != nil {
			return cli.Exit(name+": "+err.Error(), 2)
		}
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*")
	if err != nil {
		return cli.Exit(name+": "+err.Error(), 2)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return cli.Exit(name+": "+err.Error(), 2)
	}
	if err := tmp.Chmod(0o644); err != nil { // CreateTemp makes it private
		tmp.Close()
		return cli.Exit(name+": "+err.Error(), 2)
	}
	if err := tmp.Close(); err != nil {
		return cli.Exit(name+": "+err.Error(), 2)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return cli.Exit(name+": "+err.Error(), 2)
	}
	return nil
}
