package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/baocao/baocao/rules"
	"github.com/urfave/cli/v2"
)

func init() {
	register(&cli.Command{
		Name:  "rules",
		Usage: "list, test and check the extraction rule sets",
		Description: `baocao extracts with declarative rule sets: YAML files of rules, each with an id, a
kind, its configuration and its own examples. The default Vietnamese pack is built in;
your files add rules (a new id) or replace them (an existing id, e.g. to retune a check
or add a unit), from --rules FILE… and from ` + rulesDirHint() + `.`,
		Subcommands: []*cli.Command{
			{
				Name:      "list",
				Usage:     "list the rules of the pack (default pack and your files)",
				ArgsUsage: "[FILE…]",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "kind", Usage: "only rules of this kind"},
					&cli.BoolFlag{Name: "kinds", Usage: "list the rule kinds instead, with what they do"},
				},
				Action: rulesList,
			},
			{
				Name:      "test",
				Usage:     "run every example of every rule and report each failure",
				ArgsUsage: "[FILE…]",
				Description: `Runs the examples of the whole pack (the default pack with FILE… merged over it)
and prints each failure with the rule id, the example's text, what was missing and what
was produced. Exit status 1 when an example fails.`,
				Action: rulesTest,
			},
			{
				Name:      "check",
				Usage:     "check rule files: every error at once, each with file:line:column",
				ArgsUsage: "FILE…",
				Action:    rulesCheck,
			},
		},
	})
}

func rulesDirHint() string {
	if d := rules.UserDir(); d != "" {
		return d
	}
	return "your config folder (baocao/rules)"
}

// loadPack merges the default pack, the user's rule folder (if it exists) and files.
func loadPack(files []string) (*rules.Pack, error) {
	return rules.Load(userRuleFiles(files)...)
}

func rulesList(c *cli.Context) error {
	if c.Bool("kinds") {
		for _, k := range rules.Kinds() {
			fmt.Fprintf(c.App.Writer, "%s\n    %s\n", k.Name, strings.ReplaceAll(k.Doc, "\n", "\n    "))
		}
		return nil
	}
	p, err := loadPack(c.Args().Slice())
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	kind := c.String("kind")
	w := c.App.Writer
	n := 0
	for _, r := range p.Rules() {
		if kind != "" && r.Kind != kind {
			continue
		}
		state := ""
		if r.Disabled {
			state = " (disabled)"
		}
		doc := strings.TrimSpace(strings.SplitN(r.Doc, "\n", 2)[0])
		if len(doc) > 90 {
			doc = doc[:strings.LastIndex(doc[:90], " ")] + " …"
		}
		fmt.Fprintf(w, "%-26s %-20s %3d examples  %s%s\n", r.ID, r.Kind, len(r.Examples)+len(r.Reject), r.Pos, state)
		if doc != "" {
			fmt.Fprintf(w, "    %s\n", doc)
		}
		n++
	}
	fmt.Fprintf(w, "%d rules\n", n)
	return nil
}

func rulesTest(c *cli.Context) error {
	p, err := loadPack(c.Args().Slice())
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	fails := p.Test()
	byRule := map[string]int{}
	for _, f := range fails {
		fmt.Fprintln(c.App.Writer, f.String())
		byRule[f.Rule.ID]++
	}
	total := p.Count()
	if len(fails) > 0 {
		var ids []string
		for id := range byRule {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		return cli.Exit(fmt.Sprintf("%d of %d examples failed (rules: %s)", len(fails), total, strings.Join(ids, ", ")), 1)
	}
	fmt.Fprintf(c.App.Writer, "all %d examples of %d rules pass\n", total, len(p.Rules()))
	return nil
}

func rulesCheck(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("rules check: no FILE given", 2)
	}
	// parse errors and compile errors are reported together: every problem at once
	rs, perr := rules.ParseFiles(c.Args().Slice()...)
	def, err := rules.DefaultRules()
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	var all rules.ErrorList
	if el, ok := perr.(rules.ErrorList); ok {
		all = append(all, el...)
	} else if perr != nil {
		return cli.Exit(perr.Error(), 2)
	}
	if _, cerr := rules.New(def, rs); cerr != nil {
		if el, ok := cerr.(rules.ErrorList); ok {
			all = append(all, el...)
		} else {
			return cli.Exit(cerr.Error(), 2)
		}
	}
	if err := all.Err(); err != nil {
		fmt.Fprintln(c.App.Writer, err)
		return cli.Exit(fmt.Sprintf("%d errors", len(all)), 1)
	}
	fmt.Fprintf(c.App.Writer, "%d rules, no errors\n", len(rs))
	return nil
}
