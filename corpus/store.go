package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/index"
	bolt "go.etcd.io/bbolt"
)

// ErrInUse is returned by Open when another process works on the same data folder.
var ErrInUse = errors.New("data folder is in use by another baocao process")

// Layout of a data folder:
//
//	lock              flock'ed by the process that has the folder open
//	manifest.db       bbolt: path → content hash, hash → what is stored, pending removals
//	records/ab/<sha>.json   the extraction record of each content (the source of truth)
//	docs/ab/<sha>.json      its document model, without the text (the record has it)
//	index/            the bleve index, rebuildable from the records
//	samples/          the embedded sample corpus, written out for ingest
const (
	lockFile     = "lock"
	manifestFile = "manifest.db"
	recordsDir   = "records"
	docsDir      = "docs"
	indexDir     = "index"
)

// bbolt buckets of the manifest.
var (
	bPaths  = []byte("paths")  // absolute path → pathEntry
	bDocs   = []byte("docs")   // sha256 → docMeta
	bFailed = []byte("failed") // absolute path → failure
	bGC     = []byte("gc")     // sha256 → docMeta of content no path refers to any more
	bState  = []byte("state")  // "dirty" while a run that writes is in progress
	kDirty  = []byte("dirty")
)

type pathEntry struct {
	SHA   string `json:"sha256"`
	Size  int64  `json:"size"`
	MTime int64  `json:"mtime"`
}

// docMeta is what the manifest knows of one stored content: enough for stats and for
// removing it from the index without reading the record.
type docMeta struct {
	Paths      []string `json:"paths"`
	Number     string   `json:"number,omitempty"`
	Type       string   `json:"type,omitempty"`
	Year       int      `json:"year,omitempty"`
	Issuer     string   `json:"issuer,omitempty"`
	Format     string   `json:"format,omitempty"`
	Pages      int      `json:"pages"`
	TextBytes  int      `json:"text_bytes"`
	References int      `json:"references"`
	Findings   int      `json:"findings"`
	Added      int64    `json:"added"`
}

type failure struct {
	SHA   string `json:"sha256"`
	Cause string `json:"cause"`
}

// Options configure Open.
type Options struct {
	// Timeout bounds waiting for the index's own lock (bleve's bolt_timeout), a second
	// guard behind the data folder's lock file (default 1s).
	Timeout time.Duration
}

// Corpus is an open data folder: the store of records and the index built from them.
type Corpus struct {
	dir  string
	lock *os.File
	db   *bolt.DB
	ix   *index.Index
	opts Options
}

// DefaultDir is the per-user data folder: $XDG_DATA_HOME/baocao, else
// ~/.local/share/baocao.
func DefaultDir() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "baocao"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("corpus: no data folder: %w (give one with --data)", err)
	}
	return filepath.Join(home, ".local", "share", "baocao"), nil
}

// Open opens (creating when needed) the data folder dir. It fails at once with
// ErrInUse when another process has it open. When the last run that wrote to it did
// not finish (a crash, a kill), Open first brings the store and the index back into
// agreement: what the manifest acknowledges is kept, everything else is removed.
func Open(ctx context.Context, dir string, opts Options) (*Corpus, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = time.Second
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	c := &Corpus{dir: abs, opts: opts}
	if c.lock, err = lockDir(abs); err != nil {
		return nil, err
	}
	c.db, err = bolt.Open(filepath.Join(abs, manifestFile), 0o644, &bolt.Options{Timeout: opts.Timeout})
	if err != nil {
		c.Close()
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, fmt.Errorf("corpus: %s: %w", abs, ErrInUse)
		}
		return nil, fmt.Errorf("corpus: manifest %s: %w", filepath.Join(abs, manifestFile), err)
	}
	if err := c.db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bPaths, bDocs, bFailed, bGC, bState} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		c.Close()
		return nil, fmt.Errorf("corpus: manifest: %w", err)
	}
	if err := c.openIndex(); err != nil {
		c.Close()
		return nil, err
	}
	if c.dirty() {
		if err := c.recover(ctx); err != nil {
			c.Close()
			return nil, fmt.Errorf("corpus: recovering from an interrupted run: %w", err)
		}
	}
	return c, nil
}

func (c *Corpus) openIndex() error {
	ix, err := index.Open(filepath.Join(c.dir, indexDir), index.Options{BoltTimeout: c.opts.Timeout, Record: c.Record})
	if err != nil {
		if errors.Is(err, index.ErrInUse) {
			return fmt.Errorf("corpus: %s: %w", c.dir, ErrInUse)
		}
		return fmt.Errorf("corpus: %w", err)
	}
	c.ix = ix
	return nil
}

// lockDir takes the data folder's lock without waiting: a second process is told at
// once, with the pid of the one holding it.
func lockDir(dir string) (*os.File, error) {
	p := filepath.Join(dir, lockFile)
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		pid, _ := os.ReadFile(p)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			who := strings.TrimSpace(string(pid))
			if who != "" {
				who = " (pid " + who + ")"
			}
			return nil, fmt.Errorf("corpus: %s%s: %w", dir, who, ErrInUse)
		}
		return nil, fmt.Errorf("corpus: lock %s: %w", p, err)
	}
	f.Truncate(0)
	f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return f, nil
}

// Close releases the data folder; calling it twice is safe.
func (c *Corpus) Close() error {
	var errs []error
	if c.ix != nil {
		errs = append(errs, c.ix.Close())
		c.ix = nil
	}
	if c.db != nil {
		errs = append(errs, c.db.Close())
		c.db = nil
	}
	if c.lock != nil {
		c.lock.Truncate(0)
		errs = append(errs, c.lock.Close()) // closing drops the flock
		c.lock = nil
	}
	return errors.Join(errs...)
}

// Dir is the data folder.
func (c *Corpus) Dir() string { return c.dir }

// Index is the corpus's search index.
func (c *Corpus) Index() *index.Index { return c.ix }

func (c *Corpus) recordPath(sha string) string {
	return filepath.Join(c.dir, recordsDir, sha[:2], sha+".json")
}

func (c *Corpus) docPath(sha string) string {
	return filepath.Join(c.dir, docsDir, sha[:2], sha+".json")
}

// Record reads the stored record of a content hash.
func (c *Corpus) Record(sha string) (*baocao.Record, error) {
	if !isHex(sha) || len(sha) != 64 {
		return nil, fmt.Errorf("corpus: %q is not a sha256", sha)
	}
	data, err := os.ReadFile(c.recordPath(sha))
	if err != nil {
		return nil, fmt.Errorf("corpus: record %s: %w", sha, err)
	}
	var rec baocao.Record
	if err := json.Unmarshal(data, &rec); err != nil {
		return nil, fmt.Errorf("corpus: record %s: %w", c.recordPath(sha), err)
	}
	return &rec, nil
}

// Document reads the stored document model of a content hash, its text filled in from
// the record, so a renderer can lay the document out again.
func (c *Corpus) Document(sha string) (*baocao.Document, error) {
	rec, err := c.Record(sha)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(c.docPath(sha))
	if err != nil {
		return nil, fmt.Errorf("corpus: document %s: %w", sha, err)
	}
	var doc baocao.Document
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("corpus: document %s: %w", c.docPath(sha), err)
	}
	doc.Text = rec.Text
	return &doc, nil
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !(s[i] >= '0' && s[i] <= '9' || s[i] >= 'a' && s[i] <= 'f') {
			return false
		}
	}
	return s != ""
}

// writeAtomic writes data to path through a temporary file in the same folder: the
// file is either the old one or the complete new one, never a part. The folder is
// synced by the caller (syncDirs) before the write is acknowledged.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

func syncDirs(dirs map[string]bool) error {
	for d := range dirs {
		f, err := os.Open(d)
		if err != nil {
			return err
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// store writes a record and its document model (text left out: the record holds it).
func (c *Corpus) store(rec *baocao.Record, doc *baocao.Document, dirs map[string]bool) error {
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	if err := writeAtomic(c.recordPath(rec.Source.SHA256), data); err != nil {
		return err
	}
	dirs[filepath.Dir(c.recordPath(rec.Source.SHA256))] = true
	if doc != nil {
		d := *doc
		d.Text = ""
		data, err := json.Marshal(&d)
		if err != nil {
			return err
		}
		if err := writeAtomic(c.docPath(rec.Source.SHA256), data); err != nil {
			return err
		}
		dirs[filepath.Dir(c.docPath(rec.Source.SHA256))] = true
	}
	return nil
}

func (c *Corpus) unstore(sha string) error {
	var errs []error
	for _, p := range []string{c.recordPath(sha), c.docPath(sha)} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (c *Corpus) dirty() bool {
	d := false
	c.db.View(func(tx *bolt.Tx) error {
		d = tx.Bucket(bState).Get(kDirty) != nil
		return nil
	})
	return d
}

func (c *Corpus) setDirty(on bool) error {
	return c.db.Update(func(tx *bolt.Tx) error {
		if on {
			return tx.Bucket(bState).Put(kDirty, []byte(strconv.FormatInt(time.Now().Unix(), 10)))
		}
		return tx.Bucket(bState).Delete(kDirty)
	})
}

func getJSON[T any](b *bolt.Bucket, key string) (T, bool) {
	var v T
	data := b.Get([]byte(key))
	if data == nil {
		return v, false
	}
	if json.Unmarshal(data, &v) != nil {
		return v, false
	}
	return v, true
}

func putJSON(b *bolt.Bucket, key string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put([]byte(key), data)
}

// recover runs after an interrupted run. The manifest is the commit point: a content
// is acknowledged once its docs entry is committed, which happens only after its
// record files are synced and its index entries committed. So:
//   - record files no docs entry names are leftovers of uncommitted work: removed,
//     with whatever the index got of them;
//   - an acknowledged content missing from the index (an index that lost a batch) is
//     indexed again from its record;
//   - pending removals (gc) are finished.
func (c *Corpus) recover(ctx context.Context) error {
	known := map[string]docMeta{}
	if err := c.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bDocs).ForEach(func(k, v []byte) error {
			var m docMeta
			json.Unmarshal(v, &m)
			known[string(k)] = m
			return nil
		})
	}); err != nil {
		return err
	}
	for _, sub := range []string{recordsDir, docsDir} {
		root := filepath.Join(c.dir, sub)
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, os.ErrNotExist) {
					return nil
				}
				return err
			}
			if d.IsDir() {
				return nil
			}
			name := d.Name()
			if strings.HasPrefix(name, ".tmp-") {
				return os.Remove(p)
			}
			sha := strings.TrimSuffix(name, ".json")
			if _, ok := known[sha]; !ok {
				if err := c.ix.Remove(ctx, sha); err != nil {
					return err
				}
				return os.Remove(p)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	indexed, err := c.ix.SHAs(ctx)
	if err != nil {
		return err
	}
	for sha := range indexed {
		if _, ok := known[sha]; !ok {
			if err := c.ix.Remove(ctx, sha); err != nil {
				return err
			}
		}
	}
	b := c.ix.NewBatch()
	for sha := range known {
		if indexed[sha] {
			continue
		}
		rec, err := c.Record(sha)
		if err != nil {
			return fmt.Errorf("acknowledged content %s: %w", sha, err)
		}
		if err := b.Add(rec); err != nil {
			return err
		}
		if b.Len() >= 256 {
			if err := b.Commit(); err != nil {
				return err
			}
		}
	}
	if err := b.Commit(); err != nil {
		return err
	}
	if err := c.collect(ctx); err != nil {
		return err
	}
	return c.setDirty(false)
}

// collect removes the contents queued in gc: index entries, then files, then the
// queue entry, so an interruption at any step is finished by the next collect. The
// index entries are found by hash, so a record indexed by an older version of the
// index (with other reference entries) goes entirely too.
func (c *Corpus) collect(ctx context.Context) error {
	pending := map[string]docMeta{}
	c.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bGC).ForEach(func(k, v []byte) error {
			var m docMeta
			json.Unmarshal(v, &m)
			pending[string(k)] = m
			return nil
		})
	})
	if len(pending) == 0 {
		return nil
	}
	shas := make([]string, 0, len(pending))
	for sha := range pending {
		shas = append(shas, sha)
	}
	if err := c.ix.Remove(ctx, shas...); err != nil {
		return err
	}
	for sha := range pending {
		if err := c.unstore(sha); err != nil {
			return err
		}
	}
	return c.db.Update(func(tx *bolt.Tx) error {
		g := tx.Bucket(bGC)
		for sha := range pending {
			if err := g.Delete([]byte(sha)); err != nil {
				return err
			}
		}
		return nil
	})
}
