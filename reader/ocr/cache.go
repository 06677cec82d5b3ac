package ocr

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/baocao/baocao/reader"
)

// cacheVersion changes when the cached form or the way pages are recognized changes,
// so old entries are not taken for new ones.
const cacheVersion = "ocr2"

// DefaultCacheDir is the per-user cache folder for OCR results
// ($XDG_CACHE_HOME/baocao/ocr, ~/.cache/baocao/ocr), or "" when the system has none.
func DefaultCacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil || d == "" {
		return ""
	}
	return filepath.Join(d, "baocao", "ocr")
}

// cache keeps recognized pages as JSON files named by the hash of the page image and of
// everything that changes the result (language, page segmentation, Tesseract version).
type cache struct {
	dir string // "" = no cache
}

type cacheEntry struct {
	Version string          `json:"version"`
	Key     string          `json:"key"`
	Page    *reader.OCRPage `json:"page"`
}

func (c *cache) path(key string) string {
	sum := sha256.Sum256([]byte(key))
	h := hex.EncodeToString(sum[:])
	return filepath.Join(c.dir, h[:2], h+".json")
}

// get returns the cached page for key, or nil. A damaged entry is a miss.
func (c *cache) get(key string) *reader.OCRPage {
	if c.dir == "" {
		return nil
	}
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil
	}
	var e cacheEntry
	if json.Unmarshal(data, &e) != nil || e.Version != cacheVersion || e.Key != key || e.Page == nil {
		return nil
	}
	return e.Page
}

// put stores a page. It writes a temporary file and renames it, so a reader running at
// the same time (another process ingesting the same folder) never sees half an entry.
// Failing to write only loses the cache.
func (c *cache) put(key string, pg *reader.OCRPage) error {
	if c.dir == "" {
		return nil
	}
	p := c.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	data, err := json.Marshal(cacheEntry{Version: cacheVersion, Key: key, Page: pg})
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr != nil || cerr != nil {
		os.Remove(f.Name())
		if werr != nil {
			return werr
		}
		return cerr
	}
	if err := os.Rename(f.Name(), p); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}

// imageKey is the hash of an image's bytes.
func imageKey(data []byte) string {
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:])
}
