package render

import (
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/baocao/baocao"
)

// htmlCSS lays the page out as Nghị định 30/2020 Phụ lục I does: A4, the decree's
// margins, Times New Roman 13–14 pt.
const htmlCSS = `@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.3; color: #000; background: #fff; }
article.report { max-width: 165mm; margin: 1em auto; }
table.header, table.closing { width: 100%; border-collapse: collapse; margin: 0 0 6pt; }
table.header td, table.closing td { border: none; padding: 0 2pt; vertical-align: top; }
table.header td { text-align: center; }
td.issuer { width: 40%; font-size: 13pt; }
td.issuer p { margin: 0; font-weight: bold; }
td.issuer p.parent { font-weight: normal; }
td.nation p { margin: 0; font-weight: bold; }
td.nation p.quoc-hieu { font-size: 13pt; }
td.number { font-size: 13pt; padding-top: 6pt; }
td.number p, td.date p { margin: 0; }
td.number p.abstract { font-size: 12pt; }
td.date { font-style: italic; padding-top: 6pt; }
hr.rule { border: 0; border-top: 1px solid #000; margin: 2pt auto 4pt; }
td.issuer hr.rule { width: 35%; }
td.nation hr.rule { width: 65%; }
p.mark { text-align: center; font-weight: bold; margin: 6pt 0 0; }
h1.type { text-align: center; font-size: 14pt; font-weight: bold; margin: 12pt 0 0; }
p.subject { text-align: center; font-weight: bold; margin: 0; }
hr.subject-rule { width: 30%; }
div.body p, section.appendix p, div.preamble p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
div.body h2, div.body h3, div.body h4, div.body h5, div.body h6,
section.appendix h2, section.appendix h3, section.appendix h4, section.appendix h5, section.appendix h6 {
  font-size: 14pt; font-weight: bold; text-indent: 1cm; margin: 6pt 0; text-align: justify; }
table.grid { border-collapse: collapse; width: 100%; font-size: 13pt; margin: 6pt 0; }
table.grid td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; text-indent: 0; }
td.recipients { width: 50%; }
td.recipients p { margin: 0; font-size: 11pt; }
td.recipients p.label { font-size: 12pt; font-weight: bold; font-style: italic; }
td.signature { text-align: center; }
td.signature p { margin: 0; font-weight: bold; }
td.signature p.signed { font-weight: normal; font-style: italic; }
td.signature p.name { margin-top: 60pt; }
section.appendix { break-before: page; }
section.footnotes, section.findings { font-size: 12pt; margin-top: 24pt; border-top: 1px solid #000; }
section.findings h2 { font-size: 13pt; }
.tab { white-space: pre; }
mark.ann { background: #fff2a8; color: inherit; }
mark.date { background: #e6e6e6; }
mark.indicator { background: #cdeeff; }
mark.commendation { background: #d5f5cc; }
mark.finding { background: #ffd9d9; border-bottom: 2px solid #c00; }
mark.finding.warning { background: #ffe9cc; border-color: #d80; }
mark.finding.info { background: #dde8ff; border-color: #36c; }
li.error { color: #a00; } li.warning { color: #a60; }
`

// writeHTML writes the report as one HTML5 page. Every text of the document is
// escaped: a "<script>" in a report stays text.
func (r *Report) writeHTML(w io.Writer, annotate bool) error {
	out := newErrWriter(w)
	h := &htmlWriter{r: r, w: out, annotate: annotate, ranks: r.headingRanks(), seen: map[int]bool{}}
	out.str("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>", esc(r.title()),
		"</title>\n<style>\n", htmlCSS, "</style>\n</head>\n<body>\n<article class=\"report\">\n")
	if len(r.Preamble) > 0 {
		out.str("<div class=\"preamble\">\n")
		for _, p := range r.Preamble {
			h.part(p)
		}
		out.str("</div>\n")
	}
	h.header()
	out.str("<div class=\"body\">\n")
	for _, p := range r.Body {
		h.part(p)
	}
	out.str("</div>\n")
	h.closing()
	if len(r.Appendix) > 0 {
		out.str("<section class=\"appendix\">\n")
		for _, p := range r.Appendix {
			h.part(p)
		}
		out.str("</section>\n")
	}
	for _, n := range r.Loose {
		f := r.Doc.Footnotes[n]
		out.str("<p class=\"loose-note\" id=\"fn-", strconv.Itoa(n+1), "\">[", esc(f.ID), "] ", h.inline(r.runs(f.Span, false, annotate)), "</p>\n")
	}
	h.footnotes()
	if annotate {
		h.findings()
	}
	out.str("</article>\n</body>\n</html>\n")
	return out.flush()
}

// title is what names the report: its type and trích yếu, else its file.
func (r *Report) title() string {
	var parts []string
	for _, l := range append(append([]Line{}, r.Type...), r.Subject...) {
		parts = append(parts, r.lineText(l))
	}
	if t := strings.Join(parts, " - "); t != "" {
		return t
	}
	if r.Doc.Source.Path != "" {
		return r.Doc.Source.Path
	}
	return "Báo cáo"
}

// lineText is a layout line's text as written.
func (r *Report) lineText(l Line) string {
	if l.Fixed != "" {
		return l.Fixed
	}
	return l.Span.Of(r.Doc.Text)
}

type htmlWriter struct {
	r        *Report
	w        *errWriter
	annotate bool
	ranks    map[int]int
	seen     map[int]bool // annotations whose first piece was written (it carries the id)
}

func (h *htmlWriter) header() {
	r := h.r
	h.w.str("<table class=\"header\">\n<tr><td class=\"issuer\">")
	for _, l := range r.Issuer {
		class := ""
		if l.Role == RoleParent {
			class = " class=\"parent\""
		}
		h.w.str("<p", class, ">", h.inline(r.lineRuns(l, h.annotate)), "</p>")
	}
	if len(r.Issuer) > 0 {
		h.w.str("<hr class=\"rule\">")
	}
	h.w.str("</td><td class=\"nation\">")
	for _, l := range r.Nation {
		class := "tieu-ngu"
		if t := r.lineText(l); reQuocHieu.MatchString(t) || reDang.MatchString(t) {
			class = "quoc-hieu"
		}
		h.w.str("<p class=\"", class, "\">", h.inline(r.lineRuns(l, h.annotate)), "</p>")
	}
	h.w.str("<hr class=\"rule\"></td></tr>\n")
	if len(r.Number)+len(r.Abstract)+len(r.DateLine) > 0 {
		h.w.str("<tr><td class=\"number\">")
		for _, l := range r.Number {
			h.w.str("<p>", h.inline(r.lineRuns(l, h.annotate)), "</p>")
		}
		for _, l := range r.Abstract {
			h.w.str("<p class=\"abstract\">", h.inline(r.lineRuns(l, h.annotate)), "</p>")
		}
		h.w.str("</td><td class=\"date\">")
		for _, l := range r.DateLine {
			h.w.str("<p>", h.inline(r.lineRuns(l, h.annotate)), "</p>")
		}
		h.w.str("</td></tr>\n")
	}
	h.w.str("</table>\n")
	for _, l := range r.Marks {
		h.w.str("<p class=\"mark\">", h.inline(r.lineRuns(l, h.annotate)), "</p>\n")
	}
	if len(r.Type) > 0 {
		h.w.str("<h1 class=\"type\">", h.inline(h.joined(r.Type)), "</h1>\n")
	}
	if len(r.Subject) > 0 {
		h.w.str("<p class=\"subject\">", h.inline(h.joined(r.Subject)), "</p>\n<hr class=\"rule subject-rule\">\n")
	}
}

// joined returns the runs of several lines joined by spaces.
func (h *htmlWriter) joined(ls []Line) []run {
	var out []run
	for k, l := range ls {
		if k > 0 {
			out = appendRun(out, run{text: " "})
		}
		out = append(out, h.r.lineRuns(l, h.annotate)...)
	}
	return out
}

func (h *htmlWriter) closing() {
	r := h.r
	if len(r.Recipients)+len(r.Signature) == 0 {
		return
	}
	h.w.str("<table class=\"closing\">\n<tr><td class=\"recipients\">")
	for _, l := range r.Recipients {
		class := ""
		if l.Role == RoleLabel {
			class = " class=\"label\""
		}
		h.w.str("<p", class, ">", h.inline(r.lineRuns(l, h.annotate)), "</p>")
	}
	h.w.str("</td><td class=\"signature\">")
	for _, l := range r.Signature {
		h.w.str("<p class=\"", l.Role, "\">", h.inline(r.lineRuns(l, h.annotate)), "</p>")
	}
	h.w.str("</td></tr>\n</table>\n")
}

func (h *htmlWriter) part(p Part) {
	r := h.r
	b := r.Doc.Blocks[p.Blocks[0]]
	switch b.Kind {
	case baocao.TableKind:
		h.table(b)
	case baocao.Heading:
		tag := "h" + strconv.Itoa(min(h.ranks[p.Blocks[0]]+2, 6))
		h.w.str("<", tag, ">", h.inline(r.partRuns(p, h.annotate)), "</", tag, ">\n")
	case baocao.ListItem:
		h.w.str("<p class=\"item\">", h.inline(r.partRuns(p, h.annotate)), "</p>\n")
	default:
		h.w.str("<p>", h.inline(r.partRuns(p, h.annotate)), "</p>\n")
	}
}

func (h *htmlWriter) table(b baocao.Block) {
	if b.Table == nil {
		return
	}
	h.w.str("<table class=\"grid\">\n")
	for _, row := range b.Table.Rows {
		h.w.str("<tr>")
		for _, c := range row {
			if c.Covered {
				continue
			}
			h.w.str("<td")
			if c.RowSpan > 1 {
				h.w.str(" rowspan=\"", strconv.Itoa(c.RowSpan), "\"")
			}
			if c.ColSpan > 1 {
				h.w.str(" colspan=\"", strconv.Itoa(c.ColSpan), "\"")
			}
			h.w.str(">", h.inline(h.r.runs(c.Span, true, h.annotate)), "</td>")
		}
		h.w.str("</tr>\n")
	}
	h.w.str("</table>\n")
}

func (h *htmlWriter) footnotes() {
	r := h.r
	var linked []int
	for i, f := range r.Doc.Footnotes {
		if n, ok := r.noteAt[f.Ref.Start]; ok && n == i {
			linked = append(linked, i)
		}
	}
	if len(linked) == 0 {
		return
	}
	h.w.str("<section class=\"footnotes\">\n<ol>\n")
	for _, i := range linked {
		f := r.Doc.Footnotes[i]
		k := strconv.Itoa(i + 1)
		h.w.str("<li id=\"fn-", k, "\" value=\"", esc(noteNumber(f, i)), "\">", h.inline(r.runs(f.Span, false, h.annotate)),
			" <a class=\"back\" href=\"#fnref-", k, "\">↩</a></li>\n")
	}
	h.w.str("</ol>\n</section>\n")
}

// noteNumber is the number a list shows for a footnote: its own when it is a number.
func noteNumber(f baocao.Footnote, i int) string {
	if _, err := strconv.Atoi(f.ID); err == nil {
		return f.ID
	}
	return strconv.Itoa(i + 1)
}

func (h *htmlWriter) findings() {
	fs := h.r.findings()
	h.w.str("<section class=\"findings\">\n<h2>Audit findings</h2>\n")
	if len(fs) == 0 {
		h.w.str("<p>The record holds no audit findings.</p>\n</section>\n")
		return
	}
	h.w.str("<ol>\n")
	for _, f := range fs {
		n := strconv.Itoa(f.finding)
		h.w.str("<li id=\"finding-", n, "\" class=\"", esc(f.severity), "\">", esc(f.note))
		if !f.span.IsZero() {
			h.w.str(" <a href=\"#finding-", n, "-at\">“", esc(shorten(f.span.Of(h.r.Doc.Text), 80)), "”</a>")
		}
		h.w.str("</li>\n")
	}
	h.w.str("</ol>\n</section>\n")
}

// inline writes runs as HTML: escaped text, styles, footnote references and, when
// annotating, <mark> elements nested properly even where annotations overlap.
func (h *htmlWriter) inline(rs []run) string {
	var b strings.Builder
	var open []int
	for _, x := range rs {
		var want []int
		if h.annotate {
			want = x.anns
		}
		keep := 0
		for keep < len(open) && keep < len(want) && open[keep] == want[keep] {
			keep++
		}
		for len(open) > keep {
			b.WriteString("</mark>")
			open = open[:len(open)-1]
		}
		for _, a := range want[keep:] {
			b.WriteString(h.openMark(a))
			open = append(open, a)
		}
		if x.note > 0 {
			k := strconv.Itoa(x.note)
			f := h.r.Doc.Footnotes[x.note-1]
			b.WriteString("<sup class=\"fnref\"><a href=\"#fn-" + k + "\" id=\"fnref-" + k + "\">" + esc(noteNumber(f, x.note-1)) + "</a></sup>")
			continue
		}
		t := strings.ReplaceAll(esc(x.text), "\t", "<span class=\"tab\">\t</span>")
		b.WriteString(styleTags(x.style, true))
		b.WriteString(t)
		b.WriteString(styleTags(x.style, false))
	}
	for range open {
		b.WriteString("</mark>")
	}
	return b.String()
}

func (h *htmlWriter) openMark(a int) string {
	it := h.r.items[a]
	class := "ann " + it.kind
	if it.severity != "" {
		class += " " + it.severity
	}
	id := ""
	if it.finding > 0 && !h.seen[a] {
		id = " id=\"finding-" + strconv.Itoa(it.finding) + "-at\""
	}
	h.seen[a] = true
	return "<mark class=\"" + esc(class) + "\"" + id + " title=\"" + esc(it.note) + "\">"
}

func styleTags(st style, open bool) string {
	tags := []string{}
	if st&sBold != 0 {
		tags = append(tags, "strong")
	}
	if st&sItalic != 0 {
		tags = append(tags, "em")
	}
	if st&sUnderline != 0 {
		tags = append(tags, "u")
	}
	if st&sSup != 0 {
		tags = append(tags, "sup")
	}
	var b strings.Builder
	if open {
		for _, t := range tags {
			b.WriteString("<" + t + ">")
		}
	} else {
		for i := len(tags) - 1; i >= 0; i-- {
			b.WriteString("</" + tags[i] + ">")
		}
	}
	return b.String()
}

// esc escapes text for HTML, invalid UTF-8 written as U+FFFD.
func esc(s string) string { return html.EscapeString(strings.ToValidUTF8(s, "\uFFFD")) }

// shorten cuts s to about n bytes on a character boundary.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && (s[cut]&0xC0) == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
