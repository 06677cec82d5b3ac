package audit

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/reader"
)

// Context is what a check sees while it runs on one report: the record, the document
// model, the analysis every check shares (computed once per report) and the rule that
// configures it.
type Context struct {
	an   *analysis
	rule *Rule
}

// Record is the extraction record being audited.
func (c *Context) Record() *baocao.Record { return c.an.rec }

// Doc is the document model the record was extracted from.
func (c *Context) Doc() *baocao.Document { return c.an.doc }

// Text is the normalized text every span points into.
func (c *Context) Text() string { return c.an.doc.Text }

// RuleID is the id of the running rule.
func (c *Context) RuleID() string { return c.rule.ID }

// Finding makes a finding of the running rule for a situation, quoting span as its
// evidence; ok is false when the rule turns the situation off. The message is one plain
// sentence with the computed and the stated values.
func (c *Context) Finding(situation string, span baocao.Span, stated, expected any, format string, args ...any) (f baocao.Finding, ok bool) {
	sev := c.rule.Severity(situation)
	if sev == off {
		return f, false
	}
	f = baocao.Finding{
		Check:     c.rule.def.Category,
		Severity:  sev,
		Message:   sentence(fmt.Sprintf(format, args...)),
		Text:      quote(span.Of(c.an.doc.Text)),
		Stated:    stated,
		Expected:  expected,
		Situation: situation,
		Origin:    baocao.Origin{Span: span, Rule: c.rule.ID},
	}
	return f, true
}

// Section returns the heading the byte offset off sits under ("" before the first one).
func (c *Context) Section(off int) string { return c.an.section(off) }

// maxQuote is the longest evidence a finding quotes, in characters: a quote longer than a
// few sentences proves nothing.
const maxQuote = 400

func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= maxQuote {
		return s
	}
	n := 0
	for i := range s {
		if n == maxQuote-1 {
			return strings.TrimSpace(s[:i]) + "…"
		}
		n++
	}
	return s
}

// sentence makes a message one sentence: capitalized, ending with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	s = strings.ToUpper(string(r)) + s[n:]
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") {
		s += "."
	}
	return s
}

// analysis is what every check of one run shares, computed when first asked for.
type analysis struct {
	rec  *baocao.Record
	doc  *baocao.Document
	conv extract.Convention

	heads   []heading // section headings in text order
	notes   []baocao.Footnote
	lowConf []baocao.WordConf

	lower      string // the text in lower case ("" until asked, see lowerOf)
	lowerOK    bool
	quantities map[quantityKey][]quantity // see quantitiesOf
	dates      []baocao.Span              // see dateSpans
}

type heading struct {
	span baocao.Span
	text string // filled when a finding first needs it
}

func newAnalysis(rec *baocao.Record, doc *baocao.Document) *analysis {
	an := &analysis{rec: rec, doc: doc, quantities: map[quantityKey][]quantity{}}
	an.conv = detectConvention(doc.Text)
	for _, b := range doc.Blocks {
		if isSectionHeading(b, b.Span.Of(doc.Text)) {
			an.heads = append(an.heads, heading{span: b.Span})
		}
	}
	an.notes = doc.Footnotes
	for _, p := range doc.Pages {
		an.lowConf = append(an.lowConf, p.LowConf...)
	}
	sort.Slice(an.lowConf, func(i, j int) bool { return an.lowConf[i].Span.Start < an.lowConf[j].Span.Start })
	return an
}

// isSectionHeading: a heading or list item numbered as a section (Phần I, A., II., 2.,
// 2.2.7.: a long one is read as a list item), or an unnumbered title in capitals (an
// appendix's); bullets ("-", "+", "*") and short bold lines (the signature block) are not.
func isSectionHeading(b baocao.Block, text string) bool {
	switch b.Kind {
	case baocao.Heading, baocao.ListItem:
		if b.Label != "" {
			return b.Level >= 1 && b.Level <= 7
		}
		return b.Kind == baocao.Heading && vntext.UpperLetters(text) > 3 && len(strings.Fields(text)) >= 4
	}
	return false
}

func headingText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 100 {
		n := 0
		for i := range s {
			if n == 99 {
				return strings.TrimSpace(s[:i]) + "…"
			}
			n++
		}
	}
	return s
}

// section returns the heading that byte offset off sits under; an offset inside a
// footnote's text is placed where the note's marker is.
func (an *analysis) section(off int) string {
	for _, n := range an.notes {
		if n.Span.Start <= off && off < n.Span.End && !n.Ref.IsZero() {
			off = n.Ref.Start
			break
		}
	}
	i := sort.Search(len(an.heads), func(i int) bool { return an.heads[i].span.Start > off })
	if i == 0 {
		return ""
	}
	h := &an.heads[i-1]
	if h.text == "" {
		h.text = headingText(h.span.Of(an.doc.Text))
	}
	return h.text
}

// lowConfidence returns the lowest confidence of the OCR words span touches, 0 when none.
func (an *analysis) lowConfidence(span baocao.Span) float64 {
	low := an.lowConf
	i := sort.Search(len(low), func(i int) bool { return low[i].Span.End > span.Start })
	c := 0.0
	for ; i < len(low) && low[i].Span.Start < span.End; i++ {
		if c == 0 || low[i].Confidence < c {
			c = low[i].Confidence
		}
	}
	return c
}

// detectConvention returns the number convention of the document (DOMAIN.md §4): English
// only when its unambiguous English numbers outnumber the Vietnamese ones ("53.6",
// "5,000,000" against "71,14", "1.438.337"). Extraction decides the same way but does
// not put its verdict in the record. One pass over the number tokens.
func detectConvention(text string) extract.Convention {
	vi, en := 0, 0
	for i := 0; i < len(text) && vi+en < 400; i++ {
		if !isDigit(text[i]) || (i > 0 && (isDigit(text[i-1]) || text[i-1] == '.' || text[i-1] == ',')) {
			continue
		}
		j := i
		for j < len(text) && (isDigit(text[j]) || (text[j] == '.' || text[j] == ',') && j+1 < len(text) && isDigit(text[j+1])) {
			j++
		}
		switch numberStyle(text[i:j]) {
		case 'v':
			vi++
		case 'e':
			en++
		}
		i = j
	}
	if en > vi {
		return extract.ConvEN
	}
	return extract.ConvVI
}

// numberStyle says which convention a number token can only be written in: 'v' for
// "71,14" and "1.438.337", 'e' for "53.6" and "5,000,000", 0 when either.
func numberStyle(tok string) byte {
	dots, commas := strings.Count(tok, "."), strings.Count(tok, ",")
	groups := func(sep string) bool {
		parts := strings.Split(tok, sep)
		if len(parts[0]) > 3 {
			return false
		}
		for _, p := range parts[1:] {
			if len(p) != 3 {
				return false
			}
		}
		return true
	}
	last := func(sep string) int { return len(tok) - strings.LastIndex(tok, sep) - 1 }
	switch {
	case commas == 0 && dots >= 2 && groups("."), commas == 1 && dots == 0 && last(",") <= 2:
		return 'v'
	case dots == 0 && commas >= 2 && groups(","), dots == 1 && commas == 0 && last(".") <= 2:
		return 'e'
	case dots >= 1 && commas == 1 && strings.LastIndex(tok, ",") > strings.LastIndex(tok, "."):
		return 'v' // "1.438,5"
	case commas >= 1 && dots == 1 && strings.LastIndex(tok, ".") > strings.LastIndex(tok, ","):
		return 'e' // "1,438.5"
	}
	return 0
}

// textDocument makes a document model from a record's text alone: one block per line,
// headings and list items recognized by their labels.
func textDocument(text string) *baocao.Document {
	doc := &baocao.Document{Text: text}
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		l := strings.TrimSuffix(line, "\n")
		if strings.TrimSpace(l) != "" {
			kind, lab := reader.Classify(l, false)
			doc.Blocks = append(doc.Blocks, baocao.Block{Kind: kind, Span: baocao.Span{Start: off, End: off + len(l)},
				Label: lab.Text, Level: lab.Level})
		}
		off += len(line)
	}
	return doc
}
