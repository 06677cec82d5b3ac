package render

import (
	"slices"

	"github.com/baocao/baocao"
)

// style is a set of inline styles.
type style uint8

const (
	sBold style = 1 << iota
	sItalic
	sUnderline
	sSup
)

func styleOf(k baocao.MarkKind) style {
	switch k {
	case baocao.Bold:
		return sBold
	case baocao.Italic:
		return sItalic
	case baocao.Underline:
		return sUnderline
	case baocao.Superscript:
		return sSup
	}
	return 0
}

// blockExtra is what lies inside one block besides its text.
type blockExtra struct {
	edits []edit
	notes []int // footnotes whose marker is in the block
	items []int // annotations touching the block
}

// run is a piece of output text with one style and one set of annotations, or a
// footnote reference.
type run struct {
	text  string
	style style
	note  int   // index into Doc.Footnotes + 1 when the run is a footnote reference
	anns  []int // annotations over the run (indexes into Report.items), outermost first
}

// runs cuts span of the text into runs. Canonical citations replace the citations as
// written; with notes, footnote markers ("[1]") become references; with annotate, runs
// carry the annotations over them.
func (r *Report) runs(span baocao.Span, notes, annotate bool) []run {
	doc := r.Doc
	if !validSpan(doc.Text, span) {
		return nil
	}
	var marks []baocao.Mark
	var ex blockExtra
	if bi := doc.BlockAt(span.Start); bi >= 0 {
		marks, ex = doc.Blocks[bi].Marks, r.extra[bi]
	}
	pts := []int{span.Start, span.End}
	add := func(p int) {
		if p > span.Start && p < span.End {
			pts = append(pts, p)
		}
	}
	for _, m := range marks {
		add(m.Span.Start)
		add(m.Span.End)
	}
	var edits []edit
	for _, e := range ex.edits {
		if span.Contains(e.span) {
			edits = append(edits, e)
			add(e.span.Start)
			add(e.span.End)
		}
	}
	var refs []int
	if notes {
		for _, n := range ex.notes {
			if f := doc.Footnotes[n].Ref; span.Contains(f) {
				refs = append(refs, n)
				add(f.Start)
				add(f.End)
			}
		}
	}
	var anns []int
	if annotate {
		for _, a := range ex.items {
			if s := r.items[a].span; s.Overlaps(span) {
				anns = append(anns, a)
				add(s.Start)
				add(s.End)
			}
		}
	}
	slices.Sort(pts)
	pts = slices.Compact(pts)
	var out []run
	for k := 0; k+1 < len(pts); k++ {
		a, b := pts[k], pts[k+1]
		st := styleAt(marks, a)
		if e, ok := within(edits, a); ok {
			if a == e.span.Start {
				out = appendRun(out, run{text: e.repl, style: st, anns: r.covering(anns, e.span)})
			}
			continue
		}
		if n, ok := r.refAt(refs, a); ok {
			if ref := doc.Footnotes[n].Ref; a == ref.Start {
				out = append(out, run{note: n + 1, style: st, anns: r.covering(anns, ref)})
			}
			continue
		}
		out = appendRun(out, run{text: doc.Text[a:b], style: st, anns: r.covering(anns, baocao.Span{Start: a, End: b})})
	}
	return out
}

// partRuns returns the runs of a part, its rejoined blocks separated by a space.
func (r *Report) partRuns(p Part, annotate bool) []run {
	var out []run
	for k, b := range p.Blocks {
		if k > 0 {
			out = appendRun(out, run{text: " "})
		}
		out = append(out, r.runs(trimSpan(r.Doc.Text, r.Doc.Blocks[b].Span), true, annotate)...)
	}
	return out
}

// lineRuns returns the runs of a layout line.
func (r *Report) lineRuns(l Line, annotate bool) []run {
	if l.Fixed != "" {
		return []run{{text: l.Fixed}}
	}
	return r.runs(l.Span, false, annotate)
}

func styleAt(marks []baocao.Mark, at int) style {
	var st style
	for _, m := range marks {
		if m.Span.Start <= at && at < m.Span.End {
			st |= styleOf(m.Kind)
		}
	}
	return st
}

func within(edits []edit, at int) (edit, bool) {
	for _, e := range edits {
		if e.span.Start <= at && at < e.span.End {
			return e, true
		}
	}
	return edit{}, false
}

func (r *Report) refAt(refs []int, at int) (int, bool) {
	for _, n := range refs {
		if f := r.Doc.Footnotes[n].Ref; f.Start <= at && at < f.End {
			return n, true
		}
	}
	return 0, false
}

// covering returns the annotations of anns that cover all of s, outermost first.
func (r *Report) covering(anns []int, s baocao.Span) []int {
	var out []int
	for _, a := range anns {
		if r.items[a].span.Contains(s) {
			out = append(out, a)
		}
	}
	return out
}

// appendRun appends x, merging it into the last run when nothing tells them apart.
func appendRun(out []run, x run) []run {
	if x.text == "" && x.note == 0 {
		return out
	}
	if n := len(out); n > 0 && x.note == 0 && out[n-1].note == 0 && out[n-1].style == x.style && slices.Equal(out[n-1].anns, x.anns) {
		out[n-1].text += x.text
		return out
	}
	return append(out, x)
}
