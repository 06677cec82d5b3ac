package audit_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/audit"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/reader"
	_ "github.com/baocao/baocao/reader/all"
)

// The reports under testdata/reports are written for these tests in the style of commune
// and district reports; every figure in them adds up. Each has a .plant.yaml of errors
// to plant, one edit each, with the findings the edit must produce.

type plant struct {
	Old  string `yaml:"old"`
	New  string `yaml:"new"`
	Want []struct {
		Rule      string `yaml:"rule"`
		Situation string `yaml:"situation"`
		Key       string `yaml:"key"`
	} `yaml:"want"`
}

// auditText reads text as a .txt report, extracts it with the default rules and audits it.
func auditText(t testing.TB, name, text string) (*baocao.Record, []baocao.Finding) {
	t.Helper()
	doc, err := reader.Read(context.Background(), name, []byte(text), reader.Options{Format: "txt"})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	x, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	a, err := audit.Default()
	if err != nil {
		t.Fatal(err)
	}
	rec := x.Record(doc)
	a.Audit(rec, doc)
	return rec, rec.Findings
}

func describe(fs []baocao.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\n    %s %s %s: %s «%s»", f.Severity, f.Rule, f.Check, f.Message, f.Text)
	}
	return b.String()
}

func TestReports(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "reports", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no reports under testdata/reports")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			clean := string(data)
			if _, fs := auditText(t, name+".txt", clean); len(fs) > 0 {
				t.Errorf("the clean report has findings:%s", describe(fs))
			}
			var plants []plant
			pdata, err := os.ReadFile(strings.TrimSuffix(file, ".txt") + ".plant.yaml")
			if err != nil {
				t.Fatal(err)
			}
			if err := yaml.Unmarshal(pdata, &plants); err != nil {
				t.Fatal(err)
			}
			planted := clean
			var wantAll []string
			for i, p := range plants {
				if n := strings.Count(clean, p.Old); n != 1 {
					t.Fatalf("edit %d: %q occurs %d times in the clean report, want once", i+1, p.Old, n)
				}
				// each error alone produces exactly its findings
				one := strings.Replace(clean, p.Old, p.New, 1)
				_, fs := auditText(t, name+".txt", one)
				var want []string
				for _, w := range p.Want {
					want = append(want, w.Rule+" "+w.Situation)
				}
				wantAll = append(wantAll, want...)
				if g := ruleSituations(t, fs); !equalSorted(g, want) {
					t.Errorf("edit %d (%q → %q): got %v, want %v:%s", i+1, p.Old, p.New, g, want, describe(fs))
				}
				for _, w := range p.Want {
					if !anyHas(fs, w.Rule, w.Key) {
						t.Errorf("edit %d: no %s finding quotes or says %q:%s", i+1, w.Rule, w.Key, describe(fs))
					}
				}
				planted = strings.Replace(planted, p.Old, p.New, 1)
			}
			// all of them together: no error hides another
			rec, fs := auditText(t, name+".txt", planted)
			if g := ruleSituations(t, fs); !equalSorted(g, wantAll) {
				t.Errorf("all edits: got %v\nwant %v:%s", g, wantAll, describe(fs))
			}
			var out bytes.Buffer
			audit.WriteText(&out, []audit.Report{audit.NewReport(name+".planted.txt", rec, "")})
			testutil.Golden(t, filepath.Join("testdata", "golden", name+".txt"), out.Bytes())
		})
	}
}

// ruleSituations names each finding by its rule and situation.
func ruleSituations(t testing.TB, fs []baocao.Finding) []string {
	t.Helper()
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule+" "+f.Situation)
	}
	sort.Strings(out)
	return out
}

func equalSorted(a, b []string) bool {
	a, b = append([]string(nil), a...), append([]string(nil), b...)
	sort.Strings(a)
	sort.Strings(b)
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func anyHas(fs []baocao.Finding, rule, key string) bool {
	for _, f := range fs {
		if f.Rule == rule && (strings.Contains(f.Text, key) || strings.Contains(f.Message, key)) {
			return true
		}
	}
	return false
}
