package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/reader"
)

// BenchmarkRead reports the reader's speed as file MB/s (the standard MB/s) and as
// document.xml MB/s (xmlMB/s), on the seed, the real DOCX files and a generated
// 5 MB document.xml.
func BenchmarkRead(b *testing.B) {
	cases := []struct{ name, rel string }{
		{"seed", seedDocx},
		{"lamdong_BC-184_draft", "corpus/real/lamdong_BC-184-SNV_chiso_draft.docx"},
		{"lamdong_KH", "corpus/real/lamdong_KH-phatdong-thidua-CCHC-2026.docx"},
		{"vinhlong_DuThao", "corpus/real/vinhlong_DuThao-NQ-HDND.docx"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			data, err := os.ReadFile(testutil.Shared(b, c.rel))
			if err != nil {
				b.Fatal(err)
			}
			benchRead(b, data)
		})
	}
	b.Run("generated_5MB", func(b *testing.B) { benchRead(b, largeDocx(b, 5<<20)) })
}

func benchRead(b *testing.B, data []byte) {
	xmlSize := documentXMLSize(b, data)
	opts := &reader.Options{}
	opts.SetDefaults()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		if _, err := (Reader{}).Read(context.Background(), &reader.Input{Name: "bench.docx", Data: data, Opts: opts}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(xmlSize)*float64(b.N)/time.Since(start).Seconds()/1e6, "xmlMB/s")
}

func documentXMLSize(b *testing.B, data []byte) int64 {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, "word/document.xml") {
			return int64(f.UncompressedSize64)
		}
	}
	b.Fatal("no word/document.xml")
	return 0
}

// largeDocx makes a report of about size bytes of document.xml: styled, numbered
// paragraphs with runs, notes and a table every few pages, as Word writes them.
func largeDocx(b *testing.B, size int) []byte {
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		sb.WriteString(p(`<w:pStyle w:val="Heading2"/>`+num("1", "1"), "<w:b/>|Kết quả thực hiện nhiệm vụ"))
		for range 8 {
			sb.WriteString(p(`<w:jc w:val="both"/>`, "UBND xã đã ban hành Kế hoạch số 08/KH-UBND ngày 05/01/2023 ",
				`<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/>|về công tác thi đua, khen thưởng năm 2023, `,
				"<w:i/>|đạt 71,14 % so với kế hoạch huyện giao."))
		}
		if i%10 == 0 {
			sb.WriteString("<w:tbl>")
			for r := range 6 {
				sb.WriteString("<w:tr>")
				for c := range 4 {
					sb.WriteString("<w:tc>" + p("", strings.Repeat("ô ", r+c+1)) + "</w:tc>")
				}
				sb.WriteString("</w:tr>")
			}
			sb.WriteString("</w:tbl>")
		}
	}
	return styled(body(sb.String())).bytes(b)
}

func BenchmarkSniff(b *testing.B) {
	data, err := os.ReadFile(testutil.Shared(b, filepath.Join("corpus/real", "lamdong_BC-184-SNV_chiso_draft.docx")))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if (Reader{}).Sniff(data) != 95 {
			b.Fatal("not sniffed")
		}
	}
}
