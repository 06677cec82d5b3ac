package render_test

import (
	"fmt"
	"os"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/render"
)

func ExampleCitation() {
	ref := baocao.Reference{ID: "08/KH-UBND", TypeName: "Kế hoạch", Date: "2023-01-05"}
	fmt.Println(render.Citation(ref))
	fmt.Println(render.FormatDate("2023-06-11"))
	// Output:
	// Kế hoạch số 08/KH-UBND ngày 05/01/2023
	// 11/6/2023
}

func ExampleWrite() {
	text := "UBND XÃ AN PHÚ\nSố: 15/BC-UBND\nAn Phú, ngày 20 tháng 6 năm 2024\nBÁO CÁO\nSơ kết công tác 6 tháng đầu năm 2024\n" +
		"Thực hiện kế hoạch số 05/KH - UBND ngày 08/01/2024 của UBND xã, kết quả như sau:\nI. Kết quả\nĐạt 412,5 ha/450 ha."
	cite := "kế hoạch số 05/KH - UBND ngày 08/01/2024"
	at := len("UBND XÃ AN PHÚ\nSố: 15/BC-UBND\nAn Phú, ngày 20 tháng 6 năm 2024\nBÁO CÁO\nSơ kết công tác 6 tháng đầu năm 2024\nThực hiện ")
	rec := &baocao.Record{Text: text, References: []baocao.Reference{{
		ID: "05/KH-UBND", TypeName: "Kế hoạch", Date: "2024-01-08",
		Origin: baocao.Origin{Span: baocao.Span{Start: at, End: at + len(cite)}},
	}}}
	if err := render.Write(os.Stdout, rec, nil, render.Options{Format: render.Markdown}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// | **UBND XÃ AN PHÚ** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |
	// | :---: | :---: |
	// |  | **Độc lập - Tự do - Hạnh phúc** |
	// | Số: 15/BC-UBND | *An Phú, ngày 20 tháng 6 năm 2024* |
	//
	// # BÁO CÁO
	//
	// **Sơ kết công tác 6 tháng đầu năm 2024**
	//
	// Thực hiện Kế hoạch số 05/KH-UBND ngày 08/01/2024 của UBND xã, kết quả như sau:
	//
	// ## I. Kết quả
	//
	// Đạt 412,5 ha/450 ha.
}
