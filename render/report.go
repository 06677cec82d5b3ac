package render

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/reader"
)

// Errors of the renderers; test them with errors.Is.
var (
	ErrNoDocument = errors.New("render: nothing to render (no document and no record text)")
	ErrMismatch   = errors.New("render: the record's text is not the document's text (extract the file again)")
	ErrFormat     = errors.New("render: unknown format")
)

// Report is a document laid out in the components of Nghị định 30/2020 Điều 8, in the
// order the standard layout writes them. Every line is a span of the document's own
// text; only the Quốc hiệu and Tiêu ngữ, and the issuer taken from the record, may be
// written by the layout itself (Line.Fixed) when the source lost them.
type Report struct {
	Doc *baocao.Document
	Rec *baocao.Record // nil: citations are written as they are and nothing is annotated

	Preamble   []Part // text the source carried before its header (a cover sheet)
	Issuer     []Line // tên cơ quan ban hành; with two lines or more the first is the parent body
	Nation     []Line // Quốc hiệu and Tiêu ngữ, or ĐẢNG CỘNG SẢN VIỆT NAM
	Number     []Line // số, ký hiệu
	Abstract   []Line // "V/v …", the trích yếu of a công văn, under the number
	DateLine   []Line // địa danh và thời gian ban hành
	Marks      []Line // DỰ THẢO, MẬT, KHẨN… above the title
	Type       []Line // tên loại: BÁO CÁO
	Subject    []Line // trích yếu nội dung
	Body       []Part
	Recipients []Line // "Nơi nhận:" (Role "label") and its items
	Signature  []Line // authority, title, name (Role says which)
	Appendix   []Part // what follows the signature: the phụ lục
	Loose      []int  // footnotes (indexes into Doc.Footnotes) whose marker is not in the body

	edits  []edit       // canonical citations
	noteAt map[int]int  // start of a footnote marker in the body → index into Doc.Footnotes
	extra  []blockExtra // per block: edits, footnote markers and annotations inside it
	items  []item       // annotations: the record's items and findings
}

// Part is one unit of the body: a block, or several paragraph blocks that a page or
// line break had cut and that are written as one paragraph again.
type Part struct {
	Blocks []int // indexes into Doc.Blocks
}

// Line is one line of the layout.
type Line struct {
	Span  baocao.Span // into Doc.Text
	Fixed string      // set when the layout writes the line itself
	Role  string      // parent, label, item, authority, title, name, signed
}

// Roles of lines.
const (
	RoleParent    = "parent"    // the parent body above the issuer
	RoleLabel     = "label"     // "Nơi nhận:"
	RoleItem      = "item"      // a recipient
	RoleAuthority = "authority" // TM. ỦY BAN NHÂN DÂN
	RoleTitle     = "title"     // CHỦ TỊCH
	RoleName      = "name"      // the signer's name
	RoleSigned    = "signed"    // (Đã ký)
)

// NewReport lays out doc and the record extracted from it. Either may be nil: without
// a document the record's text is laid out line by line; without a record the text is
// written as it is, citations included. A Report is read-only once made: it may be
// written several times, from several goroutines.
func NewReport(rec *baocao.Record, doc *baocao.Document) (*Report, error) {
	switch {
	case doc == nil && (rec == nil || rec.Text == ""):
		return nil, ErrNoDocument
	case doc == nil:
		doc = DocumentFromText(rec.Text)
		doc.Source = rec.Source
	case rec != nil && rec.Text != "" && rec.Text != doc.Text:
		return nil, ErrMismatch
	}
	r := &Report{Doc: doc, Rec: rec, noteAt: map[int]int{}}
	r.layout()
	r.extra = make([]blockExtra, len(doc.Blocks))
	if rec != nil {
		r.citations()
		r.annotate()
	}
	r.linkNotes()
	return r, nil
}

// DocumentFromText builds a document model from normalized text (a record without its
// document): one block per line, headings and list items told apart by their labels.
// The blocks' spans point into text itself.
func DocumentFromText(text string) *baocao.Document {
	doc := &baocao.Document{Text: text}
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		left := len(line) - len(strings.TrimLeft(line, " \t"))
		if right := len(strings.TrimRight(line, " \t")); right > left {
			s := baocao.Span{Start: start + left, End: start + right}
			kind, label := reader.Classify(s.Of(text), false)
			if strings.Contains(s.Of(text), "\t") {
				kind = baocao.Paragraph // columns of a table the text lost
			}
			doc.Blocks = append(doc.Blocks, baocao.Block{Kind: kind, Span: s, Label: label.Text, Level: label.Level})
		}
		start = end + 1
	}
	return doc
}

// layout finds the components of the standard layout among the blocks.
func (r *Report) layout() {
	doc := r.Doc
	var idx []int // the blocks of the main text, notes and page furniture excluded
	for i, b := range doc.Blocks {
		if b.Kind != baocao.Note && b.Kind != baocao.Furniture && validSpan(doc.Text, b.Span) {
			idx = append(idx, i)
		}
	}
	headerEnd := r.header(idx)
	closeStart, closeEnd := r.closing(idx, headerEnd)
	r.Body = r.parts(idx[headerEnd:closeStart])
	r.Appendix = r.parts(idx[closeEnd:])
	r.fixHeader()
}

// header assigns the header components and returns where the body starts in idx.
func (r *Report) header(idx []int) int {
	doc := r.Doc
	start := -1
	for k := 0; k < min(len(idx), 40) && start < 0; k++ {
		for _, p := range pieces(doc, idx[k]) {
			if p.kind == hNation || p.kind == hNationFrag || p.kind == hNumber || p.kind == hDate || (p.kind == hType && k < 3) {
				start = k
				break
			}
		}
	}
	if start < 0 {
		return 0
	}
	for n := 0; start > 0 && n < 4 && allKind(pieces(doc, idx[start-1]), hUpper); n++ {
		start-- // the issuer lines above the first component found
	}
	r.Preamble = r.parts(idx[:start])
	seenType, pastNumber := false, false
	subject := 0
	k := start
	for ; k < len(idx); k++ {
		b := doc.Blocks[idx[k]]
		if !seenType {
			ps := pieces(doc, idx[k])
			if len(ps) == 0 {
				continue
			}
			if !allHeader(ps) {
				if len(r.Abstract) > 0 && len(ps) == 1 && startsLower(ps[0].span.Of(doc.Text)) {
					r.Abstract = append(r.Abstract, Line{Span: ps[0].span}) // V/v … wrapped
					continue
				}
				break
			}
			for _, p := range ps {
				l := Line{Span: p.span}
				switch p.kind {
				case hNation:
					r.Nation = append(r.Nation, l)
				case hNumber:
					r.Number = append(r.Number, l)
					pastNumber = true
				case hDate:
					r.DateLine = append(r.DateLine, l)
					pastNumber = true
				case hVV:
					r.Abstract = append(r.Abstract, l)
				case hType:
					r.Type = append(r.Type, l)
					seenType = true
				case hUpper:
					if p.col == 1 || (p.col < 0 && pastNumber) { // DỰ THẢO, MẬT… under the number
						r.Marks = append(r.Marks, l)
					} else {
						r.Issuer = append(r.Issuer, l)
					}
				}
			}
			continue
		}
		if b.Kind == baocao.TableKind {
			break
		}
		s := trimSpan(doc.Text, b.Span)
		if !r.isSubjectLine(s.Of(doc.Text), subject) {
			break
		}
		r.Subject = append(r.Subject, Line{Span: s})
		subject++
	}
	return k
}

func allKind(ps []piece, k hkind) bool {
	for _, p := range ps {
		if p.kind != k {
			return false
		}
	}
	return len(ps) > 0
}

func allHeader(ps []piece) bool {
	for _, p := range ps {
		if p.kind == hOther {
			return false
		}
	}
	return true
}

func startsLower(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r)
}

// isSubjectLine decides whether line n (0-based) after the type name is still the
// trích yếu: the first line unless the body starts there, later ones when they continue
// a wrapped sentence or the record's subject says so.
func (r *Report) isSubjectLine(t string, n int) bool {
	if t == "" || len(t) > 400 || startsBody(t) || isUpperLine(t) && n > 0 {
		return false
	}
	if n == 0 {
		return true
	}
	if n >= 4 {
		return false
	}
	if startsLower(t) {
		return true
	}
	if r.Rec != nil && r.Rec.Document.Subject != "" {
		f := vntext.Fold(t)
		return len(f) >= 8 && strings.Contains(vntext.Fold(string(r.Rec.Document.Subject)), f)
	}
	return false
}

// fixHeader adds what the layout must show and the source lost: the national header,
// and the issuer named in the record.
func (r *Report) fixHeader() {
	text := r.Doc.Text
	party := false
	for _, l := range r.Number {
		party = party || reParty.MatchString(l.Span.Of(text))
	}
	hasQH, hasTN := false, false
	for _, l := range r.Nation {
		t := l.Span.Of(text)
		hasQH = hasQH || reQuocHieu.MatchString(t) || reDang.MatchString(t)
		hasTN = hasTN || reTieuNgu.MatchString(t)
		party = party || reDang.MatchString(t)
	}
	switch {
	case party && !hasQH:
		r.Nation = append([]Line{{Fixed: DangHieu}}, r.Nation...)
	case !party:
		if !hasQH {
			r.Nation = append([]Line{{Fixed: QuocHieu}}, r.Nation...)
		}
		if !hasTN {
			r.Nation = append(r.Nation, Line{Fixed: TieuNgu})
		}
	}
	if len(r.Issuer) == 0 && r.Rec != nil {
		if up := strings.TrimSpace(string(r.Rec.Document.IssuerUp)); up != "" {
			r.Issuer = append(r.Issuer, Line{Fixed: strings.ToUpper(up)})
		}
		if is := strings.TrimSpace(string(r.Rec.Document.Issuer)); is != "" {
			r.Issuer = append(r.Issuer, Line{Fixed: strings.ToUpper(is)})
		}
	}
	if len(r.Issuer) > 1 {
		r.Issuer[0].Role = RoleParent
	}
}

// reParty matches a Party document number: "90-BC/ĐU" (number, hyphen, type, slash).
var reParty = regexp.MustCompile(`\d+\s*-\s*\p{Lu}+\s*/`)

// closing finds the Nơi nhận and signature blocks; it returns where they start and end
// in idx (both len(idx) when there are none).
func (r *Report) closing(idx []int, from int) (int, int) {
	doc := r.Doc
	endMark, first := -1, -1
	var labels, auths []int
	for k := from; k < len(idx); k++ {
		t := trimSpan(doc.Text, doc.Blocks[idx[k]].Span).Of(doc.Text)
		if strings.HasSuffix(t, "/.") {
			endMark = k
		}
		for _, c := range closingTexts(doc, idx[k]) {
			if c.Len() > 300 {
				continue // a paragraph of the body, not a closing line
			}
			if isRecipientsLabel(c.Of(doc.Text)) {
				labels = append(labels, k)
				break
			}
			if reAuthority.MatchString(c.Of(doc.Text)) {
				auths = append(auths, k)
				break
			}
		}
	}
	cands := append(slices.Clone(labels), auths...)
	slices.Sort(cands)
	switch {
	case endMark >= 0 && len(cands) > 0 && cands[len(cands)-1] > endMark:
		for _, c := range cands {
			if c > endMark {
				first = c
				break
			}
		}
	case len(labels) > 0:
		first = labels[len(labels)-1]
	case len(auths) > 0:
		first = auths[len(auths)-1]
	default:
		return len(idx), len(idx)
	}
	for _, a := range auths { // a signature written above the Nơi nhận
		if a < first && a >= first-4 {
			first = a
			break
		}
	}
	c := closer{r: r}
	k := first
	for ; k < len(idx); k++ {
		if !c.add(idx[k]) {
			break
		}
		if c.done() {
			k++
			break
		}
	}
	if len(c.recipients)+len(c.signature) == 0 {
		return len(idx), len(idx)
	}
	r.Recipients, r.Signature = c.recipients, c.signature
	return first, k
}

// closingTexts returns the parts of a block that the closing reads (see columns), the
// spaces around them trimmed, the empty ones left out.
func closingTexts(doc *baocao.Document, i int) []baocao.Span {
	var out []baocao.Span
	for _, p := range columns(doc, i) {
		if s := trimSpan(doc.Text, p.span); !s.IsZero() {
			out = append(out, s)
		}
	}
	return out
}

// closer collects the Nơi nhận and signature lines.
type closer struct {
	r          *Report
	recipients []Line
	signature  []Line
	inList     bool // after "Nơi nhận:"
	listDone   bool // after "Lưu: VT…"
	named      bool // the signer's name was read
}

func (c *closer) done() bool {
	return c.named && (c.listDone || len(c.recipients) > 0 && !c.inList)
}

// add reads block i; it reports false, leaving the closing as it was, when the block
// is no part of it (a block is taken whole or not at all, so no text is lost).
func (c *closer) add(i int) bool {
	doc := c.r.Doc
	texts := closingTexts(doc, i)
	if len(texts) == 0 {
		return true // an empty line inside the closing
	}
	saved := *c
	nr, ns := len(c.recipients), len(c.signature)
	table := doc.Blocks[i].Kind == baocao.TableKind
	for _, s := range texts {
		lines := []baocao.Span{s}
		if table {
			lines = c.cellLines(s)
		}
		for _, l := range lines {
			if !c.line(l) {
				*c = saved
				c.recipients, c.signature = c.recipients[:nr], c.signature[:ns]
				return false
			}
		}
	}
	return true
}

// cellLines cuts a cell of a closing table, whose paragraphs a DOCX reader joined, into
// the lines it held: "Nơi nhận:" and its items, or the lines of a signature.
func (c *closer) cellLines(s baocao.Span) []baocao.Span {
	text := c.r.Doc.Text
	t := s.Of(text)
	switch {
	case isRecipientsLabel(t):
		return []baocao.Span{s} // line splits it
	case strings.HasPrefix(t, "-") || strings.HasPrefix(t, "•") || strings.HasPrefix(t, "+"):
		return splitItems(text, s)
	case reAuthority.MatchString(t) || isUpperLine(firstWords(t, 2)):
		var out []baocao.Span
		for _, l := range splitSignature(c.r, s) {
			out = append(out, l.Span)
		}
		return out
	}
	return []baocao.Span{s}
}

func firstWords(t string, n int) string {
	f := strings.Fields(t)
	return strings.Join(f[:min(n, len(f))], " ")
}

// line reads one line (or one column of a line) of the closing.
func (c *closer) line(s baocao.Span) bool {
	text := c.r.Doc.Text
	t := s.Of(text)
	signing := len(c.signature) > 0
	switch {
	case isRecipientsLabel(t):
		c.inList = true
		label, rest := cutLabel(text, s)
		c.recipients = append(c.recipients, Line{Span: label, Role: RoleLabel})
		for _, it := range splitItems(text, rest) {
			c.item(it)
		}
	case c.inList && !c.listDone && isRecipientItem(t):
		c.item(s)
	case reAuthority.MatchString(t):
		c.signature = append(c.signature, Line{Span: s, Role: RoleAuthority})
		c.inList = c.inList && !c.listDone
	case reSigned.MatchString(t) && (signing || c.inList || c.listDone):
		c.signature = append(c.signature, Line{Span: s, Role: RoleSigned})
	case signing && c.isName(t):
		c.signature = append(c.signature, Line{Span: s, Role: RoleName})
		c.named = true
	case signing && !c.named:
		ti, _, ok := splitTitleName(t)
		if !ok {
			if isUpperLine(t) && len(t) <= 100 {
				c.signature = append(c.signature, Line{Span: s, Role: RoleTitle})
				return true
			}
			return false
		}
		c.signature = append(c.signature,
			Line{Span: trimSpan(text, baocao.Span{Start: s.Start, End: s.Start + len(ti)}), Role: RoleTitle},
			Line{Span: trimSpan(text, baocao.Span{Start: s.Start + len(ti), End: s.End}), Role: RoleName})
		c.named = true
	case isUpperLine(t) && len(t) <= 100 && (c.inList || c.listDone) && !c.named:
		c.signature = append(c.signature, Line{Span: s, Role: RoleTitle})
		c.inList = false
	default:
		return false
	}
	return true
}

// item adds a recipient; "Lưu: VT…" is the last one.
func (c *closer) item(s baocao.Span) {
	c.recipients = append(c.recipients, Line{Span: s, Role: RoleItem})
	if strings.HasPrefix(vntext.Fold(strings.TrimLeft(s.Of(c.r.Doc.Text), "-•+ ")), "luu") {
		c.listDone = true
	}
}

func (c *closer) isName(t string) bool {
	if c.r.Rec != nil && c.r.Rec.Document.Signer != nil && c.r.Rec.Document.Signer.Name != "" {
		if vntext.Fold(t) == vntext.Fold(string(c.r.Rec.Document.Signer.Name)) {
			return true
		}
	}
	return isNameLine(t) && !isUpperLine(t) && !reAuthority.MatchString(t)
}

// isRecipientItem reports whether t is an item of the Nơi nhận list.
func isRecipientItem(t string) bool {
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "•") || strings.HasPrefix(t, "+") {
		return true
	}
	if startsLower(t) {
		return true // an item wrapped onto a second line
	}
	return len(t) <= 150 && (strings.HasSuffix(t, ";") || strings.HasPrefix(vntext.Fold(t), "luu"))
}

// cutLabel splits "Nơi nhận: - A; - B." into the label and the rest.
func cutLabel(text string, s baocao.Span) (label, rest baocao.Span) {
	t := s.Of(text)
	n := strings.IndexByte(t, ':')
	if n < 0 || n > 20 {
		n = len(t)
		if f := strings.Fields(t); len(f) >= 2 {
			n = strings.Index(t, f[1]) + len(f[1])
		}
	} else {
		n++
	}
	return baocao.Span{Start: s.Start, End: s.Start + n}, trimSpan(text, baocao.Span{Start: s.Start + n, End: s.End})
}

// splitItems cuts "- A; - B; - Lưu: VT." into its items.
func splitItems(text string, s baocao.Span) []baocao.Span {
	if s.IsZero() {
		return nil
	}
	t := s.Of(text)
	var starts []int
	for _, m := range reItemStart.FindAllStringIndex(t, -1) {
		at := m[1] - 1
		for at > m[0] && t[at] == ' ' {
			at--
		}
		starts = append(starts, at) // at the bullet
	}
	if len(starts) == 0 || starts[0] != 0 {
		starts = append([]int{0}, starts...)
	}
	var out []baocao.Span
	for k, a := range starts {
		e := len(t)
		if k+1 < len(starts) {
			e = starts[k+1]
		}
		if sp := trimSpan(text, baocao.Span{Start: s.Start + a, End: s.Start + e}); !sp.IsZero() {
			out = append(out, sp)
		}
	}
	return out
}

// splitSignature cuts a signature cell ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH (Đã ký) Nguyễn Văn
// An") into the authority and title, the signing note and the name.
func splitSignature(r *Report, s baocao.Span) []Line {
	text := r.Doc.Text
	t := s.Of(text)
	var out []Line
	if m := reSignedIn.FindStringIndex(t); m != nil {
		before := trimSpan(text, baocao.Span{Start: s.Start, End: s.Start + m[0]})
		signed := baocao.Span{Start: s.Start + m[0], End: s.Start + m[1]}
		after := trimSpan(text, baocao.Span{Start: s.Start + m[1], End: s.End})
		out = append(out, signatureHead(r, before)...)
		out = append(out, Line{Span: signed, Role: RoleSigned})
		if !after.IsZero() {
			out = append(out, Line{Span: after, Role: RoleName})
		}
		return out
	}
	if ti, na, ok := splitTitleName(t); ok {
		out = append(out, signatureHead(r, trimSpan(text, baocao.Span{Start: s.Start, End: s.Start + len(ti)}))...)
		return append(out, Line{Span: trimSpan(text, baocao.Span{Start: s.Start + len(ti), End: s.Start + len(ti) + len(na)}), Role: RoleName})
	}
	return signatureHead(r, s)
}

var reSignedIn = regexp.MustCompile(`\((?i:đã ký|đã kí|signed)[^)]*\)`)

// signatureHead splits "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH" before the signer's title when
// the record names it.
func signatureHead(r *Report, s baocao.Span) []Line {
	if s.IsZero() {
		return nil
	}
	text := r.Doc.Text
	t := s.Of(text)
	if r.Rec != nil && r.Rec.Document.Signer != nil {
		if ti := strings.TrimSpace(string(r.Rec.Document.Signer.Title)); ti != "" {
			up := strings.ToUpper(t)
			if n := strings.LastIndex(up, strings.ToUpper(ti)); n > 0 && len(up) == len(t) {
				return []Line{
					{Span: trimSpan(text, baocao.Span{Start: s.Start, End: s.Start + n}), Role: RoleAuthority},
					{Span: baocao.Span{Start: s.Start + n, End: s.End}, Role: RoleTitle},
				}
			}
		}
	}
	role := RoleTitle
	if reAuthority.MatchString(t) {
		role = RoleAuthority
	}
	return []Line{{Span: s, Role: role}}
}

// parts groups blocks into parts, rejoining paragraphs that a line or page break cut:
// a paragraph that does not end a sentence followed by one that starts in lower case.
func (r *Report) parts(idx []int) []Part {
	var out []Part
	text := r.Doc.Text
	for _, i := range idx {
		b := r.Doc.Blocks[i]
		if trimSpan(text, b.Span).IsZero() && b.Kind != baocao.TableKind {
			continue
		}
		if n := len(out); n > 0 {
			last := out[n-1].Blocks[len(out[n-1].Blocks)-1]
			if r.joins(r.Doc.Blocks[last], b) {
				out[n-1].Blocks = append(out[n-1].Blocks, i)
				continue
			}
		}
		out = append(out, Part{Blocks: []int{i}})
	}
	return out
}

func (r *Report) joins(a, b baocao.Block) bool {
	if (a.Kind != baocao.Paragraph && a.Kind != baocao.ListItem) || b.Kind != baocao.Paragraph {
		return false
	}
	at, bt := a.Span.Of(r.Doc.Text), b.Span.Of(r.Doc.Text)
	if strings.ContainsRune(at, '\t') || strings.ContainsRune(bt, '\t') {
		return false
	}
	at = strings.TrimRight(at, " ")
	last, _ := utf8.DecodeLastRuneInString(at)
	if strings.ContainsRune(".:;!?", last) {
		return false
	}
	return startsLower(bt) || strings.ContainsRune(",-(", last)
}

// citations computes the edits that write every citation in canonical form.
func (r *Report) citations() {
	var all []edit
	for _, ref := range r.Rec.References {
		all = append(all, citationEdits(r.Doc.Text, ref)...)
	}
	slices.SortStableFunc(all, func(a, b edit) int { return a.span.Start - b.span.Start })
	end := -1
	for _, e := range all {
		if e.span.Start < end {
			continue // overlapping citations: the first one wins
		}
		r.edits = append(r.edits, e)
		end = e.span.End
		if bi := r.Doc.BlockAt(e.span.Start); bi >= 0 && r.Doc.Blocks[bi].Span.Contains(e.span) {
			r.extra[bi].edits = append(r.extra[bi].edits, e)
		}
	}
}

// linkNotes finds which footnotes are referenced from the body: those become real
// footnotes, the others are written after the body with their number.
func (r *Report) linkNotes() {
	inBody := map[int]bool{}
	for _, ps := range [][]Part{r.Preamble, r.Body, r.Appendix} {
		for _, p := range ps {
			for _, b := range p.Blocks {
				inBody[b] = true
			}
		}
	}
	for i, f := range r.Doc.Footnotes {
		bi := -1
		if validSpan(r.Doc.Text, f.Ref) {
			bi = r.Doc.BlockAt(f.Ref.Start)
		}
		if bi < 0 || !inBody[bi] || !r.Doc.Blocks[bi].Span.Contains(f.Ref) || !validSpan(r.Doc.Text, f.Span) {
			if validSpan(r.Doc.Text, f.Span) {
				r.Loose = append(r.Loose, i)
			}
			continue
		}
		r.noteAt[f.Ref.Start] = i
		r.extra[bi].notes = append(r.extra[bi].notes, i)
	}
}

// headingLevel is the depth of heading block i: the one the source gave, else the one
// its numbering label implies (reader.SplitLabel), else 0.
func headingLevel(doc *baocao.Document, i int) int {
	b := doc.Blocks[i]
	if b.Level > 0 {
		return b.Level
	}
	if l, ok := reader.SplitLabel(trimSpan(doc.Text, b.Span).Of(doc.Text)); ok {
		return l.Level
	}
	return 0
}
