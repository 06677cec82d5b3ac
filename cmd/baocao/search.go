package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/baocao/baocao/index"
	"github.com/urfave/cli/v2"
)

func init() {
	register(
		&cli.Command{
			Name:      "search",
			Usage:     "find documents, or the directives they cite, by words, number, type, issuer or date",
			ArgsUsage: "[QUERY] (words with or without diacritics, or a number like 08/KH-UBND)",
			Description: `Searches the corpus. Words match with or without diacritics ("ke hoach thi dua"
finds "kế hoạch thi đua"); hits written exactly as typed rank first. A number in any
spelling (08/KH-UBND, 8/kh-ubnd, "08/KH – UBND", "KH-UBND 08") finds the document
with that number and the documents that cite it. --refs searches the cited directives
instead: each is listed once with every document citing it and the citing sentence.
Dates accept 05/01/2023, 2023-01-05, 01/2023 and 2023.`,
			Flags: []cli.Flag{
				dataFlag(),
				&cli.BoolFlag{Name: "refs", Usage: "search the cited directives instead of the documents"},
				&cli.StringFlag{Name: "number", Usage: "the document's number (with --refs: the cited number)"},
				&cli.StringFlag{Name: "type", Usage: "type abbreviation: KH, QĐ, BC, TTr, CV…"},
				&cli.StringFlag{Name: "issuer", Usage: "words of the issuer's name"},
				&cli.StringFlag{Name: "from", Usage: "issued on or after DATE"},
				&cli.StringFlag{Name: "to", Usage: "issued on or before DATE"},
				&cli.StringFlag{Name: "cites", Usage: "documents citing this number"},
				&cli.IntFlag{Name: "limit", Value: 20, Usage: "hits to show"},
				&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json"},
			},
			Action: searchAction,
		},
		&cli.Command{
			Name:      "cites",
			Usage:     "list every document citing a number, and what that document cites",
			ArgsUsage: "ID (a document number like 91/2017/NĐ-CP, in any spelling)",
			Flags: []cli.Flag{dataFlag(),
				&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json"}},
			Action: citesAction,
		},
	)
}

func searchAction(c *cli.Context) error {
	format := c.String("format")
	if format != "text" && format != "json" {
		return cli.Exit(fmt.Sprintf("search: unknown --format %q (text or json)", format), 2)
	}
	args, err := positional(c)
	if err != nil {
		return err
	}
	q := index.Query{
		Text: strings.Join(args, " "), Refs: c.Bool("refs"), Number: c.String("number"),
		Type: c.String("type"), Issuer: c.String("issuer"), Cites: c.String("cites"), Limit: c.Int("limit"),
		Facets: format == "text", // facets are for people; scripts count for themselves
	}
	if s := c.String("from"); s != "" {
		if q.From, _, err = index.ParseDate(s); err != nil {
			return cli.Exit("search: --from: "+err.Error(), 2)
		}
	}
	if s := c.String("to"); s != "" {
		if _, q.To, err = index.ParseDate(s); err != nil {
			return cli.Exit("search: --to: "+err.Error(), 2)
		}
	}
	cp, err := openCorpus(c)
	if err != nil {
		return err
	}
	defer cp.Close()
	res, err := cp.Index().Search(c.Context, q)
	if err != nil {
		return cli.Exit("search: "+err.Error(), 2)
	}
	if format == "json" {
		return writeJSON(c.App.Writer, res)
	}
	hl := highlighter(c.App.Writer)
	w := c.App.Writer
	if q.Refs {
		fmt.Fprintf(w, "%d cited %s in %d %s (%s)\n", res.Directives, plural(res.Directives, "directive"),
			res.Total, plural(int(res.Total), "citation"), res.Took.Round(10000))
	} else {
		fmt.Fprintf(w, "%d %s (%s)\n", res.Total, plural(int(res.Total), "document"), res.Took.Round(10000))
	}
	for i, h := range res.Hits {
		fmt.Fprintf(w, "\n%d. %s\n", i+1, headline(h))
		if h.Subject != "" {
			fmt.Fprintf(w, "   %s\n", h.Subject)
		}
		if q.Refs {
			for _, r := range h.Resolved {
				fmt.Fprintf(w, "   in the corpus: %s\n", r.Path)
			}
			for _, ct := range h.Citations {
				fmt.Fprintf(w, "   cited by %s\n", docLine(ct.Citing))
				if len(ct.Snippets) > 0 {
					for _, s := range ct.Snippets {
						fmt.Fprintf(w, "     “%s”\n", hl(s))
					}
					continue
				}
				for _, s := range ct.Sentences {
					fmt.Fprintf(w, "     “%s”\n", s)
				}
			}
			continue
		}
		if h.Path != "" {
			fmt.Fprintf(w, "   %s\n", h.Path)
		}
		if h.CitedBy > 0 {
			fmt.Fprintf(w, "   cited by %d ingested %s (baocao cites %s)\n", h.CitedBy, plural(h.CitedBy, "document"), h.Number)
		}
		for _, s := range h.Snippets {
			fmt.Fprintf(w, "   … %s …\n", hl(s))
		}
	}
	if len(res.Facets) > 0 && res.Total > 0 {
		fmt.Fprintln(w)
		for _, name := range []string{"type", "year", "issuer"} {
			fs := res.Facets[name]
			if len(fs) == 0 {
				continue
			}
			var parts []string
			for _, f := range fs {
				parts = append(parts, fmt.Sprintf("%s %d", f.Term, f.Count))
			}
			fmt.Fprintf(w, "%-7s %s\n", name+":", strings.Join(parts, " · "))
		}
	}
	return nil
}

func headline(h index.Hit) string {
	parts := []string{}
	num := h.Number
	if num == "" {
		num = "(no number)"
	}
	parts = append(parts, num)
	if h.Type != "" {
		parts = append(parts, h.Type)
	}
	if h.Date != "" {
		parts = append(parts, h.Date)
	}
	if h.Issuer != "" {
		parts = append(parts, h.Issuer)
	}
	return strings.Join(parts, "  ")
}

func docLine(d index.DocRef) string {
	s := d.Number
	if s == "" {
		s = "(no number)"
	}
	if d.Type != "" {
		s += " " + d.Type
	}
	if d.Date != "" {
		s += " " + d.Date
	}
	if d.Issuer != "" {
		s += " " + d.Issuer
	}
	if d.Number == "" && d.Path != "" { // without a number, the file says which one
		s += " (" + d.Path + ")"
	}
	return s
}

// highlighter marks matched words: bold on a terminal, «…» otherwise. Snippets span
// lines of the document; they are shown on one line.
func highlighter(w io.Writer) func(index.Snippet) string {
	open, close := "«", "»"
	if f, ok := w.(*os.File); ok && isTerminal(f) {
		open, close = "\x1b[1m", "\x1b[0m"
	}
	return func(s index.Snippet) string {
		var b strings.Builder
		at := 0
		for _, m := range s.Marks {
			if m[0] < at || m[1] > len(s.Text) {
				continue
			}
			b.WriteString(s.Text[at:m[0]])
			b.WriteString(open)
			b.WriteString(s.Text[m[0]:m[1]])
			b.WriteString(close)
			at = m[1]
		}
		b.WriteString(s.Text[at:])
		return strings.ReplaceAll(b.String(), "\n", " ⏎ ")
	}
}

func citesAction(c *cli.Context) error {
	if _, err := positional(c); err != nil {
		return err
	}
	if c.NArg() != 1 {
		return cli.Exit("cites: give one document number (try: baocao cites 91/2017/NĐ-CP)", 2)
	}
	id := c.Args().First()
	if index.NormalizeNumber(id) == "" {
		return cli.Exit(fmt.Sprintf("cites: %q is not a document number (like 08/KH-UBND)", id), 2)
	}
	cp, err := openCorpus(c)
	if err != nil {
		return err
	}
	defer cp.Close()
	res, err := cp.Index().Cites(c.Context, id)
	if err != nil {
		return cli.Exit("cites: "+err.Error(), 2)
	}
	if c.String("format") == "json" {
		return writeJSON(c.App.Writer, res)
	}
	w := c.App.Writer
	if len(res.Citations) == 0 && len(res.Documents) == 0 {
		fmt.Fprintf(w, "no ingested document cites %s, and none has that number\n", id)
		return cli.Exit("", 1)
	}
	fmt.Fprintf(w, "%d %s %s %s\n", len(res.Citations), plural(len(res.Citations), "document"), plural(len(res.Citations), "cites"), id)
	for _, h := range res.Citations {
		for _, ct := range h.Citations {
			fmt.Fprintf(w, "\n%s\n", docLine(ct.Citing))
			for _, s := range ct.Sentences {
				fmt.Fprintf(w, "  “%s”\n", s)
			}
		}
	}
	for _, d := range res.Documents {
		fmt.Fprintf(w, "\n%s is in the corpus: %s (%s)\n", docLine(d.Doc), d.Doc.Path, d.Doc.Subject)
		if len(d.Cites) == 0 {
			fmt.Fprintln(w, "  it cites no other document")
		}
		for _, r := range d.Cites {
			in := ""
			if len(r.Resolved) > 0 {
				in = " → in the corpus"
			}
			fmt.Fprintf(w, "  cites %s%s\n", headline(r), in)
		}
	}
	return nil
}

// positional returns the command's arguments, refusing flags written after them: the
// command line stops reading flags at the first argument, so "search kế hoạch --limit 3"
// would otherwise search for the words "--limit" and "3".
func positional(c *cli.Context) ([]string, error) {
	args := c.Args().Slice()
	for _, a := range args {
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			name := strings.TrimLeft(strings.SplitN(a, "=", 2)[0], "-")
			for _, f := range c.Command.Flags {
				for _, n := range f.Names() {
					if n == name {
						return nil, cli.Exit(fmt.Sprintf("%s: put %s before the arguments (flags after them are not read)", c.Command.Name, a), 2)
					}
				}
			}
		}
	}
	return args, nil
}

// plural gives the English plural of a few words the messages use.
func plural(n int, word string) string {
	switch {
	case word == "cites" && n != 1:
		return "cite"
	case word == "cites":
		return word
	case n != 1:
		return word + "s"
	}
	return word
}
