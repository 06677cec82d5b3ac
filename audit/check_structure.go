package audit

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/reader"
	"github.com/baocao/baocao/rules"
)

func init() {
	Register(Definition{
		Name:     "heading-numbers",
		Category: "structure",
		Doc: `The numbering of headings (DOMAIN.md §6.2: Phần → A. → I. → 1. → 1.1. → 1.1.1.): a
number that skips ("2.2.1" right after "2.", "2.3.4" after "2.3.2", "4.4" as the first
under "4."), repeats, or goes back ("4.2" after "4.4"). Phần, Chương, Điều, letters and
Roman numerals restart what is under them, and so does quoted text (an amended article);
a "1." inside a numbered section starts a list of its own, so a one-level number is
reported only right after a multi-level one; appendices (after "Nơi nhận", "PHỤ LỤC") are
numbered afresh.`,
		Situations: map[string]string{"skip": baocao.SevWarning, "repeat": baocao.SevWarning, "order": baocao.SevWarning},
		New:        func(*rules.Compiler, func(any) error) (Check, error) { return headingNumbers{}, nil },
	})
}

type headingNumbers struct{}

func (headingNumbers) Name() string { return "heading-numbers" }

// numbering is the state of the numbering walk.
type numbering struct {
	roman      int    // last Roman numeral in the current part
	romanStyle string // its separator: "." or "-"
	path       []int  // last section number (2 → [2], 2.2.13 → [2 2 13])
	nested     []int  // counters of the lists that restarted at 1 inside the section
	lastLabel  string
}

func (headingNumbers) Run(ctx *Context) []baocao.Finding {
	doc := ctx.Doc()
	var st numbering
	var out []baocao.Finding
	report := func(b baocao.Block, situation, label, want, why string) {
		f, ok := ctx.Finding(situation, b.Span, label, want, "heading %s comes after %s: %s", label, st.lastLabel, why)
		if ok {
			out = append(out, f)
		}
	}
	for _, b := range doc.Blocks {
		text := strings.TrimSpace(b.Span.Of(doc.Text))
		f := vntext.Fold(text[:min(len(text), 24)])
		if strings.HasPrefix(f, "noi nhan") || strings.HasPrefix(f, "phu luc") {
			st = numbering{}
			continue
		}
		label := strings.TrimSpace(b.Label)
		if q := strings.TrimLeft(text, "“\"'"); q != text {
			// quoted text (an amended article, a cited clause) is numbered on its own
			st = numbering{}
			if l, ok := reader.SplitLabel(q); ok && l.Level >= 4 && l.Level <= 7 {
				st.path, st.lastLabel = arabicPath(l.Text), l.Text
			}
			continue
		}
		if (b.Kind != baocao.Heading && b.Kind != baocao.ListItem) || label == "" || strings.HasSuffix(label, ")") {
			continue // "1)", "a)" are lists of their own style
		}
		switch {
		case b.Level == 1 || b.Level == 2: // Phần, Chương, Điều, A.
			st = numbering{lastLabel: label}
			continue
		case b.Level == 3: // Roman
			r := strings.TrimRight(label, ".-/ ")
			style := strings.TrimSpace(strings.TrimPrefix(label, r))
			v := romanValue(r)
			if v == 0 || (len(r) == 1 && strings.ContainsAny(r, "CDLM") && st.roman < 40) {
				st = numbering{lastLabel: label} // a letter that looks Roman ("C.")
				continue
			}
			if st.roman > 0 && style != st.romanStyle {
				continue // "II - Danh mục …": a reference wrapped to the start of a line, not a heading of the sequence
			}
			want := roman(st.roman+1) + style
			switch {
			case st.roman == 0 || v == st.roman+1 || v == 1:
			case v == st.roman:
				report(b, "repeat", label, want, fmt.Sprintf("the number %s is used twice", label))
			case v < st.roman:
				report(b, "order", label, want, fmt.Sprintf("the numbering goes back (%s expected)", want))
			default:
				report(b, "skip", label, want, fmt.Sprintf("the numbering skips %s", want))
			}
			st = numbering{roman: v, romanStyle: style, lastLabel: label}
			continue
		case b.Level < 4 || b.Level > 7:
			continue
		}
		l := arabicPath(label)
		if l == nil {
			continue
		}
		if len(l) == 1 {
			st.single(l[0], label, b, report)
		} else {
			if n := len(st.nested); n > 0 && l[0] == st.nested[n-1] && !fits(st.path, l) && fits([]int{l[0]}, l) {
				st.path = []int{l[0]} // the "list" was the section numbering after all
			}
			st.nested = nil
			st.check(l, label, b, report)
			st.path = l
		}
		st.lastLabel = label
	}
	return out
}

// single takes a one-level number "n.". A list inside a section restarts at 1 and is
// told from the section numbering by its values only, so a number that fits neither is
// reported only where no list can explain it: right after a multi-level number.
func (st *numbering) single(n int, label string, b baocao.Block, report func(baocao.Block, string, string, string, string)) {
	if len(st.path) == 0 {
		st.path = []int{n}
		return
	}
	for i := len(st.nested) - 1; i >= 0; i-- {
		if n == st.nested[i]+1 {
			st.nested = st.nested[:i+1]
			st.nested[i] = n
			return
		}
	}
	switch {
	case n == st.path[0]+1:
		st.path, st.nested = []int{n}, nil
		return
	case n == 1:
		st.nested = append(st.nested, 1)
		return
	case len(st.nested) > 0:
		st.nested[len(st.nested)-1] = n
		return
	}
	if len(st.path) >= 2 {
		want := pathLabel([]int{st.path[0] + 1})
		switch {
		case n == st.path[0]:
			report(b, "repeat", label, want, fmt.Sprintf("the section number %s is used twice", label))
		case n < st.path[0]:
			report(b, "order", label, want, fmt.Sprintf("the numbering goes back (%s expected)", want))
		default:
			report(b, "skip", label, want, fmt.Sprintf("the numbering skips %s", want))
		}
	}
	st.path, st.nested = []int{n}, nil
}

// fits reports whether number l may follow p: the first under it, or the next at some level.
func fits(p, l []int) bool {
	d := len(l)
	for i := 0; i < d-1; i++ {
		if i >= len(p) || l[i] != p[i] {
			return false
		}
	}
	return (d == len(p)+1 && l[d-1] == 1) || (d <= len(p) && l[d-1] == p[d-1]+1)
}

// check compares a multi-level number with the last one.
func (st *numbering) check(l []int, label string, b baocao.Block, report func(baocao.Block, string, string, string, string)) {
	p := st.path
	if len(p) == 0 {
		return
	}
	d := len(l)
	prefix := func(n int) bool {
		if n > len(p) || n > len(l) {
			return false
		}
		for i := 0; i < n; i++ {
			if l[i] != p[i] {
				return false
			}
		}
		return true
	}
	switch {
	case d == len(p)+1 && prefix(d-1) && l[d-1] == 1: // the first under the last
		return
	case d <= len(p) && prefix(d-1) && l[d-1] == p[d-1]+1: // the next at some level
		return
	}
	var want []int
	if d > len(p) || (d == len(p)+1 && prefix(d-1)) {
		want = append(append([]int(nil), p...), 1)
	} else {
		want = append(append([]int(nil), p[:d-1]...), p[d-1]+1)
	}
	w := pathLabel(want)
	switch {
	case d <= len(p) && prefix(d-1) && l[d-1] == p[d-1]:
		report(b, "repeat", label, w, fmt.Sprintf("the number %s is used twice", label))
	case d <= len(p) && prefix(d-1) && l[d-1] < p[d-1]:
		report(b, "order", label, w, fmt.Sprintf("the numbering goes back (%s expected)", w))
	default:
		report(b, "skip", label, w, fmt.Sprintf("the numbering skips %s", w))
	}
}

func arabicPath(label string) []int {
	label = strings.TrimRight(label, ".-/) ")
	var out []int
	for _, p := range strings.Split(label, ".") {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return nil
		}
		out = append(out, n)
	}
	return out
}

func pathLabel(p []int) string {
	var b strings.Builder
	for _, n := range p {
		b.WriteString(strconv.Itoa(n))
		b.WriteByte('.')
	}
	return b.String()
}

func romanValue(s string) int {
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}
	total := 0
	for i := 0; i < len(s); i++ {
		v := vals[s[i]]
		if v == 0 {
			return 0
		}
		if i+1 < len(s) && vals[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	return total
}

func roman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}
