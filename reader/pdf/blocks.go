package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/reader"
)

// Lines → blocks. Document statistics (body font size, text column, line step) come
// first; then per page the running headers, page numbers and the footnote area are
// taken out, two-column regions are paired, and body lines are joined into
// paragraphs, also across pages.

// pageLines is the layout of one page.
type pageLines struct {
	n      int // 1-based page number
	lines  []line
	rules  []rule
	width  float64
	height float64
	notes  []noteDef
}

type noteDef struct {
	label string
	text  []string
}

type docStats struct {
	bodySize  float64
	left      float64 // body text left edge
	right     float64 // body text right edge
	step      float64 // baseline distance of body lines
	furniture map[string]bool
}

func roundHalf(x float64) float64 { return math.Round(x*2) / 2 }

func computeStats(pages []*pageLines) docStats {
	sizes := map[float64]int{}
	for _, p := range pages {
		for _, l := range p.lines {
			if l.table != nil {
				continue
			}
			sizes[roundHalf(l.size)] += utf8.RuneCountInString(l.text)
		}
	}
	st := docStats{bodySize: 12}
	best := 0
	for s, n := range sizes {
		if n > best || n == best && s < st.bodySize {
			st.bodySize, best = s, n
		}
	}
	lefts := map[float64]int{}
	var rights []float64
	steps := map[float64]int{}
	for _, p := range pages {
		for i, l := range p.lines {
			if l.table != nil || math.Abs(l.size-st.bodySize) > 0.6 {
				continue
			}
			lefts[math.Round(l.x0)]++
			if l.tabs == 0 && l.x1-l.x0 > p.width/3 {
				rights = append(rights, l.x1)
			}
			if i > 0 {
				d := p.lines[i-1].y - l.y
				if d > 0.9*st.bodySize && d < 2.2*st.bodySize && math.Abs(p.lines[i-1].size-st.bodySize) <= 0.6 {
					steps[math.Round(d*2)/2]++
				}
			}
		}
	}
	best = 0
	for x, n := range lefts {
		if n > best || n == best && x < st.left {
			st.left, best = x, n
		}
	}
	if len(rights) > 0 {
		sort.Float64s(rights)
		st.right = rights[len(rights)*3/4]
	} else {
		st.right = st.left + 400
	}
	best = 0
	st.step = 1.2 * st.bodySize
	for d, n := range steps {
		if n > best || n == best && d < st.step {
			st.step, best = d, n
		}
	}
	st.furniture = runningHeaders(pages)
	return st
}

var reDigits = regexp.MustCompile(`\d+`)

func furnitureKey(s string) string {
	return strings.Join(strings.Fields(reDigits.ReplaceAllString(s, "#")), " ")
}

// runningHeaders finds texts repeated in the top or bottom margin of several pages.
func runningHeaders(pages []*pageLines) map[string]bool {
	count := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, i := range marginLines(p) {
			k := furnitureKey(p.lines[i].text)
			if k != "" && !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	out := map[string]bool{}
	need := max(2, (len(pages)+2)/3)
	for k, n := range count {
		if n >= need && len(pages) >= 2 && k != "#" {
			out[k] = true
		}
	}
	return out
}

// marginLines are the first two and last two lines of a page when they lie in its
// top or bottom 10 %.
func marginLines(p *pageLines) []int {
	var out []int
	n := len(p.lines)
	for i := 0; i < n && i < 2; i++ {
		if p.lines[i].y > p.height*0.9 && p.lines[i].table == nil {
			out = append(out, i)
		}
	}
	for i := n - 1; i >= 0 && i >= n-2; i-- {
		if p.lines[i].y < p.height*0.1 && p.lines[i].table == nil {
			out = append(out, i)
		}
	}
	return out
}

var rePageNumber = regexp.MustCompile(`^[-–—\s]*(?i:trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$`)

// dropFurniture removes page numbers and running headers; it returns the header texts
// worth keeping once (not page numbers).
func dropFurniture(p *pageLines, st *docStats) (kept []string) {
	drop := map[int]bool{}
	for _, i := range marginLines(p) {
		t := strings.TrimSpace(p.lines[i].text)
		if rePageNumber.MatchString(t) {
			drop[i] = true
			continue
		}
		if st.furniture[furnitureKey(t)] {
			drop[i] = true
			kept = append(kept, t)
		}
	}
	// a lone short number first or last on the page, in its top or bottom 15 %
	if n := len(p.lines); n > 1 {
		for _, i := range []int{0, n - 1} {
			l := &p.lines[i]
			inMargin := l.y > p.height*0.85 || l.y < p.height*0.15
			if inMargin && l.table == nil && rePageNumber.MatchString(strings.TrimSpace(l.text)) && l.x1-l.x0 < 60 {
				drop[i] = true
			}
		}
	}
	if len(drop) == 0 {
		return nil
	}
	out := p.lines[:0]
	for i, l := range p.lines {
		if !drop[i] {
			out = append(out, l)
		}
	}
	p.lines = out
	return kept
}

// marker returns the footnote marker at the start of a line: a raised number, or a
// number followed by a space in a smaller font.
func marker(l *line, st *docStats) (label string, rest int, ok bool) {
	for si, s := range l.spans {
		t := strings.TrimSpace(s.text)
		if t == "" {
			continue
		}
		if s.super && isNoteNumber(t) {
			return t, si + 1, true
		}
		if si == 0 && l.size < 0.92*st.bodySize {
			if i := strings.IndexAny(t, " \t"); i > 0 && isNoteNumber(t[:i]) {
				return t[:i], -1, true
			}
		}
		return "", 0, false
	}
	return "", 0, false
}

func isNoteNumber(s string) bool {
	if len(s) == 0 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s[0] != '0'
}

// splitFootnotes moves the footnote area at the bottom of the page into p.notes. The
// area starts at a line that begins with a marker and lies under a short rule, or
// starts a run of smaller lines that goes to the bottom of the page. A first line
// without a marker continues the previous page's last note (cont).
func splitFootnotes(p *pageLines, st *docStats) (cont []string) {
	n := len(p.lines)
	if n == 0 {
		return nil
	}
	start := -1
	bySeparator := false
	// a separator: a short horizontal rule alone at its height (table borders come in
	// rows and columns), in the lower part of the page near the left edge of the text
	for ri, r := range p.rules {
		w := r.x1 - r.x0
		if r.y1-r.y0 > 2.5 || w < 25 || w > p.width*0.55 || r.y1 > p.height*0.75 || math.Abs(r.x0-st.left) > 3*st.bodySize {
			continue
		}
		alone := true
		for rj, o := range p.rules {
			if rj == ri {
				continue
			}
			if o.y1 < r.y0-1 && o.y1-o.y0 > 5 && o.y1 > r.y0-3*st.bodySize || // a vertical rule under it
				math.Abs(o.y0-r.y0) < 2 && (o.x0 > r.x1+1 || o.x1 < r.x0-1) { // another rule beside it
				alone = false
				break
			}
		}
		if !alone {
			continue
		}
		for i := 0; i < n; i++ {
			if p.lines[i].top < r.y0+1 && (i == 0 || p.lines[i-1].y > r.y1) {
				if _, _, ok := marker(&p.lines[i], st); ok || p.lines[i].size < 0.92*st.bodySize && i > 0 {
					if start < 0 || i < start {
						start, bySeparator = i, true
					}
				}
				break
			}
		}
	}
	if start < 0 {
		// the trailing run of small lines, starting with a marker
		k := n
		for k > 0 && p.lines[k-1].size < 0.92*st.bodySize && p.lines[k-1].tabs == 0 {
			k--
		}
		for i := k; i < n; i++ {
			if _, _, ok := marker(&p.lines[i], st); ok {
				start = i
				break
			}
		}
		if start > k { // small lines above the first marker: not notes after all
			start = -1
		}
	}
	if start < 0 {
		return nil
	}
	var cur *noteDef
	for i := start; i < n; i++ {
		l := &p.lines[i]
		if l.table != nil { // notes end where a table starts
			p.notes = nil
			return nil
		}
		label, rest, ok := marker(l, st)
		if ok {
			p.notes = append(p.notes, noteDef{label: label})
			cur = &p.notes[len(p.notes)-1]
			var t string
			if rest >= 0 {
				t = joinSpans(l.spans[rest:])
			} else {
				t = strings.TrimSpace(l.text)
				t = strings.TrimSpace(t[len(label):])
			}
			cur.text = append(cur.text, t)
			continue
		}
		if cur == nil {
			// a note continued from the previous page: only under a separator, in the
			// notes' smaller type
			if bySeparator && l.size < 0.95*st.bodySize {
				cont = append(cont, l.text)
				continue
			}
			p.notes = nil
			return nil
		}
		cur.text = append(cur.text, l.text)
	}
	p.lines = p.lines[:start]
	return cont
}

// piece is a run of a paragraph's text with its style.
type piece struct {
	text         string
	bold, italic bool
	note         string // a footnote marker: the note label
}

type para struct {
	table    *gridTable
	page     int
	pieces   []piece
	lines    []*line
	centered bool
	row      bool // a two-column row or a table row: never joined
}

func (p *para) last() *line { return p.lines[len(p.lines)-1] }

func (p *para) text() string {
	var b strings.Builder
	for _, x := range p.pieces {
		if x.note != "" {
			b.WriteString("[" + x.note + "]")
			continue
		}
		b.WriteString(x.text)
	}
	return b.String()
}

// pieces of one line; superscript numbers that are defined notes become note pieces.
func linePieces(l *line, notes map[string]bool) []piece {
	var out []piece
	for _, s := range l.spans {
		t := s.text
		if s.super {
			if n := strings.TrimSpace(t); isNoteNumber(n) && notes[n] && !unitBefore(out) {
				out = append(out, piece{note: n})
				continue
			}
			t = superText(t, out)
		}
		out = append(out, piece{text: t, bold: s.bold, italic: s.italic})
	}
	return out
}

// unitBefore reports a unit that takes a raised 2 or 3 (m², km³).
func unitBefore(ps []piece) bool {
	if len(ps) == 0 {
		return false
	}
	t := ps[len(ps)-1].text
	return strings.HasSuffix(t, "m") && !strings.HasSuffix(t, " m") || strings.HasSuffix(t, "km")
}

var superDigits = map[rune]rune{'0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹'}

// superText writes a raised number that is no note as superscript digits after a
// unit (m²), else as the plain text.
func superText(t string, before []piece) string {
	if !unitBefore(before) {
		return t
	}
	var b strings.Builder
	for _, r := range t {
		if s, ok := superDigits[r]; ok {
			b.WriteRune(s)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var (
	reCodeEnd  = regexp.MustCompile(`^\d+[/-](?:[\p{L}\d]+[/-])*$`)
	reUpper    = regexp.MustCompile(`^[\p{Lu}Đ]`)
	reDigit    = regexp.MustCompile(`^\d`)
	reHyphened = regexp.MustCompile(`\p{Ll}-$`)
	reLower    = regexp.MustCompile(`^\p{Ll}`)
)

// joinText returns the separator between two joined lines: none when a number, code
// or date was split at the line end ("117/QĐ-" + "UBND", "05/01/" + "2023") or a word
// was hyphenated; a space otherwise. drop is the number of bytes to remove from the
// end of a (the hyphen of a hyphenated word).
func joinText(a, b string) (sep string, drop int) {
	a = strings.TrimRight(a, " ")
	b = strings.TrimLeft(b, " ")
	last := a
	if i := strings.LastIndexAny(a, " \t("); i >= 0 {
		last = a[i+1:]
	}
	if m := reCodeEnd.FindString(last); m != "" && m == last {
		switch {
		case strings.HasSuffix(last, "-") && (reUpper.MatchString(b) || reDigit.MatchString(b)):
			return "", 0
		case strings.HasSuffix(last, "/") && (reDigit.MatchString(b) || reUpper.MatchString(b)):
			return "", 0
		}
	}
	if reHyphened.MatchString(a) && reLower.MatchString(b) && !strings.HasSuffix(a, " -") {
		// "kinh tế-" + "xã hội" is a compound of two syllables: keep the hyphen;
		// "Inter-" + "net" is a word broken at the line end
		next := b
		if i := strings.IndexAny(b, " \t,.;:"); i >= 0 {
			next = b[:i]
		}
		if vntext.IsSyllable(strings.TrimSuffix(last, "-")) && vntext.IsSyllable(next) {
			return "", 0
		}
		return "", 1
	}
	return " ", 0
}

// joinLines joins the lines of a note or a table cell into one text, with joinText
// between them.
func joinLines(lines []string) string {
	text := ""
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if text == "" {
			text = l
			continue
		}
		sep, drop := joinText(text, l)
		text = strings.TrimRight(text, " ")
		text = text[:len(text)-drop] + sep + l
	}
	return text
}

// sentenceEnd reports whether a line ends a sentence or a list entry.
func sentenceEnd(s string) bool {
	s = strings.TrimRight(s, " \"'”’)*")
	if s == "" {
		return true
	}
	switch s[len(s)-1] {
	case '.', ':', ';', '!', '?':
		return true
	}
	return false
}

func firstWordWidth(l *line) float64 {
	if len(l.words) > 0 {
		return l.words[0] - l.x0
	}
	return l.x1 - l.x0
}

// labelTextX is where the text after a leading label starts (the hanging indent of
// a list item), or x0.
func labelTextX(l *line) float64 {
	if reader.WholeLabel(strings.TrimSpace(l.text)) && len(l.words) > 0 {
		return l.words[0]
	}
	return l.x0
}

// continues decides whether line cur continues paragraph p.
func continues(p *para, cur *line, st *docStats, pageW float64, newPage bool) bool {
	prev := p.last()
	if p.row || cur.tabs > 0 || p.table != nil || cur.table != nil {
		return false
	}
	if math.Abs(cur.size-prev.size) > 0.12*prev.size {
		return false
	}
	t := strings.TrimSpace(cur.text)
	pt := strings.TrimSpace(prev.text)
	// bold that starts or ends mid-paragraph (an emphasized phrase) continues a full
	// line that ends no sentence; otherwise a change of weight is a new block
	if prev.bold() != cur.bold() && (prev.x1 < st.right-2*cur.size || sentenceEnd(pt)) {
		return false
	}
	if reader.WholeLabel(t) || authority(pt) {
		return false
	}
	// a title in capitals ends where mixed case starts (and the reverse), except a
	// capital word ("CBCCVC.") that a full line runs into
	if vntext.IsUpper(pt) != vntext.IsUpper(t) && (prev.x1 < st.right-2*cur.size || sentenceEnd(pt) || p.centered || prev.bold() && vntext.IsUpper(pt)) {
		return false // a title in capitals (centered or bold) never runs into the mixed-case line under it
	}
	em := cur.size
	centered := isCentered(cur, st, pageW)
	if centered && !p.centered && math.Abs(cur.x0-prev.x0) < 0.5*em {
		centered = false // aligned with the line above: an indented ragged line, not a title
	}
	gap := prev.y - cur.y
	if !newPage && gap > math.Max(1.3*st.step, 1.1*prev.size) && !(p.centered && centered && gap < 1.8*cur.size) {
		return false // titles are often set with more leading than the body
	}
	if p.centered || centered {
		// a centered title wraps: its line is wide, or ends inside a phrase
		return p.centered && centered && !newPage &&
			(prev.x1-prev.x0 > 0.6*(st.right-st.left) || strings.HasSuffix(pt, ",") || strings.HasSuffix(pt, " -"))
	}
	// a new indented paragraph (first-line indent), unless it is the hanging indent of
	// a list item's continuation
	if cur.x0 > prev.x0+0.8*em && cur.x0 > st.left+0.8*em {
		hang := labelTextX(p.lines[0])
		if len(p.lines) > 1 {
			hang = p.lines[len(p.lines)-1].x0
		}
		if math.Abs(cur.x0-hang) > 0.6*em {
			return false
		}
	}
	full := prev.x1 >= st.right-2*em
	if newPage {
		return full && !sentenceEnd(pt) && cur.x0 < st.left+0.8*em
	}
	if sentenceEnd(pt) && !full {
		return false
	}
	// a line ends early only when the next word did not fit after it
	if prev.x1+firstWordWidth(cur)+1.0*em < st.right {
		return false
	}
	return true
}

func isCentered(l *line, st *docStats, pageW float64) bool {
	left, right := st.left, st.right
	if right <= left {
		left, right = 0, pageW
	}
	lm, rm := l.x0-left, right-l.x1
	return lm > 2.5*l.size && rm > 2.5*l.size && math.Abs(lm-rm) < l.size
}

// columns pairs the lines of a two-column region (issuer | Quốc hiệu, Nơi nhận |
// signature): each column's lines are joined where a line wraps, then the columns'
// paragraphs are written side by side as "left\tright".
func columnRegions(ls []line) [][2]int {
	var out [][2]int
	for i := 0; i < len(ls); {
		if ls[i].tabs != 1 {
			i++
			continue
		}
		// the tab lines that share a gutter, and the band of white space they share
		g0, g1, _ := ls[i].tabAt()
		lo, hi := i, i+1
		for hi < len(ls) && ls[hi].tabs == 1 && ls[hi-1].y-ls[hi].y < 3*ls[hi].size {
			a, b, _ := ls[hi].tabAt()
			if a >= g1 || g0 >= b {
				break
			}
			g0, g1 = math.Max(g0, a), math.Min(g1, b)
			hi++
		}
		// lines on one side of the gutter above and below
		for lo > 0 && sideOf(&ls[lo-1], g0, g1) != 0 && ls[lo-1].y-ls[lo].y < 3*ls[lo].size {
			lo--
		}
		for hi < len(ls) && sideOf(&ls[hi], g0, g1) != 0 && ls[hi-1].y-ls[hi].y < 3*ls[hi].size {
			hi++
		}
		if len(out) > 0 && lo < out[len(out)-1][1] {
			lo = out[len(out)-1][1]
		}
		out = append(out, [2]int{lo, hi})
		i = hi
	}
	return out
}

// sideOf says whether a line lies left (-1) or right (1) of the gutter [g0, g1], or
// across it (0).
func sideOf(l *line, g0, g1 float64) int {
	if l.tabs != 0 {
		return 0
	}
	switch {
	case l.x1 <= g1:
		return -1
	case l.x0 >= g0:
		return 1
	}
	return 0
}

// columnPiece is one side of a column line.
type columnPiece struct {
	spans  []span
	x0, x1 float64
	y      float64
	size   float64
	bold   bool
}

func splitColumns(ls []line) (left, right []columnPiece) {
	var g0, g1 float64
	for _, l := range ls {
		if l.tabs == 1 {
			g0, g1, _ = l.tabAt()
			break
		}
	}
	for _, l := range ls {
		cut := len(l.spans)
		if l.tabs == 1 {
			for i, s := range l.spans {
				if strings.HasPrefix(s.text, "\t") {
					cut = i
					break
				}
			}
		} else if sideOf(&l, g0, g1) > 0 {
			cut = 0
		}
		mk := func(sp []span) columnPiece {
			c := columnPiece{spans: sp, y: l.y, size: l.size, x0: math.Inf(1), x1: math.Inf(-1)}
			n, b := 0, 0
			for _, s := range sp {
				c.x0, c.x1 = math.Min(c.x0, s.x0), math.Max(c.x1, s.x1)
				k := len(strings.TrimSpace(s.text))
				n += k
				if s.bold {
					b += k
				}
			}
			c.bold = n > 0 && b*10 >= n*8
			return c
		}
		if cut > 0 {
			left = append(left, mk(l.spans[:cut]))
		}
		if cut < len(l.spans) {
			sp := append([]span(nil), l.spans[cut:]...)
			sp[0].text = strings.TrimLeft(sp[0].text, "\t ")
			right = append(right, mk(sp))
		}
	}
	return left, right
}

type columnPara struct {
	spans []span
	y     float64
}

// joinColumn joins a column's lines where one wraps: the line is about as wide as the
// column, has the same style as the next and does not end a sentence or start a label.
func joinColumn(cs []columnPiece) []columnPara {
	if len(cs) == 0 {
		return nil
	}
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, c := range cs {
		x0, x1 = math.Min(x0, c.x0), math.Max(x1, c.x1)
	}
	width := x1 - x0
	var out []columnPara
	for i, c := range cs {
		if i > 0 {
			p := cs[i-1]
			pt := strings.TrimSpace(joinSpans(p.spans))
			ct := strings.TrimSpace(joinSpans(c.spans))
			label := reader.WholeLabel(ct)
			if p.x1-p.x0 > 0.85*width && p.bold == c.bold && math.Abs(p.size-c.size) < 0.5 &&
				p.y-c.y < 1.6*c.size && !sentenceEnd(pt) && !label && vntext.IsUpper(pt) == vntext.IsUpper(ct) && !authority(pt) {
				last := &out[len(out)-1]
				sep, drop := joinText(pt, ct)
				if drop > 0 {
					trimLastSpan(last.spans, drop)
				}
				sp := append([]span(nil), c.spans...)
				sp[0].text = sep + strings.TrimLeft(sp[0].text, " ")
				last.spans = append(last.spans, sp...)
				continue
			}
		}
		out = append(out, columnPara{spans: c.spans, y: c.y})
	}
	return out
}

func trimLastSpan(sp []span, n int) {
	if len(sp) == 0 {
		return
	}
	s := &sp[len(sp)-1]
	t := strings.TrimRight(s.text, " ")
	if len(t) >= n {
		s.text = t[:len(t)-n]
	}
}

var reAuthority = regexp.MustCompile(`^(?:TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\.?\s`)

// authority reports a signing-authority line ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"):
// the title under it is a line of its own.
func authority(s string) bool { return reAuthority.MatchString(s) }
