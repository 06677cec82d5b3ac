package index

import (
	"context"
	"errors"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/corpus/gen"
	"github.com/baocao/baocao/internal/vntext"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"state", "08/KH-UBND", "8/kh-ubnd"},
		{"no leading zero, lower case", "8/kh-ubnd", "8/kh-ubnd"},
		{"spaced en dash", "08/KH – UBND", "8/kh-ubnd"},
		{"spaced hyphen", "08/KH - UBND", "8/kh-ubnd"},
		{"code first", "KH-UBND 08", "8/kh-ubnd"},
		{"with Số", "Số: 08/KH-UBND", "8/kh-ubnd"},
		{"legal with year", "91/2017/NĐ-CP", "91/2017/nd-cp"},
		{"legal folded", "91/2017/nd-cp", "91/2017/nd-cp"},
		{"party", "84-NQ/HU", "84/nq-hu"},
		{"law with term", "06/2022/QH15", "6/2022/qh15"},
		{"công văn", "1420/UBND-NV", "1420/ubnd-nv"},
		{"mixed case type", "85/TTr-UBND", "85/ttr-ubnd"},
		{"three groups", "02/2011/TTLT-VPCP-BNV", "2/2011/ttlt-vpcp-bnv"},
		{"words are not numbers", "kế hoạch thi đua", ""},
		{"a date is not a number", "05/01/2023", ""},
		{"a ratio is not a number", "19/19", ""},
		{"a bare code is not a number", "KH-UBND", ""},
		{"empty", "", ""},
		{"not a year", "91/3017/NĐ-CP", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeNumber(tt.in); got != tt.want {
				t.Errorf("NormalizeNumber(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCanonicalType(t *testing.T) {
	for in, want := range map[string]string{"kh": "KH", "KH": "KH", "ttr": "TTr", "TTR": "TTr", "qd": "QĐ",
		"QĐ": "QĐ", "qyđ": "QyĐ", "HĐ": "HĐ", "hd": "HD", "ctr": "CTr", "XYZ": "XYZ"} {
		if got := CanonicalType(in); got != want {
			t.Errorf("CanonicalType(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	d := func(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name, in    string
		first, last time.Time
		bad         bool
	}{
		{name: "day first", in: "05/01/2023", first: d(2023, 1, 5), last: d(2023, 1, 5)},
		{name: "no padding", in: "5/1/2023", first: d(2023, 1, 5), last: d(2023, 1, 5)},
		{name: "iso", in: "2023-01-05", first: d(2023, 1, 5), last: d(2023, 1, 5)},
		{name: "year", in: "2023", first: d(2023, 1, 1), last: d(2023, 12, 31)},
		{name: "month", in: "03/2023", first: d(2023, 3, 1), last: d(2023, 3, 31)},
		{name: "iso month", in: "2024-02", first: d(2024, 2, 1), last: d(2024, 2, 29)},
		{name: "no 31 February", in: "31/02/2023", bad: true},
		{name: "words", in: "hôm qua", bad: true},
		{name: "two-digit year", in: "05/01/23", bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, l, err := ParseDate(tt.in)
			if tt.bad {
				if err == nil {
					t.Errorf("ParseDate(%q) = %v, want an error", tt.in, f)
				}
				return
			}
			if err != nil || !f.Equal(tt.first) || !l.Equal(tt.last) {
				t.Errorf("ParseDate(%q) = %v, %v, %v; want %v, %v", tt.in, f, l, err, tt.first, tt.last)
			}
		})
	}
}

// testIndex indexes records into a fresh index; the texts feed the snippets.
func testIndex(t testing.TB, recs []*baocao.Record) *Index {
	t.Helper()
	bySHA := map[string]*baocao.Record{}
	for _, r := range recs {
		bySHA[r.Source.SHA256] = r
	}
	ix, err := Open(filepath.Join(t.TempDir(), "ix"), Options{Record: func(sha string) (*baocao.Record, error) { return bySHA[sha], nil }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	b := ix.NewBatch()
	for _, r := range recs {
		if err := b.Add(r); err != nil {
			t.Fatal(err)
		}
		if b.Len() == 200 {
			if err := b.Commit(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	return ix
}

func genRecords(n int, seed uint64) []*baocao.Record {
	g := gen.New(gen.Options{N: n, Seed: seed})
	out := make([]*baocao.Record, g.Len())
	for i := range out {
		out[i] = g.Doc(i).Record
	}
	return out
}

// record makes a small record with a number, a date and a text.
func record(sha, number, code, date, issuer, text string) *baocao.Record {
	r := &baocao.Record{Schema: baocao.Schema, Source: baocao.Source{SHA256: sha, Path: sha + ".txt", Format: "txt"}, Text: text}
	r.Document.Number = baocao.NullString(number)
	r.Document.Code = baocao.NullString(code)
	r.Document.Type = baocao.NullString(strings.SplitN(code, "-", 2)[0])
	r.Document.Issuer = baocao.NullString(issuer)
	if date != "" {
		tm, _ := time.Parse("2006-01-02", date)
		r.Document.Date = &baocao.DateParts{Value: baocao.NullString(date), Year: baocao.NullInt(tm.Year())}
	}
	r.Document.Subject = baocao.NullString(strings.SplitN(text, "\n", 2)[0])
	return r
}

func shas(res *Result) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.SHA)
	}
	return out
}

func TestSearchNumberSpellings(t *testing.T) {
	recs := genRecords(200, 4)
	target := record("target", "08", "KH-UBND", "2023-01-05", "Ủy ban nhân dân xã Thụy Hùng", "Công tác thi đua, khen thưởng năm 2023")
	citer := record("citer", "", "BC-HĐTĐKT", "2023-06-20", "Hội đồng thi đua khen thưởng xã Thụy Hùng", "Sơ kết")
	citer.References = []baocao.Reference{{ID: "08/KH-UBND", Number: "08", Code: "KH-UBND", Type: "KH", Date: "2023-01-05",
		Text: "Kế hoạch số 08/KH-UBND ngày 05/01/2023", Context: "UBND xã đã ban hành Kế hoạch số 08/KH-UBND ngày 05/01/2023 về công tác thi đua."}}
	ix := testIndex(t, append(recs, target, citer))
	ctx := context.Background()
	for _, q := range []string{"08/KH-UBND", "8/kh-ubnd", "08/KH – UBND", "KH-UBND 08", "08/KH - UBND"} {
		t.Run(q, func(t *testing.T) {
			res, err := ix.Search(ctx, Query{Text: q, Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			got := shas(res)
			if !contains(got, "target") || !contains(got, "citer") {
				t.Fatalf("%q found %v, want the document numbered 08/KH-UBND and the one citing it", q, got)
			}
			// the document with that number ranks above the ones that only cite one
			if res.Hits[0].NumberKey() != "8/kh-ubnd" {
				t.Errorf("first hit %s, want a document numbered 08/KH-UBND", res.Hits[0].Number)
			}
			res, err = ix.Search(ctx, Query{Number: q, Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range res.Hits {
				if NormalizeNumber(h.Number) != "8/kh-ubnd" {
					t.Errorf("--number %q found %s", q, h.Number)
				}
			}
			res, err = ix.Search(ctx, Query{Cites: q, Limit: 100})
			if err != nil || !contains(shas(res), "citer") || contains(shas(res), "target") {
				t.Errorf("--cites %q found %v (%v), want the citing document only", q, shas(res), err)
			}
		})
	}
	// both ways: the cited document knows its citer, the citation resolves to it
	res, _ := ix.Search(ctx, Query{Number: "08/KH-UBND", Issuer: "Thụy Hùng"})
	if len(res.Hits) != 1 || res.Hits[0].CitedBy != 1 {
		t.Fatalf("document 08/KH-UBND of Thụy Hùng: %+v, want one hit cited once", res.Hits)
	}
	refs, _ := ix.Search(ctx, Query{Refs: true, Number: "8/kh-ubnd", From: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2023, 1, 31, 0, 0, 0, 0, time.UTC)})
	if len(refs.Hits) != 1 || len(refs.Hits[0].Resolved) != 1 || refs.Hits[0].Resolved[0].SHA != "target" {
		t.Errorf("the citation of 08/KH-UBND of 05/01/2023 should resolve to the target: %+v", refs.Hits)
	}
}

// NumberKey is the hit's normalized number (test helper).
func (h Hit) NumberKey() string { return NormalizeNumber(h.Number) }

func TestFoldedFindsTheSameExactFirst(t *testing.T) {
	recs := []*baocao.Record{
		record("exact", "01", "KH-UBND", "2023-01-02", "UBND xã A", "Kế hoạch thi đua năm 2023\nTổ chức kế hoạch thi đua yêu nước."),
		record("bare", "02", "KH-UBND", "2023-01-03", "UBND xã B", "Ke hoach thi dua nam 2023\nVan ban go khong dau: ke hoach thi dua."),
		record("other", "03", "BC-UBND", "2023-01-04", "UBND xã C", "Báo cáo kết quả sản xuất nông nghiệp\nDiện tích lúa xuân đạt 100%."),
	}
	recs = append(recs, genRecords(300, 8)...)
	ix := testIndex(t, recs)
	ctx := context.Background()
	withMarks, err := ix.Search(ctx, Query{Text: "kế hoạch thi đua", Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	without, err := ix.Search(ctx, Query{Text: "ke hoach thi dua", Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	a, b := shas(withMarks), shas(without)
	sort.Strings(a)
	sort.Strings(b)
	if strings.Join(a, ",") != strings.Join(b, ",") {
		t.Fatalf("with diacritics %d hits, without %d: the sets differ", len(a), len(b))
	}
	if withMarks.Total < 3 || contains(a, "other") {
		t.Fatalf("%d hits, other included=%v", withMarks.Total, contains(a, "other"))
	}
	if withMarks.Hits[0].SHA != "exact" {
		t.Errorf("with diacritics, first hit %s, want the document written with them", withMarks.Hits[0].SHA)
	}
	if pos(shas(withMarks), "exact") > pos(shas(withMarks), "bare") {
		t.Error("the exact-diacritics document must rank above the unaccented one")
	}
	if pos(shas(without), "bare") > pos(shas(without), "exact") {
		t.Error("searching without diacritics, the unaccented document matches exactly and must rank first")
	}
	for _, h := range withMarks.Hits[:5] {
		for _, s := range h.Snippets {
			if !utf8.ValidString(s.Text) {
				t.Errorf("snippet is not valid UTF-8: %q", s.Text)
			}
			for _, m := range s.Marks {
				if w := s.Text[m[0]:m[1]]; !utf8.ValidString(w) || !foldEq(w, "kế hoạch thi đua") {
					t.Errorf("mark %q is not a query word", w)
				}
			}
		}
	}
}

func pos(xs []string, x string) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return len(xs)
}

// foldEq reports whether w folds to one of the words of q.
func foldEq(w, q string) bool {
	for _, f := range strings.Fields(q) {
		if vntext.Fold(w) == vntext.Fold(f) {
			return true
		}
	}
	return false
}

func TestDateRangeAndFacets(t *testing.T) {
	recs := genRecords(400, 12)
	ix := testIndex(t, recs)
	ctx := context.Background()
	from, _, _ := ParseDate("2021")
	_, to, _ := ParseDate("06/2022")
	want := map[string]int{}
	years := map[string]int{}
	total := 0
	for _, r := range recs {
		d, _ := time.Parse("2006-01-02", string(r.Document.Date.Value))
		if d.Before(from) || d.After(to) || r.Document.Type != "KH" {
			continue
		}
		total++
		want[string(r.Document.Issuer)]++
		years[d.Format("2006")]++
	}
	res, err := ix.Search(ctx, Query{Type: "kh", From: from, To: to, Facets: true, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if int(res.Total) != total {
		t.Fatalf("%d hits, want %d", res.Total, total)
	}
	for _, h := range res.Hits {
		if h.Date < "2021-01-01" || h.Date > "2022-06-30" || h.Type != "KH" {
			t.Errorf("hit %s %s outside the filter", h.Type, h.Date)
		}
	}
	for _, f := range res.Facets["year"] {
		if years[f.Term] != f.Count {
			t.Errorf("year facet %s: %d, want %d", f.Term, f.Count, years[f.Term])
		}
	}
	for _, f := range res.Facets["issuer"] {
		if want[f.Term] != f.Count {
			t.Errorf("issuer facet %s: %d, want %d", f.Term, f.Count, want[f.Term])
		}
	}
	if fs := res.Facets["type"]; len(fs) != 1 || fs[0].Term != "KH" {
		t.Errorf("type facet %v, want only KH", fs)
	}
}

// The directive level: each cited number and date once, with every citing document,
// the same as the ground truth says.
func TestRefsLevel(t *testing.T) {
	recs := genRecords(500, 13)
	ix := testIndex(t, recs)
	ctx := context.Background()
	from, _, _ := ParseDate("03/2020")
	_, to, _ := ParseDate("2020")
	type key struct{ num, date string }
	want := map[key]map[string]bool{}
	for _, r := range recs {
		for _, ref := range r.References {
			if ref.Type != "KH" || ref.Date == "" || string(ref.Date) < "2020-03-01" || string(ref.Date) > "2020-12-31" {
				continue
			}
			k := key{NormalizeNumber(ref.ID), string(ref.Date)}
			if want[k] == nil {
				want[k] = map[string]bool{}
			}
			want[k][r.Source.SHA256] = true
		}
	}
	res, err := ix.Search(ctx, Query{Refs: true, Type: "KH", From: from, To: to, Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != len(want) {
		t.Fatalf("%d directives, want %d", len(res.Hits), len(want))
	}
	prev := ""
	for _, h := range res.Hits {
		k := key{NormalizeNumber(h.Number), h.Date}
		citers := want[k]
		if citers == nil {
			t.Errorf("directive %s of %s is not in the truth", h.Number, h.Date)
			continue
		}
		if len(h.Citations) != len(citers) {
			t.Errorf("%s of %s: %d citing documents, want %d", h.Number, h.Date, len(h.Citations), len(citers))
		}
		for _, c := range h.Citations {
			if !citers[c.Citing.SHA] || len(c.Sentences) == 0 {
				t.Errorf("%s: citation by %s (%d sentences) not in the truth", h.Number, c.Citing.SHA, len(c.Sentences))
			}
			for _, s := range c.Sentences {
				if !strings.Contains(NormalizeSpaces(s), "số") {
					t.Errorf("citing sentence %q does not cite", s)
				}
			}
		}
		if len(h.Resolved) != 1 { // every generated citation points at a generated document
			t.Errorf("%s of %s resolves to %d documents, want 1", h.Number, h.Date, len(h.Resolved))
		}
		if h.Date < prev {
			t.Errorf("directives not in date order: %s after %s", h.Date, prev)
		}
		prev = h.Date
	}
}

// NormalizeSpaces is a test helper that folds runs of spaces.
func NormalizeSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestResolveBothWays(t *testing.T) {
	g := gen.New(gen.Options{N: 300, Seed: 14})
	recs := make([]*baocao.Record, g.Len())
	for i := range recs {
		recs[i] = g.Doc(i).Record
	}
	ix := testIndex(t, recs)
	ctx := context.Background()
	byKey := map[string][]*baocao.Record{}
	for _, r := range recs {
		byKey[NormalizeNumber(DocNumber(r.Document))] = append(byKey[NormalizeNumber(DocNumber(r.Document))], r)
	}
	checked := 0
	for _, r := range recs {
		for _, ref := range r.References {
			if ref.Date == "" || len(byKey[NormalizeNumber(ref.ID)]) == 0 || ref.Issuer == "" {
				continue
			}
			got, err := ix.Resolve(ctx, ref.ID, string(ref.Date), string(ref.Issuer), string(r.Document.Issuer))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 {
				t.Errorf("%s of %s (%s) resolves to %d documents", ref.ID, ref.Date, ref.Issuer, len(got))
				continue
			}
			citers, err := ix.Citers(ctx, got[0])
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, c := range citers {
				found = found || c.Citations[0].Citing.SHA == r.Source.SHA256
			}
			if !found {
				t.Errorf("%s resolves to %s, but its citers do not include %s", ref.ID, got[0].SHA, r.Source.SHA256)
			}
			checked++
		}
	}
	if checked < 50 {
		t.Errorf("only %d citations checked", checked)
	}
}

func TestCites(t *testing.T) {
	recs := genRecords(300, 15)
	ix := testIndex(t, recs)
	ctx := context.Background()
	n := 0
	for _, r := range recs {
		for _, ref := range r.References {
			if ref.ID == "91/2017/NĐ-CP" {
				n++
			}
		}
	}
	res, err := ix.Cites(ctx, "91/2017/nd-cp")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Citations) != n || n == 0 {
		t.Errorf("cites 91/2017/NĐ-CP: %d citations, want %d (>0)", len(res.Citations), n)
	}
	if len(res.Documents) != 0 {
		t.Errorf("a decree outside the corpus: %d documents", len(res.Documents))
	}
	// a generated document with what it cites
	for _, r := range recs {
		if len(r.References) >= 2 && r.Document.Number != "" {
			res, err := ix.Cites(ctx, DocNumber(r.Document))
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range res.Documents {
				if d.Doc.SHA == r.Source.SHA256 && len(d.Cites) == 0 {
					t.Errorf("%s cites nothing, the truth has %d references", d.Doc.Number, len(r.References))
				}
			}
			break
		}
	}
	if _, err := ix.Cites(ctx, "hello"); err == nil {
		t.Error("cites of a non-number should fail")
	}
}

func TestRemove(t *testing.T) {
	recs := genRecords(50, 16)
	ix := testIndex(t, recs)
	ctx := context.Background()
	d0, r0, _ := ix.Counts(ctx)
	if err := ix.Remove(ctx, recs[7].Source.SHA256); err != nil {
		t.Fatal(err)
	}
	d1, r1, _ := ix.Counts(ctx)
	if d1 != d0-1 || r1 != r0-uint64(RefCount(recs[7])) {
		t.Errorf("after Remove: %d docs %d refs, want %d and %d", d1, r1, d0-1, r0-uint64(RefCount(recs[7])))
	}
}

func TestOpenTwice(t *testing.T) {
	p := filepath.Join(t.TempDir(), "ix")
	ix, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	start := time.Now()
	_, err = Open(p, Options{BoltTimeout: 200 * time.Millisecond})
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second open: %v, want ErrInUse", err)
	}
	if time.Since(start) > 3*time.Second {
		t.Errorf("second open took %v", time.Since(start))
	}
}

// CitedBy (one facet for all hits) must agree with Citers (one query per document).
func TestCitedByAgreesWithCiters(t *testing.T) {
	recs := genRecords(400, 18)
	ix := testIndex(t, recs)
	ctx := context.Background()
	res, err := ix.Search(ctx, Query{Type: "KH", Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	cited := 0
	for _, h := range res.Hits {
		cs, err := ix.Citers(ctx, DocRef{SHA: h.SHA, Number: h.Number, Date: h.Date, Issuer: h.Issuer})
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != h.CitedBy {
			t.Errorf("%s of %s: CitedBy %d, Citers %d", h.Number, h.Date, h.CitedBy, len(cs))
		}
		if h.CitedBy > 0 {
			cited++
		}
	}
	if cited < 20 {
		t.Errorf("only %d of %d plans are cited", cited, len(res.Hits))
	}
}
