package gen_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baocao/baocao/corpus/gen"
	"github.com/baocao/baocao/reader"
	_ "github.com/baocao/baocao/reader/txt"
)

// The ground truth is only worth something if its text is what the reader gives for
// the file, so every span points at what it claims.
func TestTruthMatchesReader(t *testing.T) {
	g := gen.New(gen.Options{N: 120, Seed: 5})
	for i := 0; i < g.Len(); i++ {
		d := g.Doc(i)
		doc, err := reader.Read(context.Background(), d.Name, d.Data, reader.Options{})
		if err != nil {
			t.Fatalf("%s: %v", d.Name, err)
		}
		if doc.Text != d.Record.Text {
			t.Fatalf("%s: the reader's text differs from the record's", d.Name)
		}
		if doc.Source.SHA256 != d.Record.Source.SHA256 {
			t.Errorf("%s: sha256 %s, record says %s", d.Name, doc.Source.SHA256, d.Record.Source.SHA256)
		}
		checkSpans(t, d)
	}
}

func checkSpans(t *testing.T, d gen.Doc) {
	t.Helper()
	r := d.Record
	for _, ref := range r.References {
		if got := ref.Span.Of(r.Text); got != ref.Text || !strings.Contains(ref.Text, "số") {
			t.Errorf("%s: reference span %v covers %q, want %q", d.Name, ref.Span, got, ref.Text)
		}
		if !strings.Contains(ref.Context, ref.Text) {
			t.Errorf("%s: context %q does not contain the citation", d.Name, ref.Context)
		}
		if strings.ReplaceAll(ref.Text, " ", "") == "" || !strings.Contains(strings.ReplaceAll(ref.Text, " ", ""), ref.ID) {
			t.Errorf("%s: citation %q does not contain its id %s", d.Name, ref.Text, ref.ID)
		}
	}
	for _, dt := range r.Dates {
		if got := dt.Span.Of(r.Text); got != dt.Text {
			t.Errorf("%s: date span covers %q, want %q", d.Name, got, dt.Text)
		}
	}
	for _, in := range r.Indicators {
		if got := in.Span.Of(r.Text); got != in.Text {
			t.Errorf("%s: indicator span covers %q, want %q", d.Name, got, in.Text)
		}
		if !in.Target.Valid || in.Target.V <= 0 || !in.Percent.Valid {
			t.Errorf("%s: indicator %q without target or percent", d.Name, in.Text)
		}
	}
	for _, c := range r.Commendations {
		if c.Span.Of(r.Text) != c.Text || c.Collective+c.Individual+c.Household == 0 {
			t.Errorf("%s: commendation %q", d.Name, c.Text)
		}
	}
	for _, f := range r.Findings {
		if f.Span.Of(r.Text) != f.Text {
			t.Errorf("%s: finding span", d.Name)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a := gen.New(gen.Options{N: 50, Seed: 9})
	b := gen.New(gen.Options{N: 50, Seed: 9})
	c := gen.New(gen.Options{N: 50, Seed: 10})
	same, differ := 0, 0
	for i := 0; i < 50; i++ {
		if bytes.Equal(a.Doc(i).Data, b.Doc(i).Data) {
			same++
		}
		if !bytes.Equal(a.Doc(i).Data, c.Doc(i).Data) {
			differ++
		}
	}
	if same != 50 || differ < 45 {
		t.Errorf("same seed: %d/50 identical; other seed: %d/50 different", same, differ)
	}
}

// A corpus must be varied (every type of NĐ 30 Điều 7 shows up in a large one,
// issuers and years vary), cite itself, and number documents the way NĐ 30 says.
func TestVariety(t *testing.T) {
	g := gen.New(gen.Options{N: 3000, Seed: 1})
	types, issuers, years := map[string]int{}, map[string]bool{}, map[int]bool{}
	ids := map[string]bool{}
	internal, external, indicators, wrong := 0, 0, 0, 0
	seen := map[string]string{} // issuer|year|number → name: numbers are unique within a year
	for i := 0; i < g.Len(); i++ {
		d := g.Doc(i)
		r := d.Record
		types[string(r.Document.Type)]++
		issuers[string(r.Document.Issuer)] = true
		years[int(r.Document.Date.Year)] = true
		if !utf8.Valid(d.Data) {
			t.Fatalf("%s is not UTF-8", d.Name)
		}
		if bytes.Contains(d.Data, []byte("%!")) || bytes.Contains(d.Data, []byte("%s")) || bytes.Contains(d.Data, []byte("%d")) {
			t.Fatalf("%s has an unfilled template: %s", d.Name, d.Data)
		}
		if r.Document.Number != "" {
			id := string(r.Document.Number) + "/" + string(r.Document.Code)
			k := string(r.Document.Issuer) + "|" + string(r.Document.Date.Value)[:4] + "|" + id
			if other, dup := seen[k]; dup {
				t.Errorf("%s and %s share %s in one year", other, d.Name, id)
			}
			seen[k] = d.Name
			if len(r.Document.Number) < 2 {
				t.Errorf("%s: number %q below 10 without a leading zero", d.Name, r.Document.Number)
			}
			ids[string(r.Document.Date.Value)+"|"+string(r.Document.Number)] = true
		}
		for _, ref := range r.References {
			if ids[string(ref.Date)+"|"+ref.Number] {
				internal++
			} else {
				external++
			}
		}
		indicators += len(r.Indicators)
		wrong += len(r.Findings)
	}
	for _, want := range []string{"NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC",
		"BB", "TTr", "HĐ", "CV", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", ""} {
		if types[want] == 0 {
			t.Errorf("type %q never generated", want)
		}
	}
	if types["BC"] < types["GM"]*5 {
		t.Errorf("reports (%d) should be far more frequent than invitations (%d)", types["BC"], types["GM"])
	}
	if len(issuers) < 50 || len(years) < 6 {
		t.Errorf("%d issuers, %d years", len(issuers), len(years))
	}
	if internal < 1000 || external < 200 {
		t.Errorf("%d citations of the corpus itself, %d of outside documents", internal, external)
	}
	if indicators < 3000 || wrong == 0 || wrong > indicators/5 {
		t.Errorf("%d indicators, %d with a wrong percentage", indicators, wrong)
	}
}

func BenchmarkDoc(b *testing.B) {
	g := gen.New(gen.Options{N: 1000, Seed: 1})
	b.ReportAllocs()
	var n int64
	for i := 0; i < b.N; i++ {
		d := g.Doc(i % 1000)
		n += int64(len(d.Data))
	}
	b.SetBytes(n / int64(b.N))
}
