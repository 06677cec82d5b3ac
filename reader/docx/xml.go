package docx

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// newDecoder returns a strict XML decoder over a part. Word writes UTF-8; a BOM is
// dropped, UTF-16 (with a BOM) and the Latin-1 family are decoded. Elements are
// matched by local name everywhere, so Transitional and Strict OOXML read alike.
func newDecoder(r io.Reader) *xml.Decoder {
	br := bufio.NewReaderSize(r, 32<<10)
	var src io.Reader = br
	if head, _ := br.Peek(3); bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	} else if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		src = transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	}
	d := xml.NewDecoder(src)
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-16", "utf-16le", "utf-16be", "ucs-2": // already decoded from the BOM
			return input, nil
		case "iso-8859-1", "latin1", "latin-1":
			return charmap.ISO8859_1.NewDecoder().Reader(input), nil
		case "windows-1252", "cp1252":
			return charmap.Windows1252.NewDecoder().Reader(input), nil
		}
		return nil, fmt.Errorf("unsupported XML encoding %q", label)
	}
	return d
}

// attr returns the value of the attribute with local name local.
func attr(se *xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func hasAttr(se *xml.StartElement, local string) bool {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return true
		}
	}
	return false
}

// onOff reads an ST_OnOff toggle such as <w:b/>, <w:b w:val="0"/>: absent val means on.
func onOff(se *xml.StartElement) bool {
	if !hasAttr(se, "val") {
		return true
	}
	switch strings.ToLower(attr(se, "val")) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

// atoi reads a decimal attribute, or def when it is missing or malformed.
func atoi(s string, def int) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return def
	}
	return n
}

// children calls fn for each start element below the one just read (any depth) and
// returns after its end element. fn returns skip=true to drop the element's subtree,
// or consumed=true when it read the subtree itself (up to and including its end).
func children(d *xml.Decoder, fn func(se *xml.StartElement) (skip, consumed bool, err error)) error {
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return eofIsSyntax(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			skip, consumed, err := fn(&t)
			if err != nil {
				return err
			}
			if consumed {
				continue
			}
			if skip {
				if err := d.Skip(); err != nil {
					return eofIsSyntax(err)
				}
				continue
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// charData reads the text of the element just started, up to its end element.
func charData(d *xml.Decoder) (string, error) {
	var sb strings.Builder
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return "", eofIsSyntax(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			if depth == 0 {
				sb.Write(t)
			}
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return sb.String(), nil
			}
			depth--
		}
	}
}

// eofIsSyntax turns an EOF inside an element into a syntax error: the part ended early.
func eofIsSyntax(err error) error {
	if err == io.EOF {
		return &xml.SyntaxError{Msg: "unexpected end of part", Line: 0}
	}
	return err
}

// root reads up to the first start element of a part (its root).
func root(d *xml.Decoder) (*xml.StartElement, error) {
	for {
		tok, err := d.Token()
		if err != nil {
			if err == io.EOF {
				return nil, &xml.SyntaxError{Msg: "no root element", Line: 1}
			}
			return nil, err
		}
		if se, ok := tok.(xml.StartElement); ok {
			return &se, nil
		}
	}
}
