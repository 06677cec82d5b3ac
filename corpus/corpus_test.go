package corpus

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/corpus/gen"
	"github.com/baocao/baocao/index"
	"github.com/baocao/baocao/internal/pipeline"
	"github.com/baocao/baocao/reader"
)

// truth is a ProcessFunc that returns the generator's ground-truth record for a
// generated file (so these tests do not depend on extraction) and fails like a reader
// on anything else it does not know.
func truth(recs []*baocao.Record) ProcessFunc {
	bySHA := map[string]*baocao.Record{}
	for _, r := range recs {
		bySHA[r.Source.SHA256] = r
	}
	return func(ctx context.Context, path string, _ pipeline.Options) (*baocao.Record, *baocao.Document, error) {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, nil, &reader.Error{Path: path, Err: err}
		}
		if len(strings.TrimSpace(string(data))) == 0 {
			return nil, nil, &reader.Error{Path: path, Format: "txt", Err: reader.ErrEmpty}
		}
		sum := sha256.Sum256(data)
		sha := hex.EncodeToString(sum[:])
		rec := bySHA[sha]
		if rec == nil { // an edited file: a record of its text alone
			rec = &baocao.Record{Schema: baocao.Schema, Text: strings.TrimSpace(string(data)),
				Source: baocao.Source{Format: "txt"}}
		}
		cp := *rec
		cp.Source.SHA256 = sha
		cp.Source.Path = path
		doc := &baocao.Document{Source: cp.Source, Text: cp.Text,
			Blocks: []baocao.Block{{Kind: baocao.Paragraph, Span: baocao.Span{End: len(cp.Text)}}}}
		return &cp, doc, nil
	}
}

// isTxt stands for the text reader's extensions: these tests do not link the readers.
func isTxt(p string) bool { return strings.HasSuffix(p, ".txt") }

func genCorpus(t testing.TB, n int, seed uint64) (string, []*baocao.Record) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "src")
	recs, err := gen.Write(dir, gen.Options{N: n, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return dir, recs
}

func openT(t testing.TB, dir string) *Corpus {
	t.Helper()
	c, err := Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// consistent checks that the manifest, the record files and the index agree.
func consistent(t *testing.T, c *Corpus, wantDocs int) {
	t.Helper()
	ctx := context.Background()
	st, err := c.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != wantDocs {
		t.Errorf("manifest has %d documents, want %d", st.Documents, wantDocs)
	}
	if int(st.IndexedDocuments) != st.Documents {
		t.Errorf("index has %d documents, manifest %d", st.IndexedDocuments, st.Documents)
	}
	files := 0
	filepath.WalkDir(filepath.Join(c.Dir(), recordsDir), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if strings.HasPrefix(d.Name(), ".tmp-") {
				t.Errorf("temporary file left: %s", p)
			}
			files++
		}
		return nil
	})
	if files != st.Documents {
		t.Errorf("%d record files, %d documents", files, st.Documents)
	}
	wantRefs := 0
	shas, err := c.Index().SHAs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for sha := range shas {
		rec, err := c.Record(sha)
		if err != nil {
			t.Errorf("indexed %s has no record: %v", sha, err)
			continue
		}
		wantRefs += index.RefCount(rec)
	}
	if int(st.IndexedReferences) != wantRefs {
		t.Errorf("index has %d reference entries, records give %d", st.IndexedReferences, wantRefs)
	}
}

func TestIngestIncremental(t *testing.T) {
	ctx := context.Background()
	src, recs := genCorpus(t, 40, 7)
	data := filepath.Join(t.TempDir(), "data")
	c := openT(t, data)
	defer c.Close()
	opts := IngestOptions{Process: truth(recs), Match: isTxt, BatchDocs: 8}

	wantRefs := 0
	for _, r := range recs {
		wantRefs += len(r.References)
	}
	steps := []struct {
		name   string
		change func(t *testing.T)
		prune  bool
		want   Summary
		docs   int
	}{
		{name: "fresh", want: Summary{Files: 40, New: 40, References: wantRefs}, docs: 40},
		{name: "again: all unchanged", want: Summary{Files: 40, Unchanged: 40}, docs: 40},
		{name: "one file edited: replaced", change: func(t *testing.T) {
			p := recs[3].Source.Path
			b, _ := os.ReadFile(p)
			os.WriteFile(p, append(b, []byte("Bổ sung một dòng.\n")...), 0o644)
		}, want: Summary{Files: 40, Changed: 1, Unchanged: 39}, docs: 40},
		{name: "a copy under a second name: stored once", change: func(t *testing.T) {
			b, _ := os.ReadFile(recs[5].Source.Path)
			os.WriteFile(filepath.Join(src, "copy-of-5.txt"), b, 0o644)
		}, want: Summary{Files: 41, Duplicates: 1, Unchanged: 40}, docs: 40},
		{name: "a file deleted, no prune: kept", change: func(t *testing.T) {
			os.Remove(recs[9].Source.Path)
		}, want: Summary{Files: 40, Unchanged: 40}, docs: 40},
		{name: "prune removes it", prune: true, want: Summary{Files: 40, Unchanged: 40, Removed: 1}, docs: 39},
		{name: "prune of one of two paths keeps the content", prune: true, change: func(t *testing.T) {
			os.Remove(filepath.Join(src, "copy-of-5.txt"))
		}, want: Summary{Files: 39, Unchanged: 39, Removed: 1}, docs: 39},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			if s.change != nil {
				s.change(t)
			}
			o := opts
			o.Prune = s.prune
			got, err := c.Ingest(ctx, []string{src}, o)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Failures) > 0 {
				t.Fatalf("failures: %+v", got.Failures)
			}
			g, w := *got, s.want
			for _, x := range []*Summary{&g, &w} {
				x.Failures, x.Duration, x.Corpus, x.Findings, x.Pages, x.TextBytes = nil, 0, Stats{}, 0, 0, 0
			}
			if g.References != w.References && w.References != 0 {
				t.Errorf("references %d, want %d", g.References, w.References)
			}
			g.References, w.References = 0, 0
			if !reflect.DeepEqual(g, w) {
				t.Errorf("got  %+v\nwant %+v", g, w)
			}
			consistent(t, c, s.docs)
		})
	}
	// after the copy step and before its prune, the content of 5 had both paths
	recs5, err := c.Lookup(ctx, recs[5].Source.Path)
	if err != nil || len(recs5) != 1 {
		t.Fatalf("lookup by path: %v %d", err, len(recs5))
	}
	if len(recs5[0].Source.Paths) != 0 {
		t.Errorf("after pruning the copy, paths %v remain", recs5[0].Source.Paths)
	}
}

func TestDuplicatePathsListed(t *testing.T) {
	ctx := context.Background()
	src, recs := genCorpus(t, 5, 11)
	b, _ := os.ReadFile(recs[2].Source.Path)
	os.MkdirAll(filepath.Join(src, "sub"), 0o755)
	other := filepath.Join(src, "sub", "same.txt")
	os.WriteFile(other, b, 0o644)
	c := openT(t, filepath.Join(t.TempDir(), "data"))
	defer c.Close()
	sum, err := c.Ingest(ctx, []string{src}, IngestOptions{Process: truth(recs), Match: isTxt})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 5 || sum.Duplicates != 1 {
		t.Fatalf("new %d duplicates %d, want 5 and 1", sum.New, sum.Duplicates)
	}
	got, err := c.Lookup(ctx, recs[2].Source.SHA256[:10])
	if err != nil || len(got) != 1 {
		t.Fatalf("lookup by sha prefix: %v (%d records)", err, len(got))
	}
	all := append([]string{got[0].Source.Path}, got[0].Source.Paths...)
	if len(all) != 2 || !containsStr(all, other) || !containsStr(all, recs[2].Source.Path) {
		t.Errorf("paths %v, want both %s and %s", all, recs[2].Source.Path, other)
	}
	// the stored record says the same as the manifest
	rec, _ := c.Record(recs[2].Source.SHA256)
	if len(rec.Source.Paths) != 1 {
		t.Errorf("stored record lists %v besides %s", rec.Source.Paths, rec.Source.Path)
	}
	consistent(t, c, 5)
}

func TestFailuresReported(t *testing.T) {
	ctx := context.Background()
	src, recs := genCorpus(t, 6, 5)
	os.WriteFile(filepath.Join(src, "empty.txt"), []byte("  \n"), 0o644)
	c := openT(t, filepath.Join(t.TempDir(), "data"))
	defer c.Close()
	sum, err := c.Ingest(ctx, []string{src, filepath.Join(src, "missing.txt")}, IngestOptions{Process: truth(recs), Match: isTxt})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 6 {
		t.Errorf("new %d, want 6: one bad file must not stop the batch", sum.New)
	}
	if len(sum.Failures) != 2 {
		t.Fatalf("failures %+v, want the empty and the missing file", sum.Failures)
	}
	for _, f := range sum.Failures {
		if f.Path == "" || f.Cause == "" {
			t.Errorf("failure without path or cause: %+v", f)
		}
	}
	if !strings.Contains(sum.Failures[0].Cause, "empty") {
		t.Errorf("cause %q should say the file is empty", sum.Failures[0].Cause)
	}
	// a failed file with unchanged content is reported again without being read again
	calls := 0
	p := truth(recs)
	again, err := c.Ingest(ctx, []string{src}, IngestOptions{Match: isTxt, Process: func(ctx context.Context, path string, o pipeline.Options) (*baocao.Record, *baocao.Document, error) {
		calls++
		return p(ctx, path, o)
	}})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 0 || len(again.Failures) != 1 || again.Unchanged != 6 {
		t.Errorf("second run: %d reads, %d failures, %d unchanged; want 0, 1, 6", calls, len(again.Failures), again.Unchanged)
	}
	if st, _ := c.Stats(ctx); st.Failed != 1 {
		t.Errorf("stats: %d failed files, want 1", st.Failed)
	}
}

func TestInUse(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	c := openT(t, dir)
	defer c.Close()
	start := time.Now()
	_, err := Open(context.Background(), dir, Options{Timeout: 5 * time.Second})
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second open: %v, want ErrInUse", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("second open took %v: it must fail at once, not wait", d)
	}
	if !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "pid") {
		t.Errorf("message %q should name the folder and the pid holding it", err)
	}
	c.Close()
	c2, err := Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatalf("open after close: %v", err)
	}
	c2.Close()
}

func TestReindex(t *testing.T) {
	ctx := context.Background()
	src, recs := genCorpus(t, 30, 9)
	c := openT(t, filepath.Join(t.TempDir(), "data"))
	defer c.Close()
	if _, err := c.Ingest(ctx, []string{src}, IngestOptions{Process: truth(recs), Match: isTxt}); err != nil {
		t.Fatal(err)
	}
	before, _ := c.Stats(ctx)
	n, err := c.Reindex(ctx, nil)
	if err != nil || n != 30 {
		t.Fatalf("reindex: %d, %v", n, err)
	}
	after, _ := c.Stats(ctx)
	if after.IndexedDocuments != before.IndexedDocuments || after.IndexedReferences != before.IndexedReferences {
		t.Errorf("after reindex %d docs/%d refs, before %d/%d", after.IndexedDocuments, after.IndexedReferences,
			before.IndexedDocuments, before.IndexedReferences)
	}
	consistent(t, c, 30)
}

func TestStatsCounts(t *testing.T) {
	ctx := context.Background()
	src, recs := genCorpus(t, 60, 21)
	c := openT(t, filepath.Join(t.TempDir(), "data"))
	defer c.Close()
	if _, err := c.Ingest(ctx, []string{src}, IngestOptions{Process: truth(recs), Match: isTxt}); err != nil {
		t.Fatal(err)
	}
	st, err := c.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]int{}
	refs, finds := 0, 0
	for _, r := range recs {
		types[orNone(string(r.Document.Type))]++
		refs += len(r.References)
		finds += len(r.Findings)
	}
	for _, tc := range st.ByType {
		if types[tc.Key] != tc.Count {
			t.Errorf("type %s: %d, want %d", tc.Key, tc.Count, types[tc.Key])
		}
	}
	if st.References != refs || st.Findings != finds {
		t.Errorf("references %d findings %d, want %d %d", st.References, st.Findings, refs, finds)
	}
	if b, _ := json.Marshal(st); !strings.Contains(string(b), `"by_year"`) {
		t.Errorf("stats JSON lacks by_year: %s", b)
	}
}

func TestIngestCancelled(t *testing.T) {
	src, recs := genCorpus(t, 50, 17)
	c := openT(t, filepath.Join(t.TempDir(), "data"))
	defer c.Close()
	ctx, cancel := context.WithCancel(context.Background())
	sum, err := c.Ingest(ctx, []string{src}, IngestOptions{Process: truth(recs), Match: isTxt, BatchDocs: 5,
		OnCommit: func(int) { cancel() }})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled run: %v, want context.Canceled", err)
	}
	if len(sum.Failures) != 0 {
		t.Errorf("a cancelled run reports %d failures: files not read are not failures", len(sum.Failures))
	}
	if !c.dirty() {
		t.Error("a cancelled run must leave the folder marked for recovery")
	}
	again, err := c.Ingest(context.Background(), []string{src}, IngestOptions{Process: truth(recs), Match: isTxt})
	if err != nil || again.New+again.Unchanged != 50 || again.Unchanged == 0 {
		t.Fatalf("resume: %+v, %v", again, err)
	}
	consistent(t, c, 50)
}
