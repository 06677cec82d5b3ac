package audit

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/rules"
)

// Check is one audit check: it reads the record and the document model of one report and
// returns what does not add up. Checks are registered with Register and configured by
// rules of kind "check"; Context gives them the shared analysis of the document and makes
// findings that carry the rule's severities.
type Check interface {
	// Name is the registered name the rules use ("percent", "breakdown", …).
	Name() string
	// Run returns the check's findings, made with Context.Finding.
	Run(ctx *Context) []baocao.Finding
}

// Definition describes a registered check.
type Definition struct {
	Name string
	// Category is the record's "check" field of its findings: percent, sum, total, date,
	// number_format, consistency, structure.
	Category string
	Doc      string
	// Situations are the cases the check reports, each with its default severity
	// (error, warning, info). A rule retunes them under "severity:", "off" silences one.
	Situations map[string]string
	// New decodes the rule's configuration into the check's options (strictly: decode
	// reports unknown fields with their position), checks them and returns the check. c
	// gives the rules the check builds on (the number format, lexicons).
	New func(c *rules.Compiler, decode func(v any) error) (Check, error)
}

var (
	defMu sync.RWMutex
	defs  = map[string]Definition{}
)

// Register makes a check available to rules of kind "check". Registering a name twice
// panics: it is a programming error.
func Register(d Definition) {
	defMu.Lock()
	defer defMu.Unlock()
	if _, dup := defs[d.Name]; dup {
		panic("audit: check registered twice: " + d.Name)
	}
	for s, sev := range d.Situations {
		if !validSeverity(sev) || sev == off {
			panic(fmt.Sprintf("audit: check %s: situation %s has severity %q", d.Name, s, sev))
		}
	}
	defs[d.Name] = d
}

// Definitions lists the registered checks, sorted by name.
func Definitions() []Definition {
	defMu.RLock()
	defer defMu.RUnlock()
	out := make([]Definition, 0, len(defs))
	for _, d := range defs {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func lookup(name string) (Definition, bool) {
	defMu.RLock()
	defer defMu.RUnlock()
	d, ok := defs[name]
	return d, ok
}

const off = "off"

func validSeverity(s string) bool {
	switch s {
	case baocao.SevError, baocao.SevWarning, baocao.SevInfo, off:
		return true
	}
	return false
}

// severityRank orders severities, most severe first.
func severityRank(s string) int {
	switch s {
	case baocao.SevError:
		return 0
	case baocao.SevWarning:
		return 1
	case baocao.SevInfo:
		return 2
	}
	return 3
}

// AtLeast reports whether severity s is at least min (error ≥ warning ≥ info).
func AtLeast(s, min string) bool { return severityRank(s) <= severityRank(min) }

// Auditor runs the check rules of a pack. It is safe for concurrent use.
type Auditor struct {
	rules []*Rule
}

// New prepares an auditor from the enabled check rules of a compiled pack, in pack order.
func New(p *rules.Pack) *Auditor {
	a := &Auditor{}
	for _, c := range p.OfKind(Kind) {
		if r, ok := c.Matcher.(*Rule); ok {
			a.rules = append(a.rules, r)
		}
	}
	return a
}

var (
	defaultOnce sync.Once
	defaultA    *Auditor
	defaultErr  error
)

// Default returns the auditor of the embedded default pack.
func Default() (*Auditor, error) {
	defaultOnce.Do(func() {
		p, err := rules.Default()
		if err != nil {
			defaultErr = err
			return
		}
		defaultA = New(p)
	})
	return defaultA, defaultErr
}

// Rules returns the check rules the auditor runs.
func (a *Auditor) Rules() []*Rule { return a.rules }

// Run audits one report: rec is its extraction record, doc the document model it was
// extracted from (nil when only the record is at hand: the checks then see one paragraph
// per line of rec.Text). Findings come sorted by position; a check that panics costs only
// its own findings, reported as one error finding naming the rule.
func (a *Auditor) Run(rec *baocao.Record, doc *baocao.Document) []baocao.Finding {
	if doc == nil {
		doc = textDocument(rec.Text)
	}
	an := newAnalysis(rec, doc)
	var out []baocao.Finding
	for _, r := range a.rules {
		out = append(out, r.run(an)...)
	}
	return finish(an, out)
}

// Audit runs the checks and stores their findings in rec.Findings (an empty list when
// everything adds up).
func (a *Auditor) Audit(rec *baocao.Record, doc *baocao.Document) {
	rec.Findings = a.Run(rec, doc)
	if rec.Findings == nil {
		rec.Findings = []baocao.Finding{}
	}
}

func (r *Rule) run(an *analysis) (out []baocao.Finding) {
	ctx := &Context{an: an, rule: r}
	defer func() {
		if p := recover(); p != nil {
			// a bug in one check must not hide the others' findings
			out = []baocao.Finding{{Check: r.def.Category, Severity: baocao.SevError,
				Message: fmt.Sprintf("The check %s failed on this document (%v); its findings are missing.", r.ID, p),
				Origin:  baocao.Origin{Rule: r.ID}}}
		}
	}()
	return r.check.Run(ctx)
}

// finish sorts the findings, drops exact repeats (two rules quoting the same text for
// the same reason), caps the severity of findings that rest on badly read OCR words and
// names the section each finding sits under.
func finish(an *analysis, fs []baocao.Finding) []baocao.Finding {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Span.End != b.Span.End {
			return a.Span.End < b.Span.End
		}
		return severityRank(a.Severity) < severityRank(b.Severity)
	})
	out := fs[:0]
	seen := map[string]bool{}
	for _, f := range fs {
		key := f.Check + "\x00" + f.Message + "\x00" + fmt.Sprint(f.Span)
		if seen[key] {
			continue
		}
		seen[key] = true
		an.ocr(&f)
		if f.Section == "" {
			f.Section = an.section(f.Span.Start)
		}
		out = append(out, f)
	}
	return out
}

// OCRNote is added to the message of a finding whose evidence was read from a scan with
// low confidence: the contradiction may be a misread digit.
const OCRNote = "đọc từ ảnh quét, cần đối chiếu bản gốc"

func (an *analysis) ocr(f *baocao.Finding) {
	c := an.lowConfidence(f.Span)
	if f.Confidence == 0 || (c > 0 && c < f.Confidence) {
		if c > 0 {
			f.Confidence = c
		}
	}
	if f.Confidence == 0 {
		return
	}
	if f.Severity == baocao.SevError {
		f.Severity = baocao.SevWarning
	}
	if !strings.Contains(f.Message, OCRNote) {
		f.Message = strings.TrimSuffix(f.Message, ".") + " (" + OCRNote + ")."
	}
}
