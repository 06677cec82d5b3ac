package pdf

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/baocao/baocao/internal/legacy"
	"github.com/baocao/baocao/reader"
)

// Layout: glyphs → lines. A line gathers the glyphs whose baselines lie within 0.4 ×
// the font size, sorted by x; a gap over 0.2 em is a space and over 2 em a tab (two
// columns side by side, table cells). Raised smaller glyphs are superscripts.

// span is a run of one style inside a line.
type span struct {
	text   string
	bold   bool
	italic bool
	super  bool // a raised, smaller run (footnote markers)
	size   float64
	x0, x1 float64
	legacy legacy.Encoding // converted from this legacy encoding
}

// line is one line of text on a page, in display coordinates.
type line struct {
	spans  []span
	x0, x1 float64
	y      float64 // baseline
	top    float64 // baseline + size: the line's upper edge, roughly
	size   float64 // dominant font size
	page   int
	tabs   int // tab gaps inside the line
	text   string
	words  []float64  // x of each word start after the first, in order
	soft   []softGap  // wide gaps written as spaces that may be a column gutter
	table  *gridTable // the line stands for this ruled table
}

// softGap is a gap of 0.8..2 em that starts span si; promoting it makes it a tab.
type softGap struct {
	si     int
	x0, x1 float64
}

func (l *line) bold() bool   { return l.mostly(func(s *span) bool { return s.bold }) }
func (l *line) italic() bool { return l.mostly(func(s *span) bool { return s.italic }) }

// mostly reports whether 80 % of the line's characters have a style.
func (l *line) mostly(style func(*span) bool) bool {
	n, k := 0, 0
	for i := range l.spans {
		c := len(strings.TrimSpace(l.spans[i].text))
		n += c
		if style(&l.spans[i]) {
			k += c
		}
	}
	return n > 0 && k*10 >= n*8
}

// layoutLines turns the glyphs of one page into lines, top to bottom. Glyphs of other
// directions are rotated upright, laid out the same way and added after.
func layoutLines(gs []glyph, page int) []line {
	upright := true
	for i := range gs {
		if gs[i].dir != 0 || !usable(&gs[i]) {
			upright = false
			break
		}
	}
	if upright { // the common case: no copy
		return clusterLines(gs, page)
	}
	var byDir [4][]glyph
	for _, g := range gs {
		if !usable(&g) {
			continue
		}
		switch g.dir {
		case 90:
			g.x, g.y = g.y, -g.x
		case 180:
			g.x, g.y = -g.x, -g.y
		case 270:
			g.x, g.y = -g.y, g.x
		}
		byDir[g.dir/90] = append(byDir[g.dir/90], g)
	}
	var out []line
	for _, d := range byDir {
		out = append(out, clusterLines(d, page)...)
	}
	return out
}

func usable(g *glyph) bool {
	return g.size > 0.1 && g.size <= 500 && !math.IsNaN(g.x) && !math.IsNaN(g.y) && !math.IsInf(g.x, 0) && !math.IsInf(g.y, 0)
}

func clusterLines(gs []glyph, page int) []line {
	if len(gs) == 0 {
		return nil
	}
	sort.SliceStable(gs, func(i, j int) bool {
		if gs[i].y != gs[j].y {
			return gs[i].y > gs[j].y
		}
		return gs[i].x < gs[j].x
	})
	var groups [][]glyph
	var refY, refSize float64
	start := 0
	for i, g := range gs {
		if i > start && math.Abs(g.y-refY) <= 0.4*math.Max(g.size, refSize) {
			if g.size > refSize {
				refY, refSize = g.y, g.size
			}
			continue
		}
		if i > start {
			groups = append(groups, gs[start:i])
		}
		start, refY, refSize = i, g.y, g.size
	}
	groups = append(groups, gs[start:])
	groups = mergeSuperscriptLines(groups)
	out := make([]line, 0, len(groups))
	for _, g := range groups {
		if l, ok := buildLine(g, page); ok {
			out = append(out, l)
		}
	}
	return out
}

// dominant returns the baseline and size of most of the group's characters (a
// bigger bullet or a smaller footnote marker does not set the line's size).
func dominant(g []glyph) (y, size float64) {
	var sizes [8]struct {
		size, y float64
		n       int
	}
	used := 0
	for _, x := range g {
		if x.space {
			continue
		}
		k := 0
		for k < used && math.Abs(sizes[k].size-x.size) > 0.25 {
			k++
		}
		if k == used {
			if used == len(sizes) {
				continue
			}
			sizes[k].size, sizes[k].y = x.size, x.y
			used++
		}
		sizes[k].n++
	}
	if used == 0 {
		return g[0].y, g[0].size
	}
	best := 0
	for k := 1; k < used; k++ {
		if sizes[k].n > sizes[best].n || sizes[k].n == sizes[best].n && sizes[k].size > sizes[best].size {
			best = k
		}
	}
	return sizes[best].y, sizes[best].size
}

// mergeSuperscriptLines puts a group of only small glyphs (raised footnote markers
// that sort above their line) into the line right below it when they overlap in x.
func mergeSuperscriptLines(groups [][]glyph) [][]glyph {
	out := groups[:0:0]
	for i := 0; i < len(groups); i++ {
		g := groups[i]
		if i+1 < len(groups) {
			y, size := dominant(g)
			ny, nsize := dominant(groups[i+1])
			if size < 0.85*nsize && y > ny && y-ny < 0.8*nsize && xOverlap(g, groups[i+1]) {
				merged := append(append([]glyph(nil), g...), groups[i+1]...)
				groups[i+1] = merged
				continue
			}
		}
		out = append(out, g)
	}
	return out
}

func xOverlap(a, b []glyph) bool {
	ax0, ax1 := extent(a)
	bx0, bx1 := extent(b)
	return ax0 <= bx1+2 && bx0 <= ax1+2
}

func extent(g []glyph) (float64, float64) {
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, x := range g {
		x0 = math.Min(x0, x.x)
		x1 = math.Max(x1, x.x+x.w)
	}
	return x0, x1
}

// buildLine assembles one line's text and spans.
func buildLine(g []glyph, page int) (line, bool) {
	sort.SliceStable(g, func(i, j int) bool { return g[i].x < g[j].x })
	y, size := dominant(g)
	l := line{y: y, size: size, page: page, x0: math.Inf(1), x1: math.Inf(-1), top: y + size*0.8}
	var cur *span
	var text strings.Builder
	var raw []byte // pending legacy bytes of cur
	var tb []byte  // text of cur so far
	var curLegacy legacy.Encoding
	var curUpper bool
	flush := func() {
		if cur == nil {
			return
		}
		if curLegacy != "" && len(raw) > 0 {
			tb = append(tb, legacy.DecodeBytes(curLegacy, raw, curUpper)...)
			cur.legacy = curLegacy
		}
		raw = raw[:0]
		if len(tb) > 0 {
			cur.text = string(tb)
			l.spans = append(l.spans, *cur)
		}
		tb = tb[:0]
		cur = nil
	}
	prevEnd := math.Inf(-1)
	var prevSize float64
	var prevText string
	var prevX float64
	pendingSpace := false
	var spaceEnd, spaceW float64
	// a space glyph under an inked glyph is filler of another layer (the blank a
	// form field fills in): it separates nothing
	hidden := func(i int) bool {
		s := g[i]
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			if !g[k].space && g[k].x+g[k].w > s.x+0.3*s.w {
				return true
			}
		}
		for k := i + 1; k < len(g) && k <= i+3; k++ {
			if !g[k].space && g[k].x < s.x+s.w-0.3*s.w {
				return true
			}
		}
		return false
	}
	for i, x := range g {
		if x.space {
			if hidden(i) {
				continue
			}
			// gaps are measured from the last inked glyph: a run of spaces that
			// positions the next column is still a column gap
			pendingSpace = true
			spaceEnd = x.x + x.w
			spaceW = x.w
			continue
		}
		if x.text == "" && x.raw == "" {
			continue
		}
		if x.text == prevText && math.Abs(x.x-prevX) < 0.15*x.size && x.text != "" {
			continue // the same glyph drawn twice (fake bold, shadows)
		}
		if pendingSpace && x.x < spaceEnd-0.5*spaceW {
			pendingSpace = false // the space lies under this glyph: another layer's filler
		}
		super := x.size < 0.85*size && x.y-y > 0.15*size
		sep := ""
		if !math.IsInf(prevEnd, -1) {
			em := math.Max(x.size, prevSize)
			gap := x.x - prevEnd
			switch {
			case gap > 2*em:
				sep = "\t"
			case gap > 0.2*em || pendingSpace && gap > -0.2*em:
				sep = " "
			}
			if sep != "" {
				l.words = append(l.words, x.x)
			}
		}
		pendingSpace = false
		f := x.font
		soft := sep == " " && x.x-prevEnd > 0.8*math.Max(x.size, prevSize)
		if cur == nil || cur.super != super || cur.bold != f.bold || cur.italic != f.italic ||
			math.Abs(cur.size-x.size) > 0.15*size || curLegacy != f.legacy || curUpper != f.upper || sep == "\t" || soft {
			flush()
			if soft {
				l.soft = append(l.soft, softGap{si: len(l.spans), x0: prevEnd, x1: x.x})
			}
			cur = &span{bold: f.bold, italic: f.italic, super: super, size: x.size, x0: x.x}
			curLegacy, curUpper = f.legacy, f.upper
			if sep != "" {
				tb = append(tb[:0], sep...)
				if sep == "\t" {
					l.tabs++
				}
			}
		} else if sep != "" {
			if curLegacy != "" {
				raw = append(raw, ' ')
			} else {
				tb = append(tb, sep...)
			}
		}
		if f.legacy != "" && x.raw != "" {
			raw = append(raw, x.raw...)
		} else {
			if curLegacy != "" && len(raw) > 0 { // a glyph without raw bytes inside a legacy run
				tb = append(tb, legacy.DecodeBytes(curLegacy, raw, curUpper)...)
				raw = raw[:0]
			}
			tb = append(tb, x.text...)
		}
		cur.x1 = x.x + x.w
		l.x0 = math.Min(l.x0, x.x)
		l.x1 = math.Max(l.x1, x.x+x.w)
		prevEnd, prevSize, prevText, prevX = x.x+x.w, x.size, x.text, x.x
	}
	flush()
	// a bullet or number set off by a tab stop ("•<tab>Về trồng trọt") is a label, not
	// a column
	if l.tabs > 0 && len(l.spans) > 1 && strings.HasPrefix(l.spans[1].text, "\t") {
		if head := strings.TrimSpace(l.spans[0].text); head != "" {
			if lb, ok := reader.SplitLabel(head + " x"); ok && lb.Text == head {
				l.spans[1].text = " " + l.spans[1].text[1:]
				l.tabs--
			}
		}
	}
	for _, s := range l.spans {
		text.WriteString(s.text)
	}
	l.text = text.String()
	if strings.TrimFunc(l.text, unicode.IsSpace) == "" {
		return l, false
	}
	return l, true
}

// tabAt returns the gutter of the line's first tab: the gap before the span that
// starts with it.
func (l *line) tabAt() (x0, x1 float64, ok bool) {
	for i, s := range l.spans {
		if strings.HasPrefix(s.text, "\t") && i > 0 {
			return l.spans[i-1].x1, s.x0, true
		}
	}
	return 0, 0, false
}

// promoteGutters turns wide spaces into tabs where they line up with the tab of a
// nearby line: the two columns of a header or signature block, where a centered
// column comes closer to its neighbour than 2 em on some lines.
func promoteGutters(ls []line) {
	for pass := 0; pass < 3; pass++ {
		changed := false
		for i := range ls {
			g0, g1, ok := ls[i].tabAt()
			if !ok || ls[i].tabs != 1 {
				continue
			}
			for _, j := range []int{i - 1, i + 1} {
				if j < 0 || j >= len(ls) || ls[j].tabs != 0 || len(ls[j].soft) == 0 {
					continue
				}
				if math.Abs(ls[j].y-ls[i].y) > 3*math.Max(ls[i].size, ls[j].size) {
					continue
				}
				for _, sg := range ls[j].soft {
					if sg.x0 < g1 && g0 < sg.x1 && sg.si < len(ls[j].spans) {
						sp := &ls[j].spans[sg.si]
						sp.text = "\t" + strings.TrimLeft(sp.text, " ")
						ls[j].tabs = 1
						ls[j].text = joinSpans(ls[j].spans)
						changed = true
						break
					}
				}
			}
		}
		if !changed {
			return
		}
	}
}

func joinSpans(sp []span) string {
	var b strings.Builder
	for _, s := range sp {
		b.WriteString(s.text)
	}
	return b.String()
}
