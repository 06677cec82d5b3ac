package rules

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"
)

// The default Vietnamese pack, one file per concern.
//
//go:embed vi/*.yaml
var defaultFS embed.FS

// Pack is a compiled set of rules: the default pack, with users' files merged over it
// (a rule with an existing id replaces it in place, a new id extends the pack).
type Pack struct {
	rules    []*Rule
	byID     map[string]*Rule
	matchers map[string]Matcher
}

// Rules returns the pack's rules in order (disabled ones included).
func (p *Pack) Rules() []*Rule { return p.rules }

// Rule returns the rule with id.
func (p *Pack) Rule(id string) (*Rule, bool) {
	r, ok := p.byID[id]
	return r, ok
}

// Matcher returns the compiled matcher of rule id, or nil when there is none (unknown or
// disabled).
func (p *Pack) Matcher(id string) Matcher { return p.matchers[id] }

// OfKind returns the enabled rules of a kind, in pack order, with their matchers.
func (p *Pack) OfKind(kind string) []Compiled {
	var out []Compiled
	for _, r := range p.rules {
		if r.Kind == kind && !r.Disabled {
			if m := p.matchers[r.ID]; m != nil {
				out = append(out, Compiled{Rule: r, Matcher: m})
			}
		}
	}
	return out
}

// Compiled is a rule with its matcher.
type Compiled struct {
	Rule    *Rule
	Matcher Matcher
}

// Compiler compiles the rules of a pack; a kind's constructor uses it to reach the rules
// it builds on (a reference rule uses the document-type rule, for instance).
type Compiler struct {
	pack     *Pack
	busy     map[string]bool
	errs     ErrorList
	failed   map[string]bool
	current  *Rule
	decoders map[string]func(v any) error
}

// Require returns the matcher of rule id, compiling it first if needed. The error names
// the rule that asked for it when id is missing, disabled, failed or circular.
func (c *Compiler) Require(id string) (Matcher, error) {
	if m, ok := c.pack.matchers[id]; ok {
		return m, nil
	}
	r, ok := c.pack.byID[id]
	switch {
	case !ok:
		return nil, fmt.Errorf("needs rule %q, which is not in the pack", id)
	case r.Disabled:
		return nil, fmt.Errorf("needs rule %q, which is disabled", id)
	case c.busy[id]:
		return nil, fmt.Errorf("rules %q and %q need each other", c.current.ID, id)
	case c.failed[id]:
		return nil, fmt.Errorf("needs rule %q, which has errors", id)
	}
	if !c.compile(r) {
		return nil, fmt.Errorf("needs rule %q, which has errors", id)
	}
	return c.pack.matchers[id], nil
}

func (c *Compiler) compile(r *Rule) bool {
	if _, done := c.pack.matchers[r.ID]; done {
		return true
	}
	if c.failed[r.ID] {
		return false
	}
	k, ok := lookupKind(r.Kind)
	if !ok {
		c.fail(r, r.Pos, fmt.Sprintf("unknown kind %q (known: %s)", r.Kind, kindNames()))
		return false
	}
	prev := c.current
	c.current = r
	c.busy[r.ID] = true
	defer func() { c.busy[r.ID] = false; c.current = prev }()
	file := r.Pos.File
	decode := func(v any) error {
		if r.config == nil {
			return nil
		}
		if err := yaml.NodeToValue(r.config, v, yaml.Strict()); err != nil {
			return &decodeError{yamlError(file, r.ID, err)}
		}
		return nil
	}
	m, err := k.Compile(c, r, decode)
	if err != nil {
		if de, ok := err.(*decodeError); ok {
			c.errs = append(c.errs, de.e)
			c.failed[r.ID] = true
			return false
		}
		c.fail(r, posOfConfig(r), err.Error())
		return false
	}
	c.pack.matchers[r.ID] = m
	return true
}

type decodeError struct{ e *Error }

func (d *decodeError) Error() string { return d.e.Error() }

func (c *Compiler) fail(r *Rule, p Pos, msg string) {
	c.failed[r.ID] = true
	c.errs = append(c.errs, &Error{Pos: p, Rule: r.ID, Msg: msg})
}

func posOfConfig(r *Rule) Pos {
	if r.config != nil {
		return posOf(r.Pos.File, r.config)
	}
	return r.Pos
}

func kindNames() string {
	var names []string
	for _, k := range Kinds() {
		names = append(names, k.Name)
	}
	return strings.Join(names, ", ")
}

// New merges rule sets in order (a later rule with the same id replaces the earlier one
// in its place; a new id is appended) and compiles every enabled rule. All problems are
// reported at once as an ErrorList.
func New(sets ...[]*Rule) (*Pack, error) {
	p := &Pack{byID: map[string]*Rule{}, matchers: map[string]Matcher{}}
	for _, set := range sets {
		for _, r := range set {
			if old, ok := p.byID[r.ID]; ok {
				for i := range p.rules {
					if p.rules[i] == old {
						p.rules[i] = r
					}
				}
			} else {
				p.rules = append(p.rules, r)
			}
			p.byID[r.ID] = r
		}
	}
	c := &Compiler{pack: p, busy: map[string]bool{}, failed: map[string]bool{}}
	for _, r := range p.rules {
		if !r.Disabled {
			c.compile(r)
		}
	}
	if err := c.errs.Err(); err != nil {
		return nil, err
	}
	return p, nil
}

// extraDefaults are rule folders other packages add to the default pack (package audit
// adds its checks), so a pack never names a kind whose package is not linked in.
var (
	extraMu       sync.Mutex
	extraDefaults []extraFS
)

type extraFS struct {
	fsys fs.FS
	dir  string
}

// AddDefaults adds the *.yaml files of dir in fsys to the default pack. Call it from an
// init function, before Default is first used.
func AddDefaults(fsys fs.FS, dir string) {
	extraMu.Lock()
	defer extraMu.Unlock()
	extraDefaults = append(extraDefaults, extraFS{fsys, dir})
}

// DefaultRules parses the embedded Vietnamese pack and the rules other packages added.
func DefaultRules() ([]*Rule, error) {
	all, err := parseFS(defaultFS, "vi")
	if err != nil {
		return nil, err
	}
	extraMu.Lock()
	extras := append([]extraFS(nil), extraDefaults...)
	extraMu.Unlock()
	for _, e := range extras {
		rs, err := parseFS(e.fsys, e.dir)
		if err != nil {
			return nil, err
		}
		all = append(all, rs...)
	}
	return all, nil
}

func parseFS(fsys fs.FS, dir string) ([]*Rule, error) {
	names, err := fs.Glob(fsys, dir+"/*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var all []*Rule
	var errs ErrorList
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		rs, err := Parse(n, data)
		if el, ok := err.(ErrorList); ok {
			errs = append(errs, el...)
		} else if err != nil {
			return nil, err
		}
		all = append(all, rs...)
	}
	return all, errs.Err()
}

var (
	defaultOnce sync.Once
	defaultPack *Pack
	defaultErr  error
)

// Default returns the compiled default pack (compiled once). The kinds it uses must be
// registered first: import package extract.
func Default() (*Pack, error) {
	defaultOnce.Do(func() {
		rs, err := DefaultRules()
		if err != nil {
			defaultErr = err
			return
		}
		defaultPack, defaultErr = New(rs)
	})
	return defaultPack, defaultErr
}

// ParseFiles parses users' rule files; a directory stands for its *.yaml files.
func ParseFiles(paths ...string) ([]*Rule, error) {
	var all []*Rule
	var errs ErrorList
	for _, p := range paths {
		files := []string{p}
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			files, _ = filepath.Glob(filepath.Join(p, "*.yaml"))
			more, _ := filepath.Glob(filepath.Join(p, "*.yml"))
			files = append(files, more...)
			sort.Strings(files)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				errs = append(errs, &Error{Pos: Pos{File: f}, Msg: err.Error()})
				continue
			}
			rs, err := Parse(f, data)
			if el, ok := err.(ErrorList); ok {
				errs = append(errs, el...)
			} else if err != nil {
				errs = append(errs, &Error{Pos: Pos{File: f}, Msg: err.Error()})
			}
			all = append(all, rs...)
		}
	}
	return all, errs.Err()
}

// Load returns the default pack with the given users' files (and folders) merged over
// it. With no paths it is Default.
func Load(paths ...string) (*Pack, error) {
	if len(paths) == 0 {
		return Default()
	}
	def, err := DefaultRules()
	if err != nil {
		return nil, err
	}
	user, err := ParseFiles(paths...)
	if err != nil {
		return nil, err
	}
	return New(def, user)
}

// UserDir is the folder whose *.yaml files are merged over the default pack when it
// exists: $BAOCAO_RULES, else the user's config folder + /baocao/rules.
func UserDir() string {
	if d := os.Getenv("BAOCAO_RULES"); d != "" {
		return d
	}
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "baocao", "rules")
	}
	return ""
}
