package legacy

import (
	"strings"
	"testing"
)

const benchText = "Hội đồng thi đua khen thưởng xã Thụy Hùng báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2023 cụ thể như sau: tổng diện tích gieo trồng đạt 332,6 ha/467,53 ha, bằng 71,14% so với kế hoạch.\n"

func benchInput(b *testing.B, enc Encoding, size int) []byte {
	data, err := Encode(enc, strings.Repeat(benchText, size/len(benchText)+1))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func BenchmarkDecodeBytes(b *testing.B) {
	for _, enc := range []Encoding{TCVN3, VNI, CP1258, VIQR, UTF8Latin1} {
		b.Run(string(enc), func(b *testing.B) {
			data := benchInput(b, enc, 1<<20)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				DecodeBytes(enc, data, false)
			}
		})
	}
}

func BenchmarkDetect(b *testing.B) {
	for _, enc := range []Encoding{Unicode, TCVN3, VNI} {
		b.Run(nameOf(enc), func(b *testing.B) {
			data := string(benchInput(b, enc, detectSample))
			b.SetBytes(int64(min(len(data), detectSample)))
			b.ReportAllocs()
			for b.Loop() {
				Detect(data)
			}
		})
	}
}

func nameOf(e Encoding) string {
	if e == Unicode {
		return "unicode"
	}
	return string(e)
}
