package legacy_test

import (
	"fmt"

	"github.com/baocao/baocao/internal/legacy"
)

func Example() {
	// a DOCX run set in .VnTimeH, as Word stores it
	enc, upper := legacy.FromFont(".VnTimeH")
	fmt.Println(legacy.Decode(enc, "ñy ban nh©n d©n", upper))

	// a text file with no font information
	text := "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"
	if enc, score := legacy.Detect(text); score >= 0.5 {
		fmt.Println(enc, legacy.Decode(enc, text, false))
	}
	// Output:
	// ỦY BAN NHÂN DÂN
	// vni Cộng hòa xã hội chủ nghĩa Việt Nam
}
