package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"

	"github.com/baocao/baocao/reader"
)

// Bounds on what one DOCX may make the reader decompress and hold. The total is
// reader.Options.MaxUnzipped; these cap single parts below it.
const (
	maxEntries  = 20000     // ZIP entries; a real DOCX has tens, a few hundred with images
	maxAuxPart  = 16 << 20  // styles, numbering, relationships: tens of KiB in practice
	maxTextPart = 256 << 20 // document.xml, notes, headers: a 200-page report is ~5 MiB
)

// zipDir lists the entry names of a ZIP archive from its central directory without
// decompressing anything. ok is false when data has no readable central directory.
func zipDir(data []byte, fn func(name string) bool) (entries int, ok bool) {
	eocd := bytes.LastIndex(data[max(0, len(data)-(65535+22)):], []byte("PK\x05\x06"))
	if eocd < 0 {
		return 0, false
	}
	eocd += max(0, len(data)-(65535+22))
	if len(data)-eocd < 22 {
		return 0, false
	}
	count := uint64(binary.LittleEndian.Uint16(data[eocd+10:]))
	size := uint64(binary.LittleEndian.Uint32(data[eocd+12:]))
	off := uint64(binary.LittleEndian.Uint32(data[eocd+16:]))
	if (count == 0xFFFF || size == 0xFFFFFFFF || off == 0xFFFFFFFF) && eocd >= 20 &&
		string(data[eocd-20:eocd-16]) == "PK\x06\x07" { // zip64 end of central directory
		z := binary.LittleEndian.Uint64(data[eocd-20+8:])
		if z < uint64(len(data)) && uint64(len(data))-z >= 56 && string(data[z:z+4]) == "PK\x06\x06" {
			count = binary.LittleEndian.Uint64(data[z+32:])
			size = binary.LittleEndian.Uint64(data[z+40:])
			off = binary.LittleEndian.Uint64(data[z+48:])
		}
	}
	start := off
	if start >= uint64(len(data)) || string(data[start:min(start+4, uint64(len(data)))]) != "PK\x01\x02" {
		// bytes before the archive (a self-extractor stub): the directory ends at the EOCD
		if size > uint64(eocd) {
			return 0, false
		}
		start = uint64(eocd) - size
	}
	p := start
	for n := uint64(0); n < count; n++ {
		if p+46 > uint64(len(data)) || string(data[p:p+4]) != "PK\x01\x02" {
			return int(n), n > 0
		}
		nameLen := uint64(binary.LittleEndian.Uint16(data[p+28:]))
		extraLen := uint64(binary.LittleEndian.Uint16(data[p+30:]))
		commentLen := uint64(binary.LittleEndian.Uint16(data[p+32:]))
		if p+46+nameLen > uint64(len(data)) {
			return int(n), n > 0
		}
		if fn != nil && !fn(string(data[p+46:p+46+nameLen])) {
			return int(n) + 1, true
		}
		p += 46 + nameLen + extraLen + commentLen
	}
	return int(count), true
}

// pkg is an opened DOCX package: its parts by normalized name and the budget of
// decompressed bytes left for reading them.
type pkg struct {
	ctx    context.Context
	parts  map[string]*zip.File // by partKey
	budget int64
}

// partKey normalizes a part name: OPC part names are case-insensitive and may be
// written with a leading slash.
func partKey(name string) string {
	return strings.ToLower(strings.TrimPrefix(path.Clean("/"+name), "/"))
}

func openPackage(ctx context.Context, data []byte, maxUnzipped int64) (*pkg, error) {
	if n, ok := zipDir(data, nil); ok && n > maxEntries {
		return nil, reader.Errorf(reader.ErrLimit, "ZIP has %d entries, limit %d", n, maxEntries)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // names are only looked up, never written
		return nil, reader.Errorf(reader.ErrCorrupt, "not a readable ZIP archive (truncated?): %v", err)
	}
	if len(zr.File) > maxEntries {
		return nil, reader.Errorf(reader.ErrLimit, "ZIP has %d entries, limit %d", len(zr.File), maxEntries)
	}
	p := &pkg{ctx: ctx, parts: make(map[string]*zip.File, len(zr.File)), budget: maxUnzipped}
	for _, f := range zr.File {
		if k := partKey(f.Name); p.parts[k] == nil {
			p.parts[k] = f
		}
	}
	return p, nil
}

func (p *pkg) has(name string) bool { return p.parts[partKey(name)] != nil }

// open returns a reader of part name that fails with reader.ErrLimit once the part
// passes limit bytes or the package's budget is spent. A part whose declared size is
// already over either is refused before anything is decompressed. found is false when
// the package has no such part.
func (p *pkg) open(name string, limit int64) (rc io.ReadCloser, found bool, err error) {
	f := p.parts[partKey(name)]
	if f == nil {
		return nil, false, nil
	}
	limit = min(limit, p.budget)
	if f.UncompressedSize64 > uint64(limit) {
		return nil, true, reader.Errorf(reader.ErrLimit, "%s declares %d bytes uncompressed, over the limit of %d (zip bomb?)", f.Name, f.UncompressedSize64, limit)
	}
	if f.Flags&0x1 != 0 {
		return nil, true, reader.Errorf(reader.ErrEncrypted, "%s is encrypted inside the ZIP", f.Name)
	}
	r, err := f.Open()
	if err != nil {
		if errors.Is(err, zip.ErrAlgorithm) {
			return nil, true, reader.Errorf(reader.ErrUnsupported, "%s uses ZIP compression method %d", f.Name, f.Method)
		}
		return nil, true, reader.Errorf(reader.ErrCorrupt, "%s: %v", f.Name, err)
	}
	return &limitedPart{p: p, name: f.Name, r: r, left: limit}, true, nil
}

// limitedPart counts the bytes a part inflates to against its own limit and the
// package budget, and checks ctx on every read.
type limitedPart struct {
	p    *pkg
	name string
	r    io.ReadCloser
	left int64
}

func (l *limitedPart) Read(b []byte) (int, error) {
	if err := l.p.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := l.r.Read(b)
	l.left -= int64(n)
	l.p.budget -= int64(n)
	if l.left < 0 || l.p.budget < 0 {
		return 0, reader.Errorf(reader.ErrLimit, "%s inflates past its limit (zip bomb?)", l.name)
	}
	switch {
	case err == nil, err == io.EOF:
	case errors.Is(err, zip.ErrFormat): // archive/zip: more bytes than the header declared
		return n, reader.Errorf(reader.ErrLimit, "%s inflates past its declared size (zip bomb?)", l.name)
	default: // bad checksum, truncated or corrupt deflate data
		return n, reader.Errorf(reader.ErrCorrupt, "%s: %v", l.name, err)
	}
	return n, err
}

func (l *limitedPart) Close() error { return l.r.Close() }

// describe names what a ZIP without a Word main part is, for the error message.
func (p *pkg) describe() error {
	switch {
	case p.has("xl/workbook.xml"):
		return reader.Errorf(reader.ErrUnsupported, "an Excel workbook (XLSX), not a Word document")
	case p.has("ppt/presentation.xml"):
		return reader.Errorf(reader.ErrUnsupported, "a PowerPoint presentation (PPTX), not a Word document")
	case p.has("mimetype") && p.has("content.xml"):
		kind := "an OpenDocument file"
		if rc, _, err := p.open("mimetype", 256); err == nil {
			b, _ := io.ReadAll(rc)
			rc.Close()
			switch strings.TrimSpace(string(b)) {
			case "application/vnd.oasis.opendocument.text":
				kind = "an OpenDocument text (ODT)"
			case "application/vnd.oasis.opendocument.spreadsheet":
				kind = "an OpenDocument spreadsheet (ODS)"
			}
		}
		return reader.Errorf(reader.ErrUnsupported, "%s, not a DOCX: convert it first, e.g. libreoffice --headless --convert-to docx", kind)
	}
	return reader.Errorf(reader.ErrUnsupported, "a ZIP archive without word/document.xml, not a Word document")
}

// errPart makes a part's failure say which part: malformed XML is corrupt, with its
// line; the reader's own causes and the context's pass through.
func errPart(name string, err error) error {
	var se *xml.SyntaxError
	switch {
	case errors.As(err, &se) && se.Line > 0:
		return reader.Errorf(reader.ErrCorrupt, "%s: malformed XML at line %d: %s", name, se.Line, se.Msg)
	case errors.As(err, &se):
		return reader.Errorf(reader.ErrCorrupt, "%s: malformed XML: %s", name, se.Msg)
	case isReaderCause(err):
		return err
	}
	return reader.Errorf(reader.ErrCorrupt, "%s: %v", name, err)
}

// isReaderCause reports whether err already carries one of the reader's sentinel causes
// or the context's.
func isReaderCause(err error) bool {
	for _, c := range []error{reader.ErrEmpty, reader.ErrTooLarge, reader.ErrEncrypted, reader.ErrCorrupt,
		reader.ErrUnsupported, reader.ErrTimeout, reader.ErrPanic, reader.ErrLimit, context.Canceled, context.DeadlineExceeded} {
		if errors.Is(err, c) {
			return true
		}
	}
	return false
}
