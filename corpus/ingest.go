package corpus

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/index"
	"github.com/baocao/baocao/internal/pipeline"
	"github.com/baocao/baocao/reader"
	bolt "go.etcd.io/bbolt"
)

// ProcessFunc turns one file into its record and document model. The default is
// pipeline.Process; tests give records they know.
type ProcessFunc func(ctx context.Context, path string, opts pipeline.Options) (*baocao.Record, *baocao.Document, error)

// IngestOptions configure Ingest.
type IngestOptions struct {
	Data     string           // data folder (default DefaultDir)
	Pipeline pipeline.Options // how files are read
	Process  ProcessFunc      // default pipeline.Process
	// Match says which files found in folders are read (default reader.Supported:
	// the extensions of the registered readers). Files named directly are always read.
	Match   func(path string) bool
	Workers int // files processed at once (default GOMAXPROCS)
	// BatchDocs and BatchBytes bound a commit: records are acknowledged (indexed and
	// written to the manifest) in batches of at most this many documents or this much
	// text (defaults 128 and 16 MiB). BatchDelay commits a partial batch when results
	// are slow to come (default 2s).
	BatchDocs  int
	BatchBytes int
	BatchDelay time.Duration
	Prune      bool // remove stored paths under the given folders that are gone
	Retry      bool // process again files that failed before with the same content
	// Progress receives a progress bar (Terminal) or plain progress lines; nil: none.
	Progress io.Writer
	Terminal bool
	// OnCommit is called after each commit with the number of files handled so far
	// (acknowledged or failed).
	OnCommit func(done int)
}

func (o *IngestOptions) setDefaults() {
	if o.Process == nil {
		o.Process = pipeline.Process
	}
	if o.Match == nil {
		o.Match = reader.Supported
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.BatchDocs <= 0 {
		o.BatchDocs = 128
	}
	if o.BatchBytes <= 0 {
		o.BatchBytes = 16 << 20
	}
	if o.BatchDelay <= 0 {
		o.BatchDelay = 2 * time.Second
	}
}

// Failure is a file that could not be ingested.
type Failure struct {
	Path  string `json:"path"`
	Cause string `json:"cause"`
	Err   error  `json:"-"`
}

// Summary is what an ingest run did.
type Summary struct {
	Files      int           `json:"files"`      // supported files found
	New        int           `json:"new"`        // new contents stored
	Changed    int           `json:"changed"`    // paths whose content changed (replaced)
	Unchanged  int           `json:"unchanged"`  // skipped: same path, same content
	Duplicates int           `json:"duplicates"` // paths whose content was already stored under another path
	Removed    int           `json:"removed"`    // paths pruned because their file is gone
	Failures   []Failure     `json:"failures"`
	References int           `json:"references"` // references in the new records
	Findings   int           `json:"findings"`   // findings in the new records
	Pages      int           `json:"pages"`      // pages of the new records (estimated for text)
	TextBytes  int64         `json:"text_bytes"`
	Duration   time.Duration `json:"duration_ns"`
	Corpus     Stats         `json:"corpus"` // the corpus after the run
}

// Ingest opens the data folder opts.Data, ingests paths and closes it.
func Ingest(ctx context.Context, paths []string, opts IngestOptions) (*Summary, error) {
	dir := opts.Data
	if dir == "" {
		var err error
		if dir, err = DefaultDir(); err != nil {
			return nil, err
		}
	}
	c, err := Open(ctx, dir, Options{})
	if err != nil {
		return nil, err
	}
	sum, err := c.Ingest(ctx, paths, opts)
	if cerr := c.Close(); err == nil && cerr != nil {
		err = cerr
	}
	return sum, err
}

// PageBytes is the text of one page, for estimating the pages of formats that have
// none (plain text): about one A4 page of 13 pt Times New Roman.
const PageBytes = 3000

// Pages returns the pages of a record: the source's, or an estimate from its text.
func Pages(rec *baocao.Record) int {
	if rec.Source.Pages > 0 {
		return rec.Source.Pages
	}
	return max(1, (len(rec.Text)+PageBytes-1)/PageBytes)
}

type outcome int

const (
	oNew outcome = iota
	oUnchanged
	oDuplicate // content already stored: only a path to add
	oFailed
	oFailedBefore
)

type result struct {
	path  string
	sha   string
	size  int64
	mtime int64
	kind  outcome
	rec   *baocao.Record
	err   error
	cause string
}

// Ingest reads every supported file under paths (folders recursively; a file named
// directly is read whatever its extension), stores its record and indexes it. Files
// are known by content: unchanged ones are skipped, changed ones replaced, the same
// content under several paths is stored once. A file that fails is reported in the
// summary and the run goes on. When ctx is cancelled the run stops after the batch
// in progress; what was acknowledged stays, the next run does the rest.
func (c *Corpus) Ingest(ctx context.Context, paths []string, opts IngestOptions) (*Summary, error) {
	opts.setDefaults()
	start := time.Now()
	sum := &Summary{Failures: []Failure{}}
	files, roots, walkErrs := c.walk(paths, opts.Match)
	sum.Files = len(files)
	for _, e := range walkErrs {
		sum.Failures = append(sum.Failures, e)
	}
	if err := c.setDirty(true); err != nil {
		return nil, fmt.Errorf("corpus: manifest: %w", err)
	}
	prog := newProgress(opts.Progress, opts.Terminal, len(files))

	jobs := make(chan string)
	results := make(chan result, opts.Workers) // bounded: at most a few records in flight
	var wg sync.WaitGroup
	for w := 0; w < opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				results <- c.handle(ctx, p, opts)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, f := range files {
			select {
			case jobs <- f:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	cm := &committer{c: c, opts: opts, sum: sum, prog: prog}
	err := cm.run(ctx, results)
	for range results { // drain after a commit error, so workers end
	}
	if err == nil && ctx.Err() == nil && opts.Prune {
		err = c.prune(ctx, roots, files, sum)
	}
	if changed := sum.New + sum.Changed + sum.Removed; err == nil && ctx.Err() == nil && changed > 0 {
		// a run that changed a tenth of the corpus or more (a first ingest) leaves the
		// index in one segment: smaller and faster; small increments do not pay for it
		if st, serr := c.Stats(ctx); serr == nil && changed*10 >= st.Documents {
			err = c.ix.Compact(ctx)
		}
	}
	if err == nil && ctx.Err() == nil {
		err = c.setDirty(false)
	}
	prog.finish()
	sort.Slice(sum.Failures, func(i, j int) bool { return sum.Failures[i].Path < sum.Failures[j].Path })
	sum.Duration = time.Since(start)
	if st, serr := c.Stats(ctx); serr == nil {
		sum.Corpus = *st
	}
	if err != nil {
		return sum, err
	}
	return sum, ctx.Err()
}

// walk lists the supported files under paths, sorted, and the absolute roots.
func (c *Corpus) walk(paths []string, match func(string) bool) (files, roots []string, errs []Failure) {
	seen := map[string]bool{}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			errs = append(errs, Failure{Path: p, Cause: err.Error(), Err: err})
			continue
		}
		st, err := os.Stat(abs)
		if err != nil {
			errs = append(errs, Failure{Path: p, Cause: err.Error(), Err: err})
			continue
		}
		roots = append(roots, abs)
		if !st.IsDir() {
			if !seen[abs] {
				seen[abs] = true
				files = append(files, abs)
			}
			continue
		}
		filepath.WalkDir(abs, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, Failure{Path: q, Cause: err.Error(), Err: err})
				return nil
			}
			if d.IsDir() {
				if q == c.dir && q != abs { // never ingest the data folder itself
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && match(q) && !seen[q] {
				seen[q] = true
				files = append(files, q)
			}
			return nil
		})
	}
	sort.Strings(files)
	return files, roots, errs
}

// hashFile returns the sha256 of a file without holding it in memory.
func hashFile(p string) (string, int64, int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", 0, 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", 0, 0, err
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", 0, 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), st.Size(), st.ModTime().UnixNano(), nil
}

// handle decides what a file needs and, for new content, runs the pipeline and
// writes the record files (not yet acknowledged: the committer does that).
func (c *Corpus) handle(ctx context.Context, p string, opts IngestOptions) result {
	r := result{path: p}
	if ctx.Err() != nil {
		r.kind, r.err = oFailed, ctx.Err()
		return r
	}
	sha, size, mtime, err := hashFile(p)
	if err != nil {
		r.kind, r.err = oFailed, &reader.Error{Path: p, Err: err}
		return r
	}
	r.sha, r.size, r.mtime = sha, size, mtime
	var known, stored bool
	var before failure
	var failedBefore bool
	c.db.View(func(tx *bolt.Tx) error {
		pe, ok := getJSON[pathEntry](tx.Bucket(bPaths), p)
		known = ok && pe.SHA == sha
		stored = tx.Bucket(bDocs).Get([]byte(sha)) != nil
		before, failedBefore = getJSON[failure](tx.Bucket(bFailed), p)
		return nil
	})
	switch {
	case known && stored:
		r.kind = oUnchanged
		return r
	case stored:
		r.kind = oDuplicate
		return r
	case failedBefore && before.SHA == sha && !opts.Retry:
		r.kind, r.cause = oFailedBefore, before.Cause
		return r
	}
	rec, doc, err := opts.Process(ctx, p, opts.Pipeline)
	if err != nil {
		r.kind, r.err = oFailed, err
		return r
	}
	if rec.Source.SHA256 != "" && rec.Source.SHA256 != sha {
		// the file changed between hashing and reading: keep what was read
		r.sha = rec.Source.SHA256
	}
	rec.Source.SHA256 = r.sha
	rec.Source.Path = p
	rec.Source.Paths = nil
	if rec.Source.Size == 0 {
		rec.Source.Size = size
	}
	if doc != nil {
		doc.Source = rec.Source
	}
	dirs := map[string]bool{}
	if err := c.store(rec, doc, dirs); err != nil {
		r.kind, r.err = oFailed, fmt.Errorf("%s: storing the record: %w", p, err)
		return r
	}
	r.kind, r.rec = oNew, rec
	return r
}

// committer acknowledges results in batches: index entries first, then the manifest
// (the commit point), then the removal of contents nothing refers to any more.
type committer struct {
	c     *Corpus
	opts  IngestOptions
	sum   *Summary
	prog  *progress
	batch []result
	bytes int
	done  int
}

func (cm *committer) run(ctx context.Context, results <-chan result) error {
	tick := time.NewTicker(cm.opts.BatchDelay)
	defer tick.Stop()
	for {
		select {
		case r, ok := <-results:
			if !ok {
				return cm.flush(ctx)
			}
			cm.batch = append(cm.batch, r)
			if r.rec != nil {
				cm.bytes += len(r.rec.Text)
			}
			if len(cm.batch) >= cm.opts.BatchDocs || cm.bytes >= cm.opts.BatchBytes {
				if err := cm.flush(ctx); err != nil {
					return err
				}
			}
		case <-tick.C:
			if err := cm.flush(ctx); err != nil {
				return err
			}
		}
	}
}

func (cm *committer) flush(ctx context.Context) error {
	if len(cm.batch) == 0 {
		return nil
	}
	c, sum := cm.c, cm.sum
	batch := cm.batch
	cm.batch, cm.bytes = nil, 0

	// what each content gains and loses in this batch
	newRecs := map[string]*baocao.Record{}
	var order []string
	for _, r := range batch {
		if r.kind == oNew {
			if _, dup := newRecs[r.sha]; !dup {
				newRecs[r.sha] = r.rec
				order = append(order, r.sha)
			}
		}
	}
	ib := c.ix.NewBatch()
	for _, sha := range order {
		if err := ib.Add(newRecs[sha]); err != nil {
			return fmt.Errorf("corpus: index: %w", err)
		}
	}
	if err := ib.Commit(); err != nil {
		return fmt.Errorf("corpus: index: %w", err)
	}
	dirs := map[string]bool{}
	for _, sha := range order {
		dirs[filepath.Dir(c.recordPath(sha))] = true
		dirs[filepath.Dir(c.docPath(sha))] = true
	}
	if err := syncDirs(dirs); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}

	var rewrite map[string][]string // contents whose path list changed: record to rewrite
	err := c.db.Update(func(tx *bolt.Tx) error {
		bp, bd, bf, bg := tx.Bucket(bPaths), tx.Bucket(bDocs), tx.Bucket(bFailed), tx.Bucket(bGC)
		metas := map[string]*docMeta{}
		meta := func(sha string) *docMeta {
			if m, ok := metas[sha]; ok {
				return m
			}
			if m, ok := getJSON[docMeta](bd, sha); ok {
				metas[sha] = &m
				return &m
			}
			if rec := newRecs[sha]; rec != nil {
				m := metaOf(rec)
				metas[sha] = &m
				return &m
			}
			return nil
		}
		origPaths := map[string][]string{}
		touch := func(sha string) *docMeta {
			m := meta(sha)
			if m != nil {
				if _, ok := origPaths[sha]; !ok {
					origPaths[sha] = append([]string(nil), m.Paths...)
				}
			}
			return m
		}
		for _, r := range batch {
			switch r.kind {
			case oUnchanged:
				sum.Unchanged++
				continue
			case oFailed, oFailedBefore:
				if ctx.Err() != nil && (errors.Is(r.err, context.Canceled) || errors.Is(r.err, context.DeadlineExceeded)) {
					continue // not a failure of the file: the run was stopped before it
				}
				cause := r.cause
				if r.err != nil {
					cause = causeOf(r.err)
				}
				sum.Failures = append(sum.Failures, Failure{Path: r.path, Cause: cause, Err: r.err})
				if r.sha != "" {
					if err := putJSON(bf, r.path, failure{SHA: r.sha, Cause: cause}); err != nil {
						return err
					}
				}
				continue
			}
			m := touch(r.sha)
			if m == nil {
				// stored when the worker looked, collected since: do it again next run
				sum.Failures = append(sum.Failures, Failure{Path: r.path, Cause: "content removed during the run; ingest again"})
				continue
			}
			fresh := len(m.Paths) == 0
			if old, ok := getJSON[pathEntry](bp, r.path); ok && old.SHA != r.sha {
				if om := touch(old.SHA); om != nil {
					om.Paths = remove(om.Paths, r.path)
				}
				sum.Changed++
			} else if fresh {
				sum.New++
			} else {
				sum.Duplicates++
			}
			if fresh && r.kind == oNew {
				rec := newRecs[r.sha]
				sum.References += len(rec.References)
				sum.Findings += len(rec.Findings)
				sum.Pages += Pages(rec)
				sum.TextBytes += int64(len(rec.Text))
			}
			if !containsStr(m.Paths, r.path) {
				m.Paths = append(m.Paths, r.path)
			}
			if err := putJSON(bp, r.path, pathEntry{SHA: r.sha, Size: r.size, MTime: r.mtime}); err != nil {
				return err
			}
			if err := bf.Delete([]byte(r.path)); err != nil {
				return err
			}
		}
		rewrite = map[string][]string{}
		for sha, m := range metas {
			if len(m.Paths) == 0 { // nothing refers to it any more: queue its removal
				if err := bd.Delete([]byte(sha)); err != nil {
					return err
				}
				if err := putJSON(bg, sha, m); err != nil {
					return err
				}
				continue
			}
			sort.Strings(m.Paths[1:]) // the first path stays the record's Source.Path
			if err := putJSON(bd, sha, m); err != nil {
				return err
			}
			if err := bg.Delete([]byte(sha)); err != nil {
				return err
			}
			if !equalStrs(origPaths[sha], m.Paths) && (newRecs[sha] == nil || len(m.Paths) > 1) {
				rewrite[sha] = m.Paths
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("corpus: manifest: %w", err)
	}
	// Paths in the records follow the manifest. A crash before this rewrite leaves a
	// record with an older path list; reindex and show read the manifest's.
	for sha, paths := range rewrite {
		if err := c.setPaths(sha, paths); err != nil {
			return err
		}
	}
	if err := c.collect(ctx); err != nil {
		return fmt.Errorf("corpus: removing replaced contents: %w", err)
	}
	cm.done += len(batch)
	cm.prog.add(len(batch))
	if cm.opts.OnCommit != nil {
		cm.opts.OnCommit(cm.done)
	}
	return nil
}

func metaOf(rec *baocao.Record) docMeta {
	m := docMeta{
		Number: index.DocNumber(rec.Document), Type: string(rec.Document.Type), Issuer: string(rec.Document.Issuer),
		Format: rec.Source.Format, Pages: Pages(rec), TextBytes: len(rec.Text), References: len(rec.References),
		Findings: len(rec.Findings), Added: time.Now().Unix(),
	}
	if d := rec.Document.Date; d != nil {
		m.Year = int(d.Year)
	}
	return m
}

// setPaths rewrites a stored record with its current paths: the first is Source.Path,
// the others Source.Paths.
func (c *Corpus) setPaths(sha string, paths []string) error {
	rec, err := c.Record(sha)
	if err != nil {
		return err
	}
	rec.Source.Path = paths[0]
	rec.Source.Paths = append([]string(nil), paths[1:]...)
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	if err := writeAtomic(c.recordPath(sha), data); err != nil {
		return fmt.Errorf("corpus: record %s: %w", sha, err)
	}
	return nil
}

// prune removes the stored paths under roots that this run did not find.
func (c *Corpus) prune(ctx context.Context, roots, found []string, sum *Summary) error {
	seen := map[string]bool{}
	for _, f := range found {
		seen[f] = true
	}
	under := func(p string) bool {
		for _, r := range roots {
			if p == r || strings.HasPrefix(p, r+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}
	var rewrite = map[string][]string{}
	err := c.db.Update(func(tx *bolt.Tx) error {
		bp, bd, bf, bg := tx.Bucket(bPaths), tx.Bucket(bDocs), tx.Bucket(bFailed), tx.Bucket(bGC)
		var drop []string
		bp.ForEach(func(k, _ []byte) error {
			if p := string(k); under(p) && !seen[p] {
				drop = append(drop, p)
			}
			return nil
		})
		var dropFailed []string
		bf.ForEach(func(k, _ []byte) error {
			if p := string(k); under(p) && !seen[p] {
				dropFailed = append(dropFailed, p)
			}
			return nil
		})
		for _, p := range dropFailed {
			if err := bf.Delete([]byte(p)); err != nil {
				return err
			}
		}
		for _, p := range drop {
			pe, _ := getJSON[pathEntry](bp, p)
			if err := bp.Delete([]byte(p)); err != nil {
				return err
			}
			sum.Removed++
			m, ok := getJSON[docMeta](bd, pe.SHA)
			if !ok {
				continue
			}
			m.Paths = remove(m.Paths, p)
			if len(m.Paths) == 0 {
				delete(rewrite, pe.SHA)
				if err := bd.Delete([]byte(pe.SHA)); err != nil {
					return err
				}
				if err := putJSON(bg, pe.SHA, m); err != nil {
					return err
				}
				continue
			}
			if err := putJSON(bd, pe.SHA, m); err != nil {
				return err
			}
			rewrite[pe.SHA] = m.Paths
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("corpus: manifest: %w", err)
	}
	for sha, paths := range rewrite {
		if err := c.setPaths(sha, paths); err != nil {
			return err
		}
	}
	return c.collect(ctx)
}

// causeOf is the failure message without the path (the report prints it beside).
func causeOf(err error) string {
	var re *reader.Error
	if errors.As(err, &re) {
		if re.Format != "" {
			return re.Format + ": " + re.Err.Error()
		}
		return re.Err.Error()
	}
	return err.Error()
}

func remove(xs []string, x string) []string {
	out := xs[:0]
	for _, y := range xs {
		if y != x {
			out = append(out, y)
		}
	}
	return out
}

func containsStr(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func equalStrs(a, b []string) bool {
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
