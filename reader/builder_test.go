package reader

import (
	"strings"
	"testing"

	"github.com/baocao/baocao"
)

func TestBuilderParagraphsNotesTables(t *testing.T) {
	b := NewBuilder()
	b.StartPage(1, baocao.FromTextLayer)
	p := b.Para(baocao.Heading)
	p.Label = "2.2.1."
	p.Add("2.2.1.  Công tác ", baocao.Bold)
	p.Add(" tổ chức", baocao.Bold)
	p.End()
	p = b.Para(baocao.Paragraph)
	p.Add("đạt 71,14 % so với kế hoạch")
	p.NoteRef("20", "")
	p.Add("\u00a0và tiếp\u2013theo")
	p.End()
	b.Para(baocao.Paragraph).End() // empty: nothing
	b.StartPage(2, baocao.FromTextLayer)
	tb := b.Table()
	tb.Row()
	tb.Cell(1, MergeRestart).Add("TT")
	tb.Cell(3, NoMerge).Add("Số lượng")
	tb.Row()
	tb.Cell(1, MergeContinue)
	tb.Cell(1, NoMerge).Add("Tập thể")
	tb.Cell(1, NoMerge).Add("Cá nhân")
	tb.Cell(1, NoMerge).Add("Gia đình")
	tb.End()
	b.Footnote("20", "footnote", "Trong đó:\n Lúa xuân 164 ha")
	d := b.Document("test")

	want := "2.2.1. Công tác tổ chức\nđạt 71,14 % so với kế hoạch[1] và tiếp-theo\nTT\tSố lượng\t\t\n\tTập thể\tCá nhân\tGia đình\n[1] Trong đó: Lúa xuân 164 ha"
	if d.Text != want {
		t.Fatalf("text:\ngot  %q\nwant %q", d.Text, want)
	}
	if len(d.Blocks) != 4 {
		t.Fatalf("got %d blocks, want 4", len(d.Blocks))
	}
	if got := d.BlockText(0); got != "2.2.1. Công tác tổ chức" || d.Blocks[0].Label != "2.2.1." {
		t.Errorf("heading: got %q label %q", got, d.Blocks[0].Label)
	}
	if m := d.Blocks[0].Marks; len(m) != 1 || m[0].Span.Of(d.Text) != "2.2.1. Công tác tổ chức" {
		t.Errorf("bold mark: got %+v", m)
	}
	if len(d.Footnotes) != 1 || d.Footnotes[0].Ref.Of(d.Text) != "[1]" || d.Footnotes[0].Span.Of(d.Text) != "Trong đó: Lúa xuân 164 ha" {
		t.Errorf("footnote: got %+v", d.Footnotes)
	}
	tab := d.Blocks[2].Table
	if tab == nil || len(tab.Rows) != 2 || len(tab.Rows[0]) != 4 || len(tab.Rows[1]) != 4 {
		t.Fatalf("table grid: got %+v", tab)
	}
	if !tab.Rows[1][0].Covered || tab.Rows[1][0].Span.Of(d.Text) != "TT" || tab.Rows[0][0].RowSpan != 2 {
		t.Errorf("vertical merge not resolved: %+v / %+v", tab.Rows[0][0], tab.Rows[1][0])
	}
	if !tab.Rows[0][2].Covered || tab.Rows[0][1].ColSpan != 3 {
		t.Errorf("horizontal merge not resolved: %+v", tab.Rows[0])
	}
	if got := tab.Rows[1][3].Span.Of(d.Text); got != "Gia đình" {
		t.Errorf("cell: got %q", got)
	}
	if len(d.Pages) != 2 || d.Pages[1].Span.Start != d.Blocks[2].Span.Start-1 || d.Blocks[2].Page != 2 {
		t.Errorf("pages: got %+v", d.Pages)
	}
	for _, bl := range d.Blocks {
		if strings.Contains(bl.Span.Of(d.Text), "\n") && bl.Kind != baocao.TableKind {
			t.Errorf("block %q spans lines", bl.Span.Of(d.Text))
		}
	}
}

func TestSplitLabel(t *testing.T) {
	tests := []struct {
		line, label string
		level       int
	}{
		{"Phần I", "Phần I", 1},
		{"Phần thứ hai", "Phần thứ hai", 1},
		{"II. KẾT QUẢ THỰC HIỆN", "II.", 3},
		{"IV.ĐỀ XUẤT, KIẾN NGHỊ.", "IV.", 3},
		{"2.2.1. Công tác tổ chức", "2.2.1.", 6},
		{"4.4 Quản lý và sử dụng quỹ", "4.4", 5},
		{"1. Đánh giá công tác", "1.", 4},
		{"a) Về kinh tế", "a)", 8},
		{"- Về trồng trọt", "-", 9},
		{"+ Tiêu chí", "+", 10},
		{"A. KẾT QUẢ", "A.", 2},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			l, ok := SplitLabel(tc.line)
			if !ok || l.Text != tc.label || l.Level != tc.level {
				t.Errorf("got %+v %v, want %q level %d", l, ok, tc.label, tc.level)
			}
		})
	}
	for _, no := range []string{"2266,39 ha", "Xã Thụy Hùng", "10 ha/10ha", "15/6/1933"} {
		if l, ok := SplitLabel(no); ok {
			t.Errorf("%q: got label %+v, want none", no, l)
		}
	}
}
