package audit

import (
	"strings"
	"testing"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/rules"
)

func testScanner(t *testing.T) quantityScanner {
	t.Helper()
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return quantityScanner{numfmt: p.Matcher("number.format").(*extract.NumFmt), units: p.Matcher("units").(*rules.Lexicon)}
}

func TestQuantities(t *testing.T) {
	qs := testScanner(t)
	tests := []struct {
		name, in string
		dates    []string // date texts the record would hold
		want     []string // written forms, "x/y" for fractions, "p%" for percentages
	}{
		{"units glued and spaced", "trồng được 65ha, nhân dân 21,7 ha và 300.000đ", nil, []string{"65 ha", "21,7 ha", "300.000 đ"}},
		{"a fraction and its percentage", "được 332,6 ha/467,53 ha đạt 71,14 %", nil, []string{"332,6/467,53 ha", "71,14%"}},
		{"a fraction broken over two lines", "ước chi 1.438.337.684 đồng/\n4.170.762.000 đồng đạt", nil, []string{"1.438.337.684/4.170.762.000 đồng"}},
		{"ordinals and labels are no quantities", "1. Điều 3 khoản 2, lần thứ 7, Tiêu chí số 15, (1) mục 4", nil, nil},
		{"a total after tổng số is one", "tổng số 07 đơn", nil, []string{"07 đơn"}},
		{"ranges, times and document numbers", "giai đoạn 2021-2025, trẻ 5-12 tuổi, ISO 9001:2015, Kế hoạch 08/KH-UBND, 29-NQ/TW", nil, nil},
		{"dates of the record", "ngày 05/01/2023 có 12 hộ", []string{"05/01/2023"}, []string{"12 hộ"}},
		{"a duration before a count", "phát sinh trong 6 tháng 07 đơn", nil, []string{"6 tháng", "07 đơn"}},
		{"a rate", "Tiến sĩ 300.000.000 đồng/người", nil, []string{"300.000.000 đồng/người"}},
		{"person nouns of two words", "có 14 ứng viên là công chức", nil, []string{"14 ứng viên"}},
		{"a footnote marker", "so với kế hoạch[1]. Có 3 thôn", nil, []string{"3 thôn"}},
		{"no unit", "đàn trâu 31, bò", nil, []string{"31"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var spans []baocao.Span
			for _, d := range tc.dates {
				i := strings.Index(tc.in, d)
				spans = append(spans, baocao.Span{Start: i, End: i + len(d)})
			}
			var got []string
			for _, q := range qs.scan(tc.in, 0, len(tc.in), extract.ConvVI, spans) {
				s := q.text
				if q.of != nil {
					s += "/" + q.of.text
				}
				switch {
				case q.percent:
					s += "%"
				case q.unitText != "":
					s += " " + q.unitText
				}
				if q.per != "" {
					s += "/" + q.per
				}
				got = append(got, s)
			}
			if strings.Join(got, " | ") != strings.Join(tc.want, " | ") {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}
