package pdf

import "encoding/binary"

// trueTypeUnicode reads the 'cmap' table of an embedded TrueType font and returns the
// inverse map glyph id → rune. It is the last resort for Identity-H fonts without a
// ToUnicode map (CID = glyph id). Malformed fonts give nil.
func trueTypeUnicode(font []byte) map[uint16]rune {
	if len(font) < 12 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(font[4:]))
	var cmapOff, cmapLen int
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(font) {
			return nil
		}
		if string(font[rec:rec+4]) == "cmap" {
			cmapOff = int(binary.BigEndian.Uint32(font[rec+8:]))
			cmapLen = int(binary.BigEndian.Uint32(font[rec+12:]))
		}
	}
	if cmapOff <= 0 || cmapOff+4 > len(font) {
		return nil
	}
	t := font[cmapOff:min(len(font), cmapOff+cmapLen)]
	if len(t) < 4 {
		return nil
	}
	// prefer a Unicode subtable: (3,10), (0,x), (3,1)
	best, bestScore := -1, 0
	count := int(binary.BigEndian.Uint16(t[2:]))
	for i := 0; i < count; i++ {
		rec := 4 + 8*i
		if rec+8 > len(t) {
			break
		}
		pid, eid := binary.BigEndian.Uint16(t[rec:]), binary.BigEndian.Uint16(t[rec+2:])
		off := int(binary.BigEndian.Uint32(t[rec+4:]))
		score := 0
		switch {
		case pid == 3 && eid == 10:
			score = 3
		case pid == 0:
			score = 2
		case pid == 3 && eid == 1:
			score = 2
		}
		if score > bestScore && off < len(t) {
			best, bestScore = off, score
		}
	}
	if best < 0 || best+4 > len(t) {
		return nil
	}
	st := t[best:]
	out := map[uint16]rune{}
	add := func(r rune, g uint16) {
		if g == 0 {
			return
		}
		if old, ok := out[g]; !ok || r < old { // several code points per glyph: the lowest
			out[g] = r
		}
	}
	switch binary.BigEndian.Uint16(st) {
	case 4:
		if len(st) < 14 {
			return nil
		}
		segs := int(binary.BigEndian.Uint16(st[6:])) / 2
		end := 14
		start := end + 2*segs + 2
		delta := start + 2*segs
		rangeOff := delta + 2*segs
		if rangeOff+2*segs > len(st) {
			return nil
		}
		for s := 0; s < segs; s++ {
			ec := int(binary.BigEndian.Uint16(st[end+2*s:]))
			sc := int(binary.BigEndian.Uint16(st[start+2*s:]))
			d := int(binary.BigEndian.Uint16(st[delta+2*s:]))
			ro := int(binary.BigEndian.Uint16(st[rangeOff+2*s:]))
			if ec < sc || ec-sc > 0x10000 {
				continue
			}
			for c := sc; c <= ec && c < 0xffff; c++ {
				if ro == 0 {
					add(rune(c), uint16(c+d))
					continue
				}
				at := rangeOff + 2*s + ro + 2*(c-sc)
				if at+2 > len(st) {
					break
				}
				if g := int(binary.BigEndian.Uint16(st[at:])); g != 0 {
					add(rune(c), uint16(g+d))
				}
			}
		}
	case 12:
		if len(st) < 16 {
			return nil
		}
		groups := int(binary.BigEndian.Uint32(st[12:]))
		for i := 0; i < groups && 16+12*i+12 <= len(st); i++ {
			g := st[16+12*i:]
			sc, ec, sg := binary.BigEndian.Uint32(g), binary.BigEndian.Uint32(g[4:]), binary.BigEndian.Uint32(g[8:])
			if ec < sc || ec-sc > 0x10000 {
				continue
			}
			for c := sc; c <= ec; c++ {
				add(rune(c), uint16(sg+c-sc))
			}
		}
	case 6:
		if len(st) < 10 {
			return nil
		}
		first := int(binary.BigEndian.Uint16(st[6:]))
		cnt := int(binary.BigEndian.Uint16(st[8:]))
		for i := 0; i < cnt && 10+2*i+2 <= len(st); i++ {
			add(rune(first+i), binary.BigEndian.Uint16(st[10+2*i:]))
		}
	default:
		return nil
	}
	return out
}
