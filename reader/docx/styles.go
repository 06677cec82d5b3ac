package docx

import (
	"encoding/xml"
	"strings"
	"unicode"
)

// tri is a property that a level of the style chain may leave unset.
type tri int8

const (
	unset tri = iota
	off
	on
)

func triOf(b bool) tri {
	if b {
		return on
	}
	return off
}

func (t tri) set() bool { return t != unset }
func (t tri) is() bool  { return t == on }

// rProps are the run properties the reader uses.
type rProps struct {
	style                                 string // w:rStyle (direct formatting only)
	bold, italic, underline, caps, vanish tri
	superscript                           tri
	fontASCII, fontHAnsi                  string
}

// over returns p with every property that q sets taken from q.
func (p rProps) over(q rProps) rProps {
	for _, f := range [...]struct{ dst, src *tri }{
		{&p.bold, &q.bold}, {&p.italic, &q.italic}, {&p.underline, &q.underline},
		{&p.caps, &q.caps}, {&p.vanish, &q.vanish}, {&p.superscript, &q.superscript},
	} {
		if f.src.set() {
			*f.dst = *f.src
		}
	}
	if q.fontASCII != "" {
		p.fontASCII = q.fontASCII
	}
	if q.fontHAnsi != "" {
		p.fontHAnsi = q.fontHAnsi
	}
	if q.style != "" {
		p.style = q.style
	}
	return p
}

// pProps are the paragraph properties the reader uses.
type pProps struct {
	style   string // w:pStyle id (direct formatting only)
	jc      string
	outline int    // w:outlineLvl + 1; 0 unset
	numID   string // "" unset; "0" switches inherited numbering off
	ilvl    int    // -1 unset
}

func newPProps() pProps { return pProps{ilvl: -1} }

func (p pProps) over(q pProps) pProps {
	if q.style != "" {
		p.style = q.style
	}
	if q.jc != "" {
		p.jc = q.jc
	}
	if q.outline != 0 {
		p.outline = q.outline
	}
	if q.numID != "" {
		p.numID = q.numID
		p.ilvl = q.ilvl // a numPr sets both; -1 picks the level bound to the style, else 0
	} else if q.ilvl >= 0 {
		p.ilvl = q.ilvl
	}
	return p
}

// readRPr reads a w:rPr element whose start was just read.
func readRPr(d *xml.Decoder) (rProps, error) {
	var p rProps
	err := children(d, func(se *xml.StartElement) (bool, bool, error) {
		switch se.Name.Local {
		case "rPrChange": // the formatting before a tracked change
			return true, false, nil
		case "rStyle":
			p.style = attr(se, "val")
		case "b":
			p.bold = triOf(onOff(se))
		case "i":
			p.italic = triOf(onOff(se))
		case "u":
			v := attr(se, "val")
			p.underline = triOf(v != "none" && v != "0")
		case "caps":
			p.caps = triOf(onOff(se))
		case "vanish":
			p.vanish = triOf(onOff(se))
		case "vertAlign":
			p.superscript = triOf(attr(se, "val") == "superscript")
		case "rFonts":
			p.fontASCII = attr(se, "ascii")
			p.fontHAnsi = attr(se, "hAnsi")
		}
		return false, false, nil
	})
	return p, err
}

// readPPr reads a w:pPr element whose start was just read. Header and footer
// references of a section break inside it go to refs.
func readPPr(d *xml.Decoder, refs *[]string) (pProps, error) {
	p := newPProps()
	err := children(d, func(se *xml.StartElement) (bool, bool, error) {
		switch se.Name.Local {
		case "pPrChange", "rPr": // old formatting; the paragraph mark's run properties
			return true, false, nil
		case "sectPr":
			return false, true, readSectPr(d, refs)
		case "pStyle":
			p.style = attr(se, "val")
		case "jc":
			p.jc = attr(se, "val")
		case "outlineLvl":
			if n := atoi(attr(se, "val"), -1); n >= 0 && n <= 8 {
				p.outline = n + 1
			} else if n == 9 { // body text: explicitly not a heading
				p.outline = -1
			}
		case "numId": // without an ilvl: level 0, or the level bound to the paragraph's style
			p.numID = attr(se, "val")
		case "ilvl":
			p.ilvl = min(max(atoi(attr(se, "val"), 0), 0), 8)
		}
		return false, false, nil
	})
	return p, err
}

// readSectPr collects the relationship ids of the headers and footers of a section.
func readSectPr(d *xml.Decoder, refs *[]string) error {
	return children(d, func(se *xml.StartElement) (bool, bool, error) {
		switch se.Name.Local {
		case "headerReference", "footerReference":
			if id := attr(se, "id"); id != "" && refs != nil {
				*refs = append(*refs, id)
			}
		case "sectPrChange":
			return true, false, nil
		}
		return false, false, nil
	})
}

// style is one w:style of styles.xml.
type style struct {
	name, kind, basedOn string
	ppr                 pProps
	rpr                 rProps
}

// styleSheet resolves styles through their basedOn chains.
type styleSheet struct {
	styles      map[string]*style
	defaultPara string // styleId of the default paragraph style
	defaultsP   pProps
	defaultsR   rProps
	resolvedP   map[string]pProps
	resolvedR   map[string]rProps
}

func newStyleSheet() *styleSheet {
	return &styleSheet{styles: map[string]*style{}, defaultsP: newPProps(),
		resolvedP: map[string]pProps{}, resolvedR: map[string]rProps{}}
}

// readStyles reads styles.xml.
func readStyles(d *xml.Decoder) (*styleSheet, error) {
	ss := newStyleSheet()
	if _, err := root(d); err != nil {
		return ss, err
	}
	err := children(d, func(se *xml.StartElement) (bool, bool, error) {
		switch se.Name.Local {
		case "pPrDefault", "rPrDefault":
			return false, false, nil // descend to the pPr / rPr inside
		case "pPr":
			p, err := readPPr(d, nil)
			ss.defaultsP = ss.defaultsP.over(p)
			return false, true, err
		case "rPr":
			r, err := readRPr(d)
			ss.defaultsR = ss.defaultsR.over(r)
			return false, true, err
		case "latentStyles":
			return true, false, nil
		case "style":
			return false, true, ss.readStyle(d, se)
		}
		return false, false, nil
	})
	return ss, err
}

func (ss *styleSheet) readStyle(d *xml.Decoder, start *xml.StartElement) error {
	st := &style{kind: attr(start, "type"), ppr: newPProps()}
	id := attr(start, "styleId")
	switch attr(start, "default") {
	case "1", "true", "on":
		if st.kind == "paragraph" && ss.defaultPara == "" {
			ss.defaultPara = id
		}
	}
	err := children(d, func(se *xml.StartElement) (bool, bool, error) {
		switch se.Name.Local {
		case "name":
			st.name = attr(se, "val")
		case "basedOn":
			st.basedOn = attr(se, "val")
		case "pPr":
			p, err := readPPr(d, nil)
			st.ppr = p
			return false, true, err
		case "rPr":
			r, err := readRPr(d)
			st.rpr = r
			return false, true, err
		case "tblPr", "trPr", "tcPr", "tblStylePr":
			return true, false, nil
		}
		return false, false, nil
	})
	if id != "" && ss.styles[id] == nil {
		ss.styles[id] = st
	}
	return err
}

// maxChain bounds basedOn chains (and cuts cycles).
const maxChain = 16

// para returns the paragraph properties of paragraph style id, chain resolved,
// document defaults included. An unknown or empty id means the default style.
func (ss *styleSheet) para(id string) pProps {
	if id == "" || ss.styles[id] == nil {
		id = ss.defaultPara
	}
	if p, ok := ss.resolvedP[id]; ok {
		return p
	}
	chain := ss.chain(id)
	p := ss.defaultsP
	for i := len(chain) - 1; i >= 0; i-- {
		p = p.over(chain[i].ppr)
	}
	p.style = ""
	ss.resolvedP[id] = p
	return p
}

// run returns the run properties given by paragraph style pid and character style
// rid, chains resolved, document defaults included.
func (ss *styleSheet) run(pid, rid string) rProps {
	if pid == "" || ss.styles[pid] == nil {
		pid = ss.defaultPara
	}
	key := pid + "\x00" + rid
	if r, ok := ss.resolvedR[key]; ok {
		return r
	}
	r := ss.defaultsR
	for _, id := range [2]string{pid, rid} {
		chain := ss.chain(id)
		for i := len(chain) - 1; i >= 0; i-- {
			r = r.over(chain[i].rpr)
		}
	}
	r.style = ""
	ss.resolvedR[key] = r
	return r
}

// chain returns style id and its ancestors, nearest first.
func (ss *styleSheet) chain(id string) []*style {
	var out []*style
	for i := 0; i < maxChain && id != ""; i++ {
		st := ss.styles[id]
		if st == nil {
			break
		}
		out = append(out, st)
		id = st.basedOn
	}
	return out
}

// displayName is the name Word shows for style id: built-in names are stored in lower
// case ("heading 1") and shown capitalized ("Heading 1").
func (ss *styleSheet) displayName(id string) string {
	st := ss.styles[id]
	if st == nil || st.name == "" {
		return id
	}
	name := st.name
	for _, r := range name {
		if r > unicode.MaxASCII || unicode.IsUpper(r) {
			return name
		}
	}
	words := strings.Fields(name)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// headingLevel reads a heading depth from a style name: "Heading 2" → 2, "Title" → 0
// with ok; built-in names only, in English as Word stores them.
func headingLevel(name string) (level int, ok bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	switch n {
	case "title", "subtitle":
		return 0, true
	}
	if rest, found := strings.CutPrefix(n, "heading"); found {
		rest = strings.TrimSpace(rest)
		if len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
			return int(rest[0] - '0'), true
		}
	}
	return 0, false
}
