package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/baocao/baocao/reader"
)

// file is an open PDF: the library's reader over bytes this package also reads
// directly (stream data is sliced from them), and the pages found in its tree.
type file struct {
	r        *lpdf.Reader
	data     []byte // the bytes r reads, for raw stream access
	pages    []pageRef
	repaired bool
	warnings []string
}

// headerView presents data with its first bytes replaced by a PDF 1.7 header the
// library accepts (it rejects PDF 2.0 and headers without a line end at byte 8).
type headerView struct {
	data []byte
	head []byte
}

func (h *headerView) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("negative offset")
	}
	if off >= int64(len(h.data)) {
		return 0, io.EOF
	}
	n := copy(p, h.data[off:])
	for i := 0; i < n; i++ {
		if k := off + int64(i); k < int64(len(h.head)) {
			p[i] = h.head[k]
		} else {
			break
		}
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// locate returns the part of data from "%PDF-" to the end of the last "%%EOF"
// (or to the end of data when a truncated file has none).
func locate(data []byte) ([]byte, error) {
	head := data[:min(len(data), 1<<20)]
	start := bytes.Index(head, []byte("%PDF-"))
	if start < 0 {
		return nil, reader.Errorf(reader.ErrUnsupported, "no %%PDF- header")
	}
	data = data[start:]
	if end := bytes.LastIndex(data, []byte("%%EOF")); end > 0 {
		data = data[:end+5]
	}
	return data, nil
}

// openFile opens data (already located) with the library, repairing it when it is
// encrypted or the library cannot read its xref or page tree.
func openFile(data []byte, opts *reader.Options) (*file, error) {
	maxPages := opts.MaxPages
	var firstErr error
	// encrypted files and files with object streams are rewritten before the library
	// sees them: the library decrypts badly, decodes an object stream again for every
	// object it takes from it (no cache: rewriting is twice as fast on real files), and
	// loops without end on an /Extends cycle or a huge /N
	rewrite := hasEncrypt(data) || bytes.Contains(data, []byte("/ObjStm"))
	if err := libraryTraps(data); err != nil && !rewrite {
		firstErr = err
	} else if !rewrite {
		f, err := openLibrary(&headerView{data: data, head: []byte("%PDF-1.7\n")}, data, maxPages)
		if err == nil {
			return f, nil
		}
		firstErr = err
	}
	rep, err := repair(data, opts.Password)
	if err != nil {
		if errors.Is(err, reader.ErrEncrypted) {
			if opts.Password != "" {
				return nil, reader.Errorf(reader.ErrEncrypted, "the password given does not open it")
			}
			return nil, reader.Errorf(reader.ErrEncrypted, "a user password is set")
		}
		if firstErr != nil {
			return nil, reader.Errorf(reader.ErrCorrupt, "%v; repair failed: %v", firstErr, err)
		}
		return nil, err
	}
	f, err := openLibrary(bytesView(rep.data), rep.data, maxPages)
	if err != nil {
		return nil, reader.Errorf(reader.ErrCorrupt, "after repair: %v", err)
	}
	f.repaired = true
	if firstErr != nil {
		f.warnings = append(f.warnings, fmt.Sprintf("cross-reference table rebuilt from %d objects (%v)", rep.objects, firstErr))
	}
	return f, nil
}

// hasEncrypt looks for an /Encrypt entry in the trailers. It searches the whole file
// because a trailer may be an xref stream anywhere; a false hit only costs a repair.
func hasEncrypt(data []byte) bool {
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte("/Encrypt"))
		if i < 0 {
			return false
		}
		k := off + i + len("/Encrypt")
		// skip "/EncryptMetadata" and similar longer names
		if k >= len(data) || isWhite(data[k]) || isDelim(data[k]) {
			return true
		}
		off = k
	}
}

// openLibrary opens the library's reader over ra and walks the page tree. Any panic
// of the library becomes an error.
func openLibrary(ra interface {
	ReadAt([]byte, int64) (int, error)
}, data []byte, maxPages int) (f *file, err error) {
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("%v", p)
		}
	}()
	r, err := lpdf.NewReader(ra, int64(len(data)))
	if err != nil {
		return nil, err
	}
	f = &file{r: r, data: data}
	pages, err := walkPages(r, maxPages)
	if err != nil {
		return nil, err
	}
	f.pages = pages
	return f, nil
}

type bytesView []byte

func (b bytesView) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 || off >= int64(len(b)) {
		return 0, io.EOF
	}
	n := copy(p, b[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// pageRef is one page of the tree with its inherited attributes resolved.
type pageRef struct {
	v         lpdf.Value
	resources lpdf.Value
	box       [4]float64 // MediaBox (CropBox when smaller)
	rotate    int
}

var errNoPages = errors.New("no pages")

// walkPages walks the page tree once with depth and visit bounds: a /Kids cycle ends
// the branch, and at most maxPages pages are kept.
func walkPages(r *lpdf.Reader, maxPages int) ([]pageRef, error) {
	root := r.Trailer().Key("Root")
	if root.Kind() != lpdf.Dict {
		return nil, errors.New("no document catalog")
	}
	top := root.Key("Pages")
	if top.Kind() != lpdf.Dict {
		return nil, errors.New("no page tree")
	}
	var pages []pageRef
	seen := map[string]bool{}
	visits := 0
	var walk func(node lpdf.Value, res lpdf.Value, box [4]float64, rot, depth int)
	walk = func(node lpdf.Value, res lpdf.Value, box [4]float64, rot, depth int) {
		if len(pages) >= maxPages || depth > 64 || visits > 4*maxPages+10000 {
			return
		}
		visits++
		if v := node.Key("Resources"); v.Kind() == lpdf.Dict {
			res = v
		}
		if b, ok := rect(node.Key("MediaBox")); ok {
			box = b
		}
		if v := node.Key("Rotate"); v.Kind() == lpdf.Integer || v.Kind() == lpdf.Real {
			rot = int(v.Float64())
		}
		kids := node.Key("Kids")
		if kids.Kind() == lpdf.Array && node.Key("Type").Name() != "Page" {
			// an intermediate node: its text form names its kids, so seeing it twice
			// means a cycle or a shared subtree
			id := node.String()
			if seen[id] {
				return
			}
			seen[id] = true
			for i := 0; i < kids.Len() && len(pages) < maxPages; i++ {
				k := kids.Index(i)
				if k.Kind() != lpdf.Dict {
					continue
				}
				walk(k, res, box, rot, depth+1)
			}
			return
		}
		if c, ok := rect(node.Key("CropBox")); ok && c[2]-c[0] > 1 && c[3]-c[1] > 1 {
			box = intersect(box, c)
		}
		pages = append(pages, pageRef{v: node, resources: res, box: box, rotate: ((rot % 360) + 360) % 360})
	}
	walk(top, lpdf.Value{}, [4]float64{0, 0, 612, 792}, 0, 0)
	if len(pages) == 0 {
		return nil, errNoPages
	}
	return pages, nil
}

func rect(v lpdf.Value) ([4]float64, bool) {
	if v.Kind() != lpdf.Array || v.Len() < 4 {
		return [4]float64{}, false
	}
	var b [4]float64
	for i := 0; i < 4; i++ {
		b[i] = v.Index(i).Float64()
	}
	if b[0] > b[2] {
		b[0], b[2] = b[2], b[0]
	}
	if b[1] > b[3] {
		b[1], b[3] = b[3], b[1]
	}
	if b[2]-b[0] < 1 || b[3]-b[1] < 1 {
		return b, false
	}
	return b, true
}

func intersect(a, b [4]float64) [4]float64 {
	r := [4]float64{max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])}
	if r[2]-r[0] < 1 || r[3]-r[1] < 1 {
		return a
	}
	return r
}

// streamBytes returns the decoded data of stream v. The library hides where a stream's
// data lies but prints it ("<<…>>@offset") in Value.String; the data is sliced from the
// file and decoded here, because the library's own filters panic on LZW, ASCIIHex,
// RunLength and most predictors. imgFilter names the image filter that stopped
// decoding, if any (the data is then the encoded image).
func (f *file) streamBytes(v lpdf.Value) (data []byte, imgFilter string, err error) {
	defer func() {
		if p := recover(); p != nil {
			data, imgFilter, err = nil, "", reader.Errorf(reader.ErrCorrupt, "stream: %v", p)
		}
	}()
	if v.Kind() != lpdf.Stream {
		return nil, "", reader.Errorf(reader.ErrCorrupt, "not a stream")
	}
	s := v.String()
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return nil, "", reader.Errorf(reader.ErrCorrupt, "stream offset unknown")
	}
	off, err := strconv.Atoi(s[at+1:])
	if err != nil || off < 0 || off > len(f.data) {
		return nil, "", reader.Errorf(reader.ErrCorrupt, "stream offset %q", s[at+1:])
	}
	n := int(v.Key("Length").Int64())
	end := off + n
	if n < 0 || end > len(f.data) || !endsStream(f.data, end) {
		// a wrong /Length: trust "endstream"
		e, _ := streamExtent(f.data, off, nil)
		end = e
	}
	raw := f.data[off:end]
	chain, err := filterChain(toObj(v.Key("Filter"), 0), toObj(v.Key("DecodeParms"), 0))
	if err != nil {
		return nil, "", err
	}
	out, name, err := decode(raw, chain)
	if errors.Is(err, errImageFilter) {
		return out, name, nil
	}
	return out, "", err
}

func endsStream(data []byte, end int) bool {
	k := end
	for k < len(data) && k < end+4 && isWhite(data[k]) {
		k++
	}
	return bytes.HasPrefix(data[k:], []byte("endstream"))
}

// toObj converts a library value into this package's parsed form (for filter
// parameters and small dictionaries).
func toObj(v lpdf.Value, depth int) any {
	if depth > 8 {
		return nil
	}
	switch v.Kind() {
	case lpdf.Bool:
		return v.Bool()
	case lpdf.Integer:
		return v.Int64()
	case lpdf.Real:
		return v.Float64()
	case lpdf.Name:
		return pname(v.Name())
	case lpdf.String:
		return pstring(v.RawString())
	case lpdf.Array:
		a := make(parray, v.Len())
		for i := range a {
			a[i] = toObj(v.Index(i), depth+1)
		}
		return a
	case lpdf.Dict, lpdf.Stream:
		d := pdict{}
		for _, k := range v.Keys() {
			d[k] = toObj(v.Key(k), depth+1)
		}
		return d
	}
	return nil
}

// libraryTraps finds a /Prev chain of cross-reference sections that comes back on
// itself, which the library follows forever; such a file is repaired instead.
func libraryTraps(data []byte) error {
	tail := data[max(0, len(data)-1024):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return errors.New("no startxref")
	}
	lx := lexer{data: tail, pos: i + len("startxref")}
	t := lx.next()
	if t.kind != tInt || t.i < 0 || t.i >= int64(len(data)) {
		return errors.New("bad startxref")
	}
	seen := map[int64]bool{}
	for off := t.i; ; {
		if seen[off] || len(seen) > 256 {
			return errors.New("cross-reference sections form a loop")
		}
		seen[off] = true
		// the section's trailer: after "trailer" for a table, the stream's own
		// dictionary for an xref stream
		p := parser{lx: lexer{data: data, pos: int(off)}}
		first := p.lx.next()
		var d pdict
		if first.kind == tKeyword && string(first.val) == "xref" {
			k := bytes.Index(data[off:], []byte("trailer"))
			if k < 0 {
				return errors.New("xref table without trailer")
			}
			p.lx.pos = int(off) + k + len("trailer")
			v, _ := p.object(0)
			d, _ = v.(pdict)
		} else if first.kind == tInt {
			p.lx.next() // generation
			p.lx.next() // obj
			v, _ := p.object(0)
			d, _ = v.(pdict)
		}
		if d == nil {
			return nil // the library reports what is wrong here
		}
		prev, ok := d.int("Prev")
		if !ok {
			return nil
		}
		if prev < 0 || prev >= int64(len(data)) {
			return errors.New("bad /Prev offset")
		}
		off = prev
	}
}
