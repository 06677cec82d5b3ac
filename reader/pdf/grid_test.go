package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/reader"
)

// tablePDF draws a ruled table, Word style (every border a thin filled rectangle):
//
//	| TT | Danh hiệu            |          |   (the header spans columns 2 and 3)
//	|    | Tập thể   | Cá nhân  |          (TT spans rows 1 and 2)
//	| 1  | 07        | 08       |
func tablePDF() []byte {
	xs := []float64{72, 120, 300, 480}
	ys := []float64{700, 680, 660, 640}
	var c strings.Builder
	hline := func(y, x0, x1 float64) { fmt.Fprintf(&c, "%g %g %g 0.5 re f\n", x0, y, x1-x0) }
	vline := func(x, y0, y1 float64) { fmt.Fprintf(&c, "%g %g 0.5 %g re f\n", x, y0, y1-y0) }
	hline(ys[0], xs[0], xs[3])
	hline(ys[1], xs[1], xs[3]) // not under TT: TT continues into row 2
	hline(ys[2], xs[0], xs[3])
	hline(ys[3], xs[0], xs[3])
	vline(xs[0], ys[3], ys[0])
	vline(xs[1], ys[3], ys[0])
	vline(xs[2], ys[3], ys[1]) // not in row 1: the header spans two columns
	vline(xs[3], ys[3], ys[0])
	cells := []testLine{
		{x: 80, y: 686, size: 11, text: "TT"},
		{x: 130, y: 686, size: 11, text: "Danh hiệu"},
		{x: 130, y: 666, size: 11, text: "Tập thể"},
		{x: 310, y: 666, size: 11, text: "Cá nhân"},
		{x: 80, y: 646, size: 11, text: "1"},
		{x: 130, y: 646, size: 11, text: "07"},
		{x: 310, y: 646, size: 11, text: "08"},
	}
	lines := append([]testLine{{x: 72, y: 740, size: 13, text: "Bảng tổng hợp khen thưởng năm 2023."}}, cells...)
	lines[len(lines)-1].after = c.String()
	lines = append(lines, testLine{x: 72, y: 600, size: 13, text: "Tổng cộng có 07 tập thể và 08 cá nhân."})
	w := &pdfWriter{}
	return w.bytes(textPDF(w, [][]testLine{lines}))
}

func TestGridTable(t *testing.T) {
	doc := mustRead(t, "table.pdf", tablePDF(), reader.Options{})
	var tb *baocao.Block
	for i := range doc.Blocks {
		if doc.Blocks[i].Kind == baocao.TableKind {
			tb = &doc.Blocks[i]
		}
	}
	if tb == nil {
		t.Fatalf("no table block:\n%s", doc.Text)
	}
	want := "TT\tDanh hiệu\t\n\tTập thể\tCá nhân\n1\t07\t08"
	if got := tb.Span.Of(doc.Text); got != want {
		t.Errorf("table text %q, want %q", got, want)
	}
	g := tb.Table.Rows
	if len(g) != 3 || len(g[0]) != 3 {
		t.Fatalf("grid %d×%d, want 3×3", len(g), len(g[0]))
	}
	if g[0][1].ColSpan != 2 || !g[0][2].Covered {
		t.Errorf("header merge not found: %+v", g[0])
	}
	if g[0][0].RowSpan != 2 || !g[1][0].Covered || g[1][0].Span.Of(doc.Text) != "TT" {
		t.Errorf("vertical merge not found: %+v / %+v", g[0][0], g[1][0])
	}
	if !strings.HasPrefix(doc.Text, "Bảng tổng hợp khen thưởng năm 2023.\nTT\t") || !strings.HasSuffix(doc.Text, "\nTổng cộng có 07 tập thể và 08 cá nhân.") {
		t.Errorf("the table is not in reading order:\n%s", doc.Text)
	}
}

func TestGridRejectsCharts(t *testing.T) {
	// gridlines every 10 pt with two labels: a chart, not a table
	var rules []rule
	for y := 100.0; y <= 200; y += 10 {
		rules = append(rules, rule{100, y, 300, y + 0.5})
	}
	for x := 100.0; x <= 300; x += 50 {
		rules = append(rules, rule{x, 100, x + 0.5, 200})
	}
	ts := findTables(rules)
	if len(ts) != 1 {
		t.Fatalf("got %d grids, want 1", len(ts))
	}
	rest := ts[0].take([]glyph{{x: 110, y: 112, w: 5, size: 8, text: "9"}, {x: 160, y: 152, w: 5, size: 8, text: "4"}})
	if len(rest) != 0 || ts[0].filled() >= 0.4 {
		t.Errorf("filled %.2f: a chart's grid would be read as a table", ts[0].filled())
	}
}
