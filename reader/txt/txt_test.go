package txt

import (
	"context"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/legacy"
	"github.com/baocao/baocao/reader"
)

func read(t testing.TB, name string, data []byte) *baocao.Document {
	t.Helper()
	d, err := reader.Read(context.Background(), name, data, reader.Options{})
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return d
}

// lines returns the text of the body blocks (notes and furniture excluded).
func lines(d *baocao.Document) []string {
	var out []string
	for i, b := range d.Blocks {
		if b.Kind != baocao.Note && b.Kind != baocao.Furniture {
			out = append(out, d.BlockText(i))
		}
	}
	return out
}

func marked(d *baocao.Document, kind baocao.MarkKind) []string {
	var out []string
	for _, b := range d.Blocks {
		for _, m := range b.Marks {
			if m.Kind == kind {
				out = append(out, m.Span.Of(d.Text))
			}
		}
	}
	return out
}

func TestMarkup(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		text      []string
		bold, ita []string
		kinds     []baocao.BlockKind
	}{
		{
			name: "bold and italic",
			in:   "Có **07 tập thể** và *08 cá nhân* được khen.",
			text: []string{"Có 07 tập thể và 08 cá nhân được khen."},
			bold: []string{"07 tập thể"}, ita: []string{"08 cá nhân"},
		},
		{
			name: "bullet then bold heading",
			in:   "*** Về sản xuất nông, lâm nghiệp:**",
			text: []string{"* Về sản xuất nông, lâm nghiệp:"}, bold: []string{"Về sản xuất nông, lâm nghiệp:"},
			kinds: []baocao.BlockKind{baocao.Heading},
		},
		{
			name:  "bullet with a bold lead-in",
			in:    "* **Về chăn nuôi.** UBND xã đã ban hành Kế hoạch số 233/KH-UBND về thực hiện tháng vệ sinh, tiêu độc khử trùng đợt I năm 2023 trên địa bàn toàn xã và các thôn, bản.",
			text:  []string{"* Về chăn nuôi. UBND xã đã ban hành Kế hoạch số 233/KH-UBND về thực hiện tháng vệ sinh, tiêu độc khử trùng đợt I năm 2023 trên địa bàn toàn xã và các thôn, bản."},
			bold:  []string{"Về chăn nuôi."},
			kinds: []baocao.BlockKind{baocao.ListItem},
		},
		{
			name: "italic in parentheses",
			in:   "năm 2023 (*Lĩnh vực: xây dựng nông thôn mới*); *(có biểu tổng hợp)*",
			text: []string{"năm 2023 (Lĩnh vực: xây dựng nông thôn mới); (có biểu tổng hợp)"},
			ita:  []string{"Lĩnh vực: xây dựng nông thôn mới", "(có biểu tổng hợp)"},
		},
		{
			name: "bold over two lines stays two blocks",
			in:   "**TM. HỘI ĐỒNG TĐKT\nCHỦ TỊCH HỘI ĐỒNG**",
			text: []string{"TM. HỘI ĐỒNG TĐKT", "CHỦ TỊCH HỘI ĐỒNG"},
			bold: []string{"TM. HỘI ĐỒNG TĐKT", "CHỦ TỊCH HỘI ĐỒNG"},
		},
		{
			name: "html tags",
			in:   "<i>Trong đó:</i> <b>Khen</b> <u>công hiến</u>",
			text: []string{"Trong đó: Khen công hiến"},
			bold: []string{"Khen"}, ita: []string{"Trong đó:"},
		},
		{
			name: "escapes and stray asterisks",
			in:   `Giá 5\*3 = 15, năm 2023* và 2 * 3 và \# không phải tiêu đề`,
			text: []string{"Giá 5*3 = 15, năm 2023* và 2 * 3 và # không phải tiêu đề"},
		},
		{
			name:  "markdown headings",
			in:    "# BÁO CÁO\n\n## 1. Kết quả ##",
			text:  []string{"BÁO CÁO", "1. Kết quả"},
			kinds: []baocao.BlockKind{baocao.Heading, baocao.Heading},
		},
		{
			name:  "labels",
			in:    "Phần I\n\nII. KẾT QUẢ THỰC HIỆN\n\n2.2.1. Công tác tổ chức\n\n- Về trồng trọt\n\n+ Tiêu chí NTM\n\nBÁO CÁO",
			text:  []string{"Phần I", "II. KẾT QUẢ THỰC HIỆN", "2.2.1. Công tác tổ chức", "- Về trồng trọt", "+ Tiêu chí NTM", "BÁO CÁO"},
			kinds: []baocao.BlockKind{baocao.Heading, baocao.Heading, baocao.Heading, baocao.ListItem, baocao.ListItem, baocao.Heading},
		},
		{
			name: "rules dropped",
			in:   "CHÍNH PHỦ\n--------\nSố: 14/2026/NĐ-CP\n\n***\n\nHết.",
			text: []string{"CHÍNH PHỦ", "Số: 14/2026/NĐ-CP", "Hết."},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := read(t, "x.md", []byte(tc.in))
			if got := lines(d); strings.Join(got, "\n") != strings.Join(tc.text, "\n") {
				t.Errorf("text:\ngot  %q\nwant %q", got, tc.text)
			}
			if got := marked(d, baocao.Bold); strings.Join(got, "|") != strings.Join(tc.bold, "|") {
				t.Errorf("bold: got %q, want %q", got, tc.bold)
			}
			if got := marked(d, baocao.Italic); strings.Join(got, "|") != strings.Join(tc.ita, "|") {
				t.Errorf("italic: got %q, want %q", got, tc.ita)
			}
			for i, k := range tc.kinds {
				if i >= len(d.Blocks) || d.Blocks[i].Kind != k {
					t.Errorf("block %d: got %+v, want kind %s", i, d.Blocks[min(i, len(d.Blocks)-1)], k)
				}
			}
		})
	}
}

func TestHeadingLevelAndLabel(t *testing.T) {
	d := read(t, "x.md", []byte("### 2.2.1. Công tác tổ chức"))
	b := d.Blocks[0]
	if b.Kind != baocao.Heading || b.Level != 3 || b.Label != "2.2.1." {
		t.Errorf("got %+v", b)
	}
	if d.Source.Format != "md" {
		t.Errorf("format: got %q, want md", d.Source.Format)
	}
}

// grid returns the cell texts of table block i, "~" marking covered cells.
func grid(d *baocao.Document, i int) [][]string {
	var out [][]string
	for _, r := range d.Blocks[i].Table.Rows {
		var row []string
		for _, c := range r {
			s := c.Span.Of(d.Text)
			if c.Covered {
				s = "~" + s
			}
			row = append(row, s)
		}
		out = append(out, row)
	}
	return out
}

func tableIndex(t *testing.T, d *baocao.Document) int {
	t.Helper()
	for i, b := range d.Blocks {
		if b.Kind == baocao.TableKind {
			return i
		}
	}
	t.Fatalf("no table in %q", d.Text)
	return -1
}

func TestTables(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want [][]string
	}{
		{
			name: "tab separated with a dashed rule",
			in:   "TT\tNội dung\tGhi chú\n--\t-----\t----\n1\tKế hoạch số 08/KH-UBND\t\n2\tPhát động số 47/PĐ-UBND\tx",
			want: [][]string{{"TT", "Nội dung", "Ghi chú"}, {"1", "Kế hoạch số 08/KH-UBND", ""}, {"2", "Phát động số 47/PĐ-UBND", "x"}},
		},
		{
			name: "markdown pipes",
			in:   "| TT | Nội dung |\n|---|:---:|\n| 1 | a \\| b |\n| 2 | **c** |",
			want: [][]string{{"TT", "Nội dung"}, {"1", "a | b"}, {"2", "c"}},
		},
		{
			name: "header on several lines, split by a blank line",
			in: "Chứng thực bản sao\tChứng thực chữ ký trong\tChứng thực hợp đồng, giao\n" +
				"--------\t--------\t--------\n\n" +
				"\t\tgiấy tờ, văn bản\t\tdịch\t\n" +
				"Tổng số bản\tSố tiền\tSố việc\tSố tiền\tSố việc\tSố tiền\n2.457\t8.251.000\t261\t3.310.000\t17\t850.000",
			want: [][]string{
				{"Chứng thực bản sao", "~Chứng thực bản sao", "Chứng thực chữ ký trong giấy tờ, văn bản", "~Chứng thực chữ ký trong giấy tờ, văn bản", "Chứng thực hợp đồng, giao dịch", "~Chứng thực hợp đồng, giao dịch"},
				{"Tổng số bản", "Số tiền", "Số việc", "Số tiền", "Số việc", "Số tiền"},
				{"2.457", "8.251.000", "261", "3.310.000", "17", "850.000"},
			},
		},
		{
			name: "merged header cells",
			in: "TT\tDanh hiệu\tSố lượng\t\t\n" +
				"\t\tTập thể\tCá nhân\tGia đình\n" +
				"IV\tKhen thưởng cấp xã\t7\t8\t8\n" +
				"\n" +
				"TT\tDanh hiệu\tSố lượng\t\t\n" +
				"\t\tTập thể\tCá nhân\tGia đình\n" +
				"\tTỔNG CỘNG\t9\t8\t8",
			want: [][]string{
				{"TT", "Danh hiệu", "Số lượng", "~Số lượng", "~Số lượng"},
				{"~TT", "~Danh hiệu", "Tập thể", "Cá nhân", "Gia đình"},
				{"IV", "Khen thưởng cấp xã", "7", "8", "8"},
				{"TT", "Danh hiệu", "Số lượng", "~Số lượng", "~Số lượng"},
				{"~TT", "~Danh hiệu", "Tập thể", "Cá nhân", "Gia đình"},
				{"", "TỔNG CỘNG", "9", "8", "8"},
			},
		},
		{
			name: "empty data cells are not merges",
			in:   "TT\tTên\tSố\n1\tHuân chương\t\n\tTrong đó\t\n2\tGiấy khen\t2",
			want: [][]string{{"TT", "Tên", "Số"}, {"1", "Huân chương", ""}, {"", "Trong đó", ""}, {"2", "Giấy khen", "2"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := read(t, "x.txt", []byte("Bảng:\n\n"+tc.in+"\n\nHết."))
			got := grid(d, tableIndex(t, d))
			if len(got) != len(tc.want) {
				t.Fatalf("got %d rows %q, want %d", len(got), got, len(tc.want))
			}
			for r := range got {
				if strings.Join(got[r], "|") != strings.Join(tc.want[r], "|") {
					t.Errorf("row %d:\ngot  %q\nwant %q", r, got[r], tc.want[r])
				}
			}
			if l := lines(d); l[0] != "Bảng:" || l[len(l)-1] != "Hết." {
				t.Errorf("text around the table: %q", l)
			}
		})
	}
}

func TestTabsThatAreNotTables(t *testing.T) {
	d := read(t, "x.txt", []byte("Số: 12/BC-UBND\tThụy Hùng, ngày 05 tháng 01 năm 2023\n\n\tXã có diện tích 2266,39 ha.\n\tDân số 5010 nhân khẩu."))
	// one line of fields keeps its columns (the header parser splits them); the
	// tab-indented lines are plain paragraphs
	want := []string{"Số: 12/BC-UBND\tThụy Hùng, ngày 05 tháng 01 năm 2023", "Xã có diện tích 2266,39 ha.", "Dân số 5010 nhân khẩu."}
	if got := lines(d); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
	if n := strings.Count(d.Text, "\t"); n != 1 {
		t.Errorf("%d tabs in the text, want the one between the fields: %q", n, d.Text)
	}
}

func TestFootnotes(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		body  []string
		notes []string // "label: text"
		warn  string
	}{
		{
			name: "superscript markers and notes at a page break",
			in: "Diện tích đạt 71,14 % so với kế hoạch¹\n\nĐàn gia súc phát triển bình thường.²\n\n" +
				"(1) Trong đó: Lúa xuân 164 ha.\n\n² Tổng đàn gia súc có khoảng 92 con.\n\nCông tác giao thông được duy trì.",
			body:  []string{"Diện tích đạt 71,14 % so với kế hoạch[1]", "Đàn gia súc phát triển bình thường.[2]", "Công tác giao thông được duy trì."},
			notes: []string{"1: Trong đó: Lúa xuân 164 ha.", "2: Tổng đàn gia súc có khoảng 92 con."},
		},
		{
			name:  "units and powers are not markers",
			in:    "Diện tích 12.555 m², 3 km², 10⁶ đồng, thể tích 2 m³.",
			body:  []string{"Diện tích 12.555 m², 3 km², 10⁶ đồng, thể tích 2 m³."},
			notes: nil,
		},
		{
			name:  "marker glued to a year",
			in:    "Thực hiện trong năm 2023¹ theo kế hoạch.\n\n¹ Kế hoạch số 08/KH-UBND.",
			body:  []string{"Thực hiện trong năm 2023[1] theo kế hoạch."},
			notes: []string{"1: Kế hoạch số 08/KH-UBND."},
		},
		{
			name:  "(n) as an enumeration stays",
			in:    "Gồm: (1) xây dựng kế hoạch; (2) tổ chức thực hiện.\n\n(1) Xây dựng kế hoạch trước ngày 15/01.\n\n(2) Tổ chức thực hiện.",
			body:  []string{"Gồm: (1) xây dựng kế hoạch; (2) tổ chức thực hiện.", "(1) Xây dựng kế hoạch trước ngày 15/01.", "(2) Tổ chức thực hiện."},
			notes: nil,
		},
		{
			name:  "(n) as a marker",
			in:    "Thu ngân sách đạt 20,77 %(3).\n\n(3) Trong đó: Thu phí lệ phí 16.118.000 đồng.",
			body:  []string{"Thu ngân sách đạt 20,77 %[3]."},
			notes: []string{"3: Trong đó: Thu phí lệ phí 16.118.000 đồng."},
		},
		{
			name: "multi-digit and dash notes with a continuation",
			in: "Quà tết được trao đủ.¹²\n\n¹²- Quà Người có công: 34 suất.\n\n- Quà bảo trợ xã hội: 190 suất.\n\n" +
				"Tổng số lượt phát thanh được 54 lượt.",
			body:  []string{"Quà tết được trao đủ.[12]", "Tổng số lượt phát thanh được 54 lượt."},
			notes: []string{"12: Quà Người có công: 34 suất. - Quà bảo trợ xã hội: 190 suất."},
		},
		{
			name:  "html superscript",
			in:    "Kết quả đạt<sup>4</sup>.\n\n<sup>4</sup> Chi tiết tại phụ lục.",
			body:  []string{"Kết quả đạt[4]."},
			notes: []string{"4: Chi tiết tại phụ lục."},
		},
		{
			name:  "marker without note stays",
			in:    "Mở đầu.\n\nĐạt kế hoạch⁷ đề ra.",
			body:  []string{"Mở đầu.", "Đạt kế hoạch⁷ đề ra."},
			warn:  "footnote marker ⁷ (line 3) has no note text",
			notes: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := read(t, "x.txt", []byte(tc.in))
			if got := lines(d); strings.Join(got, "\n") != strings.Join(tc.body, "\n") {
				t.Errorf("body:\ngot  %q\nwant %q", got, tc.body)
			}
			var notes []string
			for _, f := range d.Footnotes {
				notes = append(notes, f.ID+": "+f.Span.Of(d.Text))
				if f.Ref.Of(d.Text) != "["+f.ID+"]" {
					t.Errorf("note %s: ref %q", f.ID, f.Ref.Of(d.Text))
				}
			}
			if strings.Join(notes, "\n") != strings.Join(tc.notes, "\n") {
				t.Errorf("notes:\ngot  %q\nwant %q", notes, tc.notes)
			}
			if tc.warn != "" && !strings.Contains(strings.Join(d.Warnings, "\n"), tc.warn) {
				t.Errorf("warnings %q lack %q", d.Warnings, tc.warn)
			}
		})
	}
}

func TestPageBreaks(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		body   []string
		pages  []int // page of each body block
		npages int
	}{
		{
			name: "paragraph split by a blank line",
			in:   "Tổ chức các phong trào thi đua, nhằm phát\n\nhuy sức mạnh của khối đại đoàn kết.\n\nCả ba cấp học.",
			body: []string{"Tổ chức các phong trào thi đua, nhằm phát huy sức mạnh của khối đại đoàn kết.", "Cả ba cấp học."},
		},
		{
			name: "split with a note and a page number between",
			in:   "Tổ chức các phong trào nhằm phát\n\n¹ Ghi chú.\n\n12\n\nhuy sức mạnh.",
			body: []string{"Tổ chức các phong trào nhằm phát huy sức mạnh."},
		},
		{
			name: "trailing dash continues",
			in:   "Kỷ niệm 90 năm (15/6/1933 -\n\n15/6/2023), gắn với nhiệm vụ.",
			body: []string{"Kỷ niệm 90 năm (15/6/1933 - 15/6/2023), gắn với nhiệm vụ."},
		},
		{
			name: "sentences and labels are not joined",
			in:   "Hoàn thành kế hoạch.\n\nhọc sinh giỏi tăng\n\n- Về trồng trọt\n\na) Về kinh tế",
			body: []string{"Hoàn thành kế hoạch.", "học sinh giỏi tăng", "- Về trồng trọt", "a) Về kinh tế"},
		},
		{
			name:  "page markers",
			in:    "HEADER\nSHA-256: ab\n=====\n\n--- TRANG 1 ---\nBÁO CÁO\nCăn cứ Luật.\n\n--- TRANG 2 ---\n2 \n \nđã được công nhận đạt\n\n--- TRANG 3 ---\n3\nchuẩn nông thôn mới.",
			body:  []string{"BÁO CÁO", "Căn cứ Luật.", "đã được công nhận đạt chuẩn nông thôn mới."},
			pages: []int{1, 1, 2}, npages: 3,
		},
		{
			name:  "form feeds",
			in:    "Trang một.\fTrang hai.\f\fTrang bốn.",
			body:  []string{"Trang một.", "Trang hai.", "Trang bốn."},
			pages: []int{1, 2, 4}, npages: 4,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := read(t, "x.txt", []byte(tc.in))
			if got := lines(d); strings.Join(got, "\n") != strings.Join(tc.body, "\n") {
				t.Errorf("body:\ngot  %q\nwant %q", got, tc.body)
			}
			for i, p := range tc.pages {
				if d.Blocks[i].Page != p {
					t.Errorf("block %d %q: page %d, want %d", i, d.BlockText(i), d.Blocks[i].Page, p)
				}
			}
			if tc.pages != nil && len(d.Pages) != tc.npages {
				t.Errorf("got %d pages, want %d", len(d.Pages), tc.npages)
			}
		})
	}
	d := read(t, "x.txt", []byte("HEADER\nSHA-256: ab\n=====\n\n--- TRANG 1 ---\nBÁO CÁO"))
	if n := len(d.Blocks); n != 3 || d.Blocks[1].Kind != baocao.Furniture || d.BlockText(2) != "SHA-256: ab" {
		t.Errorf("the extractor's header should be furniture: %q", d.Text)
	}
}

func TestWrappedText(t *testing.T) {
	in := strings.Repeat("Căn cứ Quyết định số 44/QĐ-HĐND ngày 27/10/2025 của Hội đồng nhân \n"+
		"dân tỉnh về ban hành Danh mục Nghị quyết của Hội đồng nhân dân tỉnh quy \n"+
		"định chi tiết văn bản quy phạm pháp luật của Trung ương; \n", 4) +
		"PHẦN THỨ NHẤT \nCÔNG TÁC ĐÀO TẠO, BỒI DƯỠNG ĐỐI VỚI CÁN BỘ, \nCÔNG CHỨC, VIÊN CHỨC \n- Tỉnh Bến Tre cũ: Kế hoạch số 6773/KH-UBND ngày 15 tháng 10 năm \n2021 của Ủy ban nhân dân tỉnh. \n"
	d := read(t, "x.txt", []byte(in))
	got := lines(d)
	want := "Căn cứ Quyết định số 44/QĐ-HĐND ngày 27/10/2025 của Hội đồng nhân dân tỉnh về ban hành Danh mục Nghị quyết của Hội đồng nhân dân tỉnh quy định chi tiết văn bản quy phạm pháp luật của Trung ương;"
	if len(got) != 7 || got[0] != want || got[4] != "PHẦN THỨ NHẤT" || got[5] != "CÔNG TÁC ĐÀO TẠO, BỒI DƯỠNG ĐỐI VỚI CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC" ||
		got[6] != "- Tỉnh Bến Tre cũ: Kế hoạch số 6773/KH-UBND ngày 15 tháng 10 năm 2021 của Ủy ban nhân dân tỉnh." {
		t.Errorf("got %q", got)
	}
}

func TestEncodings(t *testing.T) {
	const text = "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nBáo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2023."
	u16 := func(big bool, bom bool) []byte {
		var out []byte
		if bom {
			if big {
				out = append(out, 0xFE, 0xFF)
			} else {
				out = append(out, 0xFF, 0xFE)
			}
		}
		for _, u := range utf16.Encode([]rune(text)) {
			if big {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
		return out
	}
	enc := func(e legacy.Encoding) []byte {
		b, err := legacy.Encode(e, text)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name string
		data []byte
		enc  string
	}{
		{"utf-8", []byte(text), ""},
		{"utf-8 with BOM", append([]byte("\xEF\xBB\xBF"), text...), ""},
		{"utf-16le BOM", u16(false, true), ""},
		{"utf-16be BOM", u16(true, true), ""},
		{"utf-16le without BOM", u16(false, false), ""},
		{"crlf", []byte(strings.ReplaceAll(text, "\n", "\r\n")), ""},
		{"decomposed", []byte("Cô\u0323ng ho\u0300a xa\u0303 hô\u0323i chu\u0309 nghi\u0303a Viê\u0323t Nam\nĐộc lập - Tự do - Hạnh phúc\nBáo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2023."), ""},
		{"tcvn3 bytes", enc(legacy.TCVN3), "tcvn3"},
		{"vni bytes", enc(legacy.VNI), "vni"},
		{"cp1258 bytes", enc(legacy.CP1258), "cp1258"},
		{"viqr", enc(legacy.VIQR), "viqr"},
		{"utf-8 read as cp1252", enc(legacy.UTF8Latin1), "utf8-latin1"},
		{"tcvn3 pasted as utf-8", []byte(legacy.Decode(legacy.Unicode, latin1(enc(legacy.TCVN3)), false)), "tcvn3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := read(t, "x.txt", tc.data)
			if got := strings.Join(lines(d), "\n"); got != text {
				t.Errorf("text:\ngot  %q\nwant %q", got, text)
			}
			if d.Encoding != tc.enc {
				t.Errorf("encoding: got %q, want %q", d.Encoding, tc.enc)
			}
		})
	}
}

func latin1(b []byte) string {
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return string(rs)
}

func TestLegacyPagesSayConversion(t *testing.T) {
	b, err := legacy.Encode(legacy.TCVN3, "Trang một: Cộng hòa xã hội chủ nghĩa.\fTrang hai: Độc lập - Tự do - Hạnh phúc.")
	if err != nil {
		t.Fatal(err)
	}
	d := read(t, "x.txt", b)
	if len(d.Pages) != 2 || d.Pages[0].Source != baocao.FromLegacy || d.Encoding != "tcvn3" {
		t.Errorf("pages %+v encoding %q", d.Pages, d.Encoding)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name   string
		data   []byte
		lo, hi int
	}{
		{"utf-8 text", []byte("Báo cáo sơ kết"), 1, 49},
		{"ascii", []byte("plain text"), 1, 49},
		{"utf-16 BOM", []byte("\xFF\xFEa\x00"), 1, 49},
		{"nul bytes", []byte("abc\x00def"), 0, 0},
		{"control bytes", []byte("\x01\x02\x03\x04\x05abc"), 0, 0},
		{"pdf", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\x00"), 0, 0},
		{"zip", []byte("PK\x03\x04\x14\x00\x06\x00"), 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if s := (Reader{}).Sniff(tc.data); s < tc.lo || s > tc.hi {
				t.Errorf("Sniff = %d, want %d..%d", s, tc.lo, tc.hi)
			}
		})
	}
}

func TestMarkdownFootnotes(t *testing.T) {
	in := "Đạt 71,14 % so với kế hoạch[^1] và trồng rừng[^2].\n\nĐoạn tiếp.\n\n[^1]: Trong đó: Lúa xuân 164 ha.\n[^2]: Trồng rừng được 86,7 ha.\n"
	doc, err := reader.Read(context.Background(), "notes.md", []byte(in), reader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Đạt 71,14 % so với kế hoạch[1] và trồng rừng[2].\nĐoạn tiếp.\n[1] Trong đó: Lúa xuân 164 ha.\n[2] Trồng rừng được 86,7 ha."
	if doc.Text != want {
		t.Errorf("text:\ngot  %q\nwant %q", doc.Text, want)
	}
	if len(doc.Footnotes) != 2 || doc.Footnotes[1].Ref.Of(doc.Text) != "[2]" || doc.Footnotes[1].Span.Of(doc.Text) != "Trồng rừng được 86,7 ha." {
		t.Errorf("footnotes: %+v", doc.Footnotes)
	}
}
