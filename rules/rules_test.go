package rules

import (
	"fmt"
	"strings"
	"testing"
)

// echo is a test kind: it produces one item per word of its input that is in its
// config's word list, and may depend on another rule.
type echo struct {
	words map[string]bool
	dep   Matcher
}

func (e *echo) Run(in string) []Item {
	var out []Item
	for _, w := range strings.Fields(in) {
		if e.words[w] {
			out = append(out, Item{"word": w})
		}
	}
	return out
}

func init() {
	RegisterKind(Kind{Name: "test-echo", Compile: func(c *Compiler, r *Rule, decode func(any) error) (Matcher, error) {
		var cfg struct {
			Words []string `yaml:"words"`
			Needs string   `yaml:"needs"`
		}
		if err := decode(&cfg); err != nil {
			return nil, err
		}
		if len(cfg.Words) == 0 {
			return nil, fmt.Errorf("words must not be empty")
		}
		e := &echo{words: map[string]bool{}}
		for _, w := range cfg.Words {
			e.words[w] = true
		}
		if cfg.Needs != "" {
			m, err := c.Require(cfg.Needs)
			if err != nil {
				return nil, err
			}
			e.dep = m
		}
		return e, nil
	}})
}

func mustParse(t *testing.T, name, src string) []*Rule {
	t.Helper()
	rs, err := Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return rs
}

func TestParseErrorsHavePositions(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // each a substring of one error, in order
	}{
		{"not a mapping", "- a\n- b\n", []string{"f.yaml:1:1: a rule file is a mapping"}},
		{"unknown top-level field", "ruls: []\n", []string{"f.yaml:1:1: unknown top-level field \"ruls\""}},
		{"rule without id", "rules:\n  - kind: test-echo\n", []string{"f.yaml:2:5: rule has no id"}},
		{"bad id and unknown field", "rules:\n  - id: Bad Id\n    kind: test-echo\n    colour: red\n", []string{
			"f.yaml:2:5: rule Bad Id: id must be lower case", "f.yaml:4:5: rule Bad Id: unknown field \"colour\""}},
		{"duplicate id", "rules:\n  - {id: a, kind: test-echo}\n  - {id: a, kind: test-echo}\n", []string{"f.yaml:3:5: rule a: duplicate rule id (first at f.yaml:2:5)"}},
		{"example without want", "rules:\n  - id: a\n    kind: test-echo\n    examples:\n      - in: x\n", []string{"f.yaml:5:9: rule a: example has no want"}},
		{"syntax error", "rules: [\n", []string{"f.yaml:"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("f.yaml", []byte(tc.src))
			el, ok := err.(ErrorList)
			if !ok {
				t.Fatalf("got %v (%T), want an ErrorList", err, err)
			}
			if len(el) != len(tc.want) {
				t.Fatalf("got %d errors:\n%v\nwant %d", len(el), el, len(tc.want))
			}
			for i, w := range tc.want {
				if !strings.Contains(el[i].Error(), w) {
					t.Errorf("error %d: got %q, want it to contain %q", i, el[i], w)
				}
			}
		})
	}
}

func TestCompileReportsEveryError(t *testing.T) {
	rs := mustParse(t, "u.yaml", `rules:
  - id: a
    kind: test-echo
    config: {words: []}
  - id: b
    kind: no-such-kind
  - id: c
    kind: test-echo
    config: {words: [x], needs: missing}
  - id: d
    kind: test-echo
    config: {wrods: [x]}
`)
	_, err := New(rs)
	el, ok := err.(ErrorList)
	if !ok || len(el) != 4 {
		t.Fatalf("got %v, want 4 errors", err)
	}
	for i, w := range []string{"u.yaml:4:13: rule a: words must not be empty", "u.yaml:5:5: rule b: unknown kind \"no-such-kind\"",
		"u.yaml:9:13: rule c: needs rule \"missing\"", "u.yaml:12:14: rule d: unknown field \"wrods\""} {
		if !strings.Contains(el[i].Error(), w) {
			t.Errorf("error %d: got %q, want %q", i, el[i], w)
		}
	}
}

func TestMergeOverrideExtendDisable(t *testing.T) {
	base := mustParse(t, "base.yaml", `rules:
  - {id: a, kind: test-echo, config: {words: [x]}, examples: [{in: "x y", want: [{word: x}]}]}
  - {id: b, kind: test-echo, config: {words: [y]}}
`)
	user := mustParse(t, "user.yaml", `rules:
  - {id: a, kind: test-echo, config: {words: [z]}, examples: [{in: "x z", want: [{word: z}], exact: true}]}
  - {id: b, disabled: true}
  - {id: c, kind: test-echo, config: {words: [w], needs: a}}
`)
	p, err := New(base, user)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range p.Rules() {
		ids = append(ids, r.ID)
	}
	if got := strings.Join(ids, ","); got != "a,b,c" {
		t.Errorf("order: got %s, want a,b,c (an override keeps its place, a new id is appended)", got)
	}
	if got := p.Matcher("a").Run("x z"); len(got) != 1 || got[0]["word"] != "z" {
		t.Errorf("override: got %v, want the user's rule", got)
	}
	if p.Matcher("b") != nil || len(p.OfKind("test-echo")) != 2 {
		t.Errorf("disabled rule b still compiled")
	}
	if fails := p.Test(); len(fails) != 0 {
		t.Errorf("examples: %v", fails)
	}
}

func TestCycleIsAnError(t *testing.T) {
	rs := mustParse(t, "c.yaml", `rules:
  - {id: a, kind: test-echo, config: {words: [x], needs: b}}
  - {id: b, kind: test-echo, config: {words: [y], needs: a}}
`)
	_, err := New(rs)
	if err == nil || !strings.Contains(err.Error(), "need each other") {
		t.Fatalf("got %v, want a cycle error", err)
	}
}

func TestFailuresNameRuleAndText(t *testing.T) {
	rs := mustParse(t, "f.yaml", `rules:
  - id: a
    kind: test-echo
    config: {words: [x]}
    examples:
      - {in: "y only", want: [{word: y}]}
    reject: ["x again"]
`)
	p, err := New(rs)
	if err != nil {
		t.Fatal(err)
	}
	fails := p.Test()
	if len(fails) != 2 {
		t.Fatalf("got %d failures, want 2: %v", len(fails), fails)
	}
	for _, f := range fails {
		s := f.String()
		if !strings.Contains(s, "rule a") || !strings.Contains(s, "f.yaml:") {
			t.Errorf("failure %q does not name the rule and its position", s)
		}
	}
	if !strings.Contains(fails[0].String(), `missing: {word: "y"}`) || !strings.Contains(fails[1].String(), "must not match") {
		t.Errorf("failures: %v", fails)
	}
}

func TestLexicon(t *testing.T) {
	lx, err := NewLexicon("t", false, []*Entry{
		{Key: "TTr", Names: []string{"Tờ trình"}, Codes: []string{"TTr", "TTR"}},
		{Key: "TM.", Names: []string{"TM.", "T/M"}},
		{Key: "ha", Names: []string{"ha", "héc ta"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want []string
	}{
		{"theo TỜ TRÌNH số 5", []string{"TTr"}},
		{"T/M ĐẢNG ỦY", []string{"TM."}},
		{"10 ha và 2 héc  ta", []string{"ha", "ha"}},
		{"hạ tầng, hai", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, h := range lx.Find(tc.in) {
			got = append(got, h.Entry.Key)
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("Find(%q): got %v, want %v", tc.in, got, tc.want)
		}
	}
	if e := lx.Code("ttr"); e == nil || e.Key != "TTr" {
		t.Errorf("Code(ttr): got %v", e)
	}
	if h, ok := lx.Before("theo Tờ trình ", len("theo Tờ trình ")); !ok || h.Entry.Key != "TTr" {
		t.Errorf("Before: got %v %v", h, ok)
	}
}
