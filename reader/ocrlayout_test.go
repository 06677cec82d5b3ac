package reader

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/testutil"
)

// synth builds OCRPages the way Tesseract reports them: words with boxes at a font
// height of 50 px (12 pt at 300 dpi), a space of 18 px between words.
type synth struct {
	pg        OCRPage
	block     int
	lowWords  map[string]float64 // word → confidence (default 0.95)
	charWidth int
}

func newSynth() *synth {
	return &synth{pg: OCRPage{Width: 2480, Height: 3508}, lowWords: map[string]float64{}, charWidth: 25}
}

// line adds a line of text starting at x, top y, as its own Tesseract block when
// newBlock, else in the current block and paragraph.
func (s *synth) line(x, y int, text string, newBlock bool) {
	if newBlock || s.block == 0 {
		s.block++
	}
	l := OCRLine{Block: s.block, Par: 1}
	for _, w := range strings.Fields(text) {
		width := s.charWidth * len([]rune(w))
		c := 0.95
		if v, ok := s.lowWords[w]; ok {
			c = v
		}
		l.Words = append(l.Words, OCRWord{Text: w, Confidence: c, Left: x, Top: y, Right: x + width, Bottom: y + 50})
		x += width + 18
	}
	s.pg.Lines = append(s.pg.Lines, l)
}

// cols adds one line with text at several x positions (a header row, a table row), each
// part a Tesseract block of its own as Tesseract does for far-apart text.
func (s *synth) cols(y int, parts ...any) {
	for i := 0; i+1 < len(parts); i += 2 {
		s.line(parts[i].(int), y, parts[i+1].(string), true)
	}
}

func layout(pg *OCRPage) *baocao.Document {
	b := NewBuilder()
	b.StartPage(1, baocao.NoText)
	LayoutOCR(b, pg, LowConfidence)
	return b.Document("png")
}

type blockWant struct {
	kind  baocao.BlockKind
	label string
	text  string
}

func blocksOf(doc *baocao.Document) []blockWant {
	var out []blockWant
	for i, b := range doc.Blocks {
		out = append(out, blockWant{b.Kind, b.Label, doc.BlockText(i)})
	}
	return out
}

func TestLayoutOCR(t *testing.T) {
	tests := []struct {
		name  string
		build func(s *synth)
		want  []blockWant
	}{
		{
			name: "paragraph rejoined from its lines",
			build: func(s *synth) {
				s.line(300, 1000, "Xã có diện tích tự nhiên là 2266,39 ha, bao gồm 09 thôn bản;", true)
				s.line(300, 1070, "dân số có 1081 hộ với 5010 nhân khẩu.", false)
			},
			want: []blockWant{{baocao.Paragraph, "", "Xã có diện tích tự nhiên là 2266,39 ha, bao gồm 09 thôn bản; dân số có 1081 hộ với 5010 nhân khẩu."}},
		},
		{
			name: "numbering labels start headings and list items",
			build: func(s *synth) {
				s.line(300, 1000, "1. Kết quả thực hiện", true)
				s.line(300, 1070, "- Về trồng trọt: gieo cấy đúng khung thời vụ;", false)
				s.line(300, 1140, "- Về chăn nuôi: tiêm phòng đủ đợt.", false)
			},
			want: []blockWant{
				{baocao.Heading, "1.", "1. Kết quả thực hiện"},
				{baocao.ListItem, "-", "- Về trồng trọt: gieo cấy đúng khung thời vụ;"},
				{baocao.ListItem, "-", "- Về chăn nuôi: tiêm phòng đủ đợt."},
			},
		},
		{
			name: "a wide gap between paragraphs splits them even in one Tesseract paragraph",
			build: func(s *synth) {
				s.line(300, 1000, "Thực hiện Kế hoạch của huyện.", true)
				s.line(300, 1200, "Hội đồng báo cáo như sau.", false)
			},
			want: []blockWant{
				{baocao.Paragraph, "", "Thực hiện Kế hoạch của huyện."},
				{baocao.Paragraph, "", "Hội đồng báo cáo như sau."},
			},
		},
		{
			name: "two-column header becomes left tab right",
			build: func(s *synth) {
				s.cols(300, 1300, "CỘNG HÒA XÃ HỘI CHỦ")
				s.cols(370, 300, "UBND XÃ THỤY HÙNG", 1300, "NGHĨA VIỆT NAM")
				s.cols(440, 300, "HỘI ĐỒNG THI ĐUA KHEN THƯỞNG", 1300, "Độc lập - Tự do - Hạnh phúc")
				s.cols(560, 300, "Số: 12/BC-HĐTĐKT", 1300, "Thụy Hùng, ngày 15 tháng 6 năm 2023")
				s.line(1000, 700, "BÁO CÁO", true)
			},
			want: []blockWant{
				{baocao.Paragraph, "", "UBND XÃ THỤY HÙNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
				{baocao.Paragraph, "", "HỘI ĐỒNG THI ĐUA KHEN THƯỞNG\tĐộc lập - Tự do - Hạnh phúc"},
				{baocao.Paragraph, "", "Số: 12/BC-HĐTĐKT\tThụy Hùng, ngày 15 tháng 6 năm 2023"},
				{baocao.Heading, "", "BÁO CÁO"},
			},
		},
		{
			name: "a blank left for the day splits no column",
			build: func(s *synth) {
				// "ngày      tháng": the widest gap is the gutter, the blank stays inside
				s.cols(560, 300, "Số: /BB-SNV", 1250, "Vĩnh Long, ngày", 1760, "tháng 5 năm 2026")
			},
			want: []blockWant{{baocao.Paragraph, "", "Số: /BB-SNV\tVĩnh Long, ngày tháng 5 năm 2026"}},
		},
		{
			name: "a blank inside a body line is no column",
			build: func(s *synth) {
				s.cols(1000, 300, "Hội đồng đề nghị công nhận danh hiệu Lao động tiên tiến cho", 1800, "tập thể")
			},
			want: []blockWant{{baocao.Paragraph, "", "Hội đồng đề nghị công nhận danh hiệu Lao động tiên tiến cho tập thể"}},
		},
		{
			name: "aligned columns become a table",
			build: func(s *synth) {
				s.cols(1000, 300, "TT", 450, "Chỉ tiêu", 1100, "Đơn vị", 1500, "Kế hoạch")
				s.cols(1070, 300, "1", 450, "Số bác sĩ/vạn dân", 1100, "Người", 1500, "6,45")
				s.cols(1140, 300, "2", 450, "Số giường bệnh", 1100, "Giường", 1500, "25,86")
				s.line(300, 1300, "Nhìn chung các chỉ tiêu cơ bản đều đạt và vượt kế hoạch đề ra.", true)
			},
			want: []blockWant{
				{baocao.TableKind, "", "TT\tChỉ tiêu\tĐơn vị\tKế hoạch\n1\tSố bác sĩ/vạn dân\tNgười\t6,45\n2\tSố giường bệnh\tGiường\t25,86"},
				{baocao.Paragraph, "", "Nhìn chung các chỉ tiêu cơ bản đều đạt và vượt kế hoạch đề ra."},
			},
		},
		{
			name: "rules and underlines read as characters are dropped",
			build: func(s *synth) {
				s.line(300, 1000, "| Kết quả _ đạt", true)
			},
			want: []blockWant{{baocao.Paragraph, "", "Kết quả đạt"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSynth()
			tt.build(s)
			doc := layout(&s.pg)
			got := blocksOf(doc)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d blocks, want %d:\n%s", len(got), len(tt.want), show(got))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("block %d:\n got  %+q\n want %+q", i, got[i], tt.want[i])
				}
			}
			p := doc.Pages[0]
			if p.Source != baocao.FromOCR {
				t.Errorf("page source %q, want %q", p.Source, baocao.FromOCR)
			}
			if p.Confidence < 0.94 || p.Confidence > 0.96 {
				t.Errorf("page confidence %.3f, want the words' 0.95", p.Confidence)
			}
		})
	}
}

func show(bs []blockWant) string {
	var b strings.Builder
	for _, x := range bs {
		fmt.Fprintf(&b, "  %s %q %q\n", x.kind, x.label, x.text)
	}
	return b.String()
}

func TestLayoutOCRLowConfidence(t *testing.T) {
	s := newSynth()
	s.lowWords["PDE5"] = 0.33
	s.lowWords["Ÿ"] = 0.12
	s.lowWords["26,57"] = 0.41
	s.cols(560, 300, "Số: PDE5 /QĐ-SYT", 1300, "Kiên Giang, ngày Ÿ tháng 12 năm 2017")
	s.cols(1000, 300, "TT", 450, "Chỉ tiêu", 1100, "Kế hoạch", 1500, "Thực hiện")
	s.cols(1070, 300, "2", 450, "Số giường bệnh", 1100, "25,86", 1500, "26,57")
	s.line(300, 1300, "Căn cứ Quyết định số PDE5 của UBND tỉnh.", true)
	doc := layout(&s.pg)
	low := doc.Pages[0].LowConf
	var got []string
	for _, w := range low {
		got = append(got, fmt.Sprintf("%s@%.2f", w.Span.Of(doc.Text), w.Confidence))
	}
	want := []string{"PDE5@0.33", "Ÿ@0.12", "26,57@0.41", "PDE5@0.33"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("low-confidence words: got %v, want %v\ntext:\n%s", got, want, doc.Text)
	}
	// the two PDE5 are different places in the text
	if len(low) == 4 && low[0].Span == low[3].Span {
		t.Errorf("both PDE5 point at %v", low[0].Span)
	}
	for _, w := range low {
		if doc.PageAt(w.Span.Start) != 1 {
			t.Errorf("span %v is not on page 1", w.Span)
		}
	}
}

func TestLayoutOCRPages(t *testing.T) {
	s1, s2 := newSynth(), newSynth()
	s1.line(300, 1000, "Trang một của báo cáo.", true)
	s2.lowWords["hai"] = 0.2
	s2.line(300, 1000, "Trang hai của báo cáo.", true)
	b := NewBuilder()
	b.StartPage(1, baocao.NoText)
	LayoutOCR(b, &s1.pg, LowConfidence)
	b.StartPage(2, baocao.NoText)
	LayoutOCR(b, &s2.pg, LowConfidence)
	b.StartPage(3, baocao.NoText)
	LayoutOCR(b, &OCRPage{}, LowConfidence)
	doc := b.Document("tif")
	if len(doc.Pages) != 3 {
		t.Fatalf("got %d pages, want 3", len(doc.Pages))
	}
	if got := strings.TrimSpace(doc.Pages[1].Span.Of(doc.Text)); got != "Trang hai của báo cáo." {
		t.Errorf("page 2 text %q", got)
	}
	if l := doc.Pages[1].LowConf; len(l) != 1 || l[0].Span.Of(doc.Text) != "hai" {
		t.Errorf("page 2 low-confidence words %+v", l)
	}
	if len(doc.Pages[0].LowConf) != 0 {
		t.Errorf("page 1 has low-confidence words %+v", doc.Pages[0].LowConf)
	}
	if p := doc.Pages[2]; p.Note == "" || p.Source != baocao.FromOCR {
		t.Errorf("empty page: source %q note %q, want ocr with a note", p.Source, p.Note)
	}
	// a page laid out without StartPage gets page 1
	b = NewBuilder()
	LayoutOCR(b, &s1.pg, LowConfidence)
	if d := b.Document("png"); len(d.Pages) != 1 || d.Pages[0].Source != baocao.FromOCR {
		t.Errorf("without StartPage: pages %+v", d.Pages)
	}
}

// TestLayoutOCRGolden keeps the whole model of a synthetic first page (header, title,
// body, table, signature) in a golden file: any change in layout shows as a diff.
func TestLayoutOCRGolden(t *testing.T) {
	s := newSynth()
	s.lowWords["2154"] = 0.3
	s.cols(300, 300, "UBND TỈNH KIÊN GIANG", 1300, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	s.cols(370, 450, "SỞ Y TẾ", 1400, "Độc lập - Tự do - Hạnh phúc")
	s.cols(490, 300, "Số: 2154 /BC-SYT", 1300, "Kiên Giang, ngày 17 tháng 11 năm 2017")
	s.line(1100, 640, "BÁO CÁO", true)
	s.line(600, 710, "Tình hình hoạt động ngành y tế 10 tháng", false)
	s.line(300, 850, "I. TÌNH HÌNH CÔNG TÁC Y TẾ", true)
	s.line(300, 920, "1. Kết quả thực hiện các chỉ tiêu y tế cơ bản:", true)
	s.cols(1000, 300, "TT", 450, "Chỉ tiêu", 1100, "Kế hoạch", 1500, "Thực hiện", 1900, "%")
	s.cols(1070, 300, "1", 450, "Số bác sĩ/vạn dân", 1100, "6,45", 1500, "6,62", 1900, "102,6")
	s.cols(1140, 300, "2", 450, "Số giường bệnh", 1100, "25,86", 1500, "26,57", 1900, "102,7")
	s.line(300, 1300, "Nhìn chung các chỉ tiêu y tế cơ bản đều đạt và vượt so với", true)
	s.line(300, 1370, "kế hoạch năm đề ra.", false)
	s.cols(2000, 300, "Nơi nhận:", 1500, "GIÁM ĐỐC")
	s.cols(2070, 300, "- Như trên;", 1450, "Lê Hoàng Anh")
	s.cols(2140, 300, "- Lưu: VT.")
	doc := layout(&s.pg)
	out, err := json.MarshalIndent(doc, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, "testdata/ocrlayout/page.json", append(out, '\n'))
}

// FuzzLayoutOCR lays out random pages: whatever the boxes, every span stays inside the
// text and on a UTF-8 boundary, and nothing panics.
func FuzzLayoutOCR(f *testing.F) {
	f.Add(int64(1), 12, "UBND XÃ THỤY HÙNG | Số: 12/BC-UBND ngày")
	f.Add(int64(7), 40, "1. Kết quả - Về trồng trọt: 25,86 ha ___ Ÿ")
	f.Add(int64(3), 3, "")
	f.Fuzz(func(t *testing.T, seed int64, n int, words string) {
		if n < 0 || n > 200 {
			return
		}
		r := rand.New(rand.NewSource(seed))
		ws := strings.Fields(words)
		if len(ws) == 0 {
			ws = []string{"a"}
		}
		pg := &OCRPage{Width: 2000, Height: 3000}
		for i := 0; i < n; i++ {
			l := OCRLine{Block: r.Intn(4), Par: r.Intn(3)}
			x, y := r.Intn(2000)-100, r.Intn(3000)
			h := r.Intn(80) - 5
			for k := r.Intn(6); k >= 0; k-- {
				w := ws[r.Intn(len(ws))]
				wd := r.Intn(300) - 10
				l.Words = append(l.Words, OCRWord{Text: w, Confidence: r.Float64()*1.2 - 0.1, Left: x, Top: y, Right: x + wd, Bottom: y + h})
				x += wd + r.Intn(400) - 50
			}
			pg.Lines = append(pg.Lines, l)
		}
		doc := layout(pg)
		check := func(s baocao.Span, what string) {
			if s.Start < 0 || s.End > len(doc.Text) || s.Start > s.End {
				t.Fatalf("%s span %v outside text of %d bytes", what, s, len(doc.Text))
			}
			if !utf8Boundary(doc.Text, s.Start) || !utf8Boundary(doc.Text, s.End) {
				t.Fatalf("%s span %v cuts a character", what, s)
			}
		}
		for _, b := range doc.Blocks {
			check(b.Span, "block")
		}
		for _, p := range doc.Pages {
			check(p.Span, "page")
			for _, w := range p.LowConf {
				check(w.Span, "low-confidence word")
			}
		}
	})
}

func utf8Boundary(s string, i int) bool {
	return i == len(s) || i == 0 || s[i]&0xC0 != 0x80
}

func BenchmarkLayoutOCR(b *testing.B) {
	s := newSynth()
	s.cols(300, 300, "UBND TỈNH KIÊN GIANG", 1300, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	s.cols(370, 450, "SỞ Y TẾ", 1400, "Độc lập - Tự do - Hạnh phúc")
	for i := 0; i < 40; i++ { // a full page: 40 lines of body and a table
		s.line(300, 500+i*60, "Xã có diện tích tự nhiên là 2266,39 ha, bao gồm 09 thôn bản; dân số", i%5 == 0)
	}
	for i := 0; i < 10; i++ {
		s.cols(3000+i*50, 300, "1", 450, "Số bác sĩ/vạn dân", 1100, "6,45", 1500, "6,62", 1900, "102,6")
	}
	b.ReportAllocs()
	for b.Loop() {
		layout(&s.pg)
	}
}
