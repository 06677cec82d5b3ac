package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/index"
	bolt "go.etcd.io/bbolt"
)

// Stats summarizes a corpus.
type Stats struct {
	Documents  int     `json:"documents"` // stored contents
	Paths      int     `json:"paths"`     // paths they were found under
	References int     `json:"references"`
	Findings   int     `json:"findings"`
	Pages      int     `json:"pages"`
	TextBytes  int64   `json:"text_bytes"`
	Failed     int     `json:"failed"` // files that failed and were not read since
	ByType     []Count `json:"by_type"`
	ByYear     []Count `json:"by_year"`
	ByIssuer   []Count `json:"by_issuer"` // the most frequent issuers
	ByFormat   []Count `json:"by_format"`
	// what the index holds; equal to Documents when the index agrees with the store
	IndexedDocuments  uint64 `json:"indexed_documents"`
	IndexedReferences uint64 `json:"indexed_references"` // one per citing document and cited number
	IndexBytes        int64  `json:"index_bytes"`
}

// Count is a value and how many documents have it.
type Count struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// Stats reads the manifest (and the index's own counts).
func (c *Corpus) Stats(ctx context.Context) (*Stats, error) {
	st := &Stats{}
	types, years, issuers, formats := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	err := c.db.View(func(tx *bolt.Tx) error {
		st.Paths = tx.Bucket(bPaths).Stats().KeyN
		st.Failed = tx.Bucket(bFailed).Stats().KeyN
		return tx.Bucket(bDocs).ForEach(func(_, v []byte) error {
			var m docMeta
			if err := json.Unmarshal(v, &m); err != nil {
				return err
			}
			st.Documents++
			st.References += m.References
			st.Findings += m.Findings
			st.Pages += m.Pages
			st.TextBytes += int64(m.TextBytes)
			types[orNone(m.Type)]++
			y := "(none)"
			if m.Year > 0 {
				y = strconv.Itoa(m.Year)
			}
			years[y]++
			issuers[orNone(m.Issuer)]++
			formats[orNone(m.Format)]++
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("corpus: manifest: %w", err)
	}
	st.ByType = counts(types, 0, false)
	st.ByYear = counts(years, 0, true)
	st.ByIssuer = counts(issuers, 10, false)
	st.ByFormat = counts(formats, 0, false)
	if st.IndexedDocuments, st.IndexedReferences, err = c.ix.Counts(ctx); err != nil {
		return nil, err
	}
	st.IndexBytes, _ = c.ix.Size()
	return st, nil
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// counts sorts a tally by count (or by key, descending, for years) and keeps the top n.
func counts(m map[string]int, n int, byKey bool) []Count {
	out := make([]Count, 0, len(m))
	for k, v := range m {
		out = append(out, Count{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if byKey {
			return out[i].Key > out[j].Key
		}
		return out[i].Count > out[j].Count || out[i].Count == out[j].Count && out[i].Key < out[j].Key
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// Lookup finds stored records by a path, a sha256 prefix (at least 6 hex digits) or a
// document number in any spelling.
func (c *Corpus) Lookup(ctx context.Context, id string) ([]*baocao.Record, error) {
	var shas []string
	if abs, err := filepath.Abs(id); err == nil {
		if _, serr := os.Stat(abs); serr == nil {
			c.db.View(func(tx *bolt.Tx) error {
				if pe, ok := getJSON[pathEntry](tx.Bucket(bPaths), abs); ok {
					shas = append(shas, pe.SHA)
				}
				return nil
			})
			if len(shas) == 0 {
				return nil, fmt.Errorf("corpus: %s is not ingested (run: baocao ingest %s)", id, id)
			}
		}
	}
	if low := strings.ToLower(id); len(shas) == 0 && len(low) >= 6 && isHex(low) {
		c.db.View(func(tx *bolt.Tx) error {
			cur := tx.Bucket(bDocs).Cursor()
			for k, _ := cur.Seek([]byte(low)); k != nil && strings.HasPrefix(string(k), low); k, _ = cur.Next() {
				shas = append(shas, string(k))
			}
			return nil
		})
	}
	if len(shas) == 0 {
		if index.NormalizeNumber(id) == "" {
			return nil, fmt.Errorf("corpus: %q is neither an ingested path, a sha256 prefix nor a document number", id)
		}
		res, err := c.ix.Search(ctx, index.Query{Number: id, Limit: 50})
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			shas = append(shas, h.SHA)
		}
	}
	var out []*baocao.Record
	for _, sha := range shas {
		rec, err := c.Record(sha)
		if err != nil {
			return nil, err
		}
		c.fillPaths(rec)
		out = append(out, rec)
	}
	return out, nil
}

// fillPaths sets a record's paths from the manifest, which is authoritative for them.
func (c *Corpus) fillPaths(rec *baocao.Record) {
	c.db.View(func(tx *bolt.Tx) error {
		if m, ok := getJSON[docMeta](tx.Bucket(bDocs), rec.Source.SHA256); ok && len(m.Paths) > 0 {
			rec.Source.Path = m.Paths[0]
			rec.Source.Paths = append([]string(nil), m.Paths[1:]...)
		}
		return nil
	})
}

// Reindex rebuilds the index from the stored records: the index is thrown away and
// every acknowledged record indexed again. progress, when not nil, is called with the
// records done so far.
func (c *Corpus) Reindex(ctx context.Context, progress func(done, total int)) (int, error) {
	var shas []string
	if err := c.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bDocs).ForEach(func(k, _ []byte) error {
			shas = append(shas, string(k))
			return nil
		})
	}); err != nil {
		return 0, err
	}
	if err := c.setDirty(true); err != nil {
		return 0, err
	}
	if err := c.ix.Close(); err != nil {
		return 0, err
	}
	c.ix = nil
	dir := filepath.Join(c.dir, indexDir)
	old := dir + ".old"
	os.RemoveAll(old)
	if err := os.Rename(dir, old); err != nil && !errors.Is(err, os.ErrNotExist) {
		return 0, fmt.Errorf("corpus: %w", err)
	}
	if err := os.RemoveAll(old); err != nil {
		return 0, fmt.Errorf("corpus: %w", err)
	}
	if err := c.openIndex(); err != nil {
		return 0, err
	}
	b := c.ix.NewBatch()
	for i, sha := range shas {
		if err := ctx.Err(); err != nil {
			return i, err // still dirty: the next Open indexes the rest
		}
		rec, err := c.Record(sha)
		if err != nil {
			return i, err
		}
		c.fillPaths(rec)
		if err := b.Add(rec); err != nil {
			return i, err
		}
		if b.Len() >= 256 || i == len(shas)-1 {
			if err := b.Commit(); err != nil {
				return i, err
			}
			if progress != nil {
				progress(i+1, len(shas))
			}
		}
	}
	if err := c.ix.Compact(ctx); err != nil {
		return len(shas), err
	}
	return len(shas), c.setDirty(false)
}
