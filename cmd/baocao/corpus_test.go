package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/corpus/gen"
	"github.com/baocao/baocao/index"
	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/reader"
	"github.com/urfave/cli/v2"
)

// run runs the command line in-process and returns its output and exit status.
func run(t *testing.T, args ...string) (string, int) {
	t.Helper()
	app := newApp()
	var out, errs bytes.Buffer
	app.Writer, app.ErrWriter = &out, &errs
	code := 0
	app.ExitErrHandler = func(_ *cli.Context, err error) {
		if ec, ok := err.(cli.ExitCoder); ok {
			code = ec.ExitCode()
		} else if err != nil {
			code = 2
		}
	}
	if err := app.Run(append([]string{"baocao"}, args...)); err != nil && code == 0 {
		code = 2
	}
	if code > 1 {
		t.Logf("%v: exit %d\n%s%s", args, code, out.String(), errs.String())
	}
	return out.String(), code
}

func TestCLIGenIngestSearch(t *testing.T) {
	dir := t.TempDir()
	src, data := filepath.Join(dir, "gen"), filepath.Join(dir, "data")
	if out, code := run(t, "gen", "--n", "60", "--seed", "3", "--out", src); code != 0 || !strings.Contains(out, "wrote 60 documents") {
		t.Fatalf("gen: %d %q", code, out)
	}
	out, code := run(t, "ingest", "--data", data, src)
	if code != 0 || !strings.Contains(out, "60 new") || !strings.Contains(out, "corpus: 60 documents") {
		t.Fatalf("ingest: %d %q", code, out)
	}
	if out, _ := run(t, "ingest", "--data", data, src); !strings.Contains(out, "60 unchanged") {
		t.Errorf("second ingest: %q", out)
	}
	// the JSON of a search is one Result
	out, code = run(t, "search", "--data", data, "--format", "json", "--limit", "5", "ke hoach")
	var res index.Result
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || res.Total == 0 || len(res.Hits) > 5 {
		t.Fatalf("search json: %d %.200q", code, out)
	}
	out, _ = run(t, "stats", "--data", data)
	if !strings.Contains(out, "documents    60") || !strings.Contains(out, "by type:") {
		t.Errorf("stats: %q", out)
	}
	// show and cites by the number of a generated document that others cite
	recs, _ := gen.Write(filepath.Join(dir, "again"), gen.Options{N: 60, Seed: 3})
	cited := ""
	for _, r := range recs {
		for _, ref := range r.References {
			if strings.Contains(ref.ID, "/") && ref.Issuer != "" && ref.Date != "" && strings.HasSuffix(ref.ID, "UBND") {
				cited = ref.ID
			}
		}
	}
	if cited == "" {
		t.Fatal("no citation of a generated document")
	}
	if out, code := run(t, "show", "--data", data, strings.ToLower(cited)); code != 0 || !strings.Contains(out, "references") {
		t.Errorf("show %s: exit %d: %.300q", cited, code, out)
	}
	if out, code := run(t, "cites", "--data", data, cited); code != 0 || !strings.Contains(out, "is in the corpus") {
		t.Errorf("cites %s: exit %d: %.300q", cited, code, out)
	}
	if _, code := run(t, "show", "--data", data, "99999/XYZ-ABC"); code != 1 {
		t.Errorf("show of an unknown number: exit %d, want 1", code)
	}
	// flags after the query are refused rather than searched for
	if _, code := run(t, "search", "--data", data, "kế hoạch", "--limit", "3"); code != 2 {
		t.Errorf("flag after the query: exit %d, want 2", code)
	}
	if _, code := run(t, "search", "--data", data, "--from", "hôm qua"); code != 2 {
		t.Errorf("bad date: exit %d, want 2", code)
	}
}

func TestCLIIngestSamples(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	out, code := run(t, "ingest", "--data", data)
	if code != 0 {
		t.Fatalf("ingest of the samples: exit %d: %s", code, out)
	}
	n := 0
	fs.WalkDir(corpus.Samples(), ".", func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && reader.Supported(d.Name()) {
			n++
		}
		return nil
	})
	if n == 0 || !strings.Contains(out, fmt.Sprintf("%d new", n)) || !strings.Contains(out, fmt.Sprintf("corpus: %d documents", n)) {
		t.Errorf("%d sample files; summary %q", n, out)
	}
	if out, _ := run(t, "ingest", "--data", data); !strings.Contains(out, fmt.Sprintf("%d unchanged", n)) {
		t.Errorf("the samples ingested again must be unchanged: %q", out)
	}
}

func TestCLIInUse(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	c, err := corpus.Open(t.Context(), data, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, code := run(t, "stats", "--data", data); code != 3 {
		t.Errorf("stats on a folder in use: exit %d, want 3", code)
	}
}

// seedData ingests the seed report (as text, DOCX and PDF) with the real pipeline into a
// fresh data folder. The real documents are left out: their scans are OCRed, which
// takes a minute on two cores, and none of these checks needs them.
func seedData(t *testing.T) string {
	t.Helper()
	dir := testutil.Shared(t, "corpus/seed")
	data := filepath.Join(t.TempDir(), "data")
	out, code := run(t, "ingest", "--data", data, dir)
	if code > 1 {
		t.Fatalf("ingest %s: exit %d\n%s", dir, code, out)
	}
	t.Logf("%s", out)
	out, _ = run(t, "show", "--data", data, "--format", "json", filepath.Join(dir, "thuy-hung-bc-thi-dua-6-thang-2023.txt"))
	var rec struct {
		References []json.RawMessage `json:"references"`
	}
	json.Unmarshal([]byte(out), &rec)
	if len(rec.References) == 0 {
		t.Skip("the seed's record has no references yet: extraction has not landed; these tests wait for it")
	}
	return data
}

func TestSharedSeed(t *testing.T) {
	data := seedData(t)
	seed := "thuy-hung-bc-thi-dua-6-thang-2023"
	t.Run("number in every spelling finds the seed", func(t *testing.T) {
		for _, q := range []string{"08/KH-UBND", "8/kh-ubnd", "08/KH – UBND", "KH-UBND 08"} {
			out, _ := run(t, "search", "--data", data, "--format", "json", "--limit", "50", q)
			if !strings.Contains(out, seed) {
				t.Errorf("search %q does not find the seed", q)
			}
		}
	})
	t.Run("folded finds what exact finds, exact first", func(t *testing.T) {
		var exact, folded index.Result
		out, _ := run(t, "search", "--data", data, "--format", "json", "--limit", "100", "kế hoạch thi đua")
		json.Unmarshal([]byte(out), &exact)
		out, _ = run(t, "search", "--data", data, "--format", "json", "--limit", "100", "ke hoach thi dua")
		json.Unmarshal([]byte(out), &folded)
		a, b := hitSHAs(exact), hitSHAs(folded)
		if len(a) == 0 || strings.Join(sorted(a), ",") != strings.Join(sorted(b), ",") {
			t.Errorf("with diacritics %d hits, without %d: different sets", len(a), len(b))
		}
	})
	t.Run("cites 91/2017/NĐ-CP finds the seed", func(t *testing.T) {
		out, code := run(t, "cites", "--data", data, "--format", "json", "91/2017/NĐ-CP")
		if code != 0 || !strings.Contains(out, seed) {
			t.Errorf("cites: exit %d, seed not among the citers", code)
		}
	})
	t.Run("the nine plans of March 2023 the seed cites", func(t *testing.T) {
		out, _ := run(t, "search", "--data", data, "--format", "json", "--limit", "100",
			"--refs", "--type", "KH", "--from", "2023-03-01", "--to", "2023-03-31")
		var res index.Result
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		want := []string{"113/KH-UBND", "173/KH-UBND", "200/KH-UBND", "204/KH-UBND", "214/KH-UBND",
			"217/KH-UBND", "226/KH-UBND", "233/KH-UBND", "261/KH-UBND"}
		var got []string
		for _, h := range res.Hits {
			got = append(got, index.NormalizeNumber(h.Number))
			for _, c := range h.Citations {
				if len(c.Sentences) == 0 {
					t.Errorf("%s: a citation without its sentence", h.Number)
				}
			}
		}
		var keys []string
		for _, w := range want {
			keys = append(keys, index.NormalizeNumber(w))
		}
		if strings.Join(sorted(got), ",") != strings.Join(sorted(keys), ",") {
			t.Errorf("got %v, want %v", got, want)
		}
	})
}

func hitSHAs(r index.Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.SHA)
	}
	return out
}

func sorted(xs []string) []string {
	ys := append([]string(nil), xs...)
	sort.Strings(ys)
	return ys
}
