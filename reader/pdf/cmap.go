package pdf

import (
	"sort"
	"unicode/utf16"
	"unicode/utf8"
)

// cmap is a parsed CMap: a ToUnicode map (code → text) or an encoding CMap of a Type0
// font (code → CID). Codes are split by the codespace ranges, so one- and multi-byte
// codes can be mixed as the CMap says.
type cmap struct {
	space    []codespace
	declared bool              // the CMap declared its codespace (else it is inferred from the codes)
	chars    map[uint32]string // bfchar and small ranges, expanded
	ranges   []bfrange         // large bfranges, sorted by lo
	cids     map[uint32]int    // cidchar
	cidrs    []cidrange
}

type codespace struct {
	n      int // bytes
	lo, hi [4]byte
}

type bfrange struct {
	lo, hi uint32
	dst    []byte   // UTF-16BE of the first code; later codes add to its last bytes
	arr    []string // the array form: one text per code
}

type cidrange struct {
	lo, hi uint32
	cid    int
}

// maxExpand is the largest bfrange expanded into the map.
const maxExpand = 256

// parseCMap reads a CMap stream. It never fails: what cannot be parsed is skipped.
func parseCMap(data []byte) *cmap {
	c := &cmap{chars: map[uint32]string{}}
	lx := lexer{data: data}
	var stack []token
	for {
		t := lx.next()
		if t.kind == tEOF {
			break
		}
		if t.kind != tKeyword {
			stack = append(stack, t)
			if len(stack) > 64 {
				stack = stack[1:]
			}
			continue
		}
		switch string(t.val) {
		case "begincodespacerange":
			for {
				a, b := lx.next(), lx.next()
				if a.kind != tString || b.kind != tString {
					break
				}
				if n := len(a.val); n >= 1 && n <= 4 && len(b.val) == n {
					var cs codespace
					cs.n = n
					copy(cs.lo[:], a.val)
					copy(cs.hi[:], b.val)
					if !c.declared {
						c.space, c.declared = nil, true
					}
					c.space = append(c.space, cs)
				}
			}
		case "beginbfchar":
			for {
				a := lx.next()
				if a.kind != tString {
					break
				}
				b := lx.next()
				switch b.kind {
				case tString:
					c.chars[codeOf(a.val)] = utf16Text(b.val)
				case tName:
					if r, ok := glyphRune(string(b.val)); ok {
						c.chars[codeOf(a.val)] = string(r)
					}
				default:
					lx.pos = b.start
				}
				c.noteLen(len(a.val))
			}
		case "beginbfrange":
			for {
				a := lx.next()
				if a.kind != tString {
					break
				}
				b := lx.next()
				if b.kind != tString {
					break
				}
				lo, hi := codeOf(a.val), codeOf(b.val)
				c.noteLen(len(a.val))
				d := lx.next()
				if hi < lo || hi-lo > 1<<20 {
					if d.kind == tArrOpen {
						skipArray(&lx)
					}
					continue
				}
				switch d.kind {
				case tString:
					r := bfrange{lo: lo, hi: hi, dst: append([]byte(nil), d.val...)}
					if hi-lo < maxExpand {
						for code := lo; code <= hi; code++ {
							c.chars[code] = r.text(code)
						}
					} else {
						c.ranges = append(c.ranges, r)
					}
				case tArrOpen:
					code := lo
					for {
						e := lx.next()
						if e.kind != tString {
							break
						}
						if code <= hi {
							c.chars[code] = utf16Text(e.val)
						}
						code++
					}
				default:
					lx.pos = d.start
				}
			}
		case "begincidchar":
			if c.cids == nil {
				c.cids = map[uint32]int{}
			}
			for {
				a := lx.next()
				if a.kind != tString {
					break
				}
				b := lx.next()
				if b.kind != tInt {
					break
				}
				c.cids[codeOf(a.val)] = int(b.i)
			}
		case "begincidrange":
			for {
				a := lx.next()
				if a.kind != tString {
					break
				}
				b, d := lx.next(), lx.next()
				if b.kind != tString || d.kind != tInt {
					break
				}
				c.cidrs = append(c.cidrs, cidrange{codeOf(a.val), codeOf(b.val), int(d.i)})
			}
		}
		stack = stack[:0]
	}
	sort.Slice(c.ranges, func(i, j int) bool { return c.ranges[i].lo < c.ranges[j].lo })
	return c
}

func skipArray(lx *lexer) {
	for {
		t := lx.next()
		if t.kind == tArrClose || t.kind == tEOF {
			return
		}
	}
}

// noteLen adds a codespace when the CMap has none and uses codes of n bytes.
func (c *cmap) noteLen(n int) {
	if n < 1 || n > 4 || c.declared {
		return
	}
	for _, s := range c.space {
		if s.n == n {
			return
		}
	}
	cs := codespace{n: n}
	for i := 0; i < n; i++ {
		cs.hi[i] = 0xff
	}
	c.space = append(c.space, cs)
}

func codeOf(b []byte) uint32 {
	var v uint32
	for i := 0; i < len(b) && i < 4; i++ {
		v = v<<8 | uint32(b[i])
	}
	return v
}

// text returns the destination of code in the range: the first destination plus the
// code's distance, added big-endian over all bytes with carry (the library adds it to
// the last byte only, which breaks every range that crosses a 256 boundary).
func (r bfrange) text(code uint32) string {
	d := append([]byte(nil), r.dst...)
	add := code - r.lo
	for i := len(d) - 1; i >= 0 && add > 0; i-- {
		s := uint32(d[i]) + add
		d[i] = byte(s)
		add = s >> 8
	}
	return utf16Text(d)
}

// lookup returns the text of code.
func (c *cmap) lookup(code uint32) (string, bool) {
	if s, ok := c.chars[code]; ok {
		return s, true
	}
	i := sort.Search(len(c.ranges), func(i int) bool { return c.ranges[i].hi >= code })
	for ; i < len(c.ranges) && c.ranges[i].lo <= code; i++ {
		if code <= c.ranges[i].hi {
			return c.ranges[i].text(code), true
		}
	}
	return "", false
}

// cid returns the CID of code in an encoding CMap.
func (c *cmap) cid(code uint32) (int, bool) {
	if v, ok := c.cids[code]; ok {
		return v, true
	}
	for _, r := range c.cidrs {
		if code >= r.lo && code <= r.hi {
			return r.cid + int(code-r.lo), true
		}
	}
	return 0, false
}

// split returns the length of the code at the start of s: the codespace range that
// matches, else the shortest declared length (PDF 32000-1 §9.7.6.3).
func (c *cmap) split(s []byte) int {
	if len(c.space) == 0 {
		return min(2, len(s))
	}
	shortest := 4
	for _, cs := range c.space {
		shortest = min(shortest, cs.n)
		if cs.n > len(s) {
			continue
		}
		ok := true
		for i := 0; i < cs.n; i++ {
			if s[i] < cs.lo[i] || s[i] > cs.hi[i] {
				ok = false
				break
			}
		}
		if ok {
			return cs.n
		}
	}
	return min(shortest, len(s))
}

// utf16Text decodes UTF-16BE (ToUnicode destinations); odd or invalid data is read
// byte by byte as Latin-1 so nothing is silently lost.
func utf16Text(b []byte) string {
	if len(b) == 1 {
		return string(rune(b[0]))
	}
	if len(b)%2 != 0 {
		return latin1(b)
	}
	if len(b) == 2 {
		r := rune(b[0])<<8 | rune(b[1])
		if !utf16.IsSurrogate(r) {
			return string(r)
		}
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	rs := utf16.Decode(u)
	buf := make([]byte, 0, len(rs)*3)
	for _, r := range rs {
		buf = utf8.AppendRune(buf, r)
	}
	return string(buf)
}

func latin1(b []byte) string {
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return string(rs)
}
