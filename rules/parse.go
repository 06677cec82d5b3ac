package rules

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

var validID = regexp.MustCompile(`^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$`)

// Parse reads the rules of one file. It reports every problem it finds at once, each
// with file:line:column (an ErrorList). Kinds and configurations are checked when the
// rules are compiled into a Pack (see New), which also reports everything at once.
func Parse(file string, data []byte) ([]*Rule, error) {
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, ErrorList{yamlError(file, "", err)}
	}
	var errs ErrorList
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return nil, nil
	}
	top, ok := f.Docs[0].Body.(*ast.MappingNode)
	if !ok {
		return nil, ErrorList{{Pos: posOf(file, f.Docs[0].Body), Msg: "a rule file is a mapping with a 'rules:' list"}}
	}
	var out []*Rule
	seen := map[string]Pos{}
	for _, mv := range top.Values {
		switch key := mv.Key.String(); key {
		case "description", "pack":
			// free text for people
		case "rules":
			seq, ok := mv.Value.(*ast.SequenceNode)
			if !ok {
				errs = append(errs, &Error{Pos: posOf(file, mv.Value), Msg: "'rules' must be a list"})
				continue
			}
			for _, n := range seq.Values {
				r, rerrs := parseRule(file, n)
				errs = append(errs, rerrs...)
				if r == nil {
					continue
				}
				if p, dup := seen[r.ID]; dup {
					errs = append(errs, &Error{Pos: r.Pos, Rule: r.ID, Msg: "duplicate rule id (first at " + p.String() + ")"})
					continue
				}
				seen[r.ID] = r.Pos
				out = append(out, r)
			}
		default:
			errs = append(errs, &Error{Pos: posOf(file, mv.Key), Msg: fmt.Sprintf("unknown top-level field %q (want rules, description)", key)})
		}
	}
	return out, errs.Err()
}

func parseRule(file string, n ast.Node) (*Rule, ErrorList) {
	m, ok := n.(*ast.MappingNode)
	if !ok {
		return nil, ErrorList{{Pos: posOf(file, n), Msg: "a rule is a mapping with id, kind, config, examples"}}
	}
	r := &Rule{Pos: posOf(file, n)}
	var errs ErrorList
	str := func(v ast.Node, field string) string {
		var s string
		if err := yaml.NodeToValue(v, &s); err != nil {
			errs = append(errs, &Error{Pos: posOf(file, v), Msg: field + " must be a string"})
		}
		return s
	}
	for _, mv := range m.Values {
		switch key := mv.Key.String(); key {
		case "id":
			r.ID = str(mv.Value, "id")
		case "kind":
			r.Kind = str(mv.Value, "kind")
		case "doc":
			r.Doc = str(mv.Value, "doc")
		case "disabled":
			if err := yaml.NodeToValue(mv.Value, &r.Disabled); err != nil {
				errs = append(errs, &Error{Pos: posOf(file, mv.Value), Msg: "disabled must be true or false"})
			}
		case "config":
			r.config = mv.Value
		case "examples":
			exs, eerrs := parseExamples(file, mv.Value, false)
			r.Examples, errs = exs, append(errs, eerrs...)
		case "reject":
			exs, eerrs := parseExamples(file, mv.Value, true)
			r.Reject, errs = exs, append(errs, eerrs...)
		default:
			errs = append(errs, &Error{Pos: posOf(file, mv.Key), Msg: fmt.Sprintf("unknown field %q (want id, kind, doc, config, examples, reject, disabled)", key)})
		}
	}
	switch {
	case r.ID == "":
		errs = append(errs, &Error{Pos: r.Pos, Msg: "rule has no id"})
	case !validID.MatchString(r.ID):
		errs = append(errs, &Error{Pos: r.Pos, Rule: r.ID, Msg: "id must be lower case words joined by . _ or - (e.g. date.numeric)"})
	}
	if r.Kind == "" && !r.Disabled {
		errs = append(errs, &Error{Pos: r.Pos, Rule: r.ID, Msg: "rule has no kind"})
	}
	for _, e := range errs {
		if e.Rule == "" {
			e.Rule = r.ID
		}
	}
	if r.ID == "" {
		return nil, errs
	}
	return r, errs
}

func parseExamples(file string, n ast.Node, reject bool) ([]Example, ErrorList) {
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		return nil, ErrorList{{Pos: posOf(file, n), Msg: "examples must be a list"}}
	}
	var out []Example
	var errs ErrorList
	for _, en := range seq.Values {
		ex := Example{Pos: posOf(file, en)}
		if s, ok := en.(*ast.StringNode); ok && reject { // reject entries may be plain strings
			ex.In = s.Value
			out = append(out, ex)
			continue
		}
		var raw struct {
			Name  string           `yaml:"name"`
			In    string           `yaml:"in"`
			Want  []map[string]any `yaml:"want"`
			Exact bool             `yaml:"exact"`
		}
		if err := yaml.NodeToValue(en, &raw, yaml.Strict()); err != nil {
			errs = append(errs, yamlError(file, "", err))
			continue
		}
		if raw.In == "" {
			errs = append(errs, &Error{Pos: ex.Pos, Msg: "example has no input (in:)"})
			continue
		}
		if !reject && len(raw.Want) == 0 {
			errs = append(errs, &Error{Pos: ex.Pos, Msg: "example has no want: list (use reject: for inputs that must not match)"})
			continue
		}
		ex.Name, ex.In, ex.Exact = raw.Name, raw.In, raw.Exact
		for _, w := range raw.Want {
			ex.Want = append(ex.Want, Item(w))
		}
		out = append(out, ex)
	}
	return out, errs
}

// posOf returns the position of a node.
func posOf(file string, n ast.Node) Pos {
	if n == nil {
		return Pos{File: file}
	}
	if m, ok := n.(*ast.MappingNode); ok && !m.IsFlowStyle && len(m.Values) > 0 {
		n = m.Values[0].Key // a block mapping starts at its first key
	}
	if t := n.GetToken(); t != nil && t.Position != nil {
		return Pos{File: file, Line: t.Position.Line, Col: t.Position.Column}
	}
	return Pos{File: file}
}

// yamlError turns a go-yaml error into a positioned Error.
func yamlError(file, rule string, err error) *Error {
	var ye yaml.Error
	if errors.As(err, &ye) {
		var tk *token.Token = ye.GetToken()
		p := Pos{File: file}
		if tk != nil && tk.Position != nil {
			p.Line, p.Col = tk.Position.Line, tk.Position.Column
		}
		return &Error{Pos: p, Rule: rule, Msg: cleanYAMLMessage(ye.GetMessage())}
	}
	return &Error{Pos: Pos{File: file}, Rule: rule, Msg: err.Error()}
}

func cleanYAMLMessage(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "\n"); i >= 0 {
		s = s[:i]
	}
	return s
}
