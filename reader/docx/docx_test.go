package docx

import (
	"reflect"
	"strings"
	"testing"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/legacy"
)

const stylesXML = `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + nsW + `>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:outlineLvl w:val="1"/><w:jc w:val="center"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="Loop"/><w:basedOn w:val="Loop2"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="Loop 2"/><w:basedOn w:val="Loop1"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListDash"><w:name w:val="List Dash"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Muc1"><w:name w:val="Muc 1"/><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Muc2"><w:name w:val="Muc 2"/><w:basedOn w:val="Muc1"/></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="NotBold"><w:name w:val="Not Bold"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>
</w:styles>`

const numberingXML = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + nsW + `>
<w:abstractNum w:abstractNumId="10">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="20">
 <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="` + "\uF0B7" + `"/></w:lvl>
 <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="30">
 <w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:lvlRestart w:val="0"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="40">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Chương %1"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/><w:isLgl/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="50"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/><w:pStyle w:val="ListDash"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="60">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:pStyle w:val="Muc1"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/><w:pStyle w:val="Muc2"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="9"><w:abstractNumId w:val="60"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="50"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="30"/></w:num>
<w:num w:numId="7"><w:abstractNumId w:val="40"/></w:num>
<w:num w:numId="8"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1/"/></w:lvl></w:lvlOverride></w:num>
</w:numbering>`

// styled adds styles.xml and numbering.xml, reached through the document's rels.
func styled(f docxFile) docxFile {
	return f.with("word/styles.xml", stylesXML, "word/numbering.xml", numberingXML,
		"word/_rels/document.xml.rels", rels("rId1", "styles", "styles.xml", "rId2", "numbering", "numbering.xml"))
}

func num(id, ilvl string) string {
	return `<w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + id + `"/></w:numPr>`
}

func TestParagraphs(t *testing.T) {
	type blk struct {
		kind  baocao.BlockKind
		text  string
		label string
		level int
		style string
		align string
	}
	tests := []struct {
		name string
		f    docxFile
		want []blk
	}{
		{"heading styles resolve to names, levels and alignment", styled(body(
			p(`<w:pStyle w:val="Heading1"/>`, "Mở đầu") +
				p(`<w:pStyle w:val="Heading2"/>`, "Chi tiết") +
				p(`<w:pStyle w:val="Title"/>`, "BÁO CÁO") +
				p(`<w:jc w:val="both"/>`, "Nội dung thường.") +
				p(`<w:outlineLvl w:val="2"/>`, "Mục ba"))),
			[]blk{
				{baocao.Heading, "Mở đầu", "", 1, "Heading 1", ""},
				{baocao.Heading, "Chi tiết", "", 2, "Heading 2", "center"},
				{baocao.Heading, "BÁO CÁO", "", 0, "Title", "center"},
				{baocao.Paragraph, "Nội dung thường.", "", 0, "", "justify"},
				{baocao.Heading, "Mục ba", "", 3, "", ""},
			}},
		{"labels typed in the text are classified", body(
			p("", "Phần I") + p("", "II. KẾT QUẢ THỰC HIỆN") + p("", "- Về trồng trọt") +
				p("", "<w:b/>|Công tác khen thưởng")),
			[]blk{
				{baocao.Heading, "Phần I", "Phần I", 1, "", ""},
				{baocao.Heading, "II. KẾT QUẢ THỰC HIỆN", "II.", 3, "", ""},
				{baocao.ListItem, "- Về trồng trọt", "-", 9, "", ""},
				{baocao.Heading, "Công tác khen thưởng", "", 0, "", ""},
			}},
		{"automatic numbering is rebuilt", styled(body(
			p(num("1", "0"), "KẾT QUẢ") +
				p(num("1", "1"), "Trồng trọt") +
				p(num("1", "2"), "Lúa") +
				p(num("1", "2"), "Ngô") +
				p(num("1", "3"), "Vụ xuân") +
				p(num("1", "3"), "Vụ mùa") +
				p(num("1", "1"), "Chăn nuôi") +
				p(num("1", "2"), "Trâu bò") +
				p(num("1", "0"), "PHƯƠNG HƯỚNG") +
				p(num("1", "1"), "Nhiệm vụ"))),
			[]blk{
				{baocao.Heading, "I. KẾT QUẢ", "I.", 3, "", ""},
				{baocao.Heading, "1. Trồng trọt", "1.", 4, "", ""},
				{baocao.Heading, "1.1. Lúa", "1.1.", 5, "", ""},
				{baocao.Heading, "1.2. Ngô", "1.2.", 5, "", ""},
				{baocao.Heading, "a) Vụ xuân", "a)", 8, "", ""},
				{baocao.Heading, "b) Vụ mùa", "b)", 8, "", ""},
				{baocao.Heading, "2. Chăn nuôi", "2.", 4, "", ""},
				{baocao.Heading, "2.1. Trâu bò", "2.1.", 5, "", ""},
				{baocao.Heading, "II. PHƯƠNG HƯỚNG", "II.", 3, "", ""},
				{baocao.Heading, "1. Nhiệm vụ", "1.", 4, "", ""},
			}},
		{"bullets from Symbol and plain characters", styled(body(
			p(num("2", "0"), "Phòng Nội vụ huyện;") + p(num("2", "1"), "Tiêu chí số 15") +
				p(`<w:pStyle w:val="ListDash"/>`, "Gắn với style"))),
			[]blk{
				{baocao.ListItem, "• Phòng Nội vụ huyện;", "•", 9, "", ""},
				{baocao.ListItem, "+ Tiêu chí số 15", "+", 10, "", ""},
				{baocao.ListItem, "- Gắn với style", "-", 9, "List Dash", ""},
			}},
		{"styles bound to list levels", styled(body(
			p(`<w:pStyle w:val="Muc1"/>`, "Chung") + p(`<w:pStyle w:val="Muc2"/>`, "Phạm vi") + p(`<w:pStyle w:val="Muc2"/>`, "Đối tượng") +
				p(`<w:pStyle w:val="Muc1"/>`, "Riêng"))),
			[]blk{
				{baocao.Heading, "1. Chung", "1.", 4, "Muc 1", ""},
				{baocao.Heading, "1.1. Phạm vi", "1.1.", 5, "Muc 2", ""},
				{baocao.Heading, "1.2. Đối tượng", "1.2.", 5, "Muc 2", ""},
				{baocao.Heading, "2. Riêng", "2.", 4, "Muc 1", ""},
			}},
		{"lists sharing an abstract continue; startOverride restarts; numId 0 stops", styled(body(
			p(num("1", "1"), "một") + p(num("4", "1"), "hai") + p(num("5", "1"), "bảy") +
				p(num("1", "1"), "tám") + p(`<w:numPr><w:numId w:val="0"/></w:numPr>`, "không số"))),
			[]blk{
				{baocao.Heading, "1. một", "1.", 4, "", ""},
				{baocao.Heading, "2. hai", "2.", 4, "", ""},
				{baocao.Heading, "7. bảy", "7.", 4, "", ""},
				{baocao.Heading, "8. tám", "8.", 4, "", ""},
				{baocao.Paragraph, "không số", "", 0, "", ""},
			}},
		{"start value, lvlRestart 0, isLgl and a replaced level", styled(body(
			p(num("6", "0"), "năm") + p(num("6", "1"), "con") + p(num("6", "0"), "sáu") + p(num("6", "1"), "tiếp") +
				p(num("7", "0"), "QUY ĐỊNH CHUNG") + p(num("7", "1"), "Phạm vi") +
				p(num("8", "0"), "KẾT QUẢ"))),
			[]blk{
				{baocao.Heading, "5. năm", "5.", 4, "", ""},
				{baocao.Heading, "5.1 con", "5.1", 5, "", ""},
				{baocao.Heading, "6. sáu", "6.", 4, "", ""},
				{baocao.Heading, "6.2 tiếp", "6.2", 5, "", ""},
				{baocao.Heading, "Chương I QUY ĐỊNH CHUNG", "Chương I", 1, "", ""},
				{baocao.Heading, "1.1. Phạm vi", "1.1.", 5, "", ""},
				{baocao.Heading, "A/ KẾT QUẢ", "A/", 0, "", ""},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.f.read(t)
			var got []blk
			for i, b := range d.Blocks {
				got = append(got, blk{b.Kind, d.BlockText(i), b.Label, b.Level, b.Style, b.Align})
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("blocks:\n got  %+v\n want %+v", got, tc.want)
			}
		})
	}
}

func TestRunContent(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"tab, breaks and hyphens", `<w:p><w:r><w:t>Số: 12/BC</w:t><w:tab/><w:t>Hà Nội</w:t><w:br/><w:t>ngày</w:t><w:cr/><w:t>5</w:t><w:noBreakHyphen/><w:t>6</w:t><w:softHyphen/><w:t>7</w:t></w:r></w:p>`,
			"Số: 12/BC\tHà Nội ngày 5-67"},
		{"symbols", `<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> 25</w:t><w:sym w:font="Symbol" w:char="F0B0"/><w:t>C</w:t></w:r></w:p>`,
			"• 25°C"},
		{"deleted, moved-away and hidden text is dropped; inserted kept", `<w:p><w:r><w:t xml:space="preserve">giữ </w:t></w:r><w:del><w:r><w:delText>xoá </w:delText></w:r></w:del><w:ins><w:r><w:t xml:space="preserve">thêm </w:t></w:r></w:ins><w:moveFrom><w:r><w:t>đi </w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t xml:space="preserve">đến </w:t></w:r></w:moveTo><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r><w:r><w:t>hết</w:t></w:r></w:p>`,
			"giữ thêm đến hết"},
		{"field codes are skipped, results kept, page numbers dropped", `<w:p><w:r><w:t xml:space="preserve">Xem </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "http://x" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>cổng thông tin</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE \* MERGEFORMAT</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>17</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>40</w:t></w:r></w:fldSimple><w:fldSimple w:instr=" DATE "><w:r><w:t>xong</w:t></w:r></w:fldSimple></w:p>`,
			"Xem cổng thông tin trang xong"},
		{"a field left open does not hide the next paragraph", `<w:p><w:r><w:t xml:space="preserve">trước </w:t><w:fldChar w:fldCharType="begin"/><w:instrText>MERGEFIELD x</w:instrText></w:r></w:p><w:p><w:r><w:t>sau</w:t></w:r></w:p>`,
			"trước\nsau"},
		{"a text box is read once, after its paragraph", `<w:p><w:r><w:t xml:space="preserve">Neo </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect><v:textbox><w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>đoạn</w:t></w:r></w:p>`,
			"Neo đoạn\nDỰ THẢO"},
		{"a VML text box outside alternate content", `<w:p><w:r><w:pict><v:rect><v:textbox><w:txbxContent><w:p><w:r><w:t>Hộp</w:t></w:r></w:p></w:txbxContent></v:textbox></v:rect></w:pict></w:r></w:p>`,
			"Hộp"},
		{"content controls, smart tags and hyperlinks are looked into", `<w:sdt><w:sdtPr><w:alias w:val="x"/><w:placeholder><w:docPart w:val="y"/></w:placeholder></w:sdtPr><w:sdtContent><w:p><w:hyperlink r:id="rId9"><w:r><w:t xml:space="preserve">liên </w:t></w:r></w:hyperlink><w:smartTag><w:r><w:t>kết</w:t></w:r></w:smartTag></w:p></w:sdtContent></w:sdt>`,
			"liên kết"},
		{"equations inline and on their own", `<w:p><w:r><w:t xml:space="preserve">với </w:t></w:r><m:oMath><m:r><m:t>S=a×b</m:t></m:r></m:oMath></w:p><m:oMathPara><m:oMath><m:r><m:t>T=2</m:t></m:r></m:oMath></m:oMathPara>`,
			"với S=a×b\nT=2"},
		{"caps shows capitals", `<w:p><w:r><w:rPr><w:caps/></w:rPr><w:t>ủy ban nhân dân</w:t></w:r></w:p>`,
			"ỦY BAN NHÂN DÂN"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := body(tc.body).read(t)
			if d.Text != tc.want {
				t.Errorf("text:\n got  %q\n want %q", d.Text, tc.want)
			}
		})
	}
}

func TestMarks(t *testing.T) {
	d := styled(body(p("",
		"<w:b/>|đậm ", "<w:i/>|nghiêng ", `<w:u w:val="single"/>|gạch `, `<w:vertAlign w:val="superscript"/>|2`,
		`<w:rStyle w:val="Strong"/>| mạnh`, `<w:u w:val="none"/>| thường`) +
		p(`<w:pStyle w:val="Heading1"/>`, "Cả dòng ", `<w:rStyle w:val="NotBold"/>|trừ đây`) +
		p(`<w:pStyle w:val="Loop1"/>`, "vòng"))).read(t)
	got := map[string][]baocao.MarkKind{}
	for _, b := range d.Blocks {
		for _, m := range b.Marks {
			s := m.Span.Of(d.Text)
			got[s] = append(got[s], m.Kind)
		}
	}
	want := map[string][]baocao.MarkKind{
		"đậm":     {baocao.Bold},
		"nghiêng": {baocao.Italic},
		"gạch":    {baocao.Underline},
		"2":       {baocao.Superscript},
		"mạnh":    {baocao.Bold},
		"Cả dòng": {baocao.Bold},
		"vòng":    {baocao.Italic}, // a basedOn cycle is cut, not followed forever
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("marks:\n got  %v\n want %v", got, want)
	}
}

func TestTables(t *testing.T) {
	tc := func(props, text string) string {
		return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + p("", text) + "</w:tc>"
	}
	tr := func(props string, cells ...string) string {
		return "<w:tr><w:trPr>" + props + "</w:trPr>" + strings.Join(cells, "") + "</w:tr>"
	}
	t.Run("header table comes out as rows of left and right", func(t *testing.T) {
		d := body("<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>" +
			tr("", tc("", "UBND XÃ THỤY HÙNG"), tc("", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) +
			tr("", tc("", "Số: 12/BC-UBND"), tc("", "Độc lập - Tự do - Hạnh phúc")) + "</w:tbl>" +
			p("", "BÁO CÁO")).read(t)
		if len(d.Blocks) != 2 || d.Blocks[0].Kind != baocao.TableKind {
			t.Fatalf("blocks: %+v", d.Blocks)
		}
		want := "UBND XÃ THỤY HÙNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/BC-UBND\tĐộc lập - Tự do - Hạnh phúc"
		if got := d.BlockText(0); got != want {
			t.Errorf("table text:\n got  %q\n want %q", got, want)
		}
	})
	t.Run("merges, gridBefore and gridAfter resolve into the grid", func(t *testing.T) {
		d := body("<w:tbl>" +
			tr("", tc(`<w:vMerge w:val="restart"/>`, "TT"), tc(`<w:gridSpan w:val="3"/>`, "Số lượng")) +
			tr("", tc(`<w:vMerge/>`, ""), tc("", "Tập thể"), tc("", "Cá nhân"), tc("", "Gia đình")) +
			tr(`<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/>`, tc("", "7"), tc("", "8")) +
			"</w:tbl>").read(t)
		tb := d.Blocks[0].Table
		if tb == nil || len(tb.Rows) != 3 || tableCols(tb) != 4 {
			t.Fatalf("grid: %+v", tb)
		}
		if tb.Rows[0][0].RowSpan != 2 || !tb.Rows[1][0].Covered || tb.Rows[1][0].Span.Of(d.Text) != "TT" {
			t.Errorf("vertical merge: %+v / %+v", tb.Rows[0][0], tb.Rows[1][0])
		}
		if tb.Rows[0][1].ColSpan != 3 || !tb.Rows[0][3].Covered {
			t.Errorf("horizontal merge: %+v", tb.Rows[0])
		}
		var row2 []string
		for _, c := range tb.Rows[2] {
			row2 = append(row2, c.Span.Of(d.Text))
		}
		if want := []string{"", "7", "8", ""}; !reflect.DeepEqual(row2, want) {
			t.Errorf("gridBefore/gridAfter row: got %q want %q", row2, want)
		}
	})
	t.Run("nested tables flatten into their cell", func(t *testing.T) {
		inner := "<w:tbl>" + tr("", tc("", "a"), tc("", "b")) + tr("", tc("", "c"), tc("", "d")) + "</w:tbl>"
		d := body("<w:tbl>" + tr("", tc("", "Ngoài"), "<w:tc>"+p("", "Trước")+inner+p("", "Sau")+"</w:tc>") + "</w:tbl>").read(t)
		if len(d.Blocks) != 1 {
			t.Fatalf("got %d blocks, want one table", len(d.Blocks))
		}
		if got, want := d.Text, "Ngoài\tTrước a b c d Sau"; got != want {
			t.Errorf("text: got %q want %q", got, want)
		}
	})
	t.Run("a cell's paragraphs, labels and marks join with spaces", func(t *testing.T) {
		d := styled(body("<w:tbl>" + tr("", "<w:tc>"+p(num("2", "0"), "<w:b/>|Một")+p("", "Hai")+"</w:tc>") + "</w:tbl>")).read(t)
		if got, want := d.Text, "• Một Hai"; got != want {
			t.Errorf("text: got %q want %q", got, want)
		}
		if m := d.Blocks[0].Marks; len(m) != 1 || m[0].Span.Of(d.Text) != "Một" || m[0].Kind != baocao.Bold {
			t.Errorf("cell marks: %+v", m)
		}
	})
	t.Run("absurd spans are bounded", func(t *testing.T) {
		d := body("<w:tbl>" + tr(`<w:gridBefore w:val="99999999"/>`, tc(`<w:gridSpan w:val="1000000000"/>`, "rộng"), tc("", "thêm")) + "</w:tbl>").read(t)
		if n := tableCols(d.Blocks[0].Table); n != maxCols {
			t.Errorf("got %d columns, want the bound %d", n, maxCols)
		}
		if !strings.Contains(d.Text, "rộng") || !strings.Contains(d.Text, "thêm") {
			t.Errorf("text lost: %q", d.Text)
		}
	})
}

const footnotesXML = `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ` + nsW + `>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="7"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Lúa xuân 164 ha;</w:t></w:r></w:p><w:p><w:r><w:t>ngô 60 ha.</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Đàn trâu 31 con.</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="9"><w:p><w:r><w:t>Ghi chú có dấu sao.</w:t></w:r></w:p></w:footnote>
</w:footnotes>`

const endnotesXML = `<?xml version="1.0" encoding="UTF-8"?><w:endnotes ` + nsW + `>
<w:endnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>
<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>Nguồn: Cục Thống kê.</w:t></w:r></w:p></w:endnote>
</w:endnotes>`

func TestNotes(t *testing.T) {
	ref := func(kind, id string) string { return `<w:r><w:` + kind + `Reference w:id="` + id + `"/></w:r>` }
	f := body(`<w:p><w:r><w:t>Trồng trọt</w:t></w:r>`+ref("footnote", "7")+`<w:r><w:t xml:space="preserve"> và chăn nuôi</w:t></w:r>`+ref("footnote", "3")+`</w:p>`+
		`<w:p><w:r><w:t>Tổng</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="9"/><w:t>*</w:t></w:r><w:r><w:t xml:space="preserve"> số liệu</w:t></w:r>`+ref("endnote", "1")+`</w:p>`).
		with("word/footnotes.xml", footnotesXML, "word/endnotes.xml", endnotesXML,
			"word/_rels/document.xml.rels", rels("rId1", "footnotes", "footnotes.xml", "rId2", "endnotes", "endnotes.xml"))
	d := f.read(t)
	want := "Trồng trọt[1] và chăn nuôi[2]\nTổng[*] số liệu[3]\n" +
		"[1] Lúa xuân 164 ha; ngô 60 ha.\n[2] Đàn trâu 31 con.\n[*] Ghi chú có dấu sao.\n[3] Nguồn: Cục Thống kê."
	if d.Text != want {
		t.Fatalf("text:\n got  %q\n want %q", d.Text, want)
	}
	type note struct{ id, kind, ref, text string }
	var got []note
	for _, fn := range d.Footnotes {
		got = append(got, note{fn.ID, fn.Kind, fn.Ref.Of(d.Text), fn.Span.Of(d.Text)})
	}
	wantNotes := []note{
		{"1", "footnote", "[1]", "Lúa xuân 164 ha; ngô 60 ha."},
		{"2", "footnote", "[2]", "Đàn trâu 31 con."},
		{"*", "footnote", "[*]", "Ghi chú có dấu sao."},
		{"3", "endnote", "[3]", "Nguồn: Cục Thống kê."},
	}
	if !reflect.DeepEqual(got, wantNotes) {
		t.Errorf("notes:\n got  %+v\n want %+v", got, wantNotes)
	}
	if len(d.Warnings) != 0 {
		t.Errorf("warnings: %v", d.Warnings)
	}
}

func TestHeadersAndFooters(t *testing.T) {
	hdr := func(root, inner string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><w:` + root + ` ` + nsW + `>` + inner + `</w:` + root + `>`
	}
	page := `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`
	f := body(p("", "Nội dung")+`<w:sectPr><w:headerReference w:type="default" r:id="rH2"/><w:headerReference w:type="first" r:id="rH1"/><w:footerReference w:type="default" r:id="rF1"/></w:sectPr>`).
		with("word/header1.xml", hdr("hdr", p("", "SỞ NỘI VỤ")+page),
			"word/header2.xml", hdr("hdr", p("", "SỞ NỘI VỤ")+p("", "Dự thảo lần 2")),
			"word/footer1.xml", hdr("ftr", `<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>`),
			"word/_rels/document.xml.rels", rels("rH1", "header", "header1.xml", "rH2", "header", "header2.xml", "rF1", "footer", "footer1.xml"))
	d := f.read(t)
	if got, want := texts(d, baocao.Furniture), []string{"SỞ NỘI VỤ", "Dự thảo lần 2", "Trang"}; !reflect.DeepEqual(got, want) {
		t.Errorf("furniture: got %q want %q", got, want)
	}
	if got := texts(d, baocao.Paragraph); !reflect.DeepEqual(got, []string{"Nội dung"}) {
		t.Errorf("body: got %q", got)
	}
}

func TestStrictOOXML(t *testing.T) {
	strict := func(s string) string {
		s = strings.ReplaceAll(s, "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main")
		return strings.ReplaceAll(s, "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships")
	}
	f := docxFile{
		"word/document.xml":            strict(document(p(`<w:pStyle w:val="Heading1"/>`, "Tiêu đề") + p(num("2", "0"), "mục"))),
		"word/styles.xml":              strict(stylesXML),
		"word/numbering.xml":           strict(numberingXML),
		"_rels/.rels":                  strict(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document.xml"/></Relationships>`),
		"word/_rels/document.xml.rels": strict(rels("rId1", "styles", "styles.xml", "rId2", "numbering", "/word/numbering.xml")),
	}
	d := f.read(t)
	if len(d.Blocks) != 2 || d.Blocks[0].Kind != baocao.Heading || d.Blocks[0].Level != 1 || d.BlockText(1) != "• mục" {
		t.Errorf("strict document: %q %+v", d.Text, d.Blocks)
	}
}

func TestLegacyFonts(t *testing.T) {
	enc := func(e legacy.Encoding, s string) string {
		b, err := legacy.Encode(e, s)
		if err != nil {
			t.Fatal(err)
		}
		// Word stores each byte of a legacy-font run as the Windows-1252 character of
		// that byte; for the codes TCVN3 and VNI use here that is the Latin-1 rune.
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		return string(r)
	}
	font := func(name string) string { return `<w:rFonts w:ascii="` + name + `" w:hAnsi="` + name + `"/>` }
	tests := []struct {
		name, body, text, encoding string
	}{
		{".VnTime run", p("", font(".VnTime")+"|"+enc(legacy.TCVN3, "Cộng hòa xã hội chủ nghĩa Việt Nam")),
			"Cộng hòa xã hội chủ nghĩa Việt Nam", "tcvn3"},
		{".VnTimeH capitals", p("", font(".VnTimeH")+"|"+enc(legacy.TCVN3, "ủy ban nhân dân")),
			"ỦY BAN NHÂN DÂN", "tcvn3"},
		{"ư survives normalization", p("", font(".VnArial")+"|"+enc(legacy.TCVN3, "thi đua, khen thưởng")),
			"thi đua, khen thưởng", "tcvn3"},
		{"VNI run beside a Unicode run", p("", font("VNI-Times")+"|"+enc(legacy.VNI, "Độc lập - Tự do"), font("Times New Roman")+"| - Hạnh phúc"),
			"Độc lập - Tự do - Hạnh phúc", "vni"},
		{"font from the style chain", `<w:p><w:pPr><w:pStyle w:val="Cu"/></w:pPr>` + run(enc(legacy.TCVN3, "Báo cáo")) + `</w:p>`,
			"Báo cáo", "tcvn3"},
		{"Unicode fonts are left alone", p("", font("Times New Roman")+"|Céng hßa"), "Céng hßa", ""},
	}
	styles := `<?xml version="1.0"?><w:styles ` + nsW + `><w:style w:type="paragraph" w:styleId="Cu"><w:name w:val="Cu"/><w:rPr>` + font(".VnTime") + `</w:rPr></w:style></w:styles>`
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := body(tc.body).with("word/styles.xml", styles, "word/_rels/document.xml.rels", rels("rId1", "styles", "styles.xml")).read(t)
			if d.Text != tc.text || d.Encoding != tc.encoding {
				t.Errorf("got %q (encoding %q), want %q (%q)", d.Text, d.Encoding, tc.text, tc.encoding)
			}
		})
	}
}
