package render

import (
	"bufio"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/baocao/baocao"
)

// errWriter keeps the first write error, so writers can write freely and check once.
type errWriter struct {
	w   *bufio.Writer
	err error
}

func newErrWriter(w io.Writer) *errWriter { return &errWriter{w: bufio.NewWriterSize(w, 32<<10)} }

func (e *errWriter) str(ss ...string) {
	for _, s := range ss {
		if e.err == nil {
			_, e.err = e.w.WriteString(s)
		}
	}
}

func (e *errWriter) flush() error {
	if e.err == nil {
		e.err = e.w.Flush()
	}
	return e.err
}

// writeMarkdown writes the report as GitHub-flavoured Markdown: the two header columns
// and the closing as pipe tables, headings as "#" lines, footnotes as "[^n]" notes.
func (r *Report) writeMarkdown(w io.Writer) error {
	out := newErrWriter(w)
	m := &mdWriter{r: r, w: out, ranks: r.headingRanks()}
	for _, p := range r.Preamble {
		m.part(p)
	}
	m.header()
	for _, p := range r.Body {
		m.part(p)
	}
	m.closing()
	if len(r.Appendix) > 0 {
		out.str("---\n\n")
		for _, p := range r.Appendix {
			m.part(p)
		}
	}
	for _, n := range r.Loose {
		f := r.Doc.Footnotes[n]
		out.str(mdEscape("["+f.ID+"] "), m.inline(r.runs(f.Span, false, false)), "\n\n")
	}
	for _, f := range r.Doc.Footnotes {
		if _, ok := r.noteAt[f.Ref.Start]; ok && validSpan(r.Doc.Text, f.Ref) {
			out.str("[^", noteLabel(f), "]: ", m.inline(r.runs(f.Span, false, false)), "\n")
		}
	}
	return out.flush()
}

type mdWriter struct {
	r     *Report
	w     *errWriter
	ranks map[int]int
}

// header writes the issuer and the national header side by side as a pipe table, one
// line of each column per row (no <br>, so a Markdown reader gets clean cells back),
// then the number and the date line, the marks, the type name and the trích yếu.
func (m *mdWriter) header() {
	r := m.r
	var issuer, nation, number, date []string
	for _, l := range r.Issuer {
		st := sBold
		if l.Role == RoleParent {
			st = 0
		}
		issuer = append(issuer, m.cell(withStyle(r.lineRuns(l, false), st)))
	}
	for _, l := range r.Nation {
		nation = append(nation, m.cell(withStyle(r.lineRuns(l, false), sBold)))
	}
	for _, l := range append(append([]Line{}, r.Number...), r.Abstract...) {
		number = append(number, m.cell(r.lineRuns(l, false)))
	}
	for _, l := range r.DateLine {
		date = append(date, m.cell(withStyle(r.lineRuns(l, false), sItalic)))
	}
	m.columns(issuer, nation, ":---:", ":---:")
	for k := range max(len(number), len(date)) {
		m.w.str("| ", cellAt(number, k), " | ", cellAt(date, k), " |\n")
	}
	m.w.str("\n")
	for _, l := range r.Marks {
		m.w.str(m.inline(withStyle(r.lineRuns(l, false), sBold)), "\n\n")
	}
	if len(r.Type) > 0 {
		m.w.str("# ", m.inline(withoutStyle(joinLines(r, r.Type), sBold)), "\n\n")
	}
	if len(r.Subject) > 0 {
		m.w.str(m.inline(withStyle(joinLines(r, r.Subject), sBold)), "\n\n")
	}
}

// columns writes two columns of lines as the rows of a pipe table.
func (m *mdWriter) columns(left, right []string, alignL, alignR string) {
	for k := range max(len(left), len(right), 1) {
		m.w.str("| ", cellAt(left, k), " | ", cellAt(right, k), " |\n")
		if k == 0 {
			m.w.str("| ", alignL, " | ", alignR, " |\n")
		}
	}
}

func cellAt(ss []string, k int) string {
	if k < len(ss) {
		return ss[k]
	}
	return ""
}

// closing writes the Nơi nhận and the signature side by side; the signer's name goes on
// the last row, below the space left for the signature.
func (m *mdWriter) closing() {
	r := m.r
	if len(r.Recipients)+len(r.Signature) == 0 {
		return
	}
	var left, right []string
	for _, l := range r.Recipients {
		st := style(0)
		if l.Role == RoleLabel {
			st = sBold | sItalic
		}
		left = append(left, m.cell(withStyle(r.lineRuns(l, false), st)))
	}
	name := ""
	for _, l := range r.Signature {
		switch l.Role {
		case RoleSigned:
			right = append(right, m.cell(withStyle(r.lineRuns(l, false), sItalic)))
		case RoleName:
			name = m.cell(withStyle(r.lineRuns(l, false), sBold))
		default:
			right = append(right, m.cell(withStyle(r.lineRuns(l, false), sBold)))
		}
	}
	if name != "" {
		for len(right) < len(left)-1 {
			right = append(right, "")
		}
		right = append(right, name)
	}
	m.columns(left, right, ":---", ":---:")
	m.w.str("\n")
}

func (m *mdWriter) part(p Part) {
	r := m.r
	b := r.Doc.Blocks[p.Blocks[0]]
	switch b.Kind {
	case baocao.TableKind:
		m.table(b)
	case baocao.Heading:
		level := min(m.ranks[p.Blocks[0]]+2, 6)
		s := m.inline(withoutStyle(r.partRuns(p, false), sBold)) // a heading is bold already
		if strings.HasSuffix(s, "#") {
			s = s[:len(s)-1] + `\#`
		}
		m.w.str(strings.Repeat("#", level), " ", s, "\n\n")
	case baocao.ListItem:
		m.w.str(m.inline(r.partRuns(p, false)), "\n\n")
	default:
		m.w.str(blockStart(m.inline(r.partRuns(p, false))), "\n\n")
	}
}

func (m *mdWriter) table(b baocao.Block) {
	if b.Table == nil || len(b.Table.Rows) == 0 {
		return
	}
	width := 0
	for _, row := range b.Table.Rows {
		width = max(width, len(row))
	}
	for k, row := range b.Table.Rows {
		m.w.str("|")
		for c := range width {
			s := ""
			if c < len(row) && !row[c].Covered {
				s = m.cell(m.r.runs(row[c].Span, true, false))
			}
			m.w.str(" ", s, " |")
		}
		m.w.str("\n")
		if k == 0 {
			m.w.str("|", strings.Repeat(" --- |", width), "\n")
		}
	}
	m.w.str("\n")
}

// cell writes runs for a table cell: like inline, tabs written as spaces.
func (m *mdWriter) cell(rs []run) string {
	return strings.ReplaceAll(m.inline(rs), "\t", " ")
}

// inline writes runs as Markdown inline text: escaped, bold as **…**, italic as *…*,
// footnote references as [^n].
func (m *mdWriter) inline(rs []run) string {
	var b strings.Builder
	for _, x := range mergeStyles(rs) {
		if x.note > 0 {
			b.WriteString("[^" + noteLabel(m.r.Doc.Footnotes[x.note-1]) + "]")
			continue
		}
		marker := ""
		switch {
		case x.style&sBold != 0 && x.style&sItalic != 0:
			marker = "***"
		case x.style&sBold != 0:
			marker = "**"
		case x.style&sItalic != 0:
			marker = "*"
		}
		b.WriteString(wrapMarker(mdEscape(x.text), marker))
	}
	return b.String()
}

// mergeStyles joins neighbouring runs of the same style (Markdown shows no
// annotations, and "**a** **b**" should be "**a b**").
func mergeStyles(rs []run) []run {
	var out []run
	for _, x := range rs {
		if n := len(out); n > 0 && x.note == 0 && out[n-1].note == 0 && out[n-1].style == x.style {
			out[n-1].text += x.text
			continue
		}
		x.anns = nil
		out = append(out, x)
	}
	return out
}

// wrapMarker puts an emphasis marker around the text, leaving its outer spaces outside
// (CommonMark does not close "** text **").
func wrapMarker(s, marker string) string {
	if marker == "" {
		return s
	}
	core := strings.Trim(s, " \t")
	if core == "" {
		return s
	}
	lead := s[:strings.Index(s, core)]
	return lead + marker + core + marker + s[len(lead)+len(core):]
}

var (
	reEntity    = regexp.MustCompile(`^&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)
	reOrdered   = regexp.MustCompile(`^(\d{1,9})([.)])(\s|$)`)
	reNoteLabel = regexp.MustCompile(`[^A-Za-z0-9_-]`)
)

// mdEscape escapes the characters that Markdown would read as markup, so the text of
// the document stays text.
func mdEscape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '|', '~':
			b.WriteByte('\\')
		case '&':
			if reEntity.MatchString(s[i:]) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// blockStart escapes what would make a paragraph a heading, quote, list or rule.
func blockStart(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '>', '-', '+', '=':
		return `\` + s
	}
	if m := reOrdered.FindStringSubmatchIndex(s); m != nil {
		return s[:m[4]] + `\` + s[m[4]:]
	}
	return s
}

// noteLabel is a footnote's label in Markdown: its number when it is one.
func noteLabel(f baocao.Footnote) string {
	if l := reNoteLabel.ReplaceAllString(f.ID, ""); l != "" {
		return l
	}
	return "n" + strconv.Itoa(f.Span.Start)
}

// withoutStyle removes st from every run.
func withoutStyle(rs []run, st style) []run {
	for i := range rs {
		rs[i].style &^= st
	}
	return rs
}

// withStyle adds st to every run.
func withStyle(rs []run, st style) []run {
	for i := range rs {
		rs[i].style |= st
	}
	return rs
}

// joinLines returns the runs of several layout lines joined by spaces (a wrapped title).
func joinLines(r *Report, ls []Line) []run {
	var out []run
	for k, l := range ls {
		if k > 0 {
			out = appendRun(out, run{text: " "})
		}
		for _, x := range r.lineRuns(l, false) {
			out = appendRun(out, x)
		}
	}
	return out
}

// headingRanks gives each heading of the body and appendix its depth among the heading
// levels the document uses (0 = outermost). A heading without a label takes the depth
// of the heading before it.
func (r *Report) headingRanks() map[int]int {
	levels := map[int]int{} // block → label level
	used := map[int]bool{}
	for _, ps := range [][]Part{r.Preamble, r.Body, r.Appendix} {
		for _, p := range ps {
			i := p.Blocks[0]
			if b := r.Doc.Blocks[i]; b.Kind == baocao.Heading {
				if l := headingLevel(r.Doc, i); l > 0 {
					levels[i] = l
					used[l] = true
				}
			}
		}
	}
	var sorted []int
	for l := range used {
		sorted = append(sorted, l)
	}
	rank := map[int]int{}
	for _, l := range sorted {
		n := 0
		for _, o := range sorted {
			if o < l {
				n++
			}
		}
		rank[l] = n
	}
	out := map[int]int{}
	prev := 0
	for _, ps := range [][]Part{r.Preamble, r.Body, r.Appendix} {
		for _, p := range ps {
			i := p.Blocks[0]
			if r.Doc.Blocks[i].Kind != baocao.Heading {
				continue
			}
			if l, ok := levels[i]; ok {
				prev = rank[l]
			}
			out[i] = prev
		}
	}
	return out
}
