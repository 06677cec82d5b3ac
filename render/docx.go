package render

import (
	"io"
	"strconv"
	"strings"

	"github.com/baocao/baocao"
)

// highlights are the Word highlight colours of the annotated items.
var highlights = map[string]string{
	KindReference:    "yellow",
	KindDate:         "lightGray",
	KindIndicator:    "cyan",
	KindCommendation: "green",
}

// Widths of the two columns of the header (issuer | Quốc hiệu) and of the closing
// (Nơi nhận | signature), in twips.
var (
	headerCols  = []int{3685, textWidth - 3685}
	closingCols = []int{4535, textWidth - 4535}
)

// writeDOCX writes the report as a Word document: the header and the closing as
// borderless two-column tables, tables with merged cells as gridSpan and vMerge, real
// footnotes, and with annotate highlighted items and the findings as comments.
func (r *Report) writeDOCX(w io.Writer, annotate bool) error {
	d := &docxWriter{r: r, annotate: annotate, ranks: r.headingRanks(), noteID: map[int]int{}, comment: map[int]string{}}
	d.pkg.title = r.title()
	for _, p := range r.Preamble {
		d.part(p, "")
	}
	d.header()
	for _, p := range r.Body {
		d.part(p, "")
	}
	d.closing()
	for k, p := range r.Appendix {
		extra := ""
		if k == 0 {
			extra = "<w:pageBreakBefore/>"
			if r.Doc.Blocks[p.Blocks[0]].Kind == baocao.TableKind {
				d.pkg.para("BodyText", extra, "") // a table cannot start a page by itself
				extra = ""
			}
		}
		d.part(p, extra)
	}
	for _, n := range r.Loose {
		f := r.Doc.Footnotes[n]
		d.pkg.para("NoteText", "", textRun("", "["+f.ID+"] ")+d.runsXML(r.runs(f.Span, false, annotate)))
	}
	if annotate {
		d.unanchored()
	}
	return d.pkg.write(w)
}

type docxWriter struct {
	r        *Report
	pkg      docxPackage
	annotate bool
	ranks    map[int]int
	noteID   map[int]int    // footnote index → id in footnotes.xml
	comment  map[int]string // annotation → id of its comment, once written
}

func (d *docxWriter) header() {
	r := d.r
	var left, right strings.Builder
	for _, l := range r.Issuer {
		st := "Issuer"
		if l.Role == RoleParent {
			st = "IssuerParent"
		}
		left.WriteString(paraXML(st, "", d.lineXML(l)))
	}
	if len(r.Issuer) > 0 {
		left.WriteString(ruleXML(headerCols[0] / 3))
	}
	for _, l := range r.Nation {
		st := "TieuNgu"
		if t := r.lineText(l); reQuocHieu.MatchString(t) || reDang.MatchString(t) {
			st = "QuocHieu"
		}
		right.WriteString(paraXML(st, "", d.lineXML(l)))
	}
	right.WriteString(ruleXML(headerCols[1] / 6))
	b := &d.pkg.body
	b.WriteString(tableStart(headerCols, false))
	b.WriteString("<w:tr>" + cellXML(headerCols[0], 1, "", "", left.String()) + cellXML(headerCols[1], 1, "", "", right.String()) + "</w:tr>")
	if len(r.Number)+len(r.Abstract)+len(r.DateLine) > 0 {
		var num, date strings.Builder
		for _, l := range r.Number {
			num.WriteString(paraXML("DocNumber", "", d.lineXML(l)))
		}
		for _, l := range r.Abstract {
			num.WriteString(paraXML("Abstract", "", d.lineXML(l)))
		}
		for _, l := range r.DateLine {
			date.WriteString(paraXML("DateLine", "", d.lineXML(l)))
		}
		b.WriteString("<w:tr>" + cellXML(headerCols[0], 1, "", "", num.String()) + cellXML(headerCols[1], 1, "", "", date.String()) + "</w:tr>")
	}
	b.WriteString("</w:tbl>")
	for _, l := range r.Marks {
		d.pkg.para("Mark", "", d.lineXML(l))
	}
	if len(r.Type) > 0 {
		d.pkg.para("DocType", "", d.joinedXML(r.Type)+d.anchorUnanchored())
	}
	if len(r.Subject) > 0 {
		d.pkg.para("DocSubject", "", d.joinedXML(r.Subject))
		d.pkg.body.WriteString(ruleXML(textWidth / 3))
	}
}

// joinedXML writes several lines as one paragraph's runs, with annotations.
func (d *docxWriter) joinedXML(ls []Line) string {
	var out []run
	for k, l := range ls {
		if k > 0 {
			out = appendRun(out, run{text: " "})
		}
		out = append(out, d.r.lineRuns(l, d.annotate)...)
	}
	return d.runsXML(out)
}

func (d *docxWriter) lineXML(l Line) string { return d.runsXML(d.r.lineRuns(l, d.annotate)) }

func (d *docxWriter) closing() {
	r := d.r
	if len(r.Recipients)+len(r.Signature) == 0 {
		return
	}
	var left, right strings.Builder
	for _, l := range r.Recipients {
		st := "Recipient"
		if l.Role == RoleLabel {
			st = "RecipientsLabel"
		}
		left.WriteString(paraXML(st, "", d.lineXML(l)))
	}
	for _, l := range r.Signature {
		st := "Signature"
		switch l.Role {
		case RoleName:
			st = "Signer"
		case RoleSigned:
			st = "Signed"
		}
		right.WriteString(paraXML(st, "", d.lineXML(l)))
	}
	b := &d.pkg.body
	b.WriteString(tableStart(closingCols, false))
	b.WriteString("<w:tr>" + cellXML(closingCols[0], 1, "", "", left.String()) + cellXML(closingCols[1], 1, "", "", right.String()) + "</w:tr></w:tbl>")
}

func (d *docxWriter) part(p Part, extra string) {
	r := d.r
	b := r.Doc.Blocks[p.Blocks[0]]
	switch b.Kind {
	case baocao.TableKind:
		d.table(b)
	case baocao.Heading:
		d.pkg.para("Heading"+strconv.Itoa(min(d.ranks[p.Blocks[0]]+1, 6)), extra, d.runsXML(r.partRuns(p, d.annotate)))
	case baocao.ListItem:
		d.pkg.para("ListText", extra, d.runsXML(r.partRuns(p, d.annotate)))
	default:
		d.pkg.para("BodyText", extra, d.runsXML(r.partRuns(p, d.annotate)))
	}
}

// table writes a grid table: merged cells as gridSpan (horizontal) and vMerge
// (vertical), column widths in proportion to their longest text.
func (d *docxWriter) table(b baocao.Block) {
	t := b.Table
	if t == nil || len(t.Rows) == 0 {
		return
	}
	text := d.r.Doc.Text
	width := 0
	for _, row := range t.Rows {
		width = max(width, len(row))
	}
	cols := make([][]string, width)
	for _, row := range t.Rows {
		for c, cell := range row {
			if !cell.Covered && cell.ColSpan <= 1 {
				cols[c] = append(cols[c], cell.Span.Of(text))
			}
		}
	}
	weights, mins := make([]int, width), make([]int, width)
	for c := range cols {
		weights[c], mins[c] = measure(cols[c])
	}
	widths := columnWidths(weights, mins, textWidth)
	sb := &d.pkg.body
	sb.WriteString(tableStart(widths, true))
	for r, row := range t.Rows {
		sb.WriteString("<w:tr>")
		for c := 0; c < width; {
			var cell baocao.Cell
			if c < len(row) {
				cell = row[c]
			}
			span, vm := max(cell.ColSpan, 1), ""
			content := ""
			switch {
			case c >= len(row):
			case !cell.Covered:
				if cell.RowSpan > 1 {
					vm = "restart"
				}
				content = paraXML("TableText", "", d.runsXML(d.r.runs(cell.Span, true, d.annotate)))
			case r > 0 && c < len(t.Rows[r-1]) && t.Rows[r-1][c].Span == cell.Span:
				vm = "continue"
				span = originSpan(t, r, c)
			}
			w := 0
			for k := c; k < min(c+span, width); k++ {
				w += widths[k]
			}
			sb.WriteString(cellXML(w, span, vm, "", content))
			c += span
		}
		sb.WriteString("</w:tr>")
	}
	sb.WriteString("</w:tbl>")
}

// originSpan is the column span of the cell that covers (r, c) from above.
func originSpan(t *baocao.Table, r, c int) int {
	for k := r - 1; k >= 0; k-- {
		if c < len(t.Rows[k]) && !t.Rows[k][c].Covered {
			return max(t.Rows[k][c].ColSpan, 1)
		}
	}
	return 1
}

// runsXML writes runs as Word runs: styles, highlights of annotated items, footnote
// references (the note written to footnotes.xml the first time), and comments for
// findings, each anchored where the finding's text starts.
func (d *docxWriter) runsXML(rs []run) string {
	var b strings.Builder
	var open []int // findings whose comment range is open in this paragraph
	for k, x := range rs {
		var starts []int
		if d.annotate {
			for _, a := range x.anns {
				if _, done := d.comment[a]; !done && d.r.items[a].kind == KindFinding {
					starts = append(starts, a)
				}
			}
			if x.note > 0 {
				starts = append(starts, d.noteFindings(x.note-1)...)
			}
		}
		for _, a := range starts {
			b.WriteString(`<w:commentRangeStart w:id="` + d.newComment(a) + `"/>`)
			open = append(open, a)
		}
		if x.note > 0 {
			b.WriteString(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="` + strconv.Itoa(d.footnote(x.note-1)) + `"/></w:r>`)
		} else {
			b.WriteString(textRun(runProps(x.style, d.highlight(x.anns)), x.text))
		}
		// close the comments whose finding does not go on into the next run
		var still []int
		for _, a := range open {
			next := k+1 < len(rs) && contains(rs[k+1].anns, a)
			if next {
				still = append(still, a)
				continue
			}
			id := d.comment[a]
			b.WriteString(`<w:commentRangeEnd w:id="` + id + `"/>` + commentRef(id))
		}
		open = still
	}
	return b.String()
}

// newComment writes the comment of annotation a and returns its id.
func (d *docxWriter) newComment(a int) string {
	id := strconv.Itoa(len(d.pkg.comments))
	d.pkg.comments = append(d.pkg.comments, commentXML(id, d.r.items[a].note))
	d.comment[a] = id
	return id
}

// commentRef is the run that shows a comment's mark.
func commentRef(id string) string {
	return `<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="` + id + `"/></w:r>`
}

func contains(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// highlight is the colour of the innermost item over a run.
func (d *docxWriter) highlight(anns []int) string {
	if !d.annotate {
		return ""
	}
	for i := len(anns) - 1; i >= 0; i-- {
		if c, ok := highlights[d.r.items[anns[i]].kind]; ok {
			return c
		}
	}
	return ""
}

// noteFindings returns the findings inside footnote n that have no comment yet: their
// comment is anchored on the footnote's reference in the body.
func (d *docxWriter) noteFindings(n int) []int {
	span := d.r.Doc.Footnotes[n].Span
	var out []int
	for a, it := range d.r.items {
		if _, done := d.comment[a]; !done && it.kind == KindFinding && it.span.Overlaps(span) {
			out = append(out, a)
		}
	}
	return out
}

// footnote returns the id of footnote n in footnotes.xml, writing it the first time.
func (d *docxWriter) footnote(n int) int {
	if id, ok := d.noteID[n]; ok {
		return id
	}
	id := 2 + len(d.pkg.footnotes) // 0 and 1 are the separators
	d.noteID[n] = id
	f := d.r.Doc.Footnotes[n]
	body := d.runsXMLNoComments(d.r.runs(f.Span, false, d.annotate))
	d.pkg.footnotes = append(d.pkg.footnotes, `<w:footnote w:id="`+strconv.Itoa(id)+`">`+
		paraXML("FootnoteText", "", `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>`+textRun("", " ")+body)+`</w:footnote>`)
	return id
}

// runsXMLNoComments writes runs with highlights but no comments (inside footnotes).
func (d *docxWriter) runsXMLNoComments(rs []run) string {
	var b strings.Builder
	for _, x := range rs {
		if x.note == 0 {
			b.WriteString(textRun(runProps(x.style, d.highlight(x.anns)), x.text))
		}
	}
	return b.String()
}

// anchorUnanchored puts the comments of findings without a span on the title.
func (d *docxWriter) anchorUnanchored() string {
	if !d.annotate {
		return ""
	}
	var b strings.Builder
	for a, it := range d.r.items {
		if _, done := d.comment[a]; !done && it.kind == KindFinding && it.span.IsZero() {
			b.WriteString(commentRef(d.newComment(a)))
		}
	}
	return b.String()
}

// unanchored adds, after the body, the comments of findings that found no place (no
// title to hang them on, or their span lies in a part that is not written).
func (d *docxWriter) unanchored() {
	var b strings.Builder
	for a, it := range d.r.items {
		if _, done := d.comment[a]; !done && it.kind == KindFinding {
			b.WriteString(commentRef(d.newComment(a)))
		}
	}
	if b.Len() > 0 {
		d.pkg.para("NoteText", "", b.String())
	}
}

func commentXML(id, note string) string {
	return `<w:comment w:id="` + id + `" w:author="baocao audit" w:initials="BC">` +
		paraXML("CommentText", "", `<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>`+textRun("", note)) + `</w:comment>`
}
