package reader

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
)

// LowConfidence is the OCR word confidence below which readers list a word in
// Page.LowConf. In the test scans the printed words mostly score above 0.9, and what
// Tesseract made of handwritten numbers scored 0.00 to 0.56 ("PDE5" for 5065: 0.34) —
// though not always ("(2" for 05: 0.89).
const LowConfidence = 0.6

// LayoutOCR lays one recognized page out into b as the same document model a
// born-digital page gives: lines of one Tesseract paragraph rejoined, headings and list
// items found by Classify, the two-column regions of the header and the signature
// (issuer | Quốc hiệu, Nơi nhận | signer) written as "left\tright" lines, and runs of
// lines with three or more aligned columns as a table.
//
// The current page (b.CurrentPage; page 1 is started when there is none) gets Source
// FromOCR, Confidence the mean word confidence, and a LowConf entry, with its span in
// the builder's text, for every word whose confidence is below lowConf.
//
// Word boxes are pixels of the upright image (after OCRPage.Rotation). Reading order
// is top to bottom; side-by-side text becomes tab-separated columns.
func LayoutOCR(b *Builder, pg *OCRPage, lowConf float64) {
	page := b.CurrentPage()
	if page == nil {
		page = b.StartPage(1, baocao.FromOCR)
	}
	page.Source = baocao.FromOCR
	page.Confidence = 0
	if pg == nil {
		return
	}
	lines := ocrLines(pg)
	if n, sum := countConf(lines); n > 0 {
		page.Confidence = sum / float64(n)
	}
	if len(lines) == 0 {
		if page.Note == "" {
			page.Note = "OCR found no text on this page"
		}
		return
	}
	l := &ocrLayout{b: b, page: page, lowConf: lowConf, lines: lines}
	l.measure()
	l.emit()
}

// BUG(reader): LayoutOCR makes one table row per visual line: a cell whose text wraps
// onto a second line gives a second row with the other cells empty, and a header cell
// spanning columns is split by word position.
//
// BUG(reader): LayoutOCR reads a page top to bottom: a body set in two columns (rare in
// administrative documents) comes out as "left\tright" rows, as the header does.

// oword is a recognized word, cleaned.
type oword struct {
	text       string
	conf       float64
	l, t, r, b int
}

func (w oword) height() int { return w.b - w.t }

// oline is one visual line: the words at one height, left to right, split into
// segments at wide gaps (the gutter of a two-column header, table columns).
type oline struct {
	words      []oword
	segs       [][]oword
	l, t, r, b int
	h          float64 // median word height: the scale of every threshold
	block, par int     // of the first OCR line merged into it
}

func (v *oline) width() int { return v.r - v.l }

// noiseWord reports recognizer debris: table rules read as "|", underlines as "_",
// specks read as lone quotes.
func noiseWord(s string, conf float64) bool {
	if strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
		return false
	}
	if strings.ContainsAny(s, "|_~¬`«»") {
		return true
	}
	return conf < 0.4
}

// ocrLines cleans the words and builds visual lines: Tesseract puts the left and right
// halves of a header line in different blocks, so lines that share a height and do
// not overlap sideways are merged.
func ocrLines(pg *OCRPage) []*oline {
	var out []*oline
	for _, ln := range pg.Lines {
		var ws []oword
		for _, w := range ln.Words {
			t := strings.TrimSpace(vntext.Normalize(w.Text))
			if t != "|" {
				t = strings.Trim(t, "_|")
			}
			if t == "" || noiseWord(t, w.Confidence) || w.Right <= w.Left || w.Bottom <= w.Top {
				continue
			}
			ws = append(ws, oword{text: t, conf: w.Confidence, l: w.Left, t: w.Top, r: w.Right, b: w.Bottom})
		}
		if len(ws) == 0 {
			continue
		}
		v := &oline{words: ws, block: ln.Block, par: ln.Par}
		v.bounds()
		if m := mergeTarget(out, v); m != nil {
			m.words = append(m.words, v.words...)
			m.bounds()
			continue
		}
		out = append(out, v)
	}
	keep := out[:0]
	for _, v := range out {
		sort.SliceStable(v.words, func(i, j int) bool { return v.words[i].l < v.words[j].l })
		v.split()
		if len(v.words) > 0 {
			keep = append(keep, v)
		}
	}
	out = keep
	sort.SliceStable(out, func(i, j int) bool { return out[i].t+out[i].b < out[j].t+out[j].b })
	return out
}

// mergeTarget finds a line at the same height as v that v does not overlap sideways.
func mergeTarget(ls []*oline, v *oline) *oline {
	for i := len(ls) - 1; i >= 0 && i >= len(ls)-12; i-- {
		m := ls[i]
		ov := min(m.b, v.b) - max(m.t, v.t)
		if float64(ov) < 0.5*math.Min(float64(m.b-m.t), float64(v.b-v.t)) {
			continue
		}
		if math.Abs(float64(m.t+m.b-v.t-v.b))/2 > 0.5*math.Max(m.h, v.h) {
			continue
		}
		sideways := false
		for _, a := range m.words {
			for _, w := range v.words {
				if min(a.r, w.r) > max(a.l, w.l) {
					sideways = true
				}
			}
		}
		if !sideways {
			return m
		}
	}
	return nil
}

func (v *oline) bounds() {
	v.l, v.t, v.r, v.b = math.MaxInt, math.MaxInt, math.MinInt, math.MinInt
	hs := make([]int, 0, len(v.words))
	for _, w := range v.words {
		v.l, v.t, v.r, v.b = min(v.l, w.l), min(v.t, w.t), max(v.r, w.r), max(v.b, w.b)
		hs = append(hs, w.height())
	}
	sort.Ints(hs)
	v.h = float64(hs[len(hs)/2])
}

// split cuts the line at gaps wider than 1.6 word heights (word spaces are a third to
// two thirds of one, even in justified lines; the narrowest header gutter in the test
// scans is two) and where a "|" rule stood.
func (v *oline) split() {
	v.segs = v.segs[:0]
	var cur []oword
	for i, w := range v.words {
		if w.text == "|" {
			if len(cur) > 0 {
				v.segs = append(v.segs, cur)
			}
			cur = nil
			continue
		}
		if len(cur) > 0 && i > 0 && float64(w.l-cur[len(cur)-1].r) > 1.6*v.h {
			v.segs = append(v.segs, cur)
			cur = nil
		}
		cur = append(cur, w)
	}
	if len(cur) > 0 {
		v.segs = append(v.segs, cur)
	}
	// a segment of dots and quotes alone is the rest of an underline or a speck; a lone
	// "-" or "%" is a table cell
	segs := v.segs[:0]
	for _, s := range v.segs {
		if strings.Trim(segText(s), " ._,'\"`:;‘’“”") != "" {
			segs = append(segs, s)
		}
	}
	v.segs = segs
	var ws []oword // the "|" words are gone for good
	for _, s := range v.segs {
		ws = append(ws, s...)
	}
	v.words = ws
	if len(ws) > 0 {
		v.bounds()
	}
}

// splitWidest cuts words in two at the widest gap.
func splitWidest(ws []oword) [][]oword {
	at, widest := 0, -1
	for i := 1; i < len(ws); i++ {
		if g := ws[i].l - ws[i-1].r; g > widest {
			at, widest = i, g
		}
	}
	if at == 0 {
		return [][]oword{ws}
	}
	return [][]oword{ws[:at], ws[at:]}
}

func countConf(ls []*oline) (n int, sum float64) {
	for _, v := range ls {
		for _, w := range v.words {
			n++
			sum += w.conf
		}
	}
	return n, sum
}

func segBounds(s []oword) (l, r int) {
	return s[0].l, s[len(s)-1].r
}

func segText(s []oword) string {
	parts := make([]string, len(s))
	for i, w := range s {
		parts[i] = w.text
	}
	return strings.Join(parts, " ")
}

// ocrLayout emits the lines of one page.
type ocrLayout struct {
	b       *Builder
	page    *baocao.Page
	lowConf float64
	lines   []*oline

	left, right int // text area of the page
}

func (o *ocrLayout) measure() {
	o.left, o.right = math.MaxInt, math.MinInt
	for _, v := range o.lines {
		o.left, o.right = min(o.left, v.l), max(o.right, v.r)
	}
}

// region kinds
const (
	regText = iota
	regColumns
	regTable
)

type region struct {
	kind     int
	from, to int // lines [from, to)
	gutter   int // regColumns: x between the columns
}

func (o *ocrLayout) emit() {
	for _, r := range o.regions() {
		switch r.kind {
		case regTable:
			o.emitTable(o.lines[r.from:r.to])
		case regColumns:
			o.emitColumns(o.lines[r.from:r.to], r.gutter)
		default:
			o.emitText(o.lines[r.from:r.to])
		}
	}
}

// regions cuts the page into runs of body text, two-column regions and tables.
func (o *ocrLayout) regions() []region {
	ls := o.lines
	kind := make([]int, len(ls))
	gut := make([]int, len(ls))
	// tables: at least two lines of three or more segments, with the lines between
	// them that are not body text
	for i := 0; i < len(ls); {
		if len(ls[i].segs) < 3 {
			i++
			continue
		}
		j, wide := i+1, 1
		for j < len(ls) {
			v := ls[j]
			if len(v.segs) >= 3 {
				wide++
			} else if len(v.segs) == 1 && float64(v.width()) > 0.6*float64(o.right-o.left) {
				break
			} else if float64(v.t-ls[j-1].b) > 2*v.h {
				break
			}
			j++
		}
		for j > i+1 && len(ls[j-1].segs) < 3 { // do not end on a stray line
			j--
		}
		if wide >= 2 {
			for k := i; k < j; k++ {
				kind[k] = regTable
			}
		}
		i = j
	}
	// two columns: lines of two segments sharing a gutter, and the one-sided lines next
	// to them that stay on their side (the second line of the Quốc hiệu)
	textW := float64(o.right - o.left)
	for i, v := range ls {
		if kind[i] == regTable || len(v.segs) < 2 {
			continue
		}
		if len(v.segs) > 2 { // not a table row: a blank left in one column ("ngày    tháng")
			v.segs = splitWidest(v.words)
		}
		al, ar := segBounds(v.segs[0])
		bl, br := segBounds(v.segs[1])
		if float64(ar-al) > 0.5*textW || float64(br-bl) > 0.6*textW {
			// a body line with a blank left in it ("cho      tập thể"): one segment
			v.segs = [][]oword{v.words}
			continue
		}
		kind[i], gut[i] = regColumns, (ar+bl)/2
	}
	onSide := func(v *oline, g int) bool {
		return len(v.segs) == 1 && (v.r < g || v.l > g) && float64(v.width()) < 0.55*float64(o.right-o.left)
	}
	for pass := 0; pass < 2; pass++ { // grow up and down from the two-segment lines
		for i := range ls {
			if kind[i] != regColumns {
				continue
			}
			for _, j := range []int{i - 1, i + 1} {
				if j < 0 || j >= len(ls) || kind[j] != regText {
					continue
				}
				gap := ls[j].t - ls[i].b
				if j < i {
					gap = ls[i].t - ls[j].b
				}
				if onSide(ls[j], gut[i]) && float64(gap) < 1.5*ls[i].h {
					kind[j], gut[j] = regColumns, gut[i]
				}
			}
		}
	}
	var out []region
	for i := 0; i < len(ls); {
		j := i + 1
		for j < len(ls) && kind[j] == kind[i] {
			if kind[i] == regColumns && math.Abs(float64(gut[j]-gut[i])) > 4*ls[j].h {
				break // another two-column region (the signature, after the body)
			}
			j++
		}
		out = append(out, region{kind: kind[i], from: i, to: j, gutter: gut[i]})
		i = j
	}
	return out
}

// para collects the words of one block as they are added, to place the low-confidence
// ones once the block's span is known.
type opara struct {
	p     *Para
	words []placed
}

type placed struct {
	text       string
	conf       float64
	start, end int // in the paragraph's buffer
}

func (o *ocrLayout) newPara(kind baocao.BlockKind) *opara {
	return &opara{p: o.b.Para(kind)}
}

func (p *opara) addWords(ws []oword) {
	for _, w := range ws {
		if p.p.Len() > 0 {
			p.p.Add(" ")
		}
		s := p.p.Len()
		p.p.Add(w.text)
		p.words = append(p.words, placed{w.text, w.conf, s, p.p.Len()})
	}
}

// end adds the paragraph and records its low-confidence words.
func (o *ocrLayout) end(p *opara) {
	buf := p.p.String()
	lead := len(buf) - len(strings.TrimLeft(buf, " \t"))
	n := len(o.b.blocks)
	p.p.End()
	if len(o.b.blocks) == n {
		return
	}
	o.place(o.b.blocks[len(o.b.blocks)-1].Span, lead, p.words)
}

// place turns buffer offsets into text offsets for the low-confidence words, checking
// each against the text (normalization inside the builder may have moved it).
func (o *ocrLayout) place(span baocao.Span, lead int, ws []placed) {
	text := string(o.b.text)
	from := span.Start
	for _, w := range ws {
		if w.conf >= o.lowConf || w.end <= w.start {
			continue
		}
		want := vntext.Normalize(w.text)
		s := span.Start + w.start - lead
		if s < span.Start || s+len(want) > span.End || text[s:s+len(want)] != want {
			i := strings.Index(text[from:span.End], want)
			if i < 0 {
				continue
			}
			s = from + i
		}
		from = s + len(want)
		o.page.LowConf = append(o.page.LowConf, baocao.WordConf{
			Span: baocao.Span{Start: s, End: s + len(want)}, Confidence: math.Round(w.conf*1000) / 1000})
	}
}

// emitText joins the lines of body text into paragraphs: lines of one Tesseract
// paragraph that follow each other closely, unless a line starts with a numbering label.
func (o *ocrLayout) emitText(ls []*oline) {
	var group []*oline
	flush := func() {
		if len(group) > 0 {
			o.emitPara(group)
		}
		group = nil
	}
	for _, v := range ls {
		if len(group) > 0 {
			prev := group[len(group)-1]
			gap := float64(v.t - prev.b)
			text := segText(v.words)
			if v.block != prev.block || v.par != prev.par || gap > 1.2*v.h || WholeLabel(text) ||
				vntext.IsUpper(segText(prev.words)) != vntext.IsUpper(text) {
				flush()
			}
		}
		group = append(group, v)
	}
	flush()
}

func (o *ocrLayout) emitPara(ls []*oline) {
	var all []oword
	for _, v := range ls {
		all = append(all, v.words...)
	}
	text := segText(all)
	kind, label := baocao.Paragraph, Label{}
	strong := vntext.IsUpper(text) && len(text) < 200
	switch {
	case WholeLabel(text):
		kind, label = Classify(text, strong)
	case strong && !strings.HasSuffix(text, ";"):
		kind = baocao.Heading
	}
	p := o.newPara(kind)
	p.p.Label, p.p.Level = label.Text, label.Level
	if o.centered(ls) {
		p.p.Align = "center"
	}
	p.addWords(all)
	o.end(p)
}

// centered: every line's middle is near the text area's and no line fills it.
func (o *ocrLayout) centered(ls []*oline) bool {
	mid := float64(o.left+o.right) / 2
	for _, v := range ls {
		if float64(v.l) < float64(o.left)+2*v.h || float64(v.r) > float64(o.right)-2*v.h ||
			math.Abs(float64(v.l+v.r)/2-mid) > 1.5*v.h {
			return false
		}
	}
	return true
}

func sentenceEnded(s string) bool {
	s = strings.TrimRight(s, " \"'”’)*")
	return s == "" || strings.ContainsRune(".:;!?", rune(s[len(s)-1]))
}

// colPara is one paragraph of a column: its words and its top.
type colPara struct {
	words []oword
	top   int
	h     float64
}

// emitColumns writes a two-column region as rows "left\tright": each column's lines are
// joined where one wraps (a long line followed closely by one of the same case), then
// the columns' paragraphs are paired by height.
func (o *ocrLayout) emitColumns(ls []*oline, g int) {
	var left, right []*oline
	for _, v := range ls {
		var lw, rw []oword
		for _, w := range v.words {
			if (w.l+w.r)/2 < g {
				lw = append(lw, w)
			} else {
				rw = append(rw, w)
			}
		}
		if len(lw) > 0 {
			left = append(left, &oline{words: lw, h: v.h, block: v.block, par: v.par})
		}
		if len(rw) > 0 {
			right = append(right, &oline{words: rw, h: v.h, block: v.block, par: v.par})
		}
	}
	lp, rp := joinColumnLines(left), joinColumnLines(right)
	i, j := 0, 0
	for i < len(lp) || j < len(rp) {
		var l, r *colPara
		switch {
		case i < len(lp) && j < len(rp) && math.Abs(float64(lp[i].top-rp[j].top)) < 1.5*math.Max(lp[i].h, rp[j].h):
			l, r = &lp[i], &rp[j]
			i++
			j++
		case j >= len(rp) || i < len(lp) && lp[i].top < rp[j].top:
			l = &lp[i]
			i++
		default:
			r = &rp[j]
			j++
		}
		p := o.newPara(baocao.Paragraph)
		if l != nil {
			p.addWords(l.words)
		}
		if r != nil {
			if l != nil {
				p.p.Add("\t")
			}
			p.addWords(r.words)
		}
		if l == nil || r == nil { // one side only: a heading or paragraph of its own
			text := p.p.String()
			if WholeLabel(text) {
				p.p.Kind, _ = Classify(text, vntext.IsUpper(text))
			} else if vntext.IsUpper(text) && len(text) < 200 {
				p.p.Kind = baocao.Heading
			}
		}
		o.end(p)
	}
}

func joinColumnLines(ls []*oline) []colPara {
	var out []colPara
	if len(ls) == 0 {
		return nil
	}
	caps := make([]bool, len(ls))
	for i, v := range ls {
		v.bounds()
		caps[i] = vntext.IsUpper(segText(v.words))
	}
	// a line wraps when it is about as wide as the widest line of its run of lines in
	// the same case (the Quốc hiệu in capitals, the motto under it in lower case)
	runWidth := make([]int, len(ls))
	for i := 0; i < len(ls); {
		j, w := i, 0
		for ; j < len(ls) && caps[j] == caps[i]; j++ {
			w = max(w, ls[j].width())
		}
		for k := i; k < j; k++ {
			runWidth[k] = w
		}
		i = j
	}
	for i, v := range ls {
		if i > 0 {
			p := ls[i-1]
			pt, ct := segText(p.words), segText(v.words)
			if float64(p.width()) > 0.85*float64(runWidth[i-1]) && float64(v.t-p.b) < 0.8*v.h && !sentenceEnded(pt) &&
				!WholeLabel(ct) && caps[i-1] == caps[i] {
				last := &out[len(out)-1]
				last.words = append(last.words, v.words...)
				continue
			}
		}
		out = append(out, colPara{words: v.words, top: v.t, h: v.h})
	}
	return out
}

// emitTable writes a run of aligned lines as a table. Column separators are the
// vertical bands of white that nearly every line leaves empty; each word goes to the
// column its middle falls in.
func (o *ocrLayout) emitTable(ls []*oline) {
	x0, x1 := math.MaxInt, math.MinInt
	hs := 0.0
	for _, v := range ls {
		x0, x1 = min(x0, v.l), max(x1, v.r)
		hs += v.h
	}
	h := hs / float64(len(ls))
	cover := make([]int, x1-x0+1)
	for _, v := range ls {
		for _, s := range v.segs {
			l, r := segBounds(s)
			for x := l; x < r; x++ {
				cover[x-x0]++
			}
		}
	}
	limit := len(ls) / 5 // a merged header cell may cross a separator
	var seps []int       // middles of the white bands
	for x := 0; x < len(cover); {
		if cover[x] > limit {
			x++
			continue
		}
		e := x
		for e < len(cover) && cover[e] <= limit {
			e++
		}
		if float64(e-x) >= h && x > 0 && e < len(cover) {
			seps = append(seps, x0+(x+e)/2)
		}
		x = e
	}
	col := func(x int) int { return sort.SearchInts(seps, x) }
	ncol := len(seps) + 1
	t := o.b.Table()
	type cellWords struct {
		col   int
		words []oword
	}
	var cells [][]*cellWords
	for _, v := range ls {
		var row []*cellWords
		for _, sg := range v.segs {
			for _, w := range sg {
				c := col((w.l + w.r) / 2)
				if n := len(row); n > 0 && row[n-1].col == c { // the words of one cell
					row[n-1].words = append(row[n-1].words, w)
					continue
				}
				row = append(row, &cellWords{col: c, words: []oword{w}})
			}
		}
		cells = append(cells, row)
	}
	type pending struct {
		r, c  int
		words []placed
		lead  int
		p     *Para
	}
	var pend []pending
	for r, row := range cells {
		t.Row()
		at := 0
		for _, cw := range row {
			if at >= ncol {
				break
			}
			for ; at < cw.col; at++ {
				t.Cell(1, NoMerge)
			}
			p := &opara{p: t.Cell(1, NoMerge)}
			p.addWords(cw.words)
			pend = append(pend, pending{r: r, c: at, words: p.words, p: p.p})
			at++
		}
	}
	for i := range pend {
		buf := pend[i].p.String()
		pend[i].lead = len(buf) - len(strings.TrimLeft(buf, " \t"))
	}
	n := len(o.b.blocks)
	t.End()
	if len(o.b.blocks) == n {
		return
	}
	tb := o.b.blocks[len(o.b.blocks)-1].Table
	for _, pd := range pend {
		if pd.r < len(tb.Rows) && pd.c < len(tb.Rows[pd.r]) {
			o.place(tb.Rows[pd.r][pd.c].Span, pd.lead, pd.words)
		}
	}
}
