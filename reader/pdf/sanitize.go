package pdf

import (
	"bytes"
	"fmt"

	lpdf "github.com/ledongthuc/pdf"
)

// pdf.Interpret tokenizes content streams with the library's lexer, which panics
// outside its own recover on a stray ")" or ">", a bad "#" escape in a name or an
// integer that overflows, loops forever on an unterminated hex string, reads the
// bytes of an inline image as operators, and runs the PostScript operators begin,
// end, def and currentdict. sanitize re-writes a content stream token by token so
// none of that can happen: strings become hex strings, names are re-escaped, inline
// images and comments are dropped, and only well-formed tokens are kept.

// dropped are keywords pdf.Interpret would execute itself.
var dropped = map[string]bool{"dict": true, "currentdict": true, "begin": true, "end": true, "def": true, "pop": true}

func sanitize(data []byte) []byte {
	out := make([]byte, 0, len(data)+len(data)/8)
	lx := lexer{data: data}
	for {
		t := lx.next()
		switch t.kind {
		case tEOF:
			return out
		case tBad:
			continue
		case tInt, tReal:
			w := data[t.start:lx.pos]
			if len(w) > 15 {
				w = []byte("0")
			}
			out = append(out, w...)
		case tName:
			out = writeObj(out, pname(t.val))
		case tString:
			out = writeObj(out, pstring(t.val))
		case tDictOpen:
			out = append(out, "<<"...)
		case tDictClose:
			out = append(out, ">>"...)
		case tArrOpen:
			out = append(out, '[')
		case tArrClose:
			out = append(out, ']')
		case tKeyword:
			kw := string(t.val)
			if kw == "BI" {
				skipInlineImage(&lx)
				continue
			}
			if dropped[kw] || len(kw) > 32 {
				continue
			}
			out = append(out, t.val...)
		}
		out = append(out, ' ')
	}
}

// skipInlineImage moves past "… ID <data> EI". The data ends at an "EI" between white
// space (or at the end of the stream).
func skipInlineImage(lx *lexer) {
	for {
		t := lx.next()
		if t.kind == tEOF {
			return
		}
		if t.kind == tKeyword && string(t.val) == "ID" {
			break
		}
	}
	d := lx.data
	p := lx.pos + 1 // one white-space byte follows ID
	for p < len(d) {
		i := bytes.Index(d[p:], []byte("EI"))
		if i < 0 {
			lx.pos = len(d)
			return
		}
		e := p + i
		if e > 0 && isWhite(d[e-1]) && (e+2 == len(d) || isWhite(d[e+2]) || isDelim(d[e+2])) {
			lx.pos = e + 2
			return
		}
		p = e + 2
	}
	lx.pos = len(d)
}

// contentValue wraps content bytes in a one-object PDF so pdf.Interpret, which reads
// only library values, can run on data this package decoded and cleaned itself.
func contentValue(content []byte) (v lpdf.Value, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("content stream: %v", p)
		}
	}()
	var b bytes.Buffer
	b.Grow(len(content) + 200)
	b.WriteString("%PDF-1.7\n")
	off := b.Len()
	fmt.Fprintf(&b, "1 0 obj\n<</Length %d>>\nstream\n", len(content))
	b.Write(content)
	b.WriteString("\nendstream\nendobj\n")
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 2\n0000000000 65535 f \n%010d 00000 n \ntrailer\n<</Size 2/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", off, xref)
	r, err := lpdf.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		return lpdf.Value{}, err
	}
	return r.Trailer().Key("Root"), nil
}
