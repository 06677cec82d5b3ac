package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/audit"
	"github.com/baocao/baocao/reader"
	"github.com/urfave/cli/v2"
)

func init() {
	register(&cli.Command{
		Name:      "audit",
		Usage:     "list the figures of reports that do not add up, with the evidence",
		ArgsUsage: "FILE|DIR…",
		Description: `Reads each FILE (and every report under each DIR), extracts it and runs the checks of
the rule pack: percentages against their fractions, parts against wholes, table totals,
text against tables, dates, số and ký hiệu, heading numbers. Each finding quotes the text
it is about and gives the computed and the stated value.

--format text groups the findings of each file by the section they sit under; json and
csv give every field (csv opens in Excel). A rule file given with --rules can retune a
check or turn it off by its id (baocao rules: check.percent, check.breakdown, …).

Exit status: 0 when no finding is an error, 1 when one is (like a linter), 2 when a file
could not be read or the command line is wrong.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text, json or csv"},
			&cli.StringFlag{Name: "min-severity", Value: "info", Usage: "show findings of this severity and above: info, warning or error"},
		}, readFlags()...),
		Action: auditAction,
	})
}

func auditAction(c *cli.Context) error {
	args, err := positional(c)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		return cli.Exit("audit: no FILE or DIR given (try: baocao audit --help)", 2)
	}
	format := c.String("format")
	if format != "text" && format != "json" && format != "csv" {
		return cli.Exit(fmt.Sprintf("audit: unknown --format %q (text, json or csv)", format), 2)
	}
	min := c.String("min-severity")
	if min != baocao.SevInfo && min != baocao.SevWarning && min != baocao.SevError {
		return cli.Exit(fmt.Sprintf("audit: unknown --min-severity %q (info, warning or error)", min), 2)
	}
	opts, err := pipelineOptions(c)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	paths, missing := expandPaths(c, args)
	failed := missing
	results := processAll(c.Context, paths, opts)
	var reps []audit.Report
	errorsFound := false
	for _, r := range results {
		if r.err != nil {
			failed++
			fmt.Fprintln(c.App.ErrWriter, "baocao:", r.err)
			continue
		}
		for _, f := range r.rec.Findings {
			if f.Severity == baocao.SevError {
				errorsFound = true
			}
		}
		reps = append(reps, audit.NewReport(r.path, r.rec, min))
	}
	switch format {
	case "json":
		err = audit.WriteJSON(c.App.Writer, reps)
	case "csv":
		err = audit.WriteCSV(c.App.Writer, reps)
	default:
		err = audit.WriteText(c.App.Writer, reps)
	}
	switch {
	case err != nil:
		return cli.Exit("audit: "+err.Error(), 2)
	case failed > 0:
		return cli.Exit(fmt.Sprintf("%d of %d files could not be read", failed, len(paths)+missing), 2)
	case errorsFound:
		return cli.Exit("", 1)
	}
	return nil
}

// expandPaths replaces each directory by the reports under it (the files whose name a
// reader knows), sorted; a path that does not exist is reported and counted.
func expandPaths(c *cli.Context, args []string) (paths []string, failed int) {
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			if err != nil && a != "-" {
				fmt.Fprintln(c.App.ErrWriter, "baocao:", err)
				failed++
				continue
			}
			paths = append(paths, a)
			continue
		}
		var found []string
		filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintln(c.App.ErrWriter, "baocao:", err)
				failed++
				return nil
			}
			if !d.IsDir() && reader.Supported(d.Name()) {
				found = append(found, p)
			}
			return nil
		})
		sort.Strings(found)
		paths = append(paths, found...)
	}
	return paths, failed
}
