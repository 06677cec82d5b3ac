package pdf

import (
	"strings"
	"sync"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/baocao/baocao/internal/legacy"
)

type fontKind uint8

const (
	simpleFont fontKind = iota
	type0Font
	type3Font
)

// font is what text extraction needs of a font dictionary: how to split a string
// into codes, each code's text and width.
type font struct {
	base         string // BaseFont without the subset tag
	kind         fontKind
	bold, italic bool

	toUni *cmap // ToUnicode, nil when absent

	// simple fonts
	enc     [256]string // text of each code from Encoding/Differences
	first   int
	widths  []float64 // in text space units per unit of font size
	missing float64

	// Type0 fonts
	encCMap  *cmap // an embedded encoding CMap; nil means Identity (2-byte CIDs)
	dw       float64
	cw       map[int]float64
	gidUni   map[uint16]rune // from the embedded TrueType cmap, when no ToUnicode
	cidToGID []byte          // CIDToGIDMap stream (2 bytes per CID), nil for Identity

	scale float64 // glyph space to text space: 1/1000, or FontMatrix[0] for Type3

	legacy legacy.Encoding // legacy-encoded text (TCVN3, VNI); "" for Unicode fonts
	upper  bool            // a TCVN3 capital ("H") font
}

// fontCache shares parsed fonts between the pages of one document. It is keyed by
// the font dictionary's text (which names its referenced objects), never by resource
// name: the same name means different fonts on different pages (library issue #60).
type fontCache struct {
	mu sync.Mutex
	m  map[string]*font
}

func (c *fontCache) get(f *file, v lpdf.Value) *font {
	key := v.String()
	c.mu.Lock()
	if ft, ok := c.m[key]; ok {
		c.mu.Unlock()
		return ft
	}
	c.mu.Unlock()
	ft := loadFont(f, v)
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]*font{}
	}
	if len(c.m) < 4096 {
		c.m[key] = ft
	}
	c.mu.Unlock()
	return ft
}

// loadFont reads a font dictionary. Missing or broken parts fall back to defaults;
// it never fails.
func loadFont(f *file, v lpdf.Value) (ft *font) {
	ft = &font{scale: 0.001, dw: 1, missing: 0}
	defer func() {
		if p := recover(); p != nil { // a broken font dictionary: keep what was read
			_ = p
		}
	}()
	base := v.Key("BaseFont").Name()
	if i := strings.IndexByte(base, '+'); i == 6 {
		base = base[7:]
	}
	ft.base = base
	desc := v.Key("FontDescriptor")
	sub := v.Key("Subtype").Name()
	var desc0 lpdf.Value
	if sub == "Type0" {
		ft.kind = type0Font
		desc0 = v.Key("DescendantFonts").Index(0)
		desc = desc0.Key("FontDescriptor")
		if base == "" {
			ft.base = desc0.Key("BaseFont").Name()
		}
	} else if sub == "Type3" {
		ft.kind = type3Font
		if m := v.Key("FontMatrix"); m.Len() >= 1 && m.Index(0).Float64() != 0 {
			ft.scale = m.Index(0).Float64()
		}
		if ft.base == "" {
			ft.base = v.Key("Name").Name()
		}
	}
	lower := strings.ToLower(ft.base)
	ft.bold = strings.Contains(lower, "bold") || strings.Contains(lower, "black") || strings.Contains(lower, "heavy") || strings.Contains(lower, "semibold")
	ft.italic = strings.Contains(lower, "italic") || strings.Contains(lower, "oblique")
	if desc.Kind() == lpdf.Dict {
		flags := desc.Key("Flags").Int64()
		if flags&(1<<18) != 0 || desc.Key("FontWeight").Float64() >= 600 {
			ft.bold = true
		}
		if a := desc.Key("ItalicAngle").Float64(); a < -3 || a > 3 {
			ft.italic = true
		}
		ft.missing = desc.Key("MissingWidth").Float64() * ft.scale
	}
	ft.legacy, ft.upper = legacy.FromFont(ft.base)

	if tu := v.Key("ToUnicode"); tu.Kind() == lpdf.Stream {
		if data, _, err := f.streamBytes(tu); err == nil {
			ft.toUni = parseCMap(data)
		}
	}
	switch ft.kind {
	case type0Font:
		ft.loadType0(f, v, desc0, desc)
	default:
		ft.loadSimple(v, desc, sub)
	}
	return ft
}

func (ft *font) loadSimple(v, desc lpdf.Value, sub string) {
	ft.first = int(v.Key("FirstChar").Int64())
	w := v.Key("Widths")
	if w.Kind() == lpdf.Array && w.Len() <= 256 {
		ft.widths = make([]float64, w.Len())
		for i := range ft.widths {
			ft.widths[i] = w.Index(i).Float64() * ft.scale
		}
	}
	if ft.widths == nil && ft.kind != type3Font {
		ft.missing = max(ft.missing, 0.5) // standard 14 fonts: an average width
	}
	symbolic := desc.Key("Flags").Int64()&4 != 0 && desc.Key("Flags").Int64()&32 == 0
	base := &standard
	if sub == "TrueType" || strings.Contains(ft.base, "Arial") || strings.Contains(ft.base, "Times") {
		base = &winAnsi
	}
	if symbolic && ft.toUni == nil {
		base = &symbolLike
	}
	if strings.HasPrefix(ft.base, "Symbol") || strings.HasPrefix(ft.base, "ZapfDingbats") {
		base = &symbolLike
	}
	enc := v.Key("Encoding")
	name := enc.Name()
	if enc.Kind() == lpdf.Dict {
		name = enc.Key("BaseEncoding").Name()
	}
	switch name {
	case "WinAnsiEncoding":
		base = &winAnsi
	case "MacRomanEncoding":
		base = &macRoman
	case "StandardEncoding":
		base = &standard
	}
	for i := 0; i < 256; i++ {
		if r := base[i]; r != 0 {
			ft.enc[i] = string(r)
		}
	}
	if d := enc.Key("Differences"); d.Kind() == lpdf.Array {
		code := 0
		for i := 0; i < d.Len() && i < 4096; i++ {
			e := d.Index(i)
			switch e.Kind() {
			case lpdf.Integer:
				code = int(e.Int64())
			case lpdf.Name:
				if code >= 0 && code < 256 {
					if r, ok := glyphRune(e.Name()); ok {
						ft.enc[code] = string(r)
					} else {
						ft.enc[code] = "" // "g12", "cid0042": no known character
					}
				}
				code++
			}
		}
	}
}

func (ft *font) loadType0(f *file, v, desc0, desc lpdf.Value) {
	enc := v.Key("Encoding")
	if enc.Kind() == lpdf.Stream {
		if data, _, err := f.streamBytes(enc); err == nil {
			ft.encCMap = parseCMap(data)
		}
	}
	ft.dw = 1
	if dw := desc0.Key("DW"); dw.Kind() == lpdf.Integer || dw.Kind() == lpdf.Real {
		ft.dw = dw.Float64() * ft.scale
	}
	if w := desc0.Key("W"); w.Kind() == lpdf.Array {
		ft.cw = map[int]float64{}
		n := w.Len()
		for i := 0; i < n && len(ft.cw) < 1<<17; {
			c := int(w.Index(i).Int64())
			next := w.Index(i + 1)
			if next.Kind() == lpdf.Array {
				for k := 0; k < next.Len(); k++ {
					ft.cw[c+k] = next.Index(k).Float64() * ft.scale
				}
				i += 2
				continue
			}
			if i+2 >= n {
				break
			}
			last := int(next.Int64())
			wd := w.Index(i+2).Float64() * ft.scale
			for k := c; k <= last && k-c < 1<<16; k++ {
				ft.cw[k] = wd
			}
			i += 3
		}
	}
	if ft.toUni == nil {
		if ff := desc.Key("FontFile2"); ff.Kind() == lpdf.Stream {
			if data, _, err := f.streamBytes(ff); err == nil {
				ft.gidUni = trueTypeUnicode(data)
			}
		}
		if m := desc0.Key("CIDToGIDMap"); m.Kind() == lpdf.Stream {
			if data, _, err := f.streamBytes(m); err == nil {
				ft.cidToGID = data
			}
		}
	}
}

// glyph is one code of a shown string.
type glyphCode struct {
	code  uint32
	n     int     // bytes of the code
	text  string  // its text ("" when unknown)
	w     float64 // advance in text space per unit of font size
	space bool    // the single-byte code 32, which takes word spacing
}

// codes splits s into codes and calls fn for each.
func (ft *font) codes(s []byte, fn func(g glyphCode)) {
	for i := 0; i < len(s); {
		var g glyphCode
		if ft.kind == type0Font {
			n := 2
			if ft.encCMap != nil {
				n = ft.encCMap.split(s[i:])
			}
			if n < 1 {
				n = 1
			}
			if i+n > len(s) {
				n = len(s) - i
			}
			g.code, g.n = codeOf(s[i:i+n]), n
			cid := int(g.code)
			if ft.encCMap != nil {
				if c, ok := ft.encCMap.cid(g.code); ok {
					cid = c
				}
			}
			g.w = ft.dw
			if w, ok := ft.cw[cid]; ok {
				g.w = w
			}
			if t, ok := ft.lookupUni(g.code); ok {
				g.text = t
			} else if ft.gidUni != nil {
				gid := uint16(cid)
				if ft.cidToGID != nil && 2*cid+1 < len(ft.cidToGID) {
					gid = uint16(ft.cidToGID[2*cid])<<8 | uint16(ft.cidToGID[2*cid+1])
				}
				if r, ok := ft.gidUni[gid]; ok {
					g.text = string(r)
				}
			}
			g.space = n == 1 && g.code == 32
		} else {
			c := s[i]
			g.code, g.n = uint32(c), 1
			if k := int(c) - ft.first; k >= 0 && k < len(ft.widths) {
				g.w = ft.widths[k]
			} else {
				g.w = ft.missing
			}
			if t, ok := ft.lookupUni(g.code); ok {
				g.text = t
			} else {
				g.text = ft.enc[c]
			}
			g.space = c == 32
		}
		i += g.n
		fn(g)
	}
}

func (ft *font) lookupUni(code uint32) (string, bool) {
	if ft.toUni == nil {
		return "", false
	}
	return ft.toUni.lookup(code)
}
