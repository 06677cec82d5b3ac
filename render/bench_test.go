package render

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/baocao/baocao"
)

// bigReport writes a report of n sections, each with a heading, a paragraph citing a
// plan, an indicator and a footnote-free list item, and its record: one reference,
// one date, one indicator and one finding per section.
func bigReport(b testing.TB, n int) (*baocao.Record, *baocao.Document) {
	var sb strings.Builder
	sb.WriteString("UBND HUYỆN TÂN HÒA\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nUBND XÃ BÌNH MINH\tĐộc lập - Tự do - Hạnh phúc\n")
	sb.WriteString("Số: 08/BC-UBND\tBình Minh, ngày 05 tháng 01 năm 2024\nBÁO CÁO\nKết quả thực hiện nhiệm vụ năm 2023\n")
	for i := range n {
		fmt.Fprintf(&sb, "%d. Lĩnh vực thứ %d\n", i%9+1, i+1)
		fmt.Fprintf(&sb, "UBND xã đã ban hành kế hoạch số %d/KH - UBND ngày %02d/%02d/2023 về triển khai nhiệm vụ thứ %d trên địa bàn xã, nhằm phát\n", i+10, i%28+1, i%12+1, i+1)
		fmt.Fprintf(&sb, "huy sức mạnh toàn dân; diện tích gieo trồng đạt %d,5 ha/%d ha đạt %d,1%% so với kế hoạch.\n", 100+i, 200+i, 50)
		sb.WriteString("- Tổ chức tuyên truyền tới toàn thể cán bộ, công chức và nhân dân.\n")
	}
	sb.WriteString("Trên đây là báo cáo./.\nNơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- Lưu: VT.\tCHỦ TỊCH\n\tTrần Thị Bình\n")
	doc := DocumentFromText(sb.String())
	text := doc.Text
	rec := &baocao.Record{Text: text}
	from := 0
	for i := range n {
		cite := fmt.Sprintf("kế hoạch số %d/KH - UBND ngày %02d/%02d/2023", i+10, i%28+1, i%12+1)
		k := strings.Index(text[from:], cite) + from
		span := baocao.Span{Start: k, End: k + len(cite)}
		rec.References = append(rec.References, baocao.Reference{ID: fmt.Sprintf("%d/KH-UBND", i+10), TypeName: "Kế hoạch",
			Date: baocao.NullString(fmt.Sprintf("2023-%02d-%02d", i%12+1, i%28+1)), Origin: baocao.Origin{Span: span}})
		rec.Dates = append(rec.Dates, baocao.Date{Value: baocao.NullString(fmt.Sprintf("2023-%02d-%02d", i%12+1, i%28+1)), Precision: "day",
			Origin: baocao.Origin{Span: baocao.Span{Start: span.End - 10, End: span.End}}})
		ind := fmt.Sprintf("%d,5 ha/%d ha đạt %d,1%%", 100+i, 200+i, 50)
		j := strings.Index(text[k:], ind) + k
		rec.Indicators = append(rec.Indicators, baocao.Indicator{Value: float64(100+i) + 0.5, Target: baocao.Float(float64(200 + i)), Unit: "ha",
			Percent: baocao.Float(50.1), Origin: baocao.Origin{Span: baocao.Span{Start: j, End: j + len(ind)}}})
		rec.Findings = append(rec.Findings, baocao.Finding{Check: "percent", Severity: "error", Message: "the percentage does not follow",
			Origin: baocao.Origin{Span: baocao.Span{Start: j, End: j + len(ind)}}})
		from = j
	}
	return rec, doc
}

func benchSizes(b *testing.B, run func(b *testing.B, rec *baocao.Record, doc *baocao.Document)) {
	for _, n := range []int{10, 100, 1000} {
		rec, doc := bigReport(b, n)
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(doc.Text)))
			b.ReportAllocs()
			run(b, rec, doc)
		})
	}
}

func BenchmarkLayout(b *testing.B) {
	benchSizes(b, func(b *testing.B, rec *baocao.Record, doc *baocao.Document) {
		for b.Loop() {
			if _, err := NewReport(rec, doc); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func benchFormat(b *testing.B, f Format, annotate bool) {
	benchSizes(b, func(b *testing.B, rec *baocao.Record, doc *baocao.Document) {
		for b.Loop() {
			if err := Write(io.Discard, rec, doc, Options{Format: f, Annotate: annotate}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkMarkdown(b *testing.B)      { benchFormat(b, Markdown, false) }
func BenchmarkHTML(b *testing.B)          { benchFormat(b, HTML, false) }
func BenchmarkHTMLAnnotated(b *testing.B) { benchFormat(b, HTML, true) }
func BenchmarkDOCX(b *testing.B)          { benchFormat(b, DOCX, false) }
func BenchmarkDOCXAnnotated(b *testing.B) { benchFormat(b, DOCX, true) }

func benchTable(b *testing.B, f TableFormat) {
	benchSizes(b, func(b *testing.B, rec *baocao.Record, doc *baocao.Document) {
		for b.Loop() {
			if err := IndicatorsTable(rec).Write(io.Discard, f); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkTableCSV(b *testing.B)  { benchTable(b, TableCSV) }
func BenchmarkTableMD(b *testing.B)   { benchTable(b, TableMD) }
func BenchmarkTableDOCX(b *testing.B) { benchTable(b, TableDOCX) }
func BenchmarkTableXLSX(b *testing.B) { benchTable(b, TableXLSX) }

func BenchmarkDirectives(b *testing.B) {
	benchSizes(b, func(b *testing.B, rec *baocao.Record, doc *baocao.Document) {
		for b.Loop() {
			DirectivesAppendix(rec, doc, DirectiveOptions{All: true})
		}
	})
}
