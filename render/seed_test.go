package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/pipeline"
	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/reader"
)

// These tests read the seed report of ../shared in its three formats through the real
// pipeline. They skip while a format has no reader or the extraction does not yet
// give the items a test needs.

var seedFormats = []string{"txt", "docx", "pdf"}

func processSeed(t *testing.T, ext string) (*baocao.Record, *baocao.Document) {
	t.Helper()
	path := testutil.Shared(t, "corpus/seed/thuy-hung-bc-thi-dua-6-thang-2023."+ext)
	rec, doc, err := pipeline.Process(context.Background(), path, pipeline.Options{})
	if errors.Is(err, reader.ErrUnsupported) {
		t.Skipf("no reader reads the seed's %s form yet: %v", ext, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return rec, doc
}

// TestSeedDirectives: the seed's directives appendix lists the four documents of its
// Phụ lục I, in that order (which is also the order of their dates).
func TestSeedDirectives(t *testing.T) {
	want := []string{
		"Kế hoạch số 08/KH-UBND ngày 05/01/2023",
		"Phát động số 47/PĐ-UBND ngày 25/01/2023",
		"Kế hoạch số 153/KH-UBND ngày 28/02/2023",
		"Kế hoạch số 113/KH-UBND ngày 09/3/2023",
	}
	for _, ext := range seedFormats {
		t.Run(ext, func(t *testing.T) {
			rec, doc := processSeed(t, ext)
			if len(rec.References) == 0 {
				t.Skip("the seed's record has no references yet (extraction)")
			}
			tb := DirectivesAppendix(rec, doc, DirectiveOptions{})
			if got := column(tb, 1); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("directives:\n got %q\nwant %q\nnotes %q", got, want, tb.Notes)
			}
			if !strings.Contains(column(tb, 2)[0], "thi đua, khen thưởng năm 2023") {
				t.Errorf("trích yếu of the first document: %q", column(tb, 2)[0])
			}
		})
	}
}

// TestSeedCommendations: the seed's commendation summary gives 2 at cấp huyện, 7/8/8 at
// cấp xã and 9/8/8 in all.
func TestSeedCommendations(t *testing.T) {
	for _, ext := range seedFormats {
		t.Run(ext, func(t *testing.T) {
			rec, _ := processSeed(t, ext)
			if len(rec.Commendations) == 0 {
				t.Skip("the seed's record has no commendations yet (extraction)")
			}
			rows := commendationRows(CommendationsTable(rec))
			for _, want := range []string{"III|Khen thưởng cấp huyện|2|0|0", "IV|Khen thưởng cấp xã|7|8|8", "|TỔNG CỘNG (I + II + III + IV)|9|8|8"} {
				if !slices.Contains(rows, want) {
					t.Errorf("no row %q in %q", want, rows)
				}
			}
		})
	}
}

// itemKeys are what a round trip must keep: the references, dates, indicators and
// commendations, by value (their written form may change: citations become canonical).
func itemKeys(rec *baocao.Record) map[string][]string {
	m := map[string][]string{}
	for _, r := range rec.References {
		m["references"] = append(m["references"], fmt.Sprintf("%s %s %s %s", r.ID, r.Type, r.Date, r.Issuer))
	}
	for _, d := range rec.Dates {
		m["dates"] = append(m["dates"], fmt.Sprintf("%s %s %d-%d-%d", d.Value, d.Precision, d.Year, d.Month, d.Day))
	}
	for _, i := range rec.Indicators {
		m["indicators"] = append(m["indicators"], fmt.Sprintf("%v %v %s %v", i.Value, i.Target, i.Unit, i.Percent))
	}
	for _, c := range rec.Commendations {
		m["commendations"] = append(m["commendations"], fmt.Sprintf("%s %s %d/%d/%d %s", c.Level, c.Form, c.Collective, c.Individual, c.Household, c.Source))
	}
	for k := range m {
		slices.Sort(m[k])
	}
	return m
}

// TestSeedRoundTrip renders the seed, from each of its formats, to DOCX and to
// Markdown, extracts the rendered file, and finds the same references, dates,
// indicators and commendations as the original record.
func TestSeedRoundTrip(t *testing.T) {
	for _, ext := range seedFormats {
		for _, f := range []Format{DOCX, Markdown} {
			t.Run(ext+"→"+string(f), func(t *testing.T) {
				rec, doc := processSeed(t, ext)
				if len(rec.References) == 0 || len(rec.Commendations) == 0 {
					t.Skip("the seed's record has no references or commendations yet (extraction)")
				}
				if _, ok := reader.Lookup(map[Format]string{DOCX: "docx", Markdown: "txt"}[f]); !ok {
					t.Skipf("no reader for %s yet", f)
				}
				var b bytes.Buffer
				if err := Write(&b, rec, doc, Options{Format: f}); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(t.TempDir(), "seed."+string(f))
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				back, _, err := pipeline.Process(context.Background(), path, pipeline.Options{})
				if err != nil {
					t.Fatal(err)
				}
				want, got := itemKeys(rec), itemKeys(back)
				for _, k := range []string{"references", "dates", "indicators", "commendations"} {
					if lost, extra := missing(want[k], got[k]), missing(got[k], want[k]); len(lost)+len(extra) > 0 {
						t.Errorf("%s: %d in the original, %d after the round trip; lost %q; new %q", k, len(want[k]), len(got[k]), lost, extra)
					}
				}
			})
		}
	}
}
