package index_test

import (
	"fmt"

	"github.com/baocao/baocao/index"
)

func ExampleNormalizeNumber() {
	for _, s := range []string{"08/KH-UBND", "8/kh-ubnd", "08/KH – UBND", "KH-UBND 08", "91/2017/NĐ-CP", "84-NQ/HU", "19/19"} {
		fmt.Printf("%-14s → %q\n", s, index.NormalizeNumber(s))
	}
	// Output:
	// 08/KH-UBND     → "8/kh-ubnd"
	// 8/kh-ubnd      → "8/kh-ubnd"
	// 08/KH – UBND   → "8/kh-ubnd"
	// KH-UBND 08     → "8/kh-ubnd"
	// 91/2017/NĐ-CP  → "91/2017/nd-cp"
	// 84-NQ/HU       → "84/nq-hu"
	// 19/19          → ""
}

func ExampleParseDate() {
	for _, s := range []string{"05/01/2023", "2023-01-05", "03/2023", "2023"} {
		first, last, _ := index.ParseDate(s)
		fmt.Println(s, first.Format("2006-01-02"), last.Format("2006-01-02"))
	}
	// Output:
	// 05/01/2023 2023-01-05 2023-01-05
	// 2023-01-05 2023-01-05 2023-01-05
	// 03/2023 2023-03-01 2023-03-31
	// 2023 2023-01-01 2023-12-31
}
