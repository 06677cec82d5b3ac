package docx

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"net/url"
	"path"
	"strings"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/reader"
)

func init() { reader.Register(Reader{}) }

// Reader reads Word documents (Office Open XML, Transitional or Strict).
type Reader struct{}

func (Reader) Format() string       { return "docx" }
func (Reader) Extensions() []string { return []string{".docx", ".docm", ".dotx", ".dotm"} }

// Sniff is sure (95) of a ZIP whose central directory has word/document.xml. Any
// other ZIP gets 2: no other reader takes it, and Read then says what it is (an
// XLSX, an ODT, a DOCX that lost its main part, a truncated archive).
func (Reader) Sniff(data []byte) int {
	found := false
	_, ok := zipDir(data, func(name string) bool {
		found = strings.EqualFold(strings.TrimPrefix(name, "/"), "word/document.xml")
		return !found
	})
	switch {
	case found:
		return 95
	case ok, bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return 2
	}
	return 0
}

// Read reads a DOCX: the main document with its styles and list numbering, then the
// footnotes and endnotes, then the page headers and footers.
func (Reader) Read(ctx context.Context, in *reader.Input) (*baocao.Document, error) {
	opts := reader.Options{}
	if in.Opts != nil {
		opts = *in.Opts
	}
	opts.SetDefaults()
	data := in.Data
	if len(data) == 0 {
		return nil, reader.ErrEmpty
	}
	if !bytes.HasPrefix(data, []byte("PK")) {
		if _, ok := zipDir(data, nil); !ok {
			return nil, notZip(data)
		}
	}
	p, err := openPackage(ctx, data, opts.MaxUnzipped)
	if err != nil {
		return nil, err
	}
	b := reader.NewBuilder()
	main, err := p.mainPart()
	if err := optional(b, err); err != nil {
		return nil, err
	}
	if !p.has(main) {
		if p.looksLikeWord() {
			return nil, reader.Errorf(reader.ErrCorrupt, "the main part %s is missing", main)
		}
		return nil, p.describe()
	}
	// Without readable relationships the parts are looked for under their usual names.
	rels, err := p.rels(main)
	if err := optional(b, err); err != nil {
		return nil, err
	}
	w := &walker{b: b, ss: newStyleSheet(), num: newNumbering(), legacy: newLegacyFonts()}

	// Styles and numbering only refine the text: a broken one is a warning.
	if part := rels.first("styles", "word/styles.xml"); part != "" {
		err := p.parse(part, maxAuxPart, func(d *xml.Decoder) error {
			ss, err := readStyles(d)
			w.ss = ss
			return err
		})
		if err := optional(b, err); err != nil {
			return nil, err
		}
	}
	if part := rels.first("numbering", "word/numbering.xml"); part != "" {
		err := p.parse(part, maxAuxPart, func(d *xml.Decoder) error {
			n, err := readNumbering(d)
			w.num = n
			return err
		})
		if err := optional(b, err); err != nil {
			return nil, err
		}
	}

	if err := p.parse(main, maxTextPart, func(d *xml.Decoder) error { return w.story(d, bodySink{}) }); err != nil {
		return nil, err
	}

	for _, kind := range [...]string{"footnote", "endnote"} {
		part := rels.first(kind+"s", "word/"+kind+"s.xml")
		if part == "" {
			continue
		}
		err := p.parse(part, maxTextPart, func(d *xml.Decoder) error { return w.notes(d, kind) })
		if err := optional(b, err); err != nil {
			return nil, err
		}
	}

	// Headers and footers in the order the sections reference them, then any other.
	seen := map[string]bool{}
	var furniture []string
	for _, id := range w.refs {
		if t := rels.byID[id]; t.target != "" && (t.kind == "header" || t.kind == "footer") && !seen[t.target] {
			seen[t.target] = true
			furniture = append(furniture, t.target)
		}
	}
	for _, t := range rels.list {
		if (t.kind == "header" || t.kind == "footer") && !seen[t.target] {
			seen[t.target] = true
			furniture = append(furniture, t.target)
		}
	}
	for _, part := range furniture {
		err := p.parse(part, maxTextPart, func(d *xml.Decoder) error { return w.story(d, furnitureSink{}) })
		if err := optional(b, err); err != nil {
			return nil, err
		}
	}
	return b.Document("docx"), nil
}

// notZip explains content that is not a ZIP archive at all.
func notZip(data []byte) error {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return reader.Errorf(reader.ErrUnsupported, "the content is a PDF, not a DOCX")
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return reader.Errorf(reader.ErrUnsupported, "an OLE compound file (a legacy .doc, or a password-protected DOCX), not a DOCX")
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return reader.Errorf(reader.ErrUnsupported, "an RTF file, not a DOCX")
	}
	return reader.Errorf(reader.ErrCorrupt, "not a ZIP archive (a DOCX is one)")
}

// optional turns the failure of an optional part (its message names the part) into
// a warning, unless it is a resource limit or a cancellation, which stop the read.
func optional(b *reader.Builder, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, reader.ErrLimit) || errors.Is(err, reader.ErrEncrypted) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	b.Warn(err.Error() + "; read without it")
	return nil
}

// parse runs fn over the XML of part with a decompression limit. A missing part is
// not an error here: callers ask only for parts that a relationship names.
func (p *pkg) parse(part string, limit int64, fn func(*xml.Decoder) error) error {
	rc, found, err := p.open(part, limit)
	if err != nil {
		return err
	}
	if !found {
		return nil
	}
	defer rc.Close()
	if err := fn(newDecoder(rc)); err != nil {
		return errPart(part, err)
	}
	return nil
}

// story reads a part whose root holds block content: the document (through its
// w:body), a header or a footer.
func (w *walker) story(d *xml.Decoder, s sink) error {
	w.d = d
	w.fields, w.overflow = nil, 0
	r, err := root(d)
	if err != nil {
		return err
	}
	if r.Name.Local != "document" {
		return w.blocks(s)
	}
	return children(d, func(se *xml.StartElement) (bool, bool, error) {
		if se.Name.Local == "body" {
			return false, true, w.blocks(s)
		}
		return true, false, nil
	})
}

// notes reads footnotes.xml or endnotes.xml; kind is "footnote" or "endnote".
func (w *walker) notes(d *xml.Decoder, kind string) error {
	w.d = d
	w.fields, w.overflow = nil, 0
	if _, err := root(d); err != nil {
		return err
	}
	saved := w.num
	w.num = w.num.fresh() // lists inside notes count on their own
	defer func() { w.num = saved }()
	return children(d, func(se *xml.StartElement) (bool, bool, error) {
		if se.Name.Local != kind {
			return true, false, nil
		}
		switch attr(se, "type") {
		case "separator", "continuationSeparator", "continuationNotice":
			return true, false, nil
		}
		return false, true, w.blocks(noteSink{key: kind + ":" + attr(se, "id"), kind: kind})
	})
}

// relationship is one entry of a .rels part.
type relationship struct {
	kind   string // the last segment of the type URI: "styles", "header", "officeDocument"
	target string // part name, resolved
}

type relationships struct {
	byID map[string]relationship
	list []relationship
}

// first returns the target of the first relationship of kind, or fallback when the
// source part has no relationships part at all (some writers omit it).
func (r *relationships) first(kind, fallback string) string {
	if r.byID == nil {
		return fallback
	}
	for _, t := range r.list {
		if t.kind == kind {
			return t.target
		}
	}
	return ""
}

// rels reads the relationships of part (word/_rels/document.xml.rels for
// word/document.xml). A missing relationships part, or a broken one (with its error),
// gives a set whose lookups fall back to the usual part names.
func (p *pkg) rels(part string) (*relationships, error) {
	dir, file := path.Split(part)
	relsPart := dir + "_rels/" + file + ".rels"
	r := &relationships{}
	err := p.parse(relsPart, maxAuxPart, func(d *xml.Decoder) error {
		r.byID = map[string]relationship{}
		if _, err := root(d); err != nil {
			return err
		}
		return children(d, func(se *xml.StartElement) (bool, bool, error) {
			if se.Name.Local != "Relationship" || attr(se, "TargetMode") == "External" {
				return true, false, nil
			}
			typ := attr(se, "Type")
			t := relationship{kind: typ[strings.LastIndexByte(typ, '/')+1:], target: resolveTarget(dir, attr(se, "Target"))}
			if id := attr(se, "Id"); r.byID[id].target == "" {
				r.byID[id] = t
			}
			r.list = append(r.list, t)
			return true, false, nil
		})
	})
	if err != nil {
		return &relationships{}, err
	}
	return r, nil
}

// resolveTarget resolves a relationship target against the folder of its source.
func resolveTarget(dir, target string) string {
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+dir+target), "/")
}

// mainPart finds the main document part through the package relationships
// (_rels/.rels), falling back to the usual name (with the error, if they are broken).
func (p *pkg) mainPart() (string, error) {
	r, err := p.rels("")
	// Only a Word main part counts: an XLSX's officeDocument is xl/workbook.xml.
	if t := r.first("officeDocument", ""); err == nil && strings.HasPrefix(partKey(t), "word/") {
		return t, nil
	}
	return "word/document.xml", err
}

// looksLikeWord reports whether the package is a Word document, whatever it lacks.
func (p *pkg) looksLikeWord() bool {
	for k := range p.parts {
		if strings.HasPrefix(k, "word/") {
			return true
		}
	}
	rc, found, err := p.open("[Content_Types].xml", maxAuxPart)
	if err != nil || !found {
		return false
	}
	defer rc.Close()
	b, _ := io.ReadAll(rc)
	return bytes.Contains(b, []byte("wordprocessingml"))
}
