package extract_test

import (
	"context"
	"fmt"
	"sort"
	"testing"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/reader"
)

// TestSeedFormatsAgree: the reference report as text, DOCX and PDF gives the same
// references (id and date) and the same dates (day, month and day-month precision).
func TestSeedFormatsAgree(t *testing.T) {
	x, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	type facts struct{ refs, dates []string }
	get := func(ext string) facts {
		path := testutil.Shared(t, "corpus/seed/thuy-hung-bc-thi-dua-6-thang-2023."+ext)
		doc, err := reader.ReadFile(context.Background(), path, reader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		rec := x.Record(doc)
		var f facts
		for _, r := range rec.References {
			f.refs = append(f.refs, fmt.Sprintf("%s %s %s", r.ID, r.Type, r.Date))
		}
		for _, d := range rec.Dates {
			if d.Precision == "year" {
				continue // a bare "năm 2023" is compared nowhere else either
			}
			f.dates = append(f.dates, fmt.Sprintf("%s %s %d-%d-%d", d.Precision, d.Value, d.Year, d.Month, d.Day))
		}
		sort.Strings(f.refs)
		sort.Strings(f.dates)
		return f
	}
	txt := get("txt")
	if len(txt.refs) < 40 || len(txt.dates) < 60 {
		t.Fatalf("the text format gives only %d references and %d dates", len(txt.refs), len(txt.dates))
	}
	for _, ext := range []string{"docx", "pdf"} {
		t.Run(ext, func(t *testing.T) {
			got := get(ext)
			diff(t, "references", txt.refs, got.refs)
			diff(t, "dates", txt.dates, got.dates)
		})
	}
}

func diff(t *testing.T, what string, want, got []string) {
	t.Helper()
	w, g := map[string]int{}, map[string]int{}
	for _, s := range want {
		w[s]++
	}
	for _, s := range got {
		g[s]++
	}
	for s, n := range w {
		if g[s] < n {
			t.Errorf("%s: %q found %d times, %d in the text format", what, s, g[s], n)
		}
	}
	for s, n := range g {
		if w[s] < n {
			t.Errorf("%s: %q found %d times, only %d in the text format", what, s, n, w[s])
		}
	}
}
