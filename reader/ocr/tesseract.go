package ocr

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/reader"
)

// Errors of New; test them with errors.Is.
var (
	ErrNoTesseract = errors.New("tesseract not found; install tesseract-ocr and tesseract-ocr-vie to read scans")
	ErrNoLanguage  = errors.New("tesseract has no model for the language")
)

// Options configure a Tesseract recognizer. The zero value is usable.
type Options struct {
	Tesseract string // the tesseract program (default "tesseract", looked up in PATH)
	Pdftoppm  string // the pdftoppm program for RenderPDFPage (default "pdftoppm")
	// Languages are Tesseract's model names joined by "+" (default "vie"; "vie+eng"
	// reads capitals without their marks, THUY for THỤY: 95.2 % of the seed page's
	// words against 98.6 %).
	Languages string
	// PSM is Tesseract's page segmentation mode (default 4, one column of text of
	// varying sizes: on the seed page and the three scans as accurate as 3, fully
	// automatic, better at paragraph breaks and 18-45 % faster; 6 lost a quarter of
	// the words of a page with a table).
	PSM int
	// CacheDir keeps recognized pages by image hash (default DefaultCacheDir()).
	CacheDir string
	NoCache  bool // recognize every page, keep nothing
	// Workers bounds the Tesseract and pdftoppm processes running at once, across
	// every caller of this recognizer (default the number of cores).
	Workers int
	// PageTimeout bounds one Tesseract or pdftoppm run (default 3 minutes).
	PageTimeout time.Duration
	// NoOSD turns orientation detection off. With it on, a page whose upright reading
	// is poor is checked for a rotation (tesseract --psm 0) and read again turned.
	NoOSD bool
	// Progress, when set, is told about every page recognized or found in the cache.
	// Calls are serialized.
	Progress func(Event)
}

// Event reports one page.
type Event struct {
	Key        string        // the page image's cache key
	Cached     bool          // found in the cache: Tesseract did not run
	Rotation   int           // degrees the image was turned before recognition
	Words      int           // words recognized
	Confidence float64       // mean word confidence, 0..1
	Elapsed    time.Duration // time spent on the page
	Done       int           // pages this recognizer has finished so far
	Err        error
}

// Stats count what a recognizer did.
type Stats struct {
	Runs      int64 // Tesseract recognitions (orientation checks not included)
	OSDRuns   int64 // orientation checks
	Renders   int64 // pdftoppm runs
	CacheHits int64 // pages answered from the cache
}

// Tesseract recognizes page images with the tesseract program. It implements
// reader.Recognizer and is safe for concurrent use.
type Tesseract struct {
	opts     Options
	bin      string
	pdftoppm string // "" when not installed
	version  string
	osd      bool // the osd model is installed
	cache    cache
	sem      chan struct{}

	runs, osdRuns, renders, hits, done atomic.Int64
	progressMu                         sync.Mutex
}

var _ reader.Recognizer = (*Tesseract)(nil)

// New finds Tesseract and checks that it has the languages asked for. Without the
// program it returns ErrNoTesseract; the caller then leaves reader.Options.OCR nil, so
// scans are reported as having no text layer and everything else still reads.
func New(opts Options) (*Tesseract, error) {
	if opts.Tesseract == "" {
		opts.Tesseract = "tesseract"
	}
	if opts.Pdftoppm == "" {
		opts.Pdftoppm = "pdftoppm"
	}
	if opts.Languages == "" {
		opts.Languages = "vie"
	}
	if opts.PSM <= 0 {
		opts.PSM = 4
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	if opts.PageTimeout <= 0 {
		opts.PageTimeout = 3 * time.Minute
	}
	if opts.CacheDir == "" && !opts.NoCache {
		opts.CacheDir = DefaultCacheDir()
	}
	bin, err := exec.LookPath(opts.Tesseract)
	if err != nil {
		return nil, fmt.Errorf("%w (%s)", ErrNoTesseract, opts.Tesseract)
	}
	t := &Tesseract{opts: opts, bin: bin, sem: make(chan struct{}, opts.Workers)}
	if p, err := exec.LookPath(opts.Pdftoppm); err == nil {
		t.pdftoppm = p
	}
	if !opts.NoCache {
		t.cache.dir = opts.CacheDir
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "--version").CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("%w: %s --version: %v", ErrNoTesseract, bin, err)
	}
	t.version = strings.TrimSpace(strings.SplitN(string(out), "\n", 2)[0])
	out, err = exec.CommandContext(ctx, bin, "--list-langs").CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("%w: %s --list-langs: %v", ErrNoTesseract, bin, err)
	}
	have := map[string]bool{}
	for _, l := range strings.Split(string(out), "\n")[1:] {
		have[strings.TrimSpace(l)] = true
	}
	for _, l := range strings.Split(opts.Languages, "+") {
		if !have[l] {
			return nil, fmt.Errorf("%w %q: install tesseract-ocr-%s", ErrNoLanguage, l, l)
		}
	}
	t.osd = have["osd"] && !opts.NoOSD
	return t, nil
}

// Version is the Tesseract version line ("tesseract 5.3.0").
func (t *Tesseract) Version() string { return t.version }

// Stats returns what the recognizer has done so far.
func (t *Tesseract) Stats() Stats {
	return Stats{Runs: t.runs.Load(), OSDRuns: t.osdRuns.Load(), Renders: t.renders.Load(), CacheHits: t.hits.Load()}
}

// cacheKey adds to an image's key everything else that changes the result.
func (t *Tesseract) cacheKey(imgKey string, dpi int) string {
	return fmt.Sprintf("%s|%s|lang=%s|psm=%d|dpi=%d|osd=%t|%s", cacheVersion, imgKey, t.opts.Languages, t.opts.PSM, dpi, t.osd, t.version)
}

// Recognize reads one page image. The result is cached under the image's hash (or
// img.Key); a page seen before is answered from the cache without running Tesseract.
// An image that is not one (or is corrupt, or too large) is an error naming the cause.
func (t *Tesseract) Recognize(ctx context.Context, img reader.PageImage) (*reader.OCRPage, error) {
	start := time.Now()
	if img.Key == "" {
		img.Key = imageKey(img.Data)
	}
	key := t.cacheKey(img.Key, img.DPI)
	if pg := t.cache.get(key); pg != nil {
		t.hits.Add(1)
		t.report(Event{Key: img.Key, Cached: true, Rotation: pg.Rotation, Words: wordCount(pg), Confidence: pg.Confidence, Elapsed: time.Since(start)})
		return pg, nil
	}
	pg, err := t.recognize(ctx, img)
	ev := Event{Key: img.Key, Elapsed: time.Since(start), Err: err}
	if err != nil {
		t.report(ev)
		return nil, err
	}
	ev.Rotation, ev.Words, ev.Confidence = pg.Rotation, wordCount(pg), pg.Confidence
	if err := t.cache.put(key, pg); err != nil {
		ev.Err = fmt.Errorf("ocr cache: %v", err) // the page is read; only the cache failed
	}
	t.report(ev)
	return pg, nil
}

func (t *Tesseract) report(ev Event) {
	ev.Done = int(t.done.Add(1))
	if t.opts.Progress == nil {
		return
	}
	t.progressMu.Lock()
	defer t.progressMu.Unlock()
	t.opts.Progress(ev)
}

func (t *Tesseract) recognize(ctx context.Context, img reader.PageImage) (*reader.OCRPage, error) {
	if len(img.Data) == 0 {
		return nil, reader.Errorf(reader.ErrEmpty, "page image has no bytes")
	}
	format, _, _, err := checkImage(img.Data)
	if err != nil {
		return nil, err
	}
	pg, err := t.tsv(ctx, img.Data, img.DPI)
	if err != nil {
		return nil, err
	}
	if !t.osd || !poor(pg) || format == "pnm" { // Go cannot decode PNM to turn it
		return pg, nil
	}
	rot, err := t.orientation(ctx, img.Data)
	if err != nil || rot == 0 {
		return pg, nil // no better reading to be had: keep the upright one
	}
	turned, err := rotate(img.Data, rot)
	if err != nil {
		return pg, nil
	}
	pg2, err := t.tsv(ctx, turned, img.DPI)
	if err != nil {
		return nil, err
	}
	if quality(pg2) > quality(pg) {
		pg2.Rotation = rot
		return pg2, nil
	}
	return pg, nil
}

// poor says an upright reading may be of a turned page: few words, low confidence, or
// words that are not Vietnamese syllables.
func poor(pg *reader.OCRPage) bool {
	return wordCount(pg) < 20 || pg.Confidence < 0.7 || vntext.SyllableShare(pageText(pg)) < 0.6
}

func quality(pg *reader.OCRPage) float64 {
	return pg.Confidence * vntext.SyllableShare(pageText(pg)) * float64(min(wordCount(pg), 50))
}

// tsv runs one recognition.
func (t *Tesseract) tsv(ctx context.Context, data []byte, dpi int) (*reader.OCRPage, error) {
	args := []string{"stdin", "stdout", "-l", t.opts.Languages, "--psm", strconv.Itoa(t.opts.PSM)}
	if dpi > 0 {
		args = append(args, "--dpi", strconv.Itoa(dpi))
	}
	args = append(args, "tsv")
	t.runs.Add(1)
	out, err := t.run(ctx, "tesseract", t.bin, data, args...)
	if errors.Is(err, errFailed) { // the header looked right, the image is not
		return nil, reader.Errorf(reader.ErrCorrupt, "%v", err)
	}
	if err != nil {
		return nil, err
	}
	pg, err := parseTSV(out)
	if err != nil {
		return nil, reader.Errorf(reader.ErrCorrupt, "%v", err)
	}
	repairWords(pg)
	return pg, nil
}

// orientation asks Tesseract's OSD how far the page is turned (0 when it cannot tell).
func (t *Tesseract) orientation(ctx context.Context, data []byte) (int, error) {
	t.osdRuns.Add(1)
	out, err := t.run(ctx, "tesseract", t.bin, data, "stdin", "stdout", "--psm", "0", "-l", "osd")
	if err != nil {
		return 0, err
	}
	rot, conf, ok := parseOSD(out)
	if !ok || conf < 1 { // below 1 the detector is guessing
		return 0, nil
	}
	return rot, nil
}

// errFailed marks a program that ran and failed (as opposed to one stopped).
var errFailed = errors.New("failed")

// run runs a program with stdin, bounded by the worker slots and the page timeout.
// Tesseract gets OMP_THREAD_LIMIT=1: pages already run in parallel, and its OpenMP
// threads fighting over two cores made one page 4× slower (13.6 s against 3.2 s).
func (t *Tesseract) run(ctx context.Context, name, bin string, stdin []byte, args ...string) ([]byte, error) {
	select {
	case t.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-t.sem }()
	rctx, cancel := context.WithTimeout(ctx, t.opts.PageTimeout)
	defer cancel()
	cmd := exec.CommandContext(rctx, bin, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	cmd.WaitDelay = 5 * time.Second
	var out, stderr limitedBuffer
	out.max, stderr.max = 256<<20, 64<<10
	cmd.Stdout, cmd.Stderr = &out, &stderr
	err := cmd.Run()
	if err == nil && out.over {
		return nil, reader.Errorf(reader.ErrLimit, "%s wrote over %d bytes", name, out.max)
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if rctx.Err() == context.DeadlineExceeded {
			return nil, reader.Errorf(reader.ErrTimeout, "%s took over %v", name, t.opts.PageTimeout)
		}
		msg := lastLines(stderr.String(), 2)
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("%s %w: %s", name, errFailed, msg)
	}
	return out.Bytes(), nil
}

// lastLines keeps the end of a program's messages, where the cause is.
func lastLines(s string, n int) string {
	var keep []string
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			keep = append(keep, l)
		}
	}
	if len(keep) > n {
		keep = keep[len(keep)-n:]
	}
	return strings.Join(keep, "; ")
}

// limitedBuffer keeps at most max bytes and remembers that more came.
type limitedBuffer struct {
	bytes.Buffer
	max  int
	over bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.Len(); len(p) > room {
		b.over = true
		if room > 0 {
			b.Buffer.Write(p[:room])
		}
		return len(p), nil
	}
	return b.Buffer.Write(p)
}

// RenderPDFPage rasterizes page (1-based) of a PDF with pdftoppm, in grey. The image's
// key is the PDF's hash with the page and resolution: when that page is already in the
// cache, nothing is rendered and the image comes back without bytes, which Recognize
// answers from the cache.
func (t *Tesseract) RenderPDFPage(ctx context.Context, pdf []byte, page, dpi int) (reader.PageImage, error) {
	if dpi <= 0 {
		dpi = 300
	}
	sum := sha256.Sum256(pdf)
	key := fmt.Sprintf("pdf:sha256:%s:page=%d:dpi=%d", hex.EncodeToString(sum[:]), page, dpi)
	img := reader.PageImage{Format: "png", DPI: dpi, Key: key}
	if t.cache.get(t.cacheKey(key, dpi)) != nil {
		return img, nil
	}
	if t.pdftoppm == "" {
		return img, fmt.Errorf("pdftoppm not found; install poppler-utils to render scanned PDF pages")
	}
	if page < 1 {
		return img, fmt.Errorf("page %d: pages are numbered from 1", page)
	}
	dir, err := os.MkdirTemp("", "baocao-render-")
	if err != nil {
		return img, err
	}
	defer os.RemoveAll(dir)
	root := filepath.Join(dir, "page")
	t.renders.Add(1)
	p := strconv.Itoa(page)
	if _, err := t.run(ctx, "pdftoppm", t.pdftoppm, pdf, "-r", strconv.Itoa(dpi), "-f", p, "-l", p,
		"-png", "-gray", "-singlefile", "-", root); err != nil {
		return img, err
	}
	data, err := os.ReadFile(root + ".png")
	if err != nil {
		return img, fmt.Errorf("pdftoppm wrote no image for page %d", page)
	}
	img.Data = data
	return img, nil
}
