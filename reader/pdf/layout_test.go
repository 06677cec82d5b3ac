package pdf

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/reader"
)

// reportPDF is a three-page report with the features the layout must handle: a
// two-column header, a number and a date split at line ends, a raised footnote marker
// glued to a year with its note under a separator rule, a running header and page
// numbers, and a paragraph that goes on to the next page.
func reportPDF() []byte {
	const size = 13
	y := func(i int) float64 { return 700 - float64(i)*size*1.2 }
	head := testLine{x: 200, y: 815, size: 10, text: "Báo cáo thi đua năm 2023"}
	p1 := []testLine{
		head,
		{x: 80, y: 780, size: 12, text: "ỦY BAN NHÂN DÂN"},
		{x: 290, y: 780, size: 12, font: "F2", text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{x: 95, y: 765, size: 12, font: "F2", text: "XÃ THỤY HÙNG"},
		{x: 320, y: 765, size: 12, font: "F2", text: "Độc lập - Tự do - Hạnh phúc"},
		{x: 80, y: 745, size: 12, text: "Số: 12/BC-UBND"},
		{x: 300, y: 745, size: 12, text: "Thụy Hùng, ngày 05 tháng 01 năm 2023"},
		{x: 260, y: 725, size: 13, font: "F2", text: "BÁO CÁO"},
		// a paragraph: first-line indent, lines filled to the right margin
		{x: 100, y: y(0), size: size, text: "Thực hiện nhiệm vụ được giao tại Quyết định số 117/QĐ-"},
		{x: 72, y: y(1), size: size, text: "UBND của Ủy ban nhân dân huyện về việc tổ chức thi đua năm"},
		{x: 72, y: y(2), size: size, text: "2023, Kế hoạch số 08/KH-UBND của xã Thụy Hùng ngày 05/01/"},
		{x: 72, y: y(3), size: size, text: "2023 và kết quả năm 2025, xã báo cáo như sau:"},
		{x: 72, y: y(5), size: size, font: "F2", text: "1. Kết quả đạt được"},
		{x: 100, y: y(6), size: size, text: "Tổng diện tích gieo trồng đạt kế hoạch của năm 2025"},
		{x: 100 + 51*6.5, y: y(6) + 5, size: 8, text: "7"},
		{x: 72, y: y(7), size: size, text: "với sự tham gia của các thôn, các hộ gia đình và các tổ chức"},
		{x: 72, y: y(8), size: size, text: "đoàn thể trong xã theo đúng kế hoạch và chỉ tiêu đã đề ra cho"},
		{x: 72, y: 130, size: 8, rise: 4, text: "7", after: "72 142 140 0.5 re f\n"},
		{x: 77, y: 130, size: 10, text: "Lúa xuân 164 ha/164 ha đạt 100% so với chỉ tiêu."},
	}
	p2 := []testLine{
		head,
		{x: 295, y: 800, size: 12, text: "2"},
		{x: 72, y: 700, size: size, text: "năm 2023 và các năm tiếp theo."},
		{x: 100, y: 700 - size*1.2, size: size, text: "Công tác khen thưởng được thực hiện kịp thời."},
	}
	p3 := []testLine{
		head,
		{x: 295, y: 800, size: 12, text: "3"},
		{x: 100, y: 700, size: size, text: "UBND xã tặng 07 tập thể, 08 cá nhân."},
	}
	w := &pdfWriter{}
	return w.bytes(textPDF(w, [][]testLine{p1, p2, p3}))
}

func TestReportLayout(t *testing.T) {
	doc := mustRead(t, "report.pdf", reportPDF(), reader.Options{})
	for _, want := range []string{
		"ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
		"XÃ THỤY HÙNG\tĐộc lập - Tự do - Hạnh phúc\n",
		"Số: 12/BC-UBND\tThụy Hùng, ngày 05 tháng 01 năm 2023\n",
		"Quyết định số 117/QĐ-UBND của",
		"ngày 05/01/2023 và",
		"đạt kế hoạch của năm 2025[7] với sự tham gia",
		"đã đề ra cho năm 2023 và các năm tiếp theo.\n",
		"[7] Lúa xuân 164 ha/164 ha đạt 100% so với chỉ tiêu.",
	} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	for _, bad := range []string{"20257", "Báo cáo thi đua năm 2023\n", "\n2\n", "\n3\n"} {
		if strings.Contains(doc.Text, bad) {
			t.Errorf("text has %q", bad)
		}
	}
	if len(doc.Footnotes) != 1 || doc.Footnotes[0].Ref.Of(doc.Text) != "[7]" {
		t.Errorf("footnotes: %+v", doc.Footnotes)
	}
	var kinds []string
	for i, b := range doc.Blocks {
		kinds = append(kinds, fmt.Sprintf("%s %q", b.Kind, doc.BlockText(i)))
	}
	out, _ := json.MarshalIndent(struct {
		Text   string
		Blocks []string
		Pages  []baocao.Page
	}{doc.Text, kinds, doc.Pages}, "", " ")
	testutil.Golden(t, "testdata/report.golden.json", append(out, '\n'))
}

func TestJoinText(t *testing.T) {
	tests := []struct {
		name, a, b, sep string
		drop            int
	}{
		{"document code", "Quyết định số 117/QĐ-", "UBND ngày", "", 0},
		{"plan code", "Kế hoạch số 08/KH-", "UBND", "", 0},
		{"date", "ngày 05/01/", "2023 về", "", 0},
		{"legal code with year", "Nghị định 30/2020/", "NĐ-CP", "", 0},
		{"party code", "Nghị quyết số 84-", "NQ/HU", "", 0},
		{"hyphenated word", "mạng Inter-", "net", "", 1},
		{"spaced dash", "kinh tế -", "xã hội", " ", 0},
		{"compound kept", "kinh tế-", "xã hội", "", 0},
		{"plain words", "thi đua", "khen thưởng", " ", 0},
		{"number then word", "có 117", "hộ", " ", 0},
		{"fraction", "đạt 77/", "277", "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sep, drop := joinText(tc.a, tc.b)
			if sep != tc.sep || drop != tc.drop {
				t.Errorf("joinText(%q, %q) = %q, %d; want %q, %d", tc.a, tc.b, sep, drop, tc.sep, tc.drop)
			}
		})
	}
}

func TestSuperscriptNotes(t *testing.T) {
	notes := map[string]bool{"7": true, "2": true}
	tests := []struct {
		name  string
		spans []span
		want  string
	}{
		{"note after a year", []span{{text: "năm 2025"}, {text: "7", super: true}}, "năm 2025[7]"},
		{"square metre", []span{{text: "diện tích 110m"}, {text: "2", super: true}}, "diện tích 110m²"},
		{"undefined note stays text", []span{{text: "mục"}, {text: "9", super: true}}, "mục9"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := para{pieces: linePieces(&line{spans: tc.spans}, notes)}
			if got := p.text(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
