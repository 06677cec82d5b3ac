package reader

import (
	"strings"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
	"golang.org/x/text/unicode/norm"
)

// Builder assembles a Document: readers add paragraphs, tables, notes and page
// boundaries in reading order; the builder normalizes the text (vntext.Normalize, spaces
// collapsed), lays blocks out one per line ("\n" between blocks, "\t" between table
// cells), and keeps every span right. Footnote texts are written after the body, in the
// order of their first reference, as "[n] text"; page furniture after them.
type Builder struct {
	text   []byte
	blocks []baocao.Block
	pages  []baocao.Page

	notes     map[string]*noteBuf // by source key
	noteOrder []string            // keys in order of first reference, then of definition
	nextNote  int

	furniture []string
	seenFurn  map[string]bool
	warnings  []string
	encoding  string
	page      int
	cellMarks []baocao.Mark // marks of the cells of the table being laid out
}

type noteBuf struct {
	label string // shown number
	kind  string
	text  string
	refs  []baocao.Span
	def   bool
}

// NewBuilder returns an empty builder.
func NewBuilder() *Builder {
	return &Builder{notes: map[string]*noteBuf{}, seenFurn: map[string]bool{}}
}

// StartPage begins source page n (1-based): the text added after it belongs to it.
func (b *Builder) StartPage(n int, src baocao.PageSource) *baocao.Page {
	b.closePage()
	b.page = n
	b.pages = append(b.pages, baocao.Page{Number: n, Source: src, Span: baocao.Span{Start: len(b.text), End: len(b.text)}})
	return &b.pages[len(b.pages)-1]
}

// CurrentPage returns the page being built, or nil before the first StartPage.
func (b *Builder) CurrentPage() *baocao.Page {
	if len(b.pages) == 0 {
		return nil
	}
	return &b.pages[len(b.pages)-1]
}

func (b *Builder) closePage() {
	if len(b.pages) > 0 {
		b.pages[len(b.pages)-1].Span.End = len(b.text)
	}
}

// Offset is the length of the text so far: the offset the next block will start at
// (plus one for the separating newline when blocks exist).
func (b *Builder) Offset() int { return len(b.text) }

// Warn records a warning for the document.
func (b *Builder) Warn(msg string) { b.warnings = append(b.warnings, msg) }

// SetEncoding records the legacy conversion that was applied.
func (b *Builder) SetEncoding(enc string) { b.encoding = enc }

// Para starts a paragraph-like block (Heading, Paragraph, ListItem). Add text to it and
// finish it with End.
func (b *Builder) Para(kind baocao.BlockKind) *Para {
	return &Para{b: b, Kind: kind}
}

// Para is a paragraph being built.
type Para struct {
	b     *Builder
	Kind  baocao.BlockKind
	Label string
	Level int
	Style string
	Align string

	buf   []byte
	marks []baocao.Mark
	refs  []pendingRef
}

type pendingRef struct {
	key   string
	start int // offset in buf
	end   int
}

// Add appends text with optional inline styles. The text is normalized; runs of spaces
// collapse to one (also across calls), newlines become spaces, tabs are kept.
func (p *Para) Add(text string, marks ...baocao.MarkKind) {
	if text == "" {
		return
	}
	text = vntext.Normalize(text)
	start := len(p.buf)
	for i := 0; i < len(text); {
		c := text[i]
		if c == '\n' || c == '\r' {
			c = ' '
		}
		if c == ' ' {
			if len(p.buf) == 0 || p.buf[len(p.buf)-1] == ' ' || p.buf[len(p.buf)-1] == '\t' {
				i++
				continue
			}
			p.buf = append(p.buf, ' ')
			i++
			continue
		}
		if c == '\t' {
			if len(p.buf) > 0 && p.buf[len(p.buf)-1] == ' ' {
				p.buf = p.buf[:len(p.buf)-1]
			}
			p.buf = append(p.buf, '\t')
			i++
			continue
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		p.buf = append(p.buf, text[i:i+n]...)
		i += n
	}
	if len(p.buf) > start {
		for _, k := range marks {
			p.addMark(baocao.Mark{Kind: k, Span: baocao.Span{Start: start, End: len(p.buf)}})
		}
	}
}

// addMark merges a mark with the previous one of the same kind when they touch.
// Marks arrive in text order, so only the last mark of the kind can touch: stopping
// there keeps a paragraph with many marks linear.
func (p *Para) addMark(m baocao.Mark) {
	for i := len(p.marks) - 1; i >= 0; i-- {
		if p.marks[i].Kind != m.Kind {
			continue
		}
		if p.marks[i].Span.End >= m.Span.Start-1 {
			p.marks[i].Span.End = m.Span.End
			return
		}
		break
	}
	p.marks = append(p.marks, m)
}

// NoteRef appends the reference marker of a footnote: "[n]". key identifies the note in
// the source (the DOCX footnote id, the TXT marker digit); label is the number the
// document shows, or "" to number notes 1, 2, … in order of first reference.
func (p *Para) NoteRef(key, label string) {
	n := p.b.note(key)
	if n.label == "" {
		if label == "" {
			p.b.nextNote++
			label = itoa(p.b.nextNote)
		}
		n.label = label
	}
	start := len(p.buf)
	p.buf = append(p.buf, '[')
	p.buf = append(p.buf, n.label...)
	p.buf = append(p.buf, ']')
	p.refs = append(p.refs, pendingRef{key: key, start: start, end: len(p.buf)})
}

// Len is the length of the paragraph's text so far.
func (p *Para) Len() int { return len(p.buf) }

// String returns the paragraph's text so far.
func (p *Para) String() string { return string(p.buf) }

// End adds the paragraph to the document. An empty paragraph adds nothing.
func (p *Para) End() {
	p.b.addPara(p, false)
}

func (b *Builder) note(key string) *noteBuf {
	n, ok := b.notes[key]
	if !ok {
		n = &noteBuf{kind: "footnote"}
		b.notes[key] = n
		b.noteOrder = append(b.noteOrder, key)
	}
	return n
}

// addPara appends p's text (trimmed) as one line and returns its span.
func (b *Builder) addPara(p *Para, inCell bool) (baocao.Span, bool) {
	buf := p.buf
	// trim trailing and leading blanks, shifting marks and refs
	lead := 0
	for lead < len(buf) && (buf[lead] == ' ' || buf[lead] == '\t') {
		lead++
	}
	end := len(buf)
	for end > lead && (buf[end-1] == ' ' || buf[end-1] == '\t') {
		end--
	}
	if end <= lead {
		return baocao.Span{}, false
	}
	s := string(buf[lead:end])
	marks, refs := p.marks, p.refs
	if !norm.NFC.IsNormalString(s) { // a combining mark began a run: normalize across runs
		s = norm.NFC.String(s)
		marks = nil
		refs = relocateRefs(s, p.refs, b)
		lead = 0
	}
	if !inCell && len(b.text) > 0 {
		b.text = append(b.text, '\n')
	}
	base := len(b.text)
	b.text = append(b.text, s...)
	span := baocao.Span{Start: base, End: len(b.text)}
	shift := func(o int) int { return min(max(o-lead, 0), len(s)) + base }
	var ms []baocao.Mark
	for _, m := range marks {
		m.Span = baocao.Span{Start: shift(m.Span.Start), End: shift(m.Span.End)}
		if !m.Span.IsZero() {
			ms = append(ms, m)
		}
	}
	for _, r := range refs {
		n := b.notes[r.key]
		n.refs = append(n.refs, baocao.Span{Start: shift(r.start), End: shift(r.end)})
	}
	if !inCell {
		b.blocks = append(b.blocks, baocao.Block{
			Kind: p.Kind, Span: span, Label: p.Label, Level: p.Level, Style: p.Style,
			Align: p.Align, Page: b.page, Marks: ms,
		})
	} else if len(ms) > 0 {
		b.cellMarks = append(b.cellMarks, ms...)
	}
	return span, true
}

// relocateRefs finds the markers again after re-normalization changed offsets.
func relocateRefs(s string, refs []pendingRef, b *Builder) []pendingRef {
	var out []pendingRef
	from := 0
	for _, r := range refs {
		m := "[" + b.notes[r.key].label + "]"
		if i := strings.Index(s[from:], m); i >= 0 {
			out = append(out, pendingRef{key: r.key, start: from + i, end: from + i + len(m)})
			from += i + len(m)
		}
	}
	return out
}

// Footnote records the text of note key (paragraphs joined by a space). kind is
// "footnote" or "endnote". A note never referenced in the body is still kept.
func (b *Builder) Footnote(key, kind, text string) {
	n := b.note(key)
	if kind != "" {
		n.kind = kind
	}
	t := vntext.CollapseSpaces(strings.Join(strings.Fields(vntext.Normalize(text)), " "))
	if n.def && n.text != "" {
		n.text += " " + t
	} else {
		n.text = t
	}
	n.def = true
}

// Furniture records a page header or footer text; repeated texts are kept once.
func (b *Builder) Furniture(text string) {
	t := vntext.CollapseSpaces(strings.Join(strings.Fields(vntext.Normalize(text)), " "))
	if t == "" || b.seenFurn[t] {
		return
	}
	b.seenFurn[t] = true
	b.furniture = append(b.furniture, t)
}

// Document finishes the document. The builder must not be used afterwards.
func (b *Builder) Document(format string) *baocao.Document {
	b.closePage()
	doc := &baocao.Document{Source: baocao.Source{Format: format}}
	// notes after the body, in order of first reference, unreferenced ones last
	order := make([]string, 0, len(b.noteOrder))
	for _, k := range b.noteOrder {
		if len(b.notes[k].refs) > 0 {
			order = append(order, k)
		}
	}
	for _, k := range b.noteOrder {
		if len(b.notes[k].refs) == 0 {
			order = append(order, k)
		}
	}
	for _, k := range order {
		n := b.notes[k]
		if !n.def {
			b.warnings = append(b.warnings, "footnote ["+n.label+"] is referenced but its text was not found")
			continue
		}
		if n.label == "" {
			b.nextNote++
			n.label = itoa(b.nextNote)
		}
		if len(b.text) > 0 {
			b.text = append(b.text, '\n')
		}
		start := len(b.text)
		b.text = append(b.text, "["+n.label+"] "...)
		ts := len(b.text)
		b.text = append(b.text, n.text...)
		fn := baocao.Footnote{ID: n.label, Kind: n.kind, Span: baocao.Span{Start: ts, End: len(b.text)}}
		if len(n.refs) > 0 {
			fn.Ref = n.refs[0]
		}
		doc.Footnotes = append(doc.Footnotes, fn)
		b.blocks = append(b.blocks, baocao.Block{Kind: baocao.Note, Span: baocao.Span{Start: start, End: len(b.text)}, Label: "[" + n.label + "]", Note: n.label})
	}
	for _, f := range b.furniture {
		if len(b.text) > 0 {
			b.text = append(b.text, '\n')
		}
		start := len(b.text)
		b.text = append(b.text, f...)
		b.blocks = append(b.blocks, baocao.Block{Kind: baocao.Furniture, Span: baocao.Span{Start: start, End: len(b.text)}})
	}
	doc.Text = string(b.text)
	doc.Blocks = b.blocks
	doc.Pages = b.pages
	doc.Source.Pages = len(b.pages)
	doc.Encoding = b.encoding
	doc.Warnings = b.warnings
	return doc
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d [20]byte
	i := len(d)
	for n > 0 {
		i--
		d[i] = byte('0' + n%10)
		n /= 10
	}
	return string(d[i:])
}
