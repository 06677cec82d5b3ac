package rules

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/goccy/go-yaml/ast"
)

// Rule is one rule as written in a rule file.
type Rule struct {
	ID       string
	Kind     string
	Doc      string
	Disabled bool
	Examples []Example
	Reject   []Example // inputs the rule must not match
	Pos      Pos       // where the rule starts

	config ast.Node // the rule's configuration, decoded by its kind
}

// Example is an input and the items a rule must produce from it.
type Example struct {
	Name  string
	In    string
	Want  []Item
	Exact bool // the rule must produce exactly the wanted items, no more
	Pos   Pos
}

// Item is a produced item as field → value, the form examples are written in.
type Item map[string]any

// Pos is a position in a rule file.
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Matcher is a compiled rule. Each kind has its own matcher type with the methods the
// extractor needs; Run is what every kind shares: it runs the rule alone on an example
// input and returns the items it produces.
type Matcher interface {
	Run(in string) []Item
}

// Kind is a registered rule kind: a name and a constructor that checks its
// configuration and compiles it.
type Kind struct {
	Name string
	Doc  string
	// Compile decodes the configuration with decode (strict: unknown fields are errors
	// with their position), checks it, and returns the matcher. It may ask c for the
	// matchers of other rules it builds on.
	Compile func(c *Compiler, r *Rule, decode func(v any) error) (Matcher, error)
}

var (
	kindMu sync.RWMutex
	kinds  = map[string]Kind{}
)

// RegisterKind makes a kind available to rule files. Registering a name twice panics:
// it is a programming error.
func RegisterKind(k Kind) {
	kindMu.Lock()
	defer kindMu.Unlock()
	if _, dup := kinds[k.Name]; dup {
		panic("rules: kind registered twice: " + k.Name)
	}
	kinds[k.Name] = k
}

// Kinds lists the registered kinds, sorted by name.
func Kinds() []Kind {
	kindMu.RLock()
	defer kindMu.RUnlock()
	out := make([]Kind, 0, len(kinds))
	for _, k := range kinds {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func lookupKind(name string) (Kind, bool) {
	kindMu.RLock()
	defer kindMu.RUnlock()
	k, ok := kinds[name]
	return k, ok
}

// Error is one problem in a rule file, with its position.
type Error struct {
	Pos  Pos
	Rule string // rule id, when known
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Pos.String())
	b.WriteString(": ")
	if e.Rule != "" {
		b.WriteString("rule ")
		b.WriteString(e.Rule)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is every problem found, sorted by position (like go/scanner.ErrorList).
type ErrorList []*Error

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

func (l ErrorList) sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Err returns l as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.sort()
	return l
}
