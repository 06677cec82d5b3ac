package docx

import (
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/reader"
)

// Bounds on the layout a document may ask for: without them a few bytes of XML
// (<w:gridSpan w:val="1000000"/>, a million empty rows under one wide row) would make
// the table grid explode.
const (
	maxNest  = 16      // text boxes and tables inside each other
	maxCols  = 256     // grid columns of one table (Word allows 63)
	maxCells = 4 << 20 // grid cells of all tables of a document
	maxField = 32      // nested complex fields
)

type markBits uint8

const (
	mBold markBits = 1 << iota
	mItalic
	mUnderline
	mSuper
)

func (m markBits) kinds() []baocao.MarkKind {
	if m == 0 {
		return nil
	}
	var out []baocao.MarkKind
	for _, k := range [...]struct {
		bit  markBits
		kind baocao.MarkKind
	}{{mBold, baocao.Bold}, {mItalic, baocao.Italic}, {mUnderline, baocao.Underline}, {mSuper, baocao.Superscript}} {
		if m&k.bit != 0 {
			out = append(out, k.kind)
		}
	}
	return out
}

// piece is a stretch of a paragraph with one formatting, or a note reference.
type piece struct {
	text  string
	marks markBits
	note  string // builder key of the referenced note; text is then its custom mark, if any
}

// para is a paragraph as read, before it goes to the builder.
type para struct {
	ppr     pProps // effective: style chain and direct formatting
	styleID string // direct w:pStyle
	label   string // rebuilt list label
	bullet  bool
	pieces  []piece
	floats  []*para // paragraphs of text boxes anchored here, emitted after it
}

// hasText reports whether the paragraph shows anything: text or a note reference.
func (p *para) hasText() bool {
	for _, pc := range p.pieces {
		if pc.note != "" || strings.TrimSpace(pc.text) != "" {
			return true
		}
	}
	return false
}

// allBold reports whether every visible character is bold (a Classify hint).
func (p *para) allBold() bool {
	seen := false
	for _, pc := range p.pieces {
		if pc.note == "" && strings.TrimSpace(pc.text) != "" {
			if pc.marks&mBold == 0 {
				return false
			}
			seen = true
		}
	}
	return seen
}

// plain is the paragraph's text with its label, for notes and furniture.
func (p *para) plain() string {
	var sb strings.Builder
	if p.label != "" {
		sb.WriteString(p.label)
		sb.WriteByte(' ')
	}
	for _, pc := range p.pieces {
		if pc.note == "" {
			sb.WriteString(pc.text)
		}
	}
	return sb.String()
}

// addTo writes the paragraph into a builder paragraph: label, text, note markers.
func (p *para) addTo(rp *reader.Para) {
	if p.label != "" {
		rp.Add(p.label + " ")
	}
	for _, pc := range p.pieces {
		if pc.note != "" {
			rp.NoteRef(pc.note, strings.TrimSpace(pc.text))
			continue
		}
		if pc.marks == 0 {
			rp.Add(pc.text)
			continue
		}
		// marks cover the words, not the spaces around them
		core := strings.TrimSpace(pc.text)
		if core == "" {
			rp.Add(pc.text)
			continue
		}
		i := strings.Index(pc.text, core)
		rp.Add(pc.text[:i])
		rp.Add(core, pc.marks.kinds()...)
		rp.Add(pc.text[i+len(core):])
	}
}

// sink receives finished paragraphs: the body lays them out as blocks, a table cell
// joins them, a note or a page header collects their text.
type sink interface {
	paragraph(w *walker, p *para)
	tables() bool // whether tables keep their grid here (only in the body)
}

type bodySink struct{}

func (bodySink) tables() bool { return true }

func (s bodySink) paragraph(w *walker, p *para) {
	if p.hasText() {
		w.emit(p)
	}
	for _, f := range p.floats {
		s.paragraph(w, f)
	}
}

type cellSink struct{ cell *reader.Para }

func (cellSink) tables() bool { return false }

func (s cellSink) paragraph(w *walker, p *para) {
	if p.hasText() {
		if s.cell.Len() > 0 {
			s.cell.Add(" ")
		}
		p.addTo(s.cell)
	}
	for _, f := range p.floats {
		s.paragraph(w, f)
	}
}

// floatSink keeps the paragraphs of a text box for the paragraph that anchors it.
type floatSink struct{ owner *para }

func (floatSink) tables() bool { return false }

func (s floatSink) paragraph(w *walker, p *para) { s.owner.floats = append(s.owner.floats, p) }

type noteSink struct{ key, kind string }

func (noteSink) tables() bool { return false }

func (s noteSink) paragraph(w *walker, p *para) {
	w.b.Footnote(s.key, s.kind, p.plain())
	for _, f := range p.floats {
		s.paragraph(w, f)
	}
}

type furnitureSink struct{}

func (furnitureSink) tables() bool { return false }

func (s furnitureSink) paragraph(w *walker, p *para) {
	w.b.Furniture(p.plain())
	for _, f := range p.floats {
		s.paragraph(w, f)
	}
}

// field is an open complex field (w:fldChar begin … separate … end).
type field struct {
	instr  strings.Builder
	result bool // past the separator: what follows is the field's result
	drop   bool // a page-number field: its result is dropped
}

// walker reads the story parts (document, notes, headers) into the builder.
type walker struct {
	d      *xml.Decoder
	b      *reader.Builder
	ss     *styleSheet
	num    *numbering
	legacy *legacyFonts
	refs   []string // header/footer relationship ids in order of reference

	fields   []*field
	overflow int // fields nested deeper than maxField
	nest     int
	cells    int
}

// skip drops the subtree of the element just started.
func (w *walker) skip() error { return eofIsSyntax(w.d.Skip()) }

// suppressed reports whether text at this point is a field code or the result of a
// page-number field.
func (w *walker) suppressed() bool {
	for _, f := range w.fields {
		if !f.result || f.drop {
			return true
		}
	}
	return false
}

// isPageField reports whether a field instruction is a page number or count.
func isPageField(instr string) bool {
	f := strings.Fields(instr)
	if len(f) == 0 {
		return false
	}
	switch strings.ToUpper(f[0]) {
	case "PAGE", "NUMPAGES", "SECTIONPAGES":
		return true
	}
	return false
}

// skipInStory lists elements whose content is never text: deleted or moved-away
// revisions, the fallback copy of alternate content (the choice was read), field
// codes, ruby annotations, property blocks, the note numbers inside notes.
var skipInStory = map[string]bool{
	"del": true, "moveFrom": true, "Fallback": true, "delText": true, "delInstrText": true,
	"rt": true, "footnoteRef": true, "endnoteRef": true, "annotationRef": true,
	"separator": true, "continuationSeparator": true, "sdtPr": true, "sdtEndPr": true,
	"tblPr": true, "tblGrid": true, "trPr": true, "tcPr": true, "tblPrEx": true,
	"customXmlPr": true, "fldData": true, "ffData": true, "pPrChange": true, "rPrChange": true,
	"commentReference": true, "docPartPr": true,
}

// blocks reads the block content of the element just started (body, cell, text box,
// note, header) into s and returns after its end element.
func (w *walker) blocks(s sink) error {
	depth := 0
	for {
		tok, err := w.d.Token()
		if err != nil {
			return eofIsSyntax(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			switch {
			case name == "p", name == "oMathPara": // a display equation stands as a paragraph
				p, err := w.paragraph()
				if err != nil {
					return err
				}
				s.paragraph(w, p)
				continue
			case name == "tbl" && s.tables() && w.nest < maxNest:
				if err := w.table(); err != nil {
					return err
				}
				continue
			case name == "sectPr":
				if err := readSectPr(w.d, &w.refs); err != nil {
					return err
				}
				continue
			case skipInStory[name], name == "pPr", name == "rPr":
				if err := w.skip(); err != nil {
					return err
				}
				continue
			}
			depth++ // anything else (sdt, customXml, a table flattened here): look inside
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// paragraph reads a w:p whose start was just read.
func (w *walker) paragraph() (*para, error) {
	p := &para{}
	direct := newPProps()
	resolved := false
	var runBase, run rProps
	resolve := func() {
		if resolved {
			return
		}
		resolved = true
		p.styleID = direct.style
		p.ppr = w.ss.para(direct.style).over(direct)
		runBase = w.ss.run(direct.style, "")
		run = runBase
	}
	custom := -1 // index of a reference in p.pieces whose custom mark follows in this run
	depth, runDepth := 0, -1
	for {
		tok, err := w.d.Token()
		if err != nil {
			return nil, eofIsSyntax(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			switch name {
			case "pPr":
				if depth == 0 && !resolved {
					if direct, err = readPPr(w.d, &w.refs); err != nil {
						return nil, err
					}
				} else if err := w.skip(); err != nil {
					return nil, err
				}
				resolve()
				continue
			case "r":
				resolve()
				run, runDepth, custom = runBase, depth, -1
			case "rPr":
				if runDepth < 0 || depth != runDepth+1 {
					if err := w.skip(); err != nil {
						return nil, err
					}
					continue
				}
				direct, err := readRPr(w.d)
				if err != nil {
					return nil, err
				}
				run = w.ss.run(p.styleID, direct.style).over(direct)
				continue
			case "t":
				s, err := charData(w.d)
				if err != nil {
					return nil, err
				}
				resolve()
				if custom >= 0 {
					p.pieces[custom].text += s
				} else {
					w.text(p, run, s)
				}
				continue
			case "tab", "ptab":
				w.text(p, run, "\t")
			case "br", "cr":
				w.text(p, run, " ")
			case "noBreakHyphen":
				w.text(p, run, "-")
			case "sym":
				if r := symChar(&t); r != 0 {
					w.text(p, run, string(r))
				}
			case "footnoteReference", "endnoteReference":
				if !w.suppressed() {
					kind := strings.TrimSuffix(name, "Reference")
					p.pieces = append(p.pieces, piece{note: kind + ":" + attr(&t, "id")})
					if v := attr(&t, "customMarkFollows"); v == "1" || v == "true" || v == "on" {
						custom = len(p.pieces) - 1
					}
				}
			case "fldChar":
				w.fieldChar(attr(&t, "fldCharType"))
			case "instrText":
				s, err := charData(w.d)
				if err != nil {
					return nil, err
				}
				if n := len(w.fields); n > 0 && !w.fields[n-1].result {
					w.fields[n-1].instr.WriteString(s)
				}
				continue
			case "fldSimple":
				if isPageField(attr(&t, "instr")) {
					if err := w.skip(); err != nil {
						return nil, err
					}
					continue
				}
			case "txbxContent":
				resolve()
				if w.nest < maxNest {
					w.nest++
					err := w.blocks(floatSink{owner: p})
					w.nest--
					if err != nil {
						return nil, err
					}
				} else if err := w.skip(); err != nil {
					return nil, err
				}
				continue
			default:
				if skipInStory[name] {
					if err := w.skip(); err != nil {
						return nil, err
					}
					continue
				}
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				resolve()
				w.number(p)
				// A field code does not run past its paragraph: a begin without a
				// separator (a broken field) must not hide the rest of the document.
				for _, f := range w.fields {
					f.result = true
				}
				return p, nil
			}
			depth--
			if depth == runDepth {
				runDepth, custom = -1, -1
			}
		}
	}
}

// text adds the text of a run to p, converted from a legacy font encoding when the
// run's font is one.
func (w *walker) text(p *para, run rProps, s string) {
	if s == "" || run.vanish.is() || w.suppressed() {
		return
	}
	if run.fontHAnsi != "" || run.fontASCII != "" {
		s = w.legacy.convert(run, s, w.b)
	}
	if run.caps.is() {
		s = strings.ToUpper(s)
	}
	var m markBits
	if run.bold.is() {
		m |= mBold
	}
	if run.italic.is() {
		m |= mItalic
	}
	if run.underline.is() {
		m |= mUnderline
	}
	if run.superscript.is() {
		m |= mSuper
	}
	if n := len(p.pieces); n > 0 && p.pieces[n-1].note == "" && p.pieces[n-1].marks == m {
		p.pieces[n-1].text += s
		return
	}
	p.pieces = append(p.pieces, piece{text: s, marks: m})
}

func (w *walker) fieldChar(kind string) {
	switch kind {
	case "begin":
		if len(w.fields) >= maxField {
			w.overflow++
			return
		}
		w.fields = append(w.fields, &field{})
	case "separate":
		if w.overflow == 0 && len(w.fields) > 0 {
			f := w.fields[len(w.fields)-1]
			f.result, f.drop = true, isPageField(f.instr.String())
		}
	case "end":
		if w.overflow > 0 {
			w.overflow--
		} else if len(w.fields) > 0 {
			w.fields = w.fields[:len(w.fields)-1]
		}
	}
}

// number rebuilds the list label of a finished paragraph.
func (w *walker) number(p *para) {
	id := p.ppr.numID
	if id == "" || id == "0" {
		return
	}
	ilvl := p.ppr.ilvl
	if ilvl < 0 {
		ilvl = w.num.levelOfStyle(id, p.styleID, w.ss)
	}
	label, bullet := w.num.next(id, ilvl, w.ss)
	p.label, p.bullet = vntext.Normalize(label), bullet
}

// symChar reads a w:sym: a character of a symbol font, written as hex.
func symChar(se *xml.StartElement) rune {
	v, err := strconv.ParseUint(attr(se, "char"), 16, 32)
	if err != nil || v == 0 {
		return 0
	}
	r := rune(v)
	if r >= 0xF000 && r <= 0xF0FF {
		r -= 0xF000
	}
	font := strings.ToLower(attr(se, "font"))
	if r < 0x100 && (strings.HasPrefix(font, "symbol") || strings.HasPrefix(font, "wingdings") || strings.HasPrefix(font, "webdings")) {
		return symbolRune(r)
	}
	if r < 0x20 {
		return 0
	}
	return r
}

// emit lays a body paragraph out as a block: its kind and label from the text
// (reader.Classify) and from what the source says (outline level, heading style,
// list numbering).
func (w *walker) emit(p *para) {
	rp := w.b.Para(baocao.Paragraph)
	p.addTo(rp)
	kind, lab := reader.Classify(rp.String(), p.allBold())
	label, level := lab.Text, lab.Level
	if p.label != "" {
		switch {
		case p.bullet:
			kind, label, level = baocao.ListItem, p.label, 9
			if p.label == "+" {
				level = 10
			}
		case lab.Text == "": // a label Classify does not know ("A/", "(1)"): its rule for numbered lines
			kind, label, level = baocao.ListItem, p.label, 0
			if p.allBold() || len(rp.String())-len(p.label) < 160 {
				kind = baocao.Heading
			}
		}
	}
	styleName := ""
	if p.styleID != "" {
		styleName = w.ss.displayName(p.styleID)
	}
	switch lvl, ok := headingLevel(styleName); {
	case p.ppr.outline > 0:
		kind, level = baocao.Heading, p.ppr.outline
	case ok && p.ppr.outline == 0:
		kind, level = baocao.Heading, lvl
	}
	rp.Kind, rp.Label, rp.Level, rp.Style, rp.Align = kind, label, level, styleName, align(p.ppr.jc)
	rp.End()
}

func align(jc string) string {
	switch jc {
	case "center":
		return "center"
	case "right", "end":
		return "right"
	case "both", "distribute", "justify", "highKashida", "lowKashida", "mediumKashida", "thaiDistribute":
		return "justify"
	}
	return ""
}

// table reads a w:tbl of the body whose start was just read into one table block.
// Tables nested in a cell are flattened into the cell's text.
func (w *walker) table() error {
	w.nest++
	defer func() { w.nest-- }()
	tb := w.b.Table()
	var (
		depth, rowDepth, cellDepth = 0, -1, -1
		nested                     []int // depths of the tables open inside the current cell
		before, after, width       int   // of the current row
		rowStarted                 bool
		rows, maxWidth             int
		cell, last                 *reader.Para
		span                       int
		vm                         reader.VMerge
	)
	startCell := func() {
		if cell != nil {
			return
		}
		if !rowStarted {
			tb.Row()
			rowStarted, rows = true, rows+1
			for range min(before, maxCols-1) {
				tb.Cell(1, reader.NoMerge)
				width++
			}
		}
		if width >= maxCols { // past the column bound: the rest joins the last cell
			cell = last
			return
		}
		s := min(max(span, 1), maxCols-width)
		cell = tb.Cell(s, vm)
		last, width = cell, width+s
	}
	for {
		tok, err := w.d.Token()
		if err != nil {
			return eofIsSyntax(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if cellDepth >= 0 { // inside a cell
				switch {
				case name == "p", name == "oMathPara":
					startCell()
					p, err := w.paragraph()
					if err != nil {
						return err
					}
					cellSink{cell: cell}.paragraph(w, p)
					continue
				case name == "tcPr" && len(nested) == 0 && depth == cellDepth+1:
					if err := children(w.d, func(se *xml.StartElement) (bool, bool, error) {
						switch se.Name.Local {
						case "gridSpan":
							span = min(max(atoi(attr(se, "val"), 1), 1), maxCols)
						case "vMerge":
							if attr(se, "val") == "restart" {
								vm = reader.MergeRestart
							} else {
								vm = reader.MergeContinue
							}
						case "tcPrChange":
							return true, false, nil
						}
						return false, false, nil
					}); err != nil {
						return err
					}
					continue
				case name == "tbl":
					nested = append(nested, depth)
				case skipInStory[name], name == "pPr", name == "rPr":
					if err := w.skip(); err != nil {
						return err
					}
					continue
				}
				depth++
				continue
			}
			switch name {
			case "tr":
				rowDepth, before, after, width, rowStarted, last = depth, 0, 0, 0, false, nil
			case "trPr":
				if err := children(w.d, func(se *xml.StartElement) (bool, bool, error) {
					switch se.Name.Local {
					case "gridBefore":
						before = min(max(atoi(attr(se, "val"), 0), 0), maxCols)
					case "gridAfter":
						after = min(max(atoi(attr(se, "val"), 0), 0), maxCols)
					case "trPrChange":
						return true, false, nil
					}
					return false, false, nil
				}); err != nil {
					return err
				}
				continue
			case "tc":
				if rowDepth < 0 { // a cell outside any row: give it one
					rowDepth, before, after, width, rowStarted, last = depth-1, 0, 0, 0, false, nil
				}
				cellDepth, cell, span, vm = depth, nil, 1, reader.NoMerge
			default:
				if skipInStory[name] || name == "pPr" || name == "rPr" || name == "sectPr" {
					if err := w.skip(); err != nil {
						return err
					}
					continue
				}
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				w.cells += rows * maxWidth
				if w.cells > maxCells {
					return reader.Errorf(reader.ErrLimit, "tables need more than %d grid cells", maxCells)
				}
				tb.End()
				return nil
			}
			depth--
			if n := len(nested); n > 0 && depth == nested[n-1] {
				nested = nested[:n-1]
			}
			if depth == cellDepth {
				startCell() // an empty cell still takes its place in the grid
				cellDepth, cell = -1, nil
			}
			if depth == rowDepth {
				if rowStarted {
					for range min(after, maxCols-width) {
						tb.Cell(1, reader.NoMerge)
						width++
					}
				}
				maxWidth = max(maxWidth, width)
				if w.cells+rows*maxWidth > maxCells {
					return reader.Errorf(reader.ErrLimit, "tables need more than %d grid cells", maxCells)
				}
				rowDepth = -1
			}
		}
	}
}
