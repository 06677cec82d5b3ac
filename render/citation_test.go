package render

import (
	"strings"
	"testing"

	"github.com/baocao/baocao"
)

func TestFormatDate(t *testing.T) {
	for _, tc := range []struct{ name, iso, want string }{
		{"day and month padded below 3", "2023-01-05", "05/01/2023"},
		{"February padded", "2023-02-13", "13/02/2023"},
		{"month 3 to 12 not padded", "2023-06-11", "11/6/2023"},
		{"two-digit month", "2013-11-04", "04/11/2013"},
		{"leap day", "2024-02-29", "29/02/2024"},
		{"not a leap year", "2023-02-29", ""},
		{"month 13", "2023-13-01", ""},
		{"not ISO", "05/01/2023", ""},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := FormatDate(tc.iso); got != tc.want {
				t.Errorf("FormatDate(%q) = %q, want %q", tc.iso, got, tc.want)
			}
		})
	}
}

func TestCitation(t *testing.T) {
	for _, tc := range []struct {
		name string
		ref  baocao.Reference
		want string
	}{
		{"full", baocao.Reference{ID: "08/KH-UBND", TypeName: "Kế hoạch", Date: "2023-01-05"}, "Kế hoạch số 08/KH-UBND ngày 05/01/2023"},
		{"type name in lower case", baocao.Reference{ID: "200/KH-UBND", TypeName: "kế hoạch", Date: "2023-03-10"}, "Kế hoạch số 200/KH-UBND ngày 10/3/2023"},
		{"no date", baocao.Reference{ID: "91/2017/NĐ-CP", TypeName: "Nghị định"}, "Nghị định số 91/2017/NĐ-CP"},
		{"no type", baocao.Reference{ID: "29-NQ/TW", Date: "2013-11-04"}, "29-NQ/TW ngày 04/11/2013"},
		{"invalid date left out", baocao.Reference{ID: "15/KH-UBND", TypeName: "Kế hoạch", Date: "2023-02-30"}, "Kế hoạch số 15/KH-UBND"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Citation(tc.ref); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestCitationEdits checks the citations as written become canonical, the rest of the
// text staying as it is.
func TestCitationEdits(t *testing.T) {
	for _, tc := range []struct {
		name   string
		text   string // the citation is the part between « and »
		ref    baocao.Reference
		want   string // the whole text after the edits
		noEdit bool
	}{
		{name: "already canonical", text: "ban hành «Kế hoạch số 08/KH-UBND ngày 05/01/2023 về công tác thi đua».",
			ref: baocao.Reference{ID: "08/KH-UBND", TypeName: "Kế hoạch", Date: "2023-01-05"}, noEdit: true},
		{name: "spaces in the symbol, comma before the date", text: "xây dựng «Phát động số 47 /PĐ-UBND, ngày 25/01/2023» phát động",
			ref:  baocao.Reference{ID: "47/PĐ-UBND", TypeName: "Phát động", Date: "2023-01-25"},
			want: "xây dựng Phát động số 47/PĐ-UBND ngày 25/01/2023 phát động"},
		{name: "dashes with spaces, type in lower case", text: "và «kế hoạch số 200/KH - UBND ngày 10/3/2023 về công tác bình đẳng giới»;",
			ref:  baocao.Reference{ID: "200/KH-UBND", TypeName: "Kế hoạch", Date: "2023-03-10"},
			want: "và Kế hoạch số 200/KH-UBND ngày 10/3/2023 về công tác bình đẳng giới;"},
		{name: "date after the issuer moves to the head", text: "ban hành «kế hoạch số 24/KH-UBND của UBND xã Thụy Hùng ngày 11 tháng 01 năm 2023 về tuyên truyền»",
			ref:  baocao.Reference{ID: "24/KH-UBND", TypeName: "Kế hoạch", Date: "2023-01-11"},
			want: "ban hành Kế hoạch số 24/KH-UBND ngày 11/01/2023 của UBND xã Thụy Hùng về tuyên truyền"},
		{name: "space inside the date", text: "«Kế hoạch số 329/KH-UBND ngày 29/9/ 2023 của UBND huyện»",
			ref:  baocao.Reference{ID: "329/KH-UBND", TypeName: "Kế hoạch", Date: "2023-09-29"},
			want: "Kế hoạch số 329/KH-UBND ngày 29/9/2023 của UBND huyện"},
		{name: "số missing", text: "theo «Nghị định 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ»",
			ref:  baocao.Reference{ID: "91/2017/NĐ-CP", TypeName: "Nghị định", Date: "2017-07-31"},
			want: "theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ"},
		{name: "Party document", text: "«Nghị quyết số 29-Q/TW, ngày 04/11/2013 của Ban chấp hành»",
			ref:  baocao.Reference{ID: "29-Q/TW", TypeName: "Nghị quyết", Date: "2013-11-04"},
			want: "Nghị quyết số 29-Q/TW ngày 04/11/2013 của Ban chấp hành"},
		{name: "span starting at the number", text: "Kế hoạch số «113/KH - UBND, ngày 09/3/2023»",
			ref:  baocao.Reference{ID: "113/KH-UBND", TypeName: "Kế hoạch", Date: "2023-03-09"},
			want: "Kế hoạch số 113/KH-UBND ngày 09/3/2023"},
		{name: "words before the type are kept", text: "«UBND xã đã ban hành Kế hoạch số 08/KH - UBND»",
			ref:  baocao.Reference{ID: "08/KH-UBND", TypeName: "Kế hoạch"},
			want: "UBND xã đã ban hành Kế hoạch số 08/KH-UBND"},
		{name: "number without a symbol", text: "«Kế hoạch số 432 ngày 22/5/2023 của UBND xã»",
			ref: baocao.Reference{ID: "432", TypeName: "Kế hoạch", Date: "2023-05-22"}, noEdit: true},
		{name: "number not found: left alone", text: "«Kế hoạch số 43/KH-UBND»",
			ref: baocao.Reference{ID: "44/KH-UBND", TypeName: "Kế hoạch"}, noEdit: true},
		{name: "number inside a longer number is not it", text: "«Quyết định số 1235/QĐ-UBND»",
			ref: baocao.Reference{ID: "235/QĐ-UBND", TypeName: "Quyết định"}, noEdit: true},
		{name: "a date the record disagrees with stays as written", text: "«Công văn số 169/UBND, ngày 1/3/2023»",
			ref: baocao.Reference{ID: "169/UBND", TypeName: "Công văn", Date: "2023-03-02"}, noEdit: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			i := strings.Index(tc.text, "«")
			j := strings.Index(tc.text, "»")
			text := tc.text[:i] + tc.text[i+len("«"):j] + tc.text[j+len("»"):]
			tc.ref.Span = baocao.Span{Start: i, End: j - len("«")}
			edits := citationEdits(text, tc.ref)
			if tc.noEdit {
				if len(edits) != 0 {
					t.Fatalf("got edits %+v, want none", edits)
				}
				return
			}
			if got := applyEdits(text, edits); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// applyEdits writes text with the edits made.
func applyEdits(text string, edits []edit) string {
	var b strings.Builder
	at := 0
	for _, e := range edits {
		b.WriteString(text[at:e.span.Start])
		b.WriteString(e.repl)
		at = e.span.End
	}
	b.WriteString(text[at:])
	return b.String()
}

func TestFormatNumber(t *testing.T) {
	for _, tc := range []struct {
		name     string
		v        float64
		decimals int
		want     string
	}{
		{"grouped", 1438337684, 0, "1.438.337.684"},
		{"decimal comma", 71.14, 2, "71,14"},
		{"as many decimals as needed", 346.8, -1, "346,8"},
		{"small", 7, 0, "7"},
		{"thousand", 1000, 0, "1.000"},
		{"negative", -12345.5, 1, "-12.345,5"},
		{"rounded", 2.005, 1, "2,0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := formatNumber(tc.v, tc.decimals); got != tc.want {
				t.Errorf("formatNumber(%v, %d) = %q, want %q", tc.v, tc.decimals, got, tc.want)
			}
		})
	}
}

func TestDecimalsOf(t *testing.T) {
	for _, tc := range []struct {
		written string
		want    int
	}{
		{"332,6", 1}, {"467,53", 2}, {"1.438.337.684", 0}, {"53.6", 1}, {"12.345", 0},
		{"1234.567", 3}, {"100", 0}, {"71,14 %", 2}, {"", -1}, {"ha", -1},
	} {
		if got := decimalsOf(tc.written); got != tc.want {
			t.Errorf("decimalsOf(%q) = %d, want %d", tc.written, got, tc.want)
		}
	}
}
