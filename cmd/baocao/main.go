// Command baocao turns Vietnamese administrative reports (báo cáo, kế hoạch, quyết định…)
// into searchable, checkable data. Each subcommand is a thin shell over one library call;
// run "baocao --help" or "baocao COMMAND --help".
package main

import (
	"fmt"
	"os"
	"sort"

	"github.com/urfave/cli/v2"
)

// commands are registered by the files of this package (one file per command group),
// each from its init function, so adding a command touches no other file.
var commands []*cli.Command

func register(c ...*cli.Command) { commands = append(commands, c...) }

func newApp() *cli.App {
	sort.SliceStable(commands, func(i, j int) bool { return commands[i].Name < commands[j].Name })
	return &cli.App{
		Name:  "baocao",
		Usage: "read, check and search Vietnamese administrative reports",
		Description: `baocao reads reports (báo cáo, kế hoạch, quyết định, tờ trình…) as PDF, DOCX or
text, extracts each document's identity, the documents it cites, its dates, indicators and
commendation counts, checks its figures like an auditor, and indexes everything for search.

First steps:
   baocao ingest                 ingest the embedded sample corpus and print a summary
   baocao extract FILE           print a report's normalized text
   baocao extract --format json FILE
                                 print its extraction record (baocao.record/v1)
   baocao audit FILE             list the figures that do not add up`,
		Commands:             commands,
		EnableBashCompletion: true,
		HideHelpCommand:      true,
		ExitErrHandler: func(c *cli.Context, err error) {
			if err == nil {
				return
			}
			if ec, ok := err.(cli.ExitCoder); ok {
				if msg := ec.Error(); msg != "" {
					fmt.Fprintln(c.App.ErrWriter, "baocao:", msg)
				}
				os.Exit(ec.ExitCode())
			}
			fmt.Fprintln(c.App.ErrWriter, "baocao:", err)
			os.Exit(2)
		},
	}
}

func main() {
	if err := newApp().Run(os.Args); err != nil {
		os.Exit(2)
	}
}
