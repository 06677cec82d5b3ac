package txt

import (
	"context"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/legacy"
	"github.com/baocao/baocao/reader"
)

func init() { reader.Register(Reader{}) }

// Reader reads plain-text and Markdown reports.
type Reader struct{}

func (Reader) Format() string       { return "txt" }
func (Reader) Extensions() []string { return []string{".txt", ".md", ".markdown", ".text"} }

// Sniff scores text low (10 for UTF-8, 30 with a BOM, less for legacy 8-bit text) so
// that any format with a magic number wins; binary content scores 0.
func (Reader) Sniff(data []byte) int {
	head := data[:min(len(data), 8192)]
	switch {
	case len(head) == 0:
		return 1
	case len(head) >= 3 && string(head[:3]) == "\xEF\xBB\xBF",
		len(head) >= 2 && (string(head[:2]) == "\xFF\xFE" || string(head[:2]) == "\xFE\xFF"):
		return 30
	}
	if _, ok := utf16Guess(head); ok {
		return 20
	}
	controls := 0
	for _, c := range head {
		if c == 0 {
			return 0
		}
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f {
			controls++
		}
	}
	if controls*100 > len(head) {
		return 0
	}
	if utf8.Valid(head) || (len(head) == 8192 && utf8.Valid(head[:firstInvalid(head)]) && len(head)-firstInvalid(head) < utf8.UTFMax) {
		return 10
	}
	if _, score := legacy.Detect(string(head)); score >= legacyThreshold {
		return 8
	}
	return 2 // 8-bit text of some kind: Read explains what is wrong with it
}

// unit is one line of the source (or a wrapped paragraph rejoined): a block to be.
type unit struct {
	segs    []seg
	line    int // 1-based source line
	heading int // Markdown "#" level
	note    *noteDef
	drop    bool

	isBold bool
	boldN  int // len(segs) when isBold was computed
}

// bold reports whether the unit is set wholly in bold, remembered because joining
// units asks it again and again.
func (u *unit) bold() bool {
	if u.boldN != len(u.segs) {
		u.isBold, u.boldN = allMarked(u.segs, mBold), len(u.segs)
	}
	return u.isBold
}

// item is the reading order: a unit, a table or the start of a page.
type item struct {
	unit  *unit
	table [][]tcell
	page  int
}

var (
	rePage    = regexp.MustCompile(`^\s*[-=]{2,}\s*(?i:trang|page)\s+(\d{1,5})(?:\s*/\s*\d+)?\s*[-=]{2,}\s*$`)
	reRule    = regexp.MustCompile(`^\s*(?:-{3,}|={3,}|_{3,}|\*{3,}|~{3,})\s*$`)
	reHeading = regexp.MustCompile(`^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$`)
	reNumber  = regexp.MustCompile(`^\s*\d{1,4}\s*$`)
)

const formFeed = "\f"

func (Reader) Read(ctx context.Context, in *reader.Input) (*baocao.Document, error) {
	d, err := decode(in.Data)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(d.text) == "" {
		return nil, reader.ErrEmpty
	}
	lines := sourceLines(d.text)
	p := &parser{ctx: ctx, lines: lines}
	p.wrapped, p.width = detectWrapped(lines)
	if err := p.run(); err != nil {
		return nil, err
	}
	var warnings []string
	warnings = append(warnings, d.warnings...)
	linkNotes(p.items, func(w string) { warnings = append(warnings, w) })
	dropPageNumbers(p.items)
	joinBreaks(p.items)

	b := reader.NewBuilder()
	src := baocao.FromTextLayer
	if d.enc != legacy.Unicode {
		src = baocao.FromLegacy
		b.SetEncoding(string(d.enc))
	}
	for _, w := range warnings {
		b.Warn(w)
	}
	blocks := 0
	for _, it := range p.items {
		switch {
		case it.page > 0:
			b.StartPage(it.page, src)
		case it.table != nil:
			emitTable(b, it.table)
			blocks++
		case it.unit != nil && it.unit.drop:
		case it.unit != nil && it.unit.note != nil:
			b.Footnote(it.unit.note.key, "footnote", plain(it.unit.note.text))
		case it.unit != nil:
			if emitPara(b, it.unit) {
				blocks++
			}
		}
	}
	for _, f := range p.preamble {
		b.Furniture(f)
	}
	if blocks == 0 {
		return nil, reader.Errorf(reader.ErrEmpty, "no text left after removing markup")
	}
	format := "txt"
	if ext := strings.ToLower(filepath.Ext(in.Name)); ext == ".md" || ext == ".markdown" {
		format = "md"
	}
	return b.Document(format), nil
}

// sourceLines splits text into lines; a form feed becomes a line of its own.
func sourceLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	if strings.Contains(text, formFeed) {
		text = strings.ReplaceAll(text, formFeed, "\n"+formFeed+"\n")
	}
	return strings.Split(text, "\n")
}

// parser turns source lines into items.
type parser struct {
	ctx      context.Context
	lines    []string
	wrapped  bool // hard-wrapped text (PDF extraction): lines of a paragraph are rejoined
	width    int  // typical line length of wrapped text, in runes
	items    []item
	preamble []string
	group    [][]string // lines of the Markdown paragraph being read (wrapped lines as parts)
	groupAt  int
	lastLine string // the last source line added to group
}

func (p *parser) run() error {
	firstMarker := -1
	formFeeds := false
	for i, l := range p.lines {
		if l == formFeed {
			formFeeds = true
		}
		if firstMarker < 0 && rePage.MatchString(l) {
			firstMarker = i
		}
	}
	start := 0
	switch {
	case firstMarker > 0: // text before the first page marker is the extractor's own header
		for _, l := range p.lines[:firstMarker] {
			if t := strings.TrimSpace(l); t != "" && !reRule.MatchString(t) {
				p.preamble = append(p.preamble, t)
			}
		}
		start = firstMarker
	case firstMarker < 0 && formFeeds:
		p.items = append(p.items, item{page: 1})
	}
	page := 1
	for i := start; i < len(p.lines); i++ {
		if i%1024 == 0 {
			if err := p.ctx.Err(); err != nil {
				return err
			}
		}
		l := p.lines[i]
		switch {
		case l == formFeed:
			p.flush()
			page++
			p.items = append(p.items, item{page: page})
		case rePage.MatchString(l):
			p.flush()
			page, _ = strconv.Atoi(rePage.FindStringSubmatch(l)[1])
			p.items = append(p.items, item{page: page})
		case strings.TrimSpace(l) == "":
			p.flush()
		case splitCells(l) != nil:
			p.flush()
			i = p.table(i) - 1
		case reRule.MatchString(l):
			p.flush()
		case reHeading.MatchString(l):
			p.flush()
			m := reHeading.FindStringSubmatch(l)
			p.items = append(p.items, item{unit: &unit{segs: parseInline(m[2]), line: i + 1, heading: len(m[1])}})
		default:
			if p.wrapped && len(p.group) > 0 && wrapJoins(p.lastLine, l, p.width) {
				p.group[len(p.group)-1] = append(p.group[len(p.group)-1], l)
				p.lastLine = l
				continue
			}
			p.lastLine = l
			if len(p.group) == 0 {
				p.groupAt = i
			}
			p.group = append(p.group, []string{l})
		}
	}
	p.flush()
	return nil
}

// flush ends the Markdown paragraph being read: its inline markup is parsed as a
// whole (bold may run over several lines) and each line becomes a unit.
func (p *parser) flush() {
	if len(p.group) == 0 {
		return
	}
	var src strings.Builder
	for k, parts := range p.group {
		if k > 0 {
			src.WriteByte('\n')
		}
		for j, part := range parts {
			if j > 0 {
				src.WriteByte(' ')
				part = strings.TrimLeft(part, " ")
			}
			if j < len(parts)-1 {
				part = strings.TrimRight(part, " ")
			}
			src.WriteString(part)
		}
	}
	for k, segs := range splitLines(parseInline(src.String())) {
		if strings.TrimSpace(plain(segs)) == "" {
			continue
		}
		p.items = append(p.items, item{unit: &unit{segs: segs, line: p.groupAt + k + 1}})
	}
	p.group = p.group[:0]
}

// table reads the table that starts at line i and returns the line after it. Blank
// lines and rules inside it are skipped while another table line follows.
func (p *parser) table(i int) int {
	var rows [][]string
	at := []int{}
	j := i
	for j < len(p.lines) {
		l := p.lines[j]
		if cells := splitCells(l); cells != nil {
			if !separatorRow(cells) {
				rows = append(rows, cells)
				at = append(at, j)
			}
			j++
			continue
		}
		if strings.TrimSpace(l) == "" || reRule.MatchString(l) {
			k := j
			for k < len(p.lines) && (strings.TrimSpace(p.lines[k]) == "" || reRule.MatchString(p.lines[k])) && p.lines[k] != formFeed {
				k++
			}
			if k < len(p.lines) && k-j <= 2 && splitCells(p.lines[k]) != nil {
				j = k
				continue
			}
		}
		break
	}
	wide := 0 // rows with two cells or more: one is a line of fields, not a table
	for _, r := range rows {
		if filled(r) >= 2 {
			wide++
		}
	}
	if wide >= 2 {
		p.items = append(p.items, item{table: layoutTable(rows)})
		return j
	}
	// not a table: tab-indented text, or one line of tab-separated fields, kept as one
	// line with its columns ("Nơi nhận:\tKT. CHỦ TỊCH", "IV\tKhen thưởng cấp xã\t7\t8\t8")
	for k, r := range rows {
		var cells []string
		for _, c := range r {
			if c != "" {
				cells = append(cells, c)
			}
		}
		if len(cells) > 0 {
			p.items = append(p.items, item{unit: &unit{segs: parseInline(strings.Join(cells, "\t")), line: at[k] + 1}})
		}
	}
	return j
}

// detectWrapped tells text whose paragraphs were broken into lines of a fixed width
// (text extracted from PDF pages): many lines continue in lower case on the next one.
// It returns the typical line length.
func detectWrapped(lines []string) (bool, int) {
	pairs, lowerNext := 0, 0
	var lens []int
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || strings.Contains(l, "\t") {
			continue
		}
		lens = append(lens, utf8.RuneCountInString(t))
		if i+1 < len(lines) {
			n := strings.TrimSpace(lines[i+1])
			if n == "" {
				continue
			}
			pairs++
			if startsLower(n) {
				if _, ok := reader.SplitLabel(n); !ok {
					lowerNext++
				}
			}
		}
	}
	if pairs < 10 || lowerNext*10 < pairs {
		return false, 0
	}
	sort.Ints(lens)
	return true, lens[len(lens)*9/10]
}

// wrapJoins decides whether line next continues line prev in wrapped text.
func wrapJoins(prev, next string, width int) bool {
	a, b := strings.TrimSpace(prev), strings.TrimSpace(next)
	if a == "" || b == "" || rePage.MatchString(b) || reNumber.MatchString(b) {
		return false
	}
	if _, ok := reader.SplitLabel(b); ok {
		return false
	}
	if startsLower(b) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	switch {
	case strings.ContainsRune(".!?:;", last):
		return false
	case strings.ContainsRune(",-–(", last):
		return true
	}
	return utf8.RuneCountInString(a)*10 >= width*8
}

func startsLower(s string) bool {
	s = strings.TrimLeft(s, " (“\"'")
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// joinBreaks rejoins paragraphs that a page break split: one that ends without
// closing punctuation followed by one that starts in lower case (or after a trailing
// comma or dash), with notes, page numbers and page starts allowed in between.
func joinBreaks(items []item) {
	for i := 0; i < len(items); i++ {
		a := bodyUnit(items[i])
		if a == nil {
			continue
		}
		for {
			var between []*unit
			j := i + 1
			for ; j < len(items); j++ {
				it := items[j]
				if it.table != nil {
					j = len(items)
					break
				}
				if it.page > 0 || it.unit == nil || it.unit.drop || it.unit.note != nil {
					continue
				}
				if reNumber.MatchString(plain(it.unit.segs)) && it.unit.heading == 0 {
					between = append(between, it.unit)
					continue
				}
				break
			}
			if j >= len(items) {
				break
			}
			b := bodyUnit(items[j])
			if b == nil || !joinable(a, b) {
				break
			}
			a.segs = append(append(a.segs, seg{text: " "}), b.segs...)
			b.drop = true
			for _, u := range between {
				u.drop = true
			}
		}
	}
}

func bodyUnit(it item) *unit {
	if u := it.unit; u != nil && !u.drop && u.note == nil && u.heading == 0 && !reNumber.MatchString(plain(u.segs)) {
		return u
	}
	return nil
}

func joinable(a, b *unit) bool {
	at, bt := strings.TrimSpace(tail(a.segs)), strings.TrimSpace(plain(b.segs))
	if at == "" || bt == "" {
		return false
	}
	if strings.Contains(plain(a.segs), "\t") || strings.Contains(bt, "\t") {
		return false // a line of columns is not a paragraph cut by a page break
	}
	if last := a.segs[len(a.segs)-1]; last.ref != nil && last.ref.key != "" {
		return false // a note marker ends its paragraph
	}
	if _, ok := reader.SplitLabel(bt); ok {
		return false
	}
	if allMarked(b.segs, mBold) != a.bold() {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(at)
	if strings.ContainsRune(".!?:;…", last) {
		return false
	}
	return startsLower(bt) || strings.ContainsRune(",-–(", last)
}

// dropPageNumbers removes a page's number written alone on its first or last line.
func dropPageNumbers(items []item) {
	page := 0
	var last *unit
	check := func(u *unit) {
		if u != nil && page > 0 && strings.TrimSpace(plain(u.segs)) == strconv.Itoa(page) {
			u.drop = true
		}
	}
	first := false
	for _, it := range items {
		switch {
		case it.page > 0:
			check(last)
			page, first, last = it.page, true, nil
		case it.unit != nil && !it.unit.drop && it.unit.note == nil:
			if first {
				check(it.unit)
				first = false
			}
			last = it.unit
		case it.table != nil:
			first, last = false, nil
		}
	}
	check(last)
}

// emitPara adds a unit as a heading, list item or paragraph. A line set wholly in bold
// that Classify calls a list item ("* Về chăn nuôi:") is a heading with its bullet.
func emitPara(b *reader.Builder, u *unit) bool {
	text := strings.ReplaceAll(plain(u.segs), "\t", " ")
	bold := allMarked(u.segs, mBold)
	var kind baocao.BlockKind
	var label reader.Label
	if u.heading > 0 {
		kind = baocao.Heading
		label, _ = reader.SplitLabel(strings.TrimSpace(text))
		label.Level = u.heading
	} else {
		kind, label = reader.Classify(strings.TrimSpace(text), bold || capitals(text))
		if kind == baocao.ListItem && bold && len(text) < 200 && !strings.HasSuffix(strings.TrimSpace(text), ";") {
			kind = baocao.Heading
		}
	}
	p := b.Para(kind)
	p.Label = label.Text
	p.Level = label.Level
	for _, s := range u.segs {
		if s.ref != nil && s.ref.key != "" {
			p.NoteRef(s.ref.key, s.ref.label)
			continue
		}
		m := s.marks
		if s.ref != nil && !s.ref.literal {
			m |= mSup // a superscript marker whose note was not found stays as written
		}
		p.Add(s.text, m.kinds()...) // tabs between fields stay: they separate columns
	}
	if p.Len() == 0 {
		return false
	}
	p.End()
	return true
}

func emitTable(b *reader.Builder, grid [][]tcell) {
	tb := b.Table()
	for _, row := range grid {
		tb.Row()
		for _, c := range row {
			if c.covered {
				continue
			}
			p := tb.Cell(c.span, c.vm)
			if c.vm == reader.MergeContinue {
				continue
			}
			for _, s := range parseInline(c.text) {
				p.Add(s.text, s.marks.kinds()...)
			}
		}
	}
	tb.End()
}

// capitals reports whether a line is written in capitals ("BÁO CÁO", "PHƯƠNG HƯỚNG,
// NHIỆM VỤ…"), which plain text uses where the source had a bold heading.
func capitals(s string) bool {
	upper, lower := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	return upper >= 4 && lower == 0 && len(s) < 200
}
