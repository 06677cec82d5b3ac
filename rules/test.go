package rules

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Failure is an example a rule did not satisfy.
type Failure struct {
	Rule    *Rule
	Example Example
	Reject  bool   // a reject example produced items
	Got     []Item // what the rule produced
	Missing []Item // wanted items not produced
	Extra   []Item // produced items not wanted (exact examples and rejects)
}

func (f Failure) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: rule %s", f.Example.Pos, f.Rule.ID)
	if f.Example.Name != "" {
		fmt.Fprintf(&b, " (%s)", f.Example.Name)
	}
	fmt.Fprintf(&b, "\n    text:    %q\n", f.Example.In)
	if f.Reject {
		fmt.Fprintf(&b, "    must not match, but got: %s", itemsString(f.Got))
		return b.String()
	}
	for _, m := range f.Missing {
		fmt.Fprintf(&b, "    missing: %s\n", itemString(m))
	}
	for _, e := range f.Extra {
		fmt.Fprintf(&b, "    extra:   %s\n", itemString(e))
	}
	fmt.Fprintf(&b, "    got:     %s", itemsString(f.Got))
	return b.String()
}

// Test runs the examples of the pack's enabled rules (only those with the given ids, if
// any) and returns every failure.
func (p *Pack) Test(ids ...string) []Failure {
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var out []Failure
	for _, r := range p.rules {
		if r.Disabled || (len(want) > 0 && !want[r.ID]) {
			continue
		}
		m := p.matchers[r.ID]
		if m == nil {
			continue
		}
		out = append(out, runExamples(r, m)...)
	}
	return out
}

// Count returns how many examples the selected rules have.
func (p *Pack) Count(ids ...string) (examples int) {
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	for _, r := range p.rules {
		if !r.Disabled && (len(want) == 0 || want[r.ID]) {
			examples += len(r.Examples) + len(r.Reject)
		}
	}
	return examples
}

func runExamples(r *Rule, m Matcher) []Failure {
	var out []Failure
	for _, ex := range r.Examples {
		got := m.Run(ex.In)
		missing, extra := compare(ex.Want, got)
		if !ex.Exact {
			extra = nil
		}
		if len(missing) > 0 || len(extra) > 0 {
			out = append(out, Failure{Rule: r, Example: ex, Got: got, Missing: missing, Extra: extra})
		}
	}
	for _, ex := range r.Reject {
		if got := m.Run(ex.In); len(got) > 0 {
			out = append(out, Failure{Rule: r, Example: ex, Reject: true, Got: got})
		}
	}
	return out
}

// compare pairs each wanted item with a distinct produced item that has every wanted
// field with an equal value.
func compare(want, got []Item) (missing, extra []Item) {
	used := make([]bool, len(got))
	for _, w := range want {
		found := false
		for i, g := range got {
			if !used[i] && matches(w, g) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			missing = append(missing, w)
		}
	}
	for i, g := range got {
		if !used[i] {
			extra = append(extra, g)
		}
	}
	return missing, extra
}

func matches(want, got Item) bool {
	for k, wv := range want {
		if !equal(wv, got[k]) {
			return false
		}
	}
	return true
}

// equal compares a value written in YAML with a produced one: numbers by value, null
// with a missing or empty value, everything else by its printed form.
func equal(w, g any) bool {
	if w == nil {
		return g == nil || g == "" || g == 0
	}
	if t, ok := w.(time.Time); ok {
		w = t.Format("2006-01-02")
	}
	wf, wnum := number(w)
	gf, gnum := number(g)
	if wnum && gnum {
		return math.Abs(wf-gf) <= 1e-9*math.Max(1, math.Abs(wf))
	}
	if ws, ok := w.([]any); ok {
		gs, ok := g.([]string)
		if !ok || len(gs) != len(ws) {
			return false
		}
		for i := range ws {
			if fmt.Sprint(ws[i]) != gs[i] {
				return false
			}
		}
		return true
	}
	return fmt.Sprint(w) == fmt.Sprint(g)
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case uint64:
		return float64(n), true
	case float64:
		return n, true
	case float32:
		return float64(n), true
	}
	return 0, false
}

func itemsString(items []Item) string {
	if len(items) == 0 {
		return "nothing"
	}
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = itemString(it)
	}
	return strings.Join(parts, "; ")
}

func itemString(it Item) string {
	keys := make([]string, 0, len(it))
	for k := range it {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(k)
		b.WriteString(": ")
		switch v := it[k].(type) {
		case string:
			b.WriteString(strconv.Quote(v))
		case nil:
			b.WriteString("null")
		default:
			fmt.Fprint(&b, v)
		}
	}
	b.WriteByte('}')
	return b.String()
}
