package audit

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/baocao/baocao"
)

// Report is the audit of one file, as the command prints it.
type Report struct {
	Path     string           `json:"path"`
	Findings []baocao.Finding `json:"findings"`
	text     string           // the record's text, for line numbers
}

// NewReport makes the report of a record, keeping the findings of severity min and
// above ("" keeps all).
func NewReport(path string, rec *baocao.Record, min string) Report {
	r := Report{Path: path, Findings: []baocao.Finding{}, text: rec.Text}
	for _, f := range rec.Findings {
		if min == "" || AtLeast(f.Severity, min) {
			r.Findings = append(r.Findings, f)
		}
	}
	return r
}

// Count returns how many findings have each severity.
func (r Report) Count() (errors, warnings, infos int) {
	for _, f := range r.Findings {
		switch f.Severity {
		case baocao.SevError:
			errors++
		case baocao.SevWarning:
			warnings++
		default:
			infos++
		}
	}
	return
}

// line returns the 1-based line of byte offset off in the report's text.
func (r Report) line(off int) int {
	if off > len(r.text) {
		off = len(r.text)
	}
	return strings.Count(r.text[:max(off, 0)], "\n") + 1
}

// WriteText writes the reports for people: per file, the findings grouped by the
// section they sit under, each with its line, severity, check, message and the quoted
// evidence.
func WriteText(w io.Writer, reps []Report) error {
	for i, r := range reps {
		if i > 0 {
			fmt.Fprintln(w)
		}
		e, wn, in := r.Count()
		fmt.Fprintf(w, "%s: %s\n", r.Path, plural(len(r.Findings), "finding", "findings")+summary(e, wn, in))
		section := "\x00"
		for _, f := range r.Findings {
			if f.Section != section {
				section = f.Section
				title := section
				if title == "" {
					title = "(before the first heading)"
				}
				fmt.Fprintf(w, "\n  %s\n", title)
			}
			fmt.Fprintf(w, "    %d: %-7s %s: %s\n", r.line(f.Span.Start), f.Severity, f.Check, f.Message)
			if f.Text != "" {
				fmt.Fprintf(w, "        « %s »\n", f.Text)
			}
		}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func summary(e, w, i int) string {
	if e+w+i == 0 {
		return ""
	}
	var parts []string
	if e > 0 {
		parts = append(parts, plural(e, "error", "errors"))
	}
	if w > 0 {
		parts = append(parts, plural(w, "warning", "warnings"))
	}
	if i > 0 {
		parts = append(parts, strconv.Itoa(i)+" info")
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// WriteJSON writes the reports as JSON: one object for one file, an array for several.
func WriteJSON(w io.Writer, reps []Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if len(reps) == 1 {
		return enc.Encode(reps[0])
	}
	if reps == nil {
		reps = []Report{}
	}
	return enc.Encode(reps)
}

// WriteCSV writes one row per finding: UTF-8 with a byte-order mark (for Excel), the
// numbers with a dot before the decimals.
func WriteCSV(w io.Writer, reps []Report) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"path", "line", "section", "check", "severity", "rule", "situation", "message", "text", "stated", "expected", "start", "end"})
	for _, r := range reps {
		for _, f := range r.Findings {
			cw.Write([]string{r.Path, strconv.Itoa(r.line(f.Span.Start)), f.Section, f.Check, f.Severity, f.Rule, f.Situation,
				f.Message, f.Text, value(f.Stated), value(f.Expected), strconv.Itoa(f.Span.Start), strconv.Itoa(f.Span.End)})
		}
	}
	cw.Flush()
	return cw.Error()
}

func value(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		return x
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
