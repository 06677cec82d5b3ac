package txt

import (
	"os"
	"strings"
	"testing"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/testutil"
)

const seedPath = "corpus/seed/thuy-hung-bc-thi-dua-6-thang-2023.txt"

func readShared(t *testing.T, rel string) *baocao.Document {
	t.Helper()
	path := testutil.Shared(t, rel)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return read(t, path, data)
}

// TestSeedGolden keeps the seed's normalized text: every later stage extracts from it.
func TestSeedGolden(t *testing.T) {
	d := readShared(t, seedPath)
	testutil.Golden(t, "testdata/seed.golden.txt", []byte(d.Text+"\n"))
}

func TestSeedFootnotes(t *testing.T) {
	d := readShared(t, seedPath)
	want := []struct{ before, start, end string }{
		{"so với kế hoạch", "Trong đó: Lúa xuân", "nhân dân tự bỏ vốn trồng rừng được 21,7 ha."},
		{"dịch bệnh xảy ra.", "Tổng đàn gia súc", "đàn gia cầm khoảng 14.540 con."},
		{"so với HĐND xã giao.", "Trong đó: Thu phí lệ phí", "Phí trước bạ 3.616.913 đồng."},
		{"năm học 2022-2023. ", "Giáo dục. kết quả năm học", "học sinh chưa đạt 02 /277 đạt 0,7%."},
		{"trên địa bàn ", "Y tế. Trong 6 tháng đầu năm", "có chồng là 890 người."},
		{"trên địa bàn xã.", "Quà Người có công.", "trị giá 74.900.000đ"},
	}
	if len(d.Footnotes) != len(want) {
		t.Fatalf("got %d footnotes, want %d", len(d.Footnotes), len(want))
	}
	body := d.Text[:d.Blocks[firstNote(d)].Span.Start]
	for i, w := range want {
		f := d.Footnotes[i]
		text := f.Span.Of(d.Text)
		if !strings.HasPrefix(text, w.start) || !strings.HasSuffix(text, w.end) {
			t.Errorf("note %d: got %.80q…", i+1, text)
		}
		if ref := f.Ref.Of(d.Text); ref != "["+f.ID+"]" || !strings.HasSuffix(d.Text[:f.Ref.Start], w.before) {
			t.Errorf("note %d: reference %q after %q", i+1, ref, d.Text[max(0, f.Ref.Start-30):f.Ref.Start])
		}
		if strings.Contains(body, w.start) {
			t.Errorf("note %d: its text %q stayed in the body", i+1, w.start)
		}
	}
	for _, s := range []string{"Công tác kế hoạch hóa gia đình. Số phụ nữ", "- Quà bảo trợ xã hội"} {
		if strings.Contains(body, s) {
			t.Errorf("note continuation %q stayed in the body", s)
		}
	}
	for _, s := range []string{"12.555 m²", "110m²", "600m²"} { // units, not markers
		if !strings.Contains(body, s) {
			t.Errorf("%q lost from the body", s)
		}
	}
}

func firstNote(d *baocao.Document) int {
	for i, b := range d.Blocks {
		if b.Kind == baocao.Note {
			return i
		}
	}
	return len(d.Blocks)
}

func TestSeedStructure(t *testing.T) {
	d := readShared(t, seedPath)
	joined := []string{
		"nhằm phát huy sức mạnh của khối đại đoàn kết",
		"trên địa bàn xã năm 2023; Kế hoạch số 357/KH - UBND",
		"tổ giáo viên phụ trách chuẩn bị soạn thảo giáo án",
		"(15/6/1933 - 15/6/2023), gắn với việc hoàn thành",
	}
	for _, s := range joined {
		if !strings.Contains(d.Text, s) {
			t.Errorf("split paragraph not rejoined: %q", s)
		}
	}
	kinds := map[string]baocao.BlockKind{
		"Phần I": baocao.Heading, "I. Đặc điểm tình hình": baocao.Heading, "2.2.1. Công tác tổ chức triển khai các phong trào thi đua.": baocao.Heading,
		"* Về sản xuất nông, lâm nghiệp:": baocao.Heading, "- Lưu VT.": baocao.ListItem, "BÁO CÁO": baocao.Heading,
	}
	var tables []*baocao.Table
	for i, b := range d.Blocks {
		if k, ok := kinds[d.BlockText(i)]; ok && b.Kind != k {
			t.Errorf("%q: got %s, want %s", d.BlockText(i), b.Kind, k)
		}
		if b.Kind == baocao.TableKind {
			tables = append(tables, b.Table)
		}
		if strings.ContainsAny(d.BlockText(i), "*<>") && !strings.HasPrefix(d.BlockText(i), "* ") {
			t.Errorf("markup left in %q", d.BlockText(i))
		}
	}
	// chứng thực, hộ tịch, the list of documents, the commendation summary
	if len(tables) != 4 {
		t.Fatalf("got %d tables, want 4", len(tables))
	}
	shape := [][2]int{{3, 6}, {3, 10}, {5, 4}, {48, 9}}
	for i, tb := range tables {
		if len(tb.Rows) != shape[i][0] || len(tb.Rows[0]) != shape[i][1] {
			t.Errorf("table %d: %d×%d, want %d×%d", i, len(tb.Rows), len(tb.Rows[0]), shape[i][0], shape[i][1])
		}
	}
	last := tables[3].Rows[len(tables[3].Rows)-1]
	if got := last[0].Span.Of(d.Text) + "|" + last[2].Span.Of(d.Text) + "|" + last[3].Span.Of(d.Text); got != "TỔNG CỘNG (I + II + III+IV)|9|8" {
		t.Errorf("total row: got %q", got)
	}
	if h := tables[3].Rows[0][2]; h.ColSpan != 3 || h.Span.Of(d.Text) != "Số lượng" {
		t.Errorf("merged header: got %+v", h)
	}
}

// TestRealTexts reads the real text documents: they must come out whole, with pages
// where the text has page markers.
func TestRealTexts(t *testing.T) {
	tests := []struct {
		file    string
		pages   int
		first   string
		contain string
	}{
		{"corpus/real/vinhlong_BC-293-SNV_pypdf.txt", 23, "UBND TỈNH VĨNH LONG", "Căn cứ Luật Ban hành văn bản quy phạm pháp luật năm 2025 và các văn bản hướng dẫn;"},
		{"corpus/real/vbpl_ND-14-2026-NDCP.txt", 0, "CHÍNH PHỦ", "Số: 14/2026/NĐ-CP"},
		{"corpus/real/vbpl_QD-01-2026-QDTTg_thidua.txt", 0, "", "Điều 1."},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			d := readShared(t, tc.file)
			if len(d.Pages) != tc.pages {
				t.Errorf("got %d pages, want %d", len(d.Pages), tc.pages)
			}
			if tc.first != "" && d.BlockText(0) != tc.first {
				t.Errorf("first block %q, want %q", d.BlockText(0), tc.first)
			}
			if !strings.Contains(d.Text, tc.contain) {
				t.Errorf("text lacks %q", tc.contain)
			}
			if strings.Contains(d.Text, "--- TRANG") {
				t.Error("page markers left in the text")
			}
		})
	}
}
