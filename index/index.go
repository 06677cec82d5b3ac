package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/baocao/baocao"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// ErrInUse is returned by Open when another process has the index open.
var ErrInUse = errors.New("index is in use by another process")

// Options configure Open.
type Options struct {
	// BoltTimeout bounds the wait for the index's lock file; a second process gets
	// ErrInUse after it instead of hanging (default 1s).
	BoltTimeout time.Duration
	// Record returns the stored record of a document, for snippets and citing
	// sentences (the index stores neither the text nor the sentences). Nil: hits come
	// without them.
	Record func(sha string) (*baocao.Record, error)
}

// Index is the search index of a corpus.
type Index struct {
	b    bleve.Index
	path string
	opts Options
}

// Open opens the index at path, creating it when the folder does not exist.
func Open(path string, opts Options) (*Index, error) {
	if opts.BoltTimeout <= 0 {
		opts.BoltTimeout = time.Second
	}
	cfg := map[string]interface{}{"bolt_timeout": opts.BoltTimeout.String()}
	var b bleve.Index
	var err error
	if _, serr := os.Stat(filepath.Join(path, "index_meta.json")); serr != nil {
		m, merr := newMapping()
		if merr != nil {
			return nil, fmt.Errorf("index: mapping: %w", merr)
		}
		b, err = bleve.NewUsing(path, m, "scorch", "scorch", cfg)
	} else {
		b, err = bleve.OpenUsing(path, cfg)
	}
	if err != nil {
		if errors.Is(err, bleve.ErrorIndexPathExists) {
			return nil, fmt.Errorf("index: %s: a folder is there but holds no index; remove it or run reindex", path)
		}
		if isTimeout(err) {
			return nil, fmt.Errorf("index: %s: %w", path, ErrInUse)
		}
		return nil, fmt.Errorf("index: open %s: %w (the index can be rebuilt with: baocao reindex)", path, err)
	}
	return &Index{b: b, path: path, opts: opts}, nil
}

func isTimeout(err error) bool {
	// bbolt reports its lock timeout as a plain error value
	for e := err; e != nil; e = errors.Unwrap(e) {
		if e.Error() == "timeout" {
			return true
		}
	}
	return false
}

// Close closes the index; calling it twice is safe.
func (ix *Index) Close() error {
	if ix == nil || ix.b == nil {
		return nil
	}
	err := ix.b.Close()
	ix.b = nil
	return err
}

// Path is the index folder.
func (ix *Index) Path() string { return ix.path }

// Batch collects changes applied together by Commit.
type Batch struct {
	ix   *Index
	b    *bleve.Batch
	docs int
}

// NewBatch starts a batch.
func (ix *Index) NewBatch() *Batch { return &Batch{ix: ix, b: ix.b.NewBatch()} }

// Add indexes a record: its document and each number it cites. Adding a record whose
// hash is already indexed replaces its entries; when the new record cites fewer
// numbers, Index.Remove it first.
func (b *Batch) Add(rec *baocao.Record) error {
	if rec.Source.SHA256 == "" {
		return fmt.Errorf("index: record of %s has no sha256", rec.Source.Path)
	}
	doc, refs := entries(rec)
	if err := b.b.Index(rec.Source.SHA256, doc); err != nil {
		return err
	}
	for i, r := range refs {
		if err := b.b.Index(refID(rec.Source.SHA256, i), r); err != nil {
			return err
		}
	}
	b.docs++
	return nil
}

// Len is the number of records added.
func (b *Batch) Len() int { return b.docs }

// Size is the number of index operations in the batch.
func (b *Batch) Size() int { return b.b.Size() }

// Commit applies the batch. When it returns nil the changes are durable (default,
// safe batches: DEPENDENCIES.md §bleve).
func (b *Batch) Commit() error {
	if b.b.Size() == 0 {
		return nil
	}
	err := b.ix.b.Batch(b.b)
	b.b.Reset()
	b.docs = 0
	return err
}

func refID(sha string, i int) string { return sha + "#" + strconv.Itoa(i) }

// RefCount is how many reference entries Add makes for rec.
func RefCount(rec *baocao.Record) int {
	_, refs := entries(rec)
	return len(refs)
}

// Remove deletes every entry of the documents with the given hashes, whatever was
// indexed for them (the entries are found by their sha field, so it does not matter
// which version of the record, or of this package, indexed them), in one commit.
func (ix *Index) Remove(ctx context.Context, shas ...string) error {
	b := ix.b.NewBatch()
	for _, sha := range shas {
		for from := 0; ; from += 10000 {
			req := bleve.NewSearchRequestOptions(termQ("sha", sha), 10000, from, false)
			req.Score = "none"
			res, err := ix.b.SearchInContext(ctx, req)
			if err != nil {
				return err
			}
			for _, h := range res.Hits {
				b.Delete(h.ID)
			}
			if len(res.Hits) < 10000 {
				break
			}
		}
	}
	if b.Size() == 0 {
		return nil
	}
	return ix.b.Batch(b)
}

// Counts returns how many documents and reference entries the index holds.
func (ix *Index) Counts(ctx context.Context) (docs, refs uint64, err error) {
	for _, k := range []string{KindDoc, KindRef} {
		req := bleve.NewSearchRequestOptions(termQ("kind", k), 0, 0, false)
		res, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return 0, 0, err
		}
		if k == KindDoc {
			docs = res.Total
		} else {
			refs = res.Total
		}
	}
	return docs, refs, nil
}

// SHAs returns the hash of every indexed document (for checks against the store).
func (ix *Index) SHAs(ctx context.Context) (map[string]bool, error) {
	out := map[string]bool{}
	const page = 5000
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(termQ("kind", KindDoc), page, from, false)
		req.SortBy([]string{"_id"})
		res, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			out[h.ID] = true
		}
		if len(res.Hits) < page {
			return out, nil
		}
	}
}

// Size returns the bytes the index takes on disk.
func (ix *Index) Size() (int64, error) {
	var n int64
	err := filepath.Walk(ix.path, func(_ string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n, err
}

// Compact merges the index's segments into one and drops deleted entries: the index
// is then as small and as fast to search as it gets. It rewrites the whole index, so
// it is for the end of a large run or a reindex, not for every batch.
func (ix *Index) Compact(ctx context.Context) error {
	adv, err := ix.b.Advanced()
	if err != nil {
		return err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	return s.ForceMerge(ctx, &mergeplan.SingleSegmentMergePlanOptions)
}
