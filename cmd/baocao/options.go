package main

import (
	"os"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/internal/pipeline"
	"github.com/baocao/baocao/reader"
	_ "github.com/baocao/baocao/reader/all" // every format
	"github.com/baocao/baocao/rules"
	"github.com/urfave/cli/v2"
)

// readFlags are the flags every command that reads files shares.
func readFlags() []cli.Flag {
	return append([]cli.Flag{
		&cli.Int64Flag{Name: "max-size", Value: 200 << 20, Usage: "largest file to read, in bytes"},
		&cli.DurationFlag{Name: "timeout", Usage: "give up on a file after this long (default 2m)"},
		&cli.StringFlag{Name: "as", Usage: "read every file as this format (txt, md, docx, pdf) instead of sniffing"},
		&cli.StringFlag{Name: "password", Usage: "user password for encrypted PDFs"},
		&cli.StringSliceFlag{Name: "rules", Usage: "rule `FILE` or folder merged over the default pack (repeatable)"},
	}, ocrFlags()...)
}

// userRuleFiles returns the user's rule folder (when it exists) followed by files.
func userRuleFiles(files []string) []string {
	var out []string
	if d := rules.UserDir(); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			out = append(out, d)
		}
	}
	return append(out, files...)
}

// pipelineOptions maps the shared flags to pipeline options.
func pipelineOptions(c *cli.Context) (pipeline.Options, error) {
	o := pipeline.Options{Read: reader.Options{
		MaxSize:  c.Int64("max-size"),
		Timeout:  c.Duration("timeout"),
		Format:   c.String("as"),
		Password: c.String("password"),
	}}
	if err := setupOCR(c, &o.Read); err != nil {
		return o, err
	}
	o.Read.SetDefaults()
	if files := userRuleFiles(c.StringSlice("rules")); len(files) > 0 {
		p, err := rules.Load(files...)
		if err != nil {
			return o, err
		}
		if o.Extractor, err = extract.New(p); err != nil {
			return o, err
		}
	}
	return o, nil
}
