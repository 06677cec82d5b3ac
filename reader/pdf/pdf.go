package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/legacy"
	"github.com/baocao/baocao/internal/par"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/reader"
)

func init() { reader.Register(Reader{}) }

// Reader reads PDF files: the text layer of born-digital pages, and scanned pages
// through Options.OCR.
type Reader struct{}

func (Reader) Format() string       { return "pdf" }
func (Reader) Extensions() []string { return []string{".pdf"} }

// Sniff finds "%PDF-" in the first KiB (junk before the header is common in files
// saved from mail and web pages).
func (Reader) Sniff(data []byte) int {
	head := data[:min(len(data), 1024)]
	if i := bytes.Index(head, []byte("%PDF-")); i == 0 {
		return 100
	} else if i > 0 {
		return 90
	}
	return 0
}

// noTextNote is the note of a page without a usable text layer when no OCR is set.
const noTextNote = "no text layer; install tesseract-ocr-vie to read scans"

// pageResult is what reading one page gave.
type pageResult struct {
	content *pageContent
	lines   []line
	err     error
	source  baocao.PageSource
	note    string
	share   float64 // well-formed syllable share of the text layer
	ocr     *reader.OCRPage
	ocrErr  error
	legacy  legacy.Encoding
}

func (Reader) Read(ctx context.Context, in *reader.Input) (*baocao.Document, error) {
	var opts reader.Options
	if in.Opts != nil {
		opts = *in.Opts
	}
	opts.SetDefaults()
	data, err := locate(in.Data)
	if err != nil {
		return nil, err
	}
	f, err := openFile(data, &opts)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	results := readPages(ctx, f)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	failed, firstPage := 0, 0
	var firstErr error
	for i, r := range results {
		if r.err != nil {
			failed++
			if firstErr == nil {
				firstErr, firstPage = r.err, i+1
			}
		}
	}
	if failed == len(results) && firstErr != nil {
		if errors.Is(firstErr, reader.ErrUnsupported) || errors.Is(firstErr, reader.ErrLimit) || errors.Is(firstErr, reader.ErrCorrupt) {
			return nil, fmt.Errorf("no page could be read: page %d: %w", firstPage, firstErr)
		}
		return nil, reader.Errorf(reader.ErrCorrupt, "no page could be read: page %d: %v", firstPage, firstErr)
	}
	for _, r := range results {
		classifyPage(r, opts.GarbageThreshold)
	}
	if opts.OCR != nil {
		// the bytes the library reads: decrypted and repaired when that was needed,
		// so the recognizer can render a page without the password
		runOCR(ctx, f, f.data, results, opts.OCR)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	b := reader.NewBuilder()
	for _, w := range f.warnings {
		b.Warn(w)
	}
	build(b, results)
	doc := b.Document("pdf")
	return doc, nil
}

// readPages interprets every page, in parallel up to GOMAXPROCS, and lays out its
// lines. ctx is checked between pages.
func readPages(ctx context.Context, f *file) []*pageResult {
	n := len(f.pages)
	results := make([]*pageResult, n)
	fonts := &fontCache{}
	par.Do(ctx, n, func(i int) { results[i] = readOnePage(ctx, f, i, fonts) })
	for i := range results {
		if results[i] == nil {
			results[i] = &pageResult{err: ctx.Err(), content: &pageContent{}}
		}
	}
	return results
}

func readOnePage(ctx context.Context, f *file, i int, fonts *fontCache) (res *pageResult) {
	res = &pageResult{content: &pageContent{}}
	defer func() {
		if p := recover(); p != nil {
			res.err = reader.Errorf(reader.ErrCorrupt, "page %d: %v", i+1, p)
		}
	}()
	pc, err := f.readPage(ctx, f.pages[i], fonts)
	res.content = pc
	if err != nil {
		res.err = err
	}
	glyphs := pc.glyphs
	var tables []*gridTable
	for _, t := range findTables(pc.rules) {
		if rest := t.take(glyphs); t.filled() >= 0.4 {
			glyphs = rest
			tables = append(tables, t)
		}
	}
	res.lines = layoutLines(glyphs, i+1)
	promoteGutters(res.lines)
	for _, t := range tables {
		res.lines = insertTable(res.lines, t, i+1)
	}
	pc.glyphs = nil // the lines hold what is needed
	for _, g := range res.lines {
		for _, s := range g.spans {
			if s.legacy != "" {
				res.legacy = s.legacy
			}
		}
	}
	return res
}

// classifyPage decides how the page's text is used: the text layer, a legacy
// conversion of it, or none (a scan, or a garbled layer).
func classifyPage(r *pageResult, threshold float64) {
	r.source = baocao.FromTextLayer
	var all strings.Builder
	letters := 0
	for _, l := range r.lines {
		all.WriteString(l.text)
		all.WriteByte('\n')
		for _, c := range l.text {
			if unicode.IsLetter(c) {
				letters++
			}
		}
	}
	cover := 0.0
	area := r.content.width * r.content.height
	for _, im := range r.content.images {
		w := math.Min(im.box[2], r.content.width) - math.Max(im.box[0], 0)
		h := math.Min(im.box[3], r.content.height) - math.Max(im.box[1], 0)
		if w > 0 && h > 0 && area > 0 {
			cover = math.Max(cover, w*h/area)
		}
	}
	switch {
	case letters == 0:
		r.source, r.note = baocao.NoText, noTextNote
		r.lines = nil
		return
	case cover >= 0.5 && letters < 120:
		// a scanned page carrying only a stamp or signature line: keep that line
		r.source, r.note = baocao.NoText, noTextNote
		return
	}
	text := all.String()
	r.share = vntext.SyllableShare(text)
	if r.legacy != "" {
		r.source = baocao.FromLegacy
	}
	if r.share >= threshold || letterWords(text) < minGarbageWords {
		return // readable, or too little text to judge
	}
	if r.legacy == "" {
		// no legacy font by name: maybe the text is legacy-encoded anyway
		if enc, score := legacy.Detect(text); enc != "" && score > 0.5 {
			converted := convertLines(r.lines, enc)
			var t strings.Builder
			for _, l := range converted {
				t.WriteString(l.text)
				t.WriteByte('\n')
			}
			if s := vntext.SyllableShare(t.String()); s >= threshold {
				r.lines, r.share, r.legacy, r.source = converted, s, enc, baocao.FromLegacy
				return
			}
		}
	}
	r.source = baocao.NoText
	r.note = fmt.Sprintf("text layer is not readable Vietnamese (%.0f%% well-formed syllables); install tesseract-ocr-vie to read scans", 100*r.share)
	r.lines = nil
}

// minGarbageWords is the fewest words on which a text layer is judged garbage.
const minGarbageWords = 12

func letterWords(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

func convertLines(ls []line, enc legacy.Encoding) []line {
	out := make([]line, len(ls))
	for i, l := range ls {
		l.spans = append([]span(nil), l.spans...)
		for k := range l.spans {
			l.spans[k].text = legacy.Decode(enc, l.spans[k].text, false)
		}
		l.text = joinSpans(l.spans)
		out[i] = l
	}
	return out
}
