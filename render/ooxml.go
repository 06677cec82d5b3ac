package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The page of Nghị định 30/2020 Phụ lục I, in twentieths of a point: A4 portrait, margins
// top and bottom 20 mm, left 30 mm, right 15 mm.
const (
	pageW      = 11906
	pageH      = 16838
	marginTop  = 1134
	marginBot  = 1134
	marginLeft = 1701
	marginRgt  = 850
	textWidth  = pageW - marginLeft - marginRgt // 9355
)

const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

// docxPackage is a DOCX file being written: the body XML, the footnotes and comments,
// and the fixed parts (styles, settings, page-number header).
type docxPackage struct {
	title     string
	body      strings.Builder
	footnotes []string // <w:footnote> elements of the notes, ids from 2
	comments  []string // <w:comment> elements
}

// zipTime is the fixed time stamp of every part, so the same input gives the same file.
var zipTime = time.Date(2020, 3, 5, 0, 0, 0, 0, time.UTC)

func (p *docxPackage) write(w io.Writer) error {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", p.contentTypes()},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + relNS + `officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="` + relNS + `extended-properties" Target="docProps/app.xml"/></Relationships>`},
		{"docProps/core.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>` + xmlText(p.title) + `</dc:title><dc:creator>baocao</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>`},
		{"docProps/app.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>baocao</Application></Properties>`},
		{"word/document.xml", p.document()},
		{"word/styles.xml", docxStyles},
		{"word/settings.xml", docxSettings},
		{"word/fontTable.xml", docxFonts},
		{"word/header1.xml", docxHeader},
		{"word/_rels/document.xml.rels", p.rels()},
	}
	if len(p.footnotes) > 0 {
		parts = append(parts, struct{ name, data string }{"word/footnotes.xml", p.footnotesXML()})
	}
	if len(p.comments) > 0 {
		parts = append(parts, struct{ name, data string }{"word/comments.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="` + nsW + `">` + strings.Join(p.comments, "") + `</w:comments>`})
	}
	for _, part := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, part.data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func (p *docxPackage) contentTypes() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`)
	ov := func(part, typ string) {
		b.WriteString(`<Override PartName="` + part + `" ContentType="` + typ + `"/>`)
	}
	const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	ov("/word/document.xml", wml+"document.main+xml")
	ov("/word/styles.xml", wml+"styles+xml")
	ov("/word/settings.xml", wml+"settings+xml")
	ov("/word/fontTable.xml", wml+"fontTable+xml")
	ov("/word/header1.xml", wml+"header+xml")
	if len(p.footnotes) > 0 {
		ov("/word/footnotes.xml", wml+"footnotes+xml")
	}
	if len(p.comments) > 0 {
		ov("/word/comments.xml", wml+"comments+xml")
	}
	ov("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
	ov("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
	b.WriteString(`</Types>`)
	return b.String()
}

func (p *docxPackage) rels() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	rel := func(id, typ, target string) {
		b.WriteString(`<Relationship Id="` + id + `" Type="` + relNS + typ + `" Target="` + target + `"/>`)
	}
	rel("rId1", "styles", "styles.xml")
	rel("rId2", "settings", "settings.xml")
	rel("rId3", "fontTable", "fontTable.xml")
	rel("rId4", "header", "header1.xml")
	if len(p.footnotes) > 0 {
		rel("rId5", "footnotes", "footnotes.xml")
	}
	if len(p.comments) > 0 {
		rel("rId6", "comments", "comments.xml")
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

// document wraps the body with the section: A4, the decree's margins, page numbers in
// the top margin from page 2 on (titlePg leaves page 1 without them).
func (p *docxPackage) document() string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>` + p.body.String() +
		`<w:sectPr><w:headerReference w:type="default" r:id="rId4"/><w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr>` +
		`<w:pgSz w:w="` + strconv.Itoa(pageW) + `" w:h="` + strconv.Itoa(pageH) + `"/>` +
		`<w:pgMar w:top="` + strconv.Itoa(marginTop) + `" w:right="` + strconv.Itoa(marginRgt) + `" w:bottom="` + strconv.Itoa(marginBot) +
		`" w:left="` + strconv.Itoa(marginLeft) + `" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr></w:body></w:document>`
}

// footnotesXML holds the separator notes (ids 0 and 1, as Word writes them) and the
// document's notes.
func (p *docxPackage) footnotesXML() string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="` + nsW + `"><w:footnote w:type="separator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
		strings.Join(p.footnotes, "") + `</w:footnotes>`
}

// para writes a paragraph of style with content (runs XML). extra goes into w:pPr
// after the style (pageBreakBefore, borders, indents, in schema order).
func (p *docxPackage) para(style, extra, content string) {
	p.body.WriteString(paraXML(style, extra, content))
}

func paraXML(style, extra, content string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/>` + extra + `</w:pPr>` + content + `</w:p>`
}

// ruleXML is an empty paragraph whose bottom border draws the short rule the decree
// puts under the issuer, the Tiêu ngữ and the trích yếu; indent narrows it.
func ruleXML(indent int) string {
	return paraXML("Rule", `<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:ind w:left="`+
		strconv.Itoa(indent)+`" w:right="`+strconv.Itoa(indent)+`"/>`, "")
}

// textRun writes text as one run with rPr (may be ""), tabs as w:tab.
func textRun(rpr, text string) string {
	if text == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString("<w:r>")
	if rpr != "" {
		b.WriteString("<w:rPr>" + rpr + "</w:rPr>")
	}
	for k, piece := range strings.Split(text, "\t") {
		if k > 0 {
			b.WriteString("<w:tab/>")
		}
		if piece != "" {
			b.WriteString(`<w:t xml:space="preserve">` + xmlText(piece) + `</w:t>`)
		}
	}
	b.WriteString("</w:r>")
	return b.String()
}

// runProps writes the run properties of a style in schema order.
func runProps(st style, highlight string) string {
	var b strings.Builder
	if st&sBold != 0 {
		b.WriteString("<w:b/><w:bCs/>")
	}
	if st&sItalic != 0 {
		b.WriteString("<w:i/><w:iCs/>")
	}
	if highlight != "" {
		b.WriteString(`<w:highlight w:val="` + highlight + `"/>`)
	}
	if st&sUnderline != 0 {
		b.WriteString(`<w:u w:val="single"/>`)
	}
	if st&sSup != 0 {
		b.WriteString(`<w:vertAlign w:val="superscript"/>`)
	}
	return b.String()
}

// xmlText escapes s for XML text and attributes; characters XML cannot hold become U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(strings.ToValidUTF8(s, "\uFFFD"))); err != nil {
		return ""
	}
	return b.String()
}

// cellXML writes a table cell of width w (twips) holding paragraphs. span > 1 merges
// grid columns; vmerge is "restart", "continue" or "".
func cellXML(w, span int, vmerge, shade, paras string) string {
	var b strings.Builder
	b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(w) + `" w:type="dxa"/>`)
	if span > 1 {
		b.WriteString(`<w:gridSpan w:val="` + strconv.Itoa(span) + `"/>`)
	}
	switch vmerge {
	case "restart":
		b.WriteString(`<w:vMerge w:val="restart"/>`)
	case "continue":
		b.WriteString(`<w:vMerge/>`)
	}
	if shade != "" {
		b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + shade + `"/>`)
	}
	b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
	if paras == "" {
		paras = "<w:p/>"
	}
	b.WriteString(paras + `</w:tc>`)
	return b.String()
}

// tableStart opens a table with grid column widths; borders draws a single rule
// around every cell (the header and closing tables of the layout have none).
func tableStart(widths []int, borders bool) string {
	var b strings.Builder
	total := 0
	for _, w := range widths {
		total += w
	}
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + strconv.Itoa(total) + `" w:type="dxa"/><w:jc w:val="center"/>`)
	if borders {
		b.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			b.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
		}
		b.WriteString(`</w:tblBorders>`)
	} else {
		b.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			b.WriteString(`<w:` + side + ` w:val="nil"/>`)
		}
		b.WriteString(`</w:tblBorders>`)
	}
	b.WriteString(`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	return b.String()
}

// columnWidths shares total (twips) among columns: each gets at least its minimum
// (room for its longest word), the rest goes in proportion to the weights (the length
// of its longest text). When the minimums alone do not fit they are scaled down.
func columnWidths(weights, mins []int, total int) []int {
	out := make([]int, len(weights))
	need, sum := 0, 0
	for i := range weights {
		need += mins[i]
		sum += max(weights[i], 1)
	}
	if need >= total {
		for i := range out {
			out[i] = mins[i] * total / max(need, 1)
		}
		return out
	}
	rest := total - need
	for i := range out {
		out[i] = mins[i] + rest*max(weights[i], 1)/max(sum, 1)
	}
	return out
}

// charTwips is the width of an average character of Times New Roman at 13 pt, with
// room for the cell margins added once per column.
const charTwips, cellPad = 135, 200

// measure returns the weight (length of the longest text, capped) and the minimum
// width (the longest word) of a column from its texts.
func measure(texts []string) (weight, least int) {
	for _, t := range texts {
		weight = max(weight, min(utf8.RuneCountInString(t), 40))
		for _, w := range strings.Fields(t) {
			least = max(least, utf8.RuneCountInString(w))
		}
	}
	return max(weight, 2), min(max(least, 2), 16)*charTwips + cellPad
}

// The fixed parts. Sizes are in half-points (sz 28 = 14 pt); spacing in twentieths of a
// point. Styles follow Phụ lục I of NĐ 30/2020: Quốc hiệu 13 pt bold, Tiêu ngữ 14 pt bold,
// issuer 13 pt bold (its parent body not bold), number 13 pt, date line 14 pt italic,
// type name and trích yếu 14 pt bold, body 14 pt, "Nơi nhận:" 12 pt bold italic and its
// items 11 pt, signature 14 pt bold.
const docxStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="` + nsW + `">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="120" w:line="312" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListText"><w:name w:val="List Text"/><w:basedOn w:val="BodyText"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="BodyText"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="BodyText"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="BodyText"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:basedOn w:val="BodyText"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading5"><w:name w:val="heading 5"/><w:basedOn w:val="BodyText"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="4"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading6"><w:name w:val="heading 6"/><w:basedOn w:val="BodyText"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="5"/></w:pPr><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Centered"><w:name w:val="Centered"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="IssuerParent"><w:name w:val="Issuer Parent"/><w:basedOn w:val="Centered"/><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Issuer"><w:name w:val="Issuer"/><w:basedOn w:val="IssuerParent"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="QuocHieu"><w:name w:val="Quoc Hieu"/><w:basedOn w:val="Centered"/><w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TieuNgu"><w:name w:val="Tieu Ngu"/><w:basedOn w:val="Centered"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="DocNumber"><w:name w:val="Document Number"/><w:basedOn w:val="Centered"/><w:pPr><w:spacing w:before="120"/></w:pPr><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Abstract"><w:name w:val="Abstract"/><w:basedOn w:val="Centered"/><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="DateLine"><w:name w:val="Date Line"/><w:basedOn w:val="Centered"/><w:pPr><w:spacing w:before="120"/></w:pPr><w:rPr><w:i/><w:iCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Mark"><w:name w:val="Mark"/><w:basedOn w:val="Centered"/><w:pPr><w:spacing w:before="120"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="DocType"><w:name w:val="Document Type"/><w:basedOn w:val="Centered"/><w:pPr><w:keepNext/><w:spacing w:before="360"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="DocSubject"><w:name w:val="Document Subject"/><w:basedOn w:val="Centered"/><w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Rule"><w:name w:val="Rule"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableNum"><w:name w:val="Table Number"/><w:basedOn w:val="TableText"/><w:pPr><w:jc w:val="right"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TableHead"><w:name w:val="Table Head"/><w:basedOn w:val="TableText"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="RecipientsLabel"><w:name w:val="Recipients Label"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Recipient"><w:name w:val="Recipient"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="Signature"/><w:basedOn w:val="Centered"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Signed"><w:name w:val="Signed"/><w:basedOn w:val="Centered"/><w:rPr><w:i/><w:iCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Signer"><w:name w:val="Signer"/><w:basedOn w:val="Signature"/><w:pPr><w:spacing w:before="1400"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="NoteText"><w:name w:val="Note Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/><w:jc w:val="both"/></w:pPr><w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="NoteText"/></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Centered"/><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Centered"/><w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Centered"/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:i/><w:iCs/></w:rPr></w:style>
</w:styles>`

const docxSettings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="` + nsW + `"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:footnotePr><w:footnote w:id="0"/><w:footnote w:id="1"/></w:footnotePr><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="vi-VN"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>`

const docxFonts = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="` + nsW + `"><w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`

// docxHeader is the page number, centred in the top margin. The field has no cached
// result: the word processor computes it, and readers find no text in it.
const docxHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="` + nsW + `"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`
