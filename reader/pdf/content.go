package pdf

import (
	"context"
	"fmt"
	"math"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/baocao/baocao/reader"
)

// glyph is one shown character in display space (origin bottom left, y up, page
// rotation applied), with its baseline origin and advance.
type glyph struct {
	x, y  float64
	w     float64
	size  float64
	text  string
	font  *font
	space bool   // an explicit space character
	raw   string // the code bytes, for legacy-encoded fonts
	dir   int16  // text direction in display space: 0, 90, 180, 270 degrees
}

// imageUse is an image drawn on the page, with its bounding box in display space.
type imageUse struct {
	box    [4]float64
	v      lpdf.Value
	filter string // encoding filter, when the data is an encoded image (DCTDecode…)
}

// rule is a painted line or thin rectangle: footnote separators and table borders.
type rule struct{ x0, y0, x1, y1 float64 }

type pageContent struct {
	glyphs   []glyph
	images   []imageUse
	rules    []rule
	width    float64 // display size of the page
	height   float64
	warnings []string
	ops      int
}

type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

type gstate struct {
	ctm      matrix
	font     *font
	fontSize float64
	tc, tw   float64
	th       float64 // horizontal scaling, 1 = 100 %
	tl       float64
	rise     float64
}

// maxOps bounds the operators run per page (forms included): a real page has tens of
// thousands at most.
const maxOps = 2_000_000

// maxFormDepth bounds nested Form XObjects.
const maxFormDepth = 8

type interp struct {
	ctx     context.Context
	f       *file
	fonts   *fontCache
	out     *pageContent
	display matrix // user space → display space (page box and rotation)
	gs      gstate
	stack   []gstate
	tm, tlm matrix
	path    []rule
	cur     [2]float64
	start   [2]float64
	forms   map[string]bool  // forms being run, against self-reference
	local   map[string]*font // fonts of the resources being run, by name
	argbuf  [6]lpdf.Value    // operands of the operator being run
	numbuf  [6]float64
	depth   int
	err     error
}

// readPage interprets the page's content streams.
func (f *file) readPage(ctx context.Context, pg pageRef, fonts *fontCache) (*pageContent, error) {
	out := &pageContent{}
	box := pg.box
	w, h := box[2]-box[0], box[3]-box[1]
	var disp matrix
	switch pg.rotate {
	case 90:
		disp = matrix{0, -1, 1, 0, -box[1], box[2]}
		w, h = h, w
	case 180:
		disp = matrix{-1, 0, 0, -1, box[2], box[3]}
	case 270:
		disp = matrix{0, 1, -1, 0, box[3], -box[0]}
		w, h = h, w
	default:
		disp = matrix{1, 0, 0, 1, -box[0], -box[1]}
	}
	out.width, out.height = w, h
	it := &interp{ctx: ctx, f: f, fonts: fonts, out: out, display: disp, forms: map[string]bool{}}
	it.gs = gstate{ctm: identity, th: 1}
	var content []byte
	var cerr error
	func() {
		defer func() {
			if p := recover(); p != nil {
				cerr = fmt.Errorf("page contents: %v", p)
			}
		}()
		c := pg.v.Key("Contents")
		switch c.Kind() {
		case lpdf.Stream:
			content, cerr = f.streamData(c)
		case lpdf.Array:
			for i := 0; i < c.Len() && i < 10000; i++ {
				d, err := f.streamData(c.Index(i))
				if err != nil {
					cerr = err
					continue
				}
				content = append(content, d...)
				content = append(content, '\n')
			}
		}
	}()
	if cerr != nil && len(content) == 0 {
		return out, cerr
	}
	if cerr != nil {
		out.warnings = append(out.warnings, cerr.Error())
	}
	out.glyphs = make([]glyph, 0, min(len(content)/8, 1<<15)) // a glyph takes 6 to 10 bytes of content
	it.run(content, pg.resources)
	if it.err == nil {
		it.annotations(pg)
	}
	if it.err != nil {
		return out, it.err
	}
	return out, nil
}

// annotations draws the normal appearance of the page's annotations: e-signature
// tools fill the number and date of a document in as form fields and stamps, so
// their text is part of what the page shows (pdftotext reads it too).
func (it *interp) annotations(pg pageRef) {
	defer func() {
		if p := recover(); p != nil {
			it.out.warnings = append(it.out.warnings, fmt.Sprintf("annotations: %v", p))
		}
	}()
	annots := pg.v.Key("Annots")
	for i := 0; i < annots.Len() && i < 500; i++ {
		a := annots.Index(i)
		switch a.Key("Subtype").Name() {
		case "Popup", "Link":
			continue
		}
		if flags := a.Key("F").Int64(); flags&(2|32) != 0 { // Hidden, NoView
			continue
		}
		ap := a.Key("AP").Key("N")
		if ap.Kind() == lpdf.Dict { // appearance states: the one selected by /AS
			ap = ap.Key(a.Key("AS").Name())
		}
		r, ok := rect(a.Key("Rect"))
		if ap.Kind() != lpdf.Stream || !ok {
			continue
		}
		// PDF 32000-1 §12.5.5: the form's BBox, transformed by its Matrix, is mapped
		// onto the annotation's Rect
		fm := identity
		if m := ap.Key("Matrix"); m.Kind() == lpdf.Array && m.Len() == 6 {
			for k := range fm {
				fm[k] = m.Index(k).Float64()
			}
		}
		bb, ok := rect(ap.Key("BBox"))
		if !ok {
			continue
		}
		x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, c := range [][2]float64{{bb[0], bb[1]}, {bb[2], bb[1]}, {bb[0], bb[3]}, {bb[2], bb[3]}} {
			x, y := fm.apply(c[0], c[1])
			x0, y0, x1, y1 = math.Min(x0, x), math.Min(y0, y), math.Max(x1, x), math.Max(y1, y)
		}
		if x1-x0 < 1e-6 || y1-y0 < 1e-6 {
			continue
		}
		sx, sy := (r[2]-r[0])/(x1-x0), (r[3]-r[1])/(y1-y0)
		fit := matrix{sx, 0, 0, sy, r[0] - x0*sx, r[1] - y0*sy}
		it.gs = gstate{ctm: identity, th: 1}
		it.stack = nil
		it.runForm(ap, "annotation", pg.resources, fit)
	}
}

// streamBytes without the image-filter result.
func (f *file) streamData(v lpdf.Value) ([]byte, error) {
	d, img, err := f.streamBytes(v)
	if err == nil && img != "" {
		return nil, reader.Errorf(reader.ErrUnsupported, "stream filter %s (an image filter) on a content stream", img)
	}
	return d, err
}

func (it *interp) run(content []byte, res lpdf.Value) {
	if len(content) == 0 {
		return
	}
	v, err := contentValue(sanitize(content))
	if err != nil {
		it.out.warnings = append(it.out.warnings, err.Error())
		return
	}
	saved := it.local
	it.local = map[string]*font{}
	defer func() { it.local = saved }()
	defer func() {
		if p := recover(); p != nil {
			if p == errStop {
				return
			}
			it.out.warnings = append(it.out.warnings, fmt.Sprintf("content stream: %v", p))
		}
	}()
	lpdf.Interpret(v, func(stk *lpdf.Stack, op string) {
		it.out.ops++
		if it.err != nil {
			panic(errStop)
		}
		if it.out.ops > maxOps {
			it.err = fmt.Errorf("more than %d operators", maxOps)
			panic(errStop)
		}
		if it.out.ops&1023 == 0 && it.ctx.Err() != nil {
			it.err = it.ctx.Err()
			panic(errStop)
		}
		it.op(stk, op, res)
	})
}

var errStop = fmt.Errorf("stop")

func (it *interp) args(stk *lpdf.Stack, n int) []lpdf.Value {
	a := it.argbuf[:n]
	for i := n - 1; i >= 0; i-- {
		a[i] = stk.Pop()
	}
	for stk.Len() > 0 { // extra operands of a broken stream
		stk.Pop()
	}
	return a
}

func (it *interp) nums(a []lpdf.Value) []float64 {
	out := it.numbuf[:len(a)]
	for i, v := range a {
		out[i] = v.Float64()
	}
	return out
}

func (it *interp) op(stk *lpdf.Stack, op string, res lpdf.Value) {
	switch op {
	case "q":
		it.args(stk, 0)
		if len(it.stack) < 256 {
			it.stack = append(it.stack, it.gs)
		}
	case "Q":
		it.args(stk, 0)
		if n := len(it.stack); n > 0 {
			it.gs = it.stack[n-1]
			it.stack = it.stack[:n-1]
		}
	case "cm":
		a := it.nums(it.args(stk, 6))
		it.gs.ctm = matrix{a[0], a[1], a[2], a[3], a[4], a[5]}.mul(it.gs.ctm)
	case "BT":
		it.args(stk, 0)
		it.tm, it.tlm = identity, identity
	case "ET":
		it.args(stk, 0)
	case "Tc":
		it.gs.tc = it.args(stk, 1)[0].Float64()
	case "Tw":
		it.gs.tw = it.args(stk, 1)[0].Float64()
	case "Tz":
		it.gs.th = it.args(stk, 1)[0].Float64() / 100
	case "TL":
		it.gs.tl = it.args(stk, 1)[0].Float64()
	case "Ts":
		it.gs.rise = it.args(stk, 1)[0].Float64()
	case "Tr":
		it.args(stk, 1) // invisible text (OCR layers) is text too
	case "Tf":
		a := it.args(stk, 2)
		it.gs.fontSize = a[1].Float64()
		it.gs.font = it.loadFont(res, a[0].Name())
	case "Td":
		a := it.nums(it.args(stk, 2))
		it.td(a[0], a[1])
	case "TD":
		a := it.nums(it.args(stk, 2))
		it.gs.tl = -a[1]
		it.td(a[0], a[1])
	case "Tm":
		a := it.nums(it.args(stk, 6))
		it.tm = matrix{a[0], a[1], a[2], a[3], a[4], a[5]}
		it.tlm = it.tm
	case "T*":
		it.args(stk, 0)
		it.td(0, -it.gs.tl)
	case "Tj":
		it.show(it.args(stk, 1)[0].RawString())
	case "'":
		s := it.args(stk, 1)[0].RawString()
		it.td(0, -it.gs.tl)
		it.show(s)
	case "\"":
		a := it.args(stk, 3)
		it.gs.tw, it.gs.tc = a[0].Float64(), a[1].Float64()
		it.td(0, -it.gs.tl)
		it.show(a[2].RawString())
	case "TJ":
		a := it.args(stk, 1)[0]
		for i := 0; i < a.Len(); i++ {
			e := a.Index(i)
			switch e.Kind() {
			case lpdf.String:
				it.show(e.RawString())
			case lpdf.Integer, lpdf.Real:
				tx := -e.Float64() / 1000 * it.gs.fontSize * it.gs.th
				it.tm = matrix{1, 0, 0, 1, tx, 0}.mul(it.tm)
			}
		}
	case "Do":
		it.do(res, it.args(stk, 1)[0].Name())
	case "re":
		a := it.nums(it.args(stk, 4))
		it.path = append(it.path, it.userRect(a[0], a[1], a[0]+a[2], a[1]+a[3]))
	case "m":
		a := it.nums(it.args(stk, 2))
		it.cur = [2]float64{a[0], a[1]}
		it.start = it.cur
	case "l":
		a := it.nums(it.args(stk, 2))
		it.path = append(it.path, it.userRect(it.cur[0], it.cur[1], a[0], a[1]))
		it.cur = [2]float64{a[0], a[1]}
	case "h":
		it.args(stk, 0)
		it.path = append(it.path, it.userRect(it.cur[0], it.cur[1], it.start[0], it.start[1]))
		it.cur = it.start
	case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*":
		it.args(stk, 0)
		for _, r := range it.path {
			if len(it.out.rules) < 20000 {
				it.out.rules = append(it.out.rules, r)
			}
		}
		it.path = it.path[:0]
	case "n":
		it.args(stk, 0)
		it.path = it.path[:0]
	default:
		it.args(stk, 0)
	}
}

// userRect transforms a user-space box to display space (normalized).
func (it *interp) userRect(x0, y0, x1, y1 float64) rule {
	m := it.gs.ctm.mul(it.display)
	ax, ay := m.apply(x0, y0)
	bx, by := m.apply(x1, y1)
	return rule{math.Min(ax, bx), math.Min(ay, by), math.Max(ax, bx), math.Max(ay, by)}
}

func (it *interp) td(tx, ty float64) {
	it.tlm = matrix{1, 0, 0, 1, tx, ty}.mul(it.tlm)
	it.tm = it.tlm
}

func (it *interp) loadFont(res lpdf.Value, name string) *font {
	if ft, ok := it.local[name]; ok {
		return ft
	}
	v := res.Key("Font").Key(name)
	var ft *font
	if v.Kind() == lpdf.Dict {
		ft = it.fonts.get(it.f, v)
	}
	it.local[name] = ft
	return ft
}

// show emits the glyphs of one string.
func (it *interp) show(s string) {
	ft := it.gs.font
	if ft == nil || s == "" {
		return
	}
	gs := &it.gs
	if len(it.out.glyphs) > 1_000_000 {
		return
	}
	ft.codes([]byte(s), func(g glyphCode) {
		trm := it.tm.mul(gs.ctm).mul(it.display)
		x, y := trm.apply(0, gs.rise)
		size := gs.fontSize * math.Hypot(trm[2], trm[3])
		tx := (g.w*gs.fontSize + gs.tc) * gs.th
		if g.space {
			tx += gs.tw * gs.th
		}
		ex, ey := trm.apply(tx, gs.rise)
		dx, dy := ex-x, ey-y
		dir := int16(0)
		switch {
		case math.Abs(dx) >= math.Abs(dy) && dx < 0:
			dir = 180
		case math.Abs(dy) > math.Abs(dx) && dy > 0:
			dir = 90
		case math.Abs(dy) > math.Abs(dx):
			dir = 270
		}
		gl := glyph{x: x, y: y, w: math.Hypot(dx, dy), size: size, text: g.text, font: ft, dir: dir}
		if g.text == " " || g.space && g.text == "" {
			gl.space = true
		}
		if ft.legacy != "" {
			gl.raw = legacyBytes(ft, g)
		}
		it.out.glyphs = append(it.out.glyphs, gl)
		it.tm = matrix{1, 0, 0, 1, tx, 0}.mul(it.tm)
	})
}

// legacyBytes returns the bytes a legacy converter reads for one code: the code
// itself for simple fonts, the text's Latin-1 runes for CID fonts that map codes to
// the legacy characters.
func legacyBytes(ft *font, g glyphCode) string {
	if ft.kind != type0Font {
		return string([]byte{byte(g.code)})
	}
	var out []byte
	for _, r := range g.text {
		if r >= 256 {
			return ""
		}
		out = append(out, byte(r))
	}
	return string(out)
}

// do runs a Form XObject or records an image.
func (it *interp) do(res lpdf.Value, name string) {
	x := res.Key("XObject").Key(name)
	if x.Kind() != lpdf.Stream {
		return
	}
	switch x.Key("Subtype").Name() {
	case "Image":
		m := it.gs.ctm.mul(it.display)
		var b [4]float64
		b[0], b[1] = math.Inf(1), math.Inf(1)
		b[2], b[3] = math.Inf(-1), math.Inf(-1)
		for _, p := range [][2]float64{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
			px, py := m.apply(p[0], p[1])
			b[0], b[1] = math.Min(b[0], px), math.Min(b[1], py)
			b[2], b[3] = math.Max(b[2], px), math.Max(b[3], py)
		}
		if len(it.out.images) < 1000 {
			it.out.images = append(it.out.images, imageUse{box: b, v: x})
		}
	case "Form":
		it.runForm(x, name, res, it.gs.ctm)
	}
}

// runForm runs a Form XObject with ctm as the current matrix.
func (it *interp) runForm(x lpdf.Value, name string, res lpdf.Value, ctm matrix) {
	if it.depth >= maxFormDepth {
		it.out.warnings = append(it.out.warnings, "forms nested too deep")
		return
	}
	key := x.String()
	if it.forms[key] {
		return
	}
	data, err := it.f.streamData(x)
	if err != nil {
		it.out.warnings = append(it.out.warnings, fmt.Sprintf("form %s: %v", name, err))
		return
	}
	fres := x.Key("Resources")
	if fres.Kind() != lpdf.Dict {
		fres = res
	}
	saved, savedStack, savedTm, savedTlm := it.gs, it.stack, it.tm, it.tlm
	it.stack = nil
	it.gs.ctm = ctm
	if m := x.Key("Matrix"); m.Kind() == lpdf.Array && m.Len() == 6 {
		var mm matrix
		for i := range mm {
			mm[i] = m.Index(i).Float64()
		}
		it.gs.ctm = mm.mul(it.gs.ctm)
	}
	it.forms[key] = true
	it.depth++
	it.run(data, fres)
	it.depth--
	delete(it.forms, key)
	it.gs, it.stack, it.tm, it.tlm = saved, savedStack, savedTm, savedTlm
}
