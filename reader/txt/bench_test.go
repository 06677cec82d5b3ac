package txt

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/baocao/baocao/internal/legacy"
	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/reader"
)

// benchDoc is a report written for the benchmark: headings, bullets, bold, a note and
// a table, repeated to the size wanted.
const benchDoc = `2.2.1. Công tác tổ chức triển khai các phong trào thi đua.

*** Về sản xuất nông, lâm nghiệp:**

- Về trồng trọt. Tổng diện tích gieo trồng được 332,6 ha/467,53 ha đạt 71,14 % so với kế hoạch¹

Ngay từ đầu năm 2023 UBND xã xác định công tác thi đua là nhiệm vụ thường xuyên, liên tục, nhằm phát

huy sức mạnh của khối đại đoàn kết toàn dân tộc.

¹ Trong đó: Lúa xuân 164 ha/164 ha đạt 100% so với chỉ tiêu huyện giao.

TT	Danh hiệu	Số lượng		
		Tập thể	Cá nhân	Gia đình
IV	Khen thưởng cấp xã	7	8	8

`

func benchRead(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (Reader{}).Read(context.Background(), &reader.Input{Name: "b.txt", Data: data, Opts: &reader.Options{}}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRead(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"10KB", 10 << 10}, {"1MB", 1 << 20}} {
		b.Run(size.name, func(b *testing.B) {
			benchRead(b, []byte(strings.Repeat(benchDoc, size.n/len(benchDoc)+1)))
		})
	}
	b.Run("tcvn3-1MB", func(b *testing.B) {
		data, err := legacy.Encode(legacy.TCVN3, strings.Repeat(strings.ReplaceAll(benchDoc, "¹", "(1)"), (1<<20)/len(benchDoc)+1))
		if err != nil {
			b.Fatal(err)
		}
		benchRead(b, data)
	})
	b.Run("seed", func(b *testing.B) {
		data, err := os.ReadFile(testutil.Shared(b, seedPath))
		if err != nil {
			b.Fatal(err)
		}
		benchRead(b, data)
	})
}
