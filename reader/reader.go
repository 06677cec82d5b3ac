package reader

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/baocao/baocao"
)

// Reader reads one format.
type Reader interface {
	// Format is the format's short name, as in Source.Format: "pdf", "docx", "txt".
	Format() string
	// Sniff says how sure the reader is that data is its format, from the content alone:
	// 0 not at all, 1..49 plausible (text), 50..100 a magic number matched.
	Sniff(data []byte) int
	// Extensions lists the file name extensions of the format, lower case with the dot.
	Extensions() []string
	// Read parses in.Data. It must stop soon after ctx is done and must not keep
	// in.Data after returning.
	Read(ctx context.Context, in *Input) (*baocao.Document, error)
}

// Input is what a reader reads.
type Input struct {
	Name string // the path as given, for messages
	Data []byte
	Opts *Options
}

// Options bound and tune reading. The zero value is usable: SetDefaults fills it.
type Options struct {
	MaxSize     int64         // largest file read, in bytes (default 200 MiB)
	Timeout     time.Duration // per file (default 2 min; OCR of long scans may need more)
	MaxPages    int           // PDF pages read (default 5000)
	MaxUnzipped int64         // DOCX: total decompressed bytes allowed (default 512 MiB)
	Format      string        // force a format instead of sniffing ("" = sniff)
	Password    string        // PDF user password, if any

	// OCR reads scanned pages and image files. Nil means no OCR: such pages are
	// reported as having no text layer.
	OCR Recognizer
	// GarbageThreshold is the share of well-formed Vietnamese syllables below which a
	// page's text layer is judged garbage and re-read by OCR (default 0.5).
	GarbageThreshold float64
}

// SetDefaults fills zero fields with defaults.
func (o *Options) SetDefaults() {
	if o.MaxSize <= 0 {
		o.MaxSize = 200 << 20
	}
	if o.Timeout <= 0 {
		o.Timeout = 2 * time.Minute
	}
	if o.MaxPages <= 0 {
		o.MaxPages = 5000
	}
	if o.MaxUnzipped <= 0 {
		o.MaxUnzipped = 512 << 20
	}
	if o.GarbageThreshold <= 0 {
		o.GarbageThreshold = 0.5
	}
}

var (
	regMu   sync.RWMutex
	readers = map[string]Reader{}
)

// Register makes a reader available to Read. It is called from the init functions of
// the format packages; registering a format twice replaces the first.
func Register(r Reader) {
	regMu.Lock()
	defer regMu.Unlock()
	readers[r.Format()] = r
}

// Formats lists the registered formats, sorted.
func Formats() []string {
	regMu.RLock()
	defer regMu.RUnlock()
	var out []string
	for f := range readers {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// Lookup returns the reader of a format.
func Lookup(format string) (Reader, bool) {
	regMu.RLock()
	defer regMu.RUnlock()
	r, ok := readers[format]
	return r, ok
}

// Supported reports whether a file name has the extension of a registered format (used
// when walking folders).
func Supported(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	regMu.RLock()
	defer regMu.RUnlock()
	for _, r := range readers {
		for _, e := range r.Extensions() {
			if e == ext {
				return true
			}
		}
	}
	return false
}

// Detect picks the reader for data: the content decides first (the highest Sniff), the
// file name's extension breaks ties and decides for plain text. A file whose content
// contradicts its extension (a PDF named .docx) is read as what it is.
func Detect(data []byte, name string) (Reader, error) {
	if k := knownUnsupported(data); k == "encrypted" {
		return nil, Errorf(ErrEncrypted, "Office document protected by a password")
	} else if k != "" {
		return nil, Errorf(ErrUnsupported, "%s", k)
	}
	ext := strings.ToLower(filepath.Ext(name))
	regMu.RLock()
	defer regMu.RUnlock()
	var best Reader
	bestScore := 0
	for _, f := range sortedKeys(readers) {
		r := readers[f]
		s := r.Sniff(data)
		if s > 0 {
			for _, e := range r.Extensions() {
				if e == ext {
					s += 5 // the name agrees with the content
				}
			}
		}
		if s > bestScore {
			best, bestScore = r, s
		}
	}
	if best == nil {
		return nil, Errorf(ErrUnsupported, "unrecognized binary content")
	}
	return best, nil
}

func sortedKeys(m map[string]Reader) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// knownUnsupported names formats that look like documents but that no reader reads.
func knownUnsupported(data []byte) string {
	switch {
	case len(data) >= 8 && string(data[:8]) == "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1":
		// an encrypted DOCX is an OLE container holding an "EncryptedPackage" stream
		if bytes.Contains(data[:min(len(data), 1<<20)], utf16le("EncryptedPackage")) {
			return "encrypted"
		}
		return "legacy Word/Excel file (.doc/.xls): convert it first, e.g. libreoffice --headless --convert-to docx"
	case len(data) >= 5 && string(data[:5]) == "{\\rtf":
		return "RTF file: convert it first, e.g. libreoffice --headless --convert-to docx"
	}
	return ""
}

// ReadFile reads the file at path ("-" reads standard input) with opts.
func ReadFile(ctx context.Context, path string, opts Options) (*baocao.Document, error) {
	opts.SetDefaults()
	data, err := load(path, opts.MaxSize)
	if err != nil {
		return nil, &Error{Path: path, Err: err}
	}
	return Read(ctx, path, data, opts)
}

func load(path string, max int64) ([]byte, error) {
	var f io.ReadCloser
	if path == "-" {
		f = io.NopCloser(os.Stdin)
	} else {
		fh, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		st, err := fh.Stat()
		if err != nil {
			fh.Close()
			return nil, err
		}
		if st.IsDir() {
			fh.Close()
			return nil, fmt.Errorf("is a directory")
		}
		if st.Size() > max {
			fh.Close()
			return nil, Errorf(ErrTooLarge, "%d bytes, limit %d", st.Size(), max)
		}
		f = fh
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, Errorf(ErrTooLarge, "over the limit of %d bytes", max)
	}
	return data, nil
}

// Read reads data, named name for messages and format detection. Failures are *Error.
// A panic inside a reader becomes ErrPanic and a reader that overruns opts.Timeout
// becomes ErrTimeout; neither escapes.
func Read(ctx context.Context, name string, data []byte, opts Options) (*baocao.Document, error) {
	opts.SetDefaults()
	fail := func(format string, err error) (*baocao.Document, error) {
		return nil, &Error{Path: name, Format: format, Err: err}
	}
	if int64(len(data)) > opts.MaxSize {
		return fail("", Errorf(ErrTooLarge, "%d bytes, limit %d", len(data), opts.MaxSize))
	}
	if len(strings.TrimSpace(string(data[:min(len(data), 4096)]))) == 0 && len(strings.TrimSpace(string(data))) == 0 {
		return fail("", ErrEmpty)
	}
	var r Reader
	if opts.Format != "" {
		var ok bool
		if r, ok = Lookup(opts.Format); !ok {
			return fail(opts.Format, Errorf(ErrUnsupported, "no reader for format %q", opts.Format))
		}
	} else {
		var err error
		if r, err = Detect(data, name); err != nil {
			return fail("", err)
		}
	}
	sum := sha256.Sum256(data)
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()

	type result struct {
		doc *baocao.Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{err: Errorf(ErrPanic, "%v\n%s", p, firstFrames(debug.Stack()))}
			}
		}()
		doc, err := r.Read(ctx, &Input{Name: name, Data: data, Opts: &opts})
		done <- result{doc, err}
	}()
	var res result
	select {
	case res = <-done:
	case <-ctx.Done():
		if ctx.Err() == context.DeadlineExceeded {
			return fail(r.Format(), Errorf(ErrTimeout, "over %v", opts.Timeout))
		}
		return fail(r.Format(), ctx.Err())
	}
	if res.err != nil {
		return fail(r.Format(), res.err)
	}
	if res.doc == nil {
		return fail(r.Format(), Errorf(ErrCorrupt, "no document"))
	}
	d := res.doc
	d.Source.Path = name
	d.Source.SHA256 = hex.EncodeToString(sum[:])
	d.Source.Size = int64(len(data))
	if d.Source.Format == "" {
		d.Source.Format = r.Format()
	}
	if ext := strings.ToLower(filepath.Ext(name)); ext != "" && !hasExt(r, ext) && name != "-" {
		d.Warnings = append(d.Warnings, fmt.Sprintf("named %s but the content is %s; read as %s", ext, r.Format(), r.Format()))
	}
	return d, nil
}

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

func hasExt(r Reader, ext string) bool {
	for _, e := range r.Extensions() {
		if e == ext {
			return true
		}
	}
	return false
}

// firstFrames keeps the panic site and a few callers: enough to file a bug.
func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	var keep []string
	for i, l := range lines {
		if strings.Contains(l, "panic(") && i+2 < len(lines) {
			keep = lines[i+2:]
			break
		}
	}
	if len(keep) > 12 {
		keep = keep[:12]
	}
	return strings.Join(keep, "\n")
}
