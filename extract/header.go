package extract

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/rules"
)

func init() {
	rules.RegisterKind(rules.Kind{
		Name: "header",
		Doc: `The identity blocks of a document (NĐ 30/2020 Điều 8, DOMAIN.md §1.2, §6.1, §6.4): the
issuer block (with its parent body) beside the Quốc hiệu and Tiêu ngữ, "Số: …", the place
and date line, the type name and trích yếu; at the end the signature block (authority
TM./KT./TL./Q./TUQ., title, name) and the Nơi nhận list. Lines are read as columns: a
tab separates two columns side by side (a PDF) or the cells of a header table (a DOCX).`,
		Compile: compileHeader,
	})
}

// Header is a compiled header rule.
type Header struct {
	id           string
	types        *rules.Lexicon
	partyTypes   *rules.Lexicon
	authorities  *rules.Lexicon
	titles       *rules.Lexicon
	date         *DateRule
	quocHieu     []string // folded
	partyHeader  []string
	tieuNgu      []string
	number       *regexp.Regexp
	dateLine     *regexp.Regexp
	subjectWords []string
	bodyStarts   []string // folded
	recipients   []string // folded
	addressee    []string // folded
	unitWords    []string // folded upper-case words that continue an issuer line
	bodyWords    []string // folded words that start a body name
	issuerVerbs  *regexp.Regexp
	splitAt      *regexp.Regexp // where a run-on header cell holds two blocks
	issuerSplit  []string       // body words that begin a new body after a place name
	headLines    int
}

type headerConfig struct {
	Types        string   `yaml:"types"`
	PartyTypes   string   `yaml:"party_types"`
	Authorities  string   `yaml:"authorities"`
	Titles       string   `yaml:"titles"`
	Date         string   `yaml:"date"`
	QuocHieu     []string `yaml:"quoc_hieu"`
	PartyHeader  []string `yaml:"party_header"`
	TieuNgu      []string `yaml:"tieu_ngu"`
	Number       string   `yaml:"number"`
	DateLine     string   `yaml:"date_line"`
	SubjectWords []string `yaml:"subject_words"`
	BodyStarts   []string `yaml:"body_starts"`
	Recipients   []string `yaml:"recipients"`
	Addressee    []string `yaml:"addressee"`
	UnitWords    []string `yaml:"unit_words"`
	BodyWords    []string `yaml:"body_words"`
	IssuerVerbs  string   `yaml:"issuer_verbs"`
	SplitAt      string   `yaml:"split_at"`
	IssuerSplit  []string `yaml:"issuer_split"`
	HeadLines    int      `yaml:"head_lines"`
}

func foldAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = vntext.Fold(vntext.Normalize(w))
	}
	return out
}

func compileHeader(c *rules.Compiler, r *rules.Rule, decode func(any) error) (rules.Matcher, error) {
	var cfg headerConfig
	if err := decode(&cfg); err != nil {
		return nil, err
	}
	h := &Header{id: r.ID, headLines: cfg.HeadLines}
	var err error
	if h.types, err = rules.RequireLexicon(c, "types", cfg.Types); err != nil {
		return nil, err
	}
	if h.partyTypes, err = rules.RequireLexicon(c, "party_types", cfg.PartyTypes); err != nil {
		return nil, err
	}
	if h.authorities, err = rules.RequireLexicon(c, "authorities", cfg.Authorities); err != nil {
		return nil, err
	}
	if h.titles, err = rules.RequireLexicon(c, "titles", cfg.Titles); err != nil {
		return nil, err
	}
	ds, err := requireDates(c, []string{cfg.Date})
	if err != nil {
		return nil, err
	}
	h.date = ds[0]
	if h.number, err = compileRe("number", cfg.Number); err != nil {
		return nil, err
	}
	for _, g := range []string{"number", "code"} {
		if h.number.SubexpIndex(g) < 0 {
			return nil, fmt.Errorf("number needs a group (?P<%s>…)", g)
		}
	}
	if h.dateLine, err = compileRe("date_line", cfg.DateLine); err != nil {
		return nil, err
	}
	if h.dateLine.SubexpIndex("place") < 0 || h.dateLine.SubexpIndex("date") < 0 {
		return nil, fmt.Errorf("date_line needs groups (?P<place>…) and (?P<date>…)")
	}
	if h.issuerVerbs, err = compileRe("issuer_verbs", cfg.IssuerVerbs); err != nil {
		return nil, err
	}
	if h.issuerVerbs.SubexpIndex("issuer") < 0 {
		return nil, fmt.Errorf("issuer_verbs needs a group (?P<issuer>…)")
	}
	if h.splitAt, err = compileRe("split_at", cfg.SplitAt); err != nil {
		return nil, err
	}
	h.issuerSplit = cfg.IssuerSplit
	if len(cfg.QuocHieu) == 0 || len(cfg.TieuNgu) == 0 || len(cfg.Recipients) == 0 {
		return nil, fmt.Errorf("quoc_hieu, tieu_ngu and recipients must not be empty")
	}
	h.quocHieu, h.partyHeader, h.tieuNgu = foldAll(cfg.QuocHieu), foldAll(cfg.PartyHeader), foldAll(cfg.TieuNgu)
	h.bodyStarts, h.recipients, h.addressee = foldAll(cfg.BodyStarts), foldAll(cfg.Recipients), foldAll(cfg.Addressee)
	h.unitWords, h.bodyWords = foldAll(cfg.UnitWords), foldAll(cfg.BodyWords)
	h.subjectWords = cfg.SubjectWords
	if h.headLines == 0 {
		h.headLines = 30
	}
	return h, nil
}

// Ident is what the header parser found, with where it found it.
type Ident struct {
	baocao.Identity
	NumberSpan baocao.Span // the "Số: …" text
	DateSpan   baocao.Span
	DateHit    *DateHit
	Party      bool
	// NumberUnread says the number line holds something that is not a number (OCR of a
	// handwritten number): the number is left null.
	NumberUnread bool
	HeadEnd      int // offset where the header ends and the body begins
	SignStart    int // offset where the closing blocks (Nơi nhận, signature) begin, 0 if none
}

func (h *Header) Run(in string) []rules.Item {
	in = vntext.Normalize(in)
	id := h.Identify(textLines(in))
	it := rules.Item{"type": string(id.Type), "number": nullable(string(id.Number)), "code": nullable(string(id.Code)),
		"issuer": nullable(string(id.Issuer)), "issuer_parent": nullable(string(id.IssuerUp)),
		"place": nullable(string(id.Place)), "subject": nullable(string(id.Subject)), "recipients": len(id.Recipients)}
	if id.Year != 0 {
		it["year"] = int(id.Year)
	}
	if d := id.Identity.Date; d != nil {
		it["date"] = nullable(string(d.Value))
		it["date_text"] = d.Text
		if d.Month != 0 {
			it["month"] = int(d.Month)
		}
	}
	if s := id.Signer; s != nil {
		it["signer"] = nullable(string(s.Name))
		it["authority"] = nullable(string(s.Authority))
		it["title"] = nullable(string(s.Title))
	}
	return []rules.Item{it}
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Identify parses the identity of a document from its lines.
func (h *Header) Identify(lines []Line) Ident {
	var id Ident
	h.head(lines, &id)
	h.closing(lines, &id)
	if id.Issuer == "" {
		h.issuerFromBody(lines, &id)
	}
	if id.Type == "BB" {
		h.minutesDate(lines, &id)
	}
	return id
}

// minutesDate completes the date line of a biên bản whose day is blank or unreadable
// from its opening sentence, which records when the meeting took place ("Hôm nay, vào
// lúc 09 giờ, ngày 08 tháng 5 năm 2026, tại …"), when month and year agree.
func (h *Header) minutesDate(lines []Line, id *Ident) {
	d := id.Identity.Date
	if d == nil || d.Day != 0 {
		return
	}
	for _, l := range lines {
		if l.Off < id.HeadEnd {
			continue
		}
		f := vntext.Fold(l.Text)
		if !strings.HasPrefix(f, "hom nay") && !strings.HasPrefix(f, "vao hoi") && !strings.HasPrefix(f, "vao luc") {
			continue
		}
		for _, hit := range h.date.Find(newScan(l.Text)) {
			if hit.Precision == "day" && hit.Value() != "" && hit.Year == int(d.Year) && (d.Month == 0 || hit.Month == int(d.Month)) {
				d.Day, d.Month = baocao.NullInt(hit.Day), baocao.NullInt(hit.Month)
				d.Value = baocao.NullString(hit.Value())
				d.Source = "opening"
				return
			}
		}
		return
	}
}

type colKind int

const (
	colOther colKind = iota
	colMotto         // Quốc hiệu, Tiêu ngữ, Đảng Cộng sản Việt Nam
	colNumber
	colDate
	colSeparator
)

func (h *Header) classify(c Col) colKind {
	f := vntext.Fold(c.Text)
	if isSeparator(c.Text) {
		return colSeparator
	}
	for _, group := range [][]string{h.quocHieu, h.tieuNgu, h.partyHeader} {
		for _, m := range group {
			if strings.Contains(m, f) && len(f) >= 6 || strings.Contains(f, m) {
				return colMotto
			}
		}
	}
	if mottoFragment(f) {
		return colMotto
	}
	if h.number.MatchString(c.Text) {
		return colNumber
	}
	if h.dateLine.MatchString(c.Text) {
		return colDate
	}
	return colOther
}

// mottoFragment recognizes the wrapped pieces of the Quốc hiệu and Tiêu ngữ.
func mottoFragment(f string) bool {
	for _, p := range []string{"cong hoa xa hoi", "chu nghia viet nam", "nghia viet nam", "doc lap", "tu do", "hanh phuc"} {
		if strings.HasPrefix(f, p) || f == strings.TrimSpace(p) {
			return true
		}
	}
	return f == "phuc" || f == "nam"
}

func isSeparator(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" {
		return true
	}
	return strings.Trim(t, "-_*=~.·—– ") == ""
}

// head reads the top of the document: issuer block, number, date line, type, subject.
func (h *Header) head(lines []Line, id *Ident) {
	n := min(len(lines), h.headLines)
	var left []Col // issuer block lines
	leftDone := false
	typeAt := -1
	for i := 0; i < n; i++ {
		l := lines[i]
		for _, c := range h.splitRunOn(l.Cols) {
			switch h.classify(c) {
			case colMotto:
				if strings.HasPrefix(vntext.Fold(c.Text), "dang cong san") {
					id.Party = true
				}
			case colNumber:
				if id.NumberSpan.IsZero() {
					h.setNumber(c, id)
				}
				leftDone = true
			case colDate:
				if id.DateSpan.IsZero() {
					h.setDate(c, id)
				}
				leftDone = true
			case colSeparator:
				if len(left) > 0 {
					leftDone = true
				}
			default:
				if typeAt < 0 {
					if e, ok := h.typeLine(c.Text); ok && (leftDone || i > 0) {
						id.Type, id.TypeName = baocao.NullString(e.Key), baocao.NullString(typeName(e, c.Text))
						typeAt = i
						leftDone = true
						continue
					}
				}
				if !leftDone && vntext.IsUpper(c.Text) {
					left = append(left, c)
				} else if !leftDone && c.Text == "*" {
					leftDone = true
				} else if id.Subject == "" && (strings.HasPrefix(c.Text, "V/v") || strings.HasPrefix(c.Text, "v/v")) {
					id.Subject = baocao.NullString(strings.TrimSpace(strings.TrimLeft(c.Text[3:], ": ")))
					if id.Type == "" {
						id.Type, id.TypeName = "CV", "Công văn"
					}
				}
			}
		}
		if typeAt >= 0 {
			break
		}
	}
	h.setIssuer(left, id)
	// the trích yếu: the lines after the type line, up to the body
	if typeAt >= 0 {
		var subj []string
		end := lines[typeAt].Off + len(lines[typeAt].Text)
		for i := typeAt + 1; i < len(lines) && i <= typeAt+6; i++ {
			t := strings.TrimSpace(strings.Join(colTexts(lines[i].Cols), " "))
			f := vntext.Fold(t)
			if t == "" || isSeparator(t) {
				if len(subj) > 0 {
					break
				}
				continue
			}
			if h.startsWithAny(f, h.bodyStarts) || h.startsWithAny(f, h.addressee) || len(t) > 400 {
				break
			}
			if len(subj) > 0 && vntext.IsUpper(t) && h.startsTitle(t) {
				break
			}
			if len(subj) > 0 && len(subj[len(subj)-1]) > 0 && endsSentence(subj[len(subj)-1]) {
				break
			}
			for _, w := range h.subjectWords {
				if strings.HasPrefix(t, w) && len(subj) == 0 {
					t = strings.TrimSpace(strings.TrimLeft(t[len(w):], ": "))
				}
			}
			subj = append(subj, t)
			end = lines[i].Off + len(lines[i].Text)
		}
		if len(subj) > 0 {
			id.Subject = baocao.NullString(strings.Join(subj, " "))
		}
		id.HeadEnd = end
	} else if !id.DateSpan.IsZero() {
		id.HeadEnd = id.DateSpan.End
	}
	if id.Type == "" && id.Code != "" { // type from the ký hiệu
		g := strings.FieldsFunc(string(id.Code), func(r rune) bool { return r == '-' || r == '/' })
		lex := h.types
		if id.Party {
			lex = h.partyTypes
		}
		if len(g) > 0 {
			if e := lex.Code(g[0]); e != nil {
				id.Type, id.TypeName = baocao.NullString(e.Key), baocao.NullString(e.Names[0])
			}
		}
	}
}

// splitRunOn splits cells that hold several header blocks joined by spaces (a DOCX
// cell's paragraphs, a text export's line): "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG Số: /KH-UBND",
// "CỘNG HÒA … Độc lập - Tự do - Hạnh phúc Lâm Đồng, ngày …".
func (h *Header) splitRunOn(cols []Col) []Col {
	var out []Col
	for i := 0; i < len(cols); i++ {
		c := cols[i]
		// "Số:" and its number in two columns (a gap in a PDF line): one column
		if t := strings.TrimSpace(c.Text); (t == "Số:" || t == "Số") && i+1 < len(cols) {
			if n := cols[i+1].Text; n != "" && (isDigit(n[0]) || n[0] == '/') {
				c = Col{Text: t + " " + n, Off: c.Off}
				i++
			}
		}
		t := c.Text
		start := 0
		for _, m := range h.splitAt.FindAllStringIndex(t, -1) {
			at := m[0]
			for at < len(t) && t[at] == ' ' {
				at++
			}
			if strings.Contains(t[at:min(len(t), at+64)], ", ngày") {
				at = placeStart(t, at, start) // "Vĩnh Long, ngày": the match began at "Long"
			}
			if at <= start {
				continue
			}
			if part := strings.TrimSpace(t[start:at]); part != "" {
				out = append(out, Col{Text: part, Off: c.Off + start + strings.Index(t[start:at], part)})
			}
			start = at
		}
		if part := strings.TrimSpace(t[start:]); part != "" {
			out = append(out, Col{Text: part, Off: c.Off + start + strings.Index(t[start:], part)})
		}
	}
	return out
}

// placeStart moves a split point back over the capitalized words of a place name.
func placeStart(t string, at, floor int) int {
	for k := 0; k < 3; k++ {
		j := at - 1
		for j > floor && t[j] == ' ' {
			j--
		}
		if j <= floor || j == at-1 {
			return at
		}
		ws := strings.LastIndex(t[:j+1], " ") + 1
		w := t[ws : j+1]
		r, n := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || n == len(w) || strings.IndexFunc(w[n:], func(r rune) bool { return !unicode.IsLower(r) }) >= 0 {
			return at
		}
		at = max(ws, floor)
	}
	return at
}

func colTexts(cs []Col) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Text
	}
	return out
}

func endsSentence(s string) bool {
	return strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..")
}

// typeLine recognizes a line that is a type name ("BÁO CÁO", "TỜ TRÌNH", "QUYẾT ĐỊNH"),
// possibly with a qualifier ("BÁO CÁO TÓM TẮT", "DỰ THẢO NGHỊ QUYẾT").
func (h *Header) typeLine(t string) (*rules.Entry, bool) {
	t = strings.TrimSpace(t)
	if !vntext.IsUpper(t) || utf8.RuneCountInString(t) > 60 {
		return nil, false
	}
	if rest, ok := strings.CutPrefix(t, "DỰ THẢO"); ok {
		t = strings.TrimSpace(rest)
	}
	hit, ok := h.types.At(t, 0)
	if !ok {
		return nil, false
	}
	rest := strings.TrimSpace(t[hit.End:])
	if utf8.RuneCountInString(rest) > 24 || strings.ContainsAny(rest, "0123456789:/") {
		return nil, false
	}
	return hit.Entry, true
}

func typeName(e *rules.Entry, written string) string {
	if len(e.Names) > 0 {
		return e.Names[0]
	}
	return written
}

func (h *Header) startsTitle(t string) bool {
	_, ok := h.titles.At(t, 0)
	if ok {
		return true
	}
	f := vntext.Fold(t)
	return h.startsWithAny(f, h.bodyWords)
}

func (h *Header) startsWithAny(f string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(f, p) && (len(f) == len(p) || !isWordByte(f, len(p))) {
			return true
		}
	}
	return false
}

func (h *Header) setNumber(c Col, id *Ident) {
	m := h.number.FindStringSubmatchIndex(c.Text)
	get := func(g string) string {
		i := h.number.SubexpIndex(g)
		if i < 0 || m[2*i] < 0 {
			return ""
		}
		return c.Text[m[2*i]:m[2*i+1]]
	}
	// digits spaced out by a stamp ("6 1 7") are one number; digits mixed with other
	// marks ("212Á.", "(2") were not read (a handwritten number on a scan): no number
	id.Number = baocao.NullString(strings.ReplaceAll(get("number"), " ", ""))
	if get("junk") != "" {
		id.Number = ""
		id.NumberUnread = true
	}
	id.Code = baocao.NullString(compactCode(get("code")))
	if y := get("year"); y != "" {
		id.Year = baocao.NullInt(atoi(y))
	}
	if get("sep") == "-" {
		id.Party = true
	}
	id.NumberSpan = baocao.Span{Start: c.Off + m[0], End: c.Off + m[1]}
}

func (h *Header) setDate(c Col, id *Ident) {
	m := h.dateLine.FindStringSubmatchIndex(c.Text)
	pi, di := h.dateLine.SubexpIndex("place"), h.dateLine.SubexpIndex("date")
	id.Place = baocao.NullString(strings.TrimSpace(c.Text[m[2*pi]:m[2*pi+1]]))
	dtext := c.Text[m[2*di]:m[2*di+1]]
	hits := h.date.Find(newScan(dtext))
	if len(hits) == 0 {
		return
	}
	d := hits[0]
	d.Start += c.Off + m[2*di]
	d.End += c.Off + m[2*di]
	id.DateHit = &d
	id.DateSpan = baocao.Span{Start: d.Start, End: d.End}
	id.Identity.Date = &baocao.DateParts{Text: strings.TrimSpace(dtext[hits[0].Start:hits[0].End]), Value: baocao.NullString(d.Value()),
		Year: baocao.NullInt(d.Year), Month: baocao.NullInt(d.Month), Day: baocao.NullInt(d.Day)}
}

// setIssuer splits the issuer block into bodies: a line that starts with a body word
// (SỞ, HỘI ĐỒNG, BAN…) begins a new body, any other line continues the one above
// ("ỦY BAN NHÂN DÂN" / "TỈNH VĨNH LONG"). The last body is the issuer, the one before
// it the parent.
func (h *Header) setIssuer(left []Col, id *Ident) {
	var bodies []string
	var parts []string
	for _, c := range left {
		parts = append(parts, h.splitBodies(strings.TrimSpace(strings.Trim(c.Text, "*")))...)
	}
	for _, t := range parts {
		if t == "" {
			continue
		}
		f := vntext.Fold(t)
		if len(bodies) == 0 || (h.startsWithAny(f, h.bodyWords) && !h.startsWithAny(f, h.unitWords)) {
			bodies = append(bodies, t)
		} else {
			bodies[len(bodies)-1] += " " + t
		}
	}
	if len(bodies) == 0 {
		return
	}
	id.Issuer = baocao.NullString(bodies[len(bodies)-1])
	if len(bodies) > 1 {
		id.IssuerUp = baocao.NullString(strings.Join(bodies[:len(bodies)-1], " "))
	}
}

// splitBodies splits "UBND TỈNH LÂM ĐỒNG SỞ NỘI VỤ" (two lines of the issuer block
// joined into one) where a body word follows a place: the parent, then the issuer.
func (h *Header) splitBodies(t string) []string {
	f := " " + vntext.Fold(t) + " "
	hasUnit := false
	for _, u := range h.unitWords[:min(len(h.unitWords), 8)] {
		if strings.Contains(f, " "+u+" ") {
			hasUnit = true
		}
	}
	if !hasUnit {
		return []string{t}
	}
	for _, w := range h.issuerSplit {
		k := strings.Index(t, " "+w+" ")
		if k <= 0 {
			continue
		}
		if pf := " " + vntext.Fold(t[:k]) + " "; strings.Contains(pf, " tinh ") || strings.Contains(pf, " huyen ") ||
			strings.Contains(pf, " xa ") || strings.Contains(pf, " thanh pho ") || strings.Contains(pf, " quan ") {
			return []string{strings.TrimSpace(t[:k]), strings.TrimSpace(t[k:])}
		}
	}
	return []string{t}
}

// issuerFromBody takes the issuer from the opening sentence when the header has none:
// "Hội đồng thi đua khen thưởng xã Thụy Hùng báo cáo …".
func (h *Header) issuerFromBody(lines []Line, id *Ident) {
	from := 0
	for i, l := range lines {
		if l.Off >= id.HeadEnd {
			from = i
			break
		}
	}
	for i := from; i < len(lines) && i < from+6; i++ {
		if m := h.issuerVerbs.FindStringSubmatch(lines[i].Text); m != nil {
			id.Issuer = baocao.NullString(strings.TrimSpace(m[h.issuerVerbs.SubexpIndex("issuer")]))
			return
		}
	}
}

// closing reads the Nơi nhận list and the signature block.
func (h *Header) closing(lines []Line, id *Ident) {
	start := h.findRecipients(lines, id)
	if start < 0 {
		start = h.findAuthority(lines, id)
		if start < 0 {
			return
		}
	}
	id.SignStart = lines[start].Off
	var stream []Col // the signature side
	// a layout may put the signature block just above Nơi nhận (the two cells of a
	// closing table read one after the other)
	for k := start - 1; k >= max(0, start-4) && lines[k].Off >= id.HeadEnd; k-- {
		if len(lines[k].Cols) == 0 {
			continue
		}
		if _, ok := h.authorities.At(lines[k].Cols[0].Text, 0); ok {
			for ; k < start; k++ {
				stream = append(stream, lines[k].Cols...)
			}
			break
		}
	}
	inList := false
	var items []string
	for i := start; i < len(lines) && i < start+30; i++ {
		l := lines[i]
		cols := l.Cols
		for ci, c := range cols {
			f := vntext.Fold(c.Text)
			if ci == 0 && h.startsWithAny(f, h.recipients) {
				inList = true
				rest := c.Text[strings.Index(c.Text, ":")+1:]
				if strings.Index(c.Text, ":") < 0 {
					rest = ""
				}
				items = append(items, splitItems(rest)...)
				continue
			}
			if ci == 0 && inList && len(cols) >= 1 && isItem(c.Text) {
				items = append(items, splitItems(c.Text)...)
				continue
			}
			if ci == 0 && inList && len(items) > 0 && continuesItem(items[len(items)-1], c.Text) && len(cols) > 1 {
				items[len(items)-1] += " " + strings.TrimSpace(c.Text)
				continue
			}
			if ci == 0 && len(cols) == 1 && inList && len(items) > 0 && continuesItem(items[len(items)-1], c.Text) && !looksLikeName(c.Text) && !vntext.IsUpper(c.Text) {
				items[len(items)-1] += " " + strings.TrimSpace(c.Text)
				continue
			}
			if ci == 0 && len(cols) == 1 && inList && !isItem(c.Text) && len(items) > 0 {
				inList = false // the list is over; a line before its first item is the signature side
			}
			stream = append(stream, c)
		}
		if len(stream) > 0 && id.Signer != nil && id.Signer.Name != "" && !inList {
			break
		}
		h.parseSigner(stream, id)
		if id.Signer != nil && id.Signer.Name != "" && !inList && len(items) > 0 {
			break
		}
	}
	for _, it := range items {
		if it = cleanItem(it); it != "" {
			id.Recipients = append(id.Recipients, it)
		}
	}
	h.parseSigner(stream, id)
}

func (h *Header) findRecipients(lines []Line, id *Ident) int {
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if l.Off < id.HeadEnd {
			break
		}
		if len(l.Cols) > 0 && h.startsWithAny(vntext.Fold(l.Cols[0].Text), h.recipients) {
			return i
		}
	}
	return -1
}

func (h *Header) findAuthority(lines []Line, id *Ident) int {
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if l.Off < id.HeadEnd {
			break
		}
		for _, c := range l.Cols {
			if _, ok := h.authorities.At(c.Text, 0); ok {
				return i
			}
		}
	}
	return -1
}

// parseSigner reads authority, body, title and name from the signature side.
func (h *Header) parseSigner(stream []Col, id *Ident) {
	s := &baocao.Signer{}
	var upper []string
	for _, c := range stream {
		t := strings.TrimSpace(c.Text)
		if t == "" || strings.HasPrefix(t, "(") || isSeparator(t) {
			continue
		}
		if s.Authority == "" && len(upper) == 0 {
			if hit, ok := h.authorities.At(t, 0); ok {
				s.Authority = baocao.NullString(hit.Entry.Key)
				t = strings.TrimSpace(t[hit.End:])
				t = strings.TrimLeft(t, ". ")
				if up, tail := splitUpperTail(t); up != "" {
					on, title := h.splitTitle(up)
					s.On = baocao.NullString(on)
					if title != "" {
						upper = append(upper, title)
					}
					t = tail
				} else {
					s.On = baocao.NullString(t)
					continue
				}
			}
		}
		up, tail := splitUpperTail(t)
		if up != "" {
			upper = append(upper, up)
		}
		if tail != "" && looksLikeName(tail) {
			s.Name = baocao.NullString(tail)
			break
		}
	}
	if len(upper) > 0 {
		s.Title = baocao.NullString(upper[0])
	}
	if s.Name == "" && s.Authority == "" && s.Title == "" {
		return
	}
	id.Signer = s
}

// splitTitle splits "ỦY BAN NHÂN DÂN CHỦ TỊCH" (body and title on one line) at the
// first title that starts after the first word.
func (h *Header) splitTitle(up string) (on, title string) {
	for i := 1; i < len(up); i++ {
		if up[i-1] != ' ' {
			continue
		}
		if hit, ok := h.titles.At(up, i); ok && hit.Start == i {
			return strings.TrimSpace(up[:i]), strings.TrimSpace(up[i:])
		}
	}
	return up, ""
}

// splitUpperTail splits "CHỦ TỊCH Trần Trí Quang" into the upper-case part and the rest.
func splitUpperTail(t string) (string, string) {
	ws := strings.Fields(t)
	i := 0
	for i < len(ws) && isUpperWord(ws[i]) {
		i++
	}
	return strings.Join(ws[:i], " "), strings.Join(ws[i:], " ")
}

func isUpperWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0 || w == "-" || w == "&"
}

// looksLikeName: 2–6 words, each capitalized with lower-case letters after the first.
func looksLikeName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 6 {
		return false
	}
	for _, w := range ws {
		r, n := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		rest := w[n:]
		if rest == "" {
			return false
		}
		for _, x := range rest {
			if !unicode.IsLower(x) {
				return false
			}
		}
	}
	f := vntext.Fold(s)
	for _, no := range []string{"noi nhan", "nhu tren", "kinh gui", "phu luc"} {
		if strings.HasPrefix(f, no) {
			return false
		}
	}
	return true
}

func isItem(s string) bool {
	t := strings.TrimSpace(s)
	return strings.HasPrefix(t, "-") || strings.HasPrefix(t, "+") || strings.HasPrefix(t, "•")
}

func continuesItem(prev, s string) bool {
	p := strings.TrimSpace(prev)
	if strings.HasSuffix(p, ";") || strings.HasSuffix(p, ".") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return unicode.IsLower(r) || r == '('
}

var itemSep = regexp.MustCompile(`(?:^|[;.]\s+|\s)[-+•]\s`)

// splitItems splits "- A; - B; - Lưu: VT." into items.
func splitItems(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	var out []string
	for _, part := range itemSep.Split(" "+s, -1) {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func cleanItem(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, "-+• ")
	s = strings.TrimRight(s, ";,. ")
	return s
}
