package audit

import (
	"embed"
	"fmt"
	"sort"
	"strings"

	"github.com/baocao/baocao/rules"
)

// Kind is the rule kind of audit checks.
const Kind = "check"

// The default checks, one file per concern, added to the default rule pack when this
// package is linked in (so a pack never names the kind "check" without it).
//
//go:embed checks/*.yaml
var checksFS embed.FS

func init() {
	rules.RegisterKind(rules.Kind{
		Name: Kind,
		Doc: `An audit check (package audit): "check" names the registered implementation,
"severity" maps each situation it reports to error, warning, info or off, and the other
fields are the check's own thresholds. Examples are report texts (read as a .txt file,
extracted with the default rules) with the findings they must produce; reject inputs
are clean texts that must produce none.`,
		Compile: compileCheck,
	})
	rules.AddDefaults(checksFS, "checks")
}

// Rule is a compiled check rule: the check and the severity of each situation.
type Rule struct {
	ID       string
	def      Definition
	check    Check
	severity map[string]string
}

// Common is the part of every check's configuration the kind reads itself; a check's
// options embed it (yaml:",inline").
type Common struct {
	Check    string            `yaml:"check"`
	Severity map[string]string `yaml:"severity"`
}

func compileCheck(c *rules.Compiler, r *rules.Rule, decode func(any) error) (rules.Matcher, error) {
	var head map[string]any
	if err := decode(&head); err != nil {
		return nil, err
	}
	name, _ := head["check"].(string)
	if name == "" {
		return nil, fmt.Errorf("config.check: name the check (known: %s)", strings.Join(checkNames(), ", "))
	}
	def, ok := lookup(name)
	if !ok {
		return nil, fmt.Errorf("config.check: unknown check %q (known: %s)", name, strings.Join(checkNames(), ", "))
	}
	sev := map[string]string{}
	for s, v := range def.Situations {
		sev[s] = v
	}
	if raw, ok := head["severity"]; ok {
		m, ok := raw.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("config.severity: a mapping of situation to error, warning, info or off")
		}
		for s, v := range m {
			if _, known := def.Situations[s]; !known {
				return nil, fmt.Errorf("config.severity: check %s has no situation %q (it has: %s)", name, s, strings.Join(situations(def), ", "))
			}
			vs, _ := v.(string)
			if !validSeverity(vs) {
				return nil, fmt.Errorf("config.severity.%s: %v is not error, warning, info or off", s, v)
			}
			sev[s] = vs
		}
	}
	chk, err := def.New(c, decode)
	if err != nil {
		return nil, err
	}
	return &Rule{ID: r.ID, def: def, check: chk, severity: sev}, nil
}

func checkNames() []string {
	var out []string
	for _, d := range Definitions() {
		out = append(out, d.Name)
	}
	return out
}

func situations(d Definition) []string {
	var out []string
	for s := range d.Situations {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// Severity returns the severity the rule gives a situation ("off" when silenced).
func (r *Rule) Severity(situation string) string {
	if s, ok := r.severity[situation]; ok {
		return s
	}
	return off
}

// Category is the "check" field of the rule's findings.
func (r *Rule) Category() string { return r.def.Category }

// Run audits an example input (a report text read as a .txt file) with this rule alone
// and returns its findings as items: check, severity, situation, stated, expected, text
// (the quoted evidence) and message.
func (r *Rule) Run(in string) []rules.Item {
	rec, doc, err := exampleRecord(in)
	if err != nil {
		return []rules.Item{{"error": err.Error()}}
	}
	an := newAnalysis(rec, doc)
	var out []rules.Item
	for _, f := range finish(an, r.run(an)) {
		out = append(out, rules.Item{"check": f.Check, "severity": f.Severity, "situation": f.Situation,
			"text": f.Text, "message": f.Message, "section": f.Section, "stated": f.Stated, "expected": f.Expected})
	}
	return out
}
