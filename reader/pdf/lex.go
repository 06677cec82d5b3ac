package pdf

import (
	"bytes"
	"strconv"
)

// This file is a small PDF tokenizer and object parser over a byte slice. The library
// parses the objects it is given well, but repairing a file (no usable xref, object
// streams to expand, encrypted strings to decrypt) and reading CMaps need the raw
// syntax: positions, object numbers, strings as bytes. It never panics: bad syntax
// ends the object being parsed.

type tokKind uint8

const (
	tEOF tokKind = iota
	tInt
	tReal
	tName
	tString // literal or hex; val holds the bytes
	tKeyword
	tDictOpen
	tDictClose
	tArrOpen
	tArrClose
	tBad // a stray delimiter
)

type token struct {
	kind  tokKind
	start int    // offset of the token's first byte
	val   []byte // name (without "/", #xx decoded), string bytes, keyword
	num   float64
	i     int64
}

type lexer struct {
	data []byte
	pos  int
}

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *lexer) skipWhite() {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		if isWhite(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

func (l *lexer) next() token {
	l.skipWhite()
	if l.pos >= len(l.data) {
		return token{kind: tEOF, start: l.pos}
	}
	start := l.pos
	c := l.data[l.pos]
	switch c {
	case '(':
		l.pos++
		return token{kind: tString, start: start, val: l.literal()}
	case '<':
		if l.pos+1 < len(l.data) && l.data[l.pos+1] == '<' {
			l.pos += 2
			return token{kind: tDictOpen, start: start}
		}
		l.pos++
		return token{kind: tString, start: start, val: l.hex()}
	case '>':
		if l.pos+1 < len(l.data) && l.data[l.pos+1] == '>' {
			l.pos += 2
			return token{kind: tDictClose, start: start}
		}
		l.pos++
		return token{kind: tBad, start: start}
	case '[':
		l.pos++
		return token{kind: tArrOpen, start: start}
	case ']':
		l.pos++
		return token{kind: tArrClose, start: start}
	case '{', '}':
		l.pos++
		return token{kind: tKeyword, start: start, val: l.data[start:l.pos]}
	case ')':
		l.pos++
		return token{kind: tBad, start: start}
	case '/':
		l.pos++
		return token{kind: tName, start: start, val: l.name()}
	}
	for l.pos < len(l.data) && !isWhite(l.data[l.pos]) && !isDelim(l.data[l.pos]) {
		l.pos++
	}
	w := l.data[start:l.pos]
	if t, ok := number(w); ok {
		t.start = start
		return t
	}
	return token{kind: tKeyword, start: start, val: w}
}

// number parses an integer or a real ("12", "-3", ".5", "4."); overflowing integers
// become reals.
func number(w []byte) (token, bool) {
	if len(w) == 0 || len(w) > 64 {
		return token{}, false
	}
	i := 0
	if w[0] == '+' || w[0] == '-' {
		i++
	}
	digits, dots := 0, 0
	for ; i < len(w); i++ {
		switch {
		case w[i] >= '0' && w[i] <= '9':
			digits++
		case w[i] == '.':
			dots++
		default:
			return token{}, false
		}
	}
	if digits == 0 || dots > 1 {
		return token{}, false
	}
	if dots == 0 {
		if n, err := strconv.ParseInt(string(w), 10, 64); err == nil {
			return token{kind: tInt, i: n, num: float64(n)}, true
		}
	}
	f, err := strconv.ParseFloat(string(w), 64)
	if err != nil {
		return token{}, false
	}
	return token{kind: tReal, num: f, i: int64(f)}, true
}

func (l *lexer) literal() []byte {
	var out []byte
	depth := 1
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out
			}
		case '\\':
			if l.pos >= len(l.data) {
				return out
			}
			c = l.data[l.pos]
			l.pos++
			switch c {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.data) && l.data[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if c >= '0' && c <= '7' {
					x := int(c - '0')
					for k := 0; k < 2 && l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '7'; k++ {
						x = x*8 + int(l.data[l.pos]-'0')
						l.pos++
					}
					c = byte(x)
				}
			}
		}
		out = append(out, c)
	}
	return out
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func (l *lexer) hex() []byte {
	var out []byte
	hi := -1
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v := unhex(c)
		if v < 0 {
			continue // whitespace or junk
		}
		if hi < 0 {
			hi = v
		} else {
			out = append(out, byte(hi<<4|v))
			hi = -1
		}
	}
	if hi >= 0 { // an odd digit count: the last digit is followed by 0
		out = append(out, byte(hi<<4))
	}
	return out
}

func (l *lexer) name() []byte {
	start := l.pos
	for l.pos < len(l.data) && !isWhite(l.data[l.pos]) && !isDelim(l.data[l.pos]) {
		l.pos++
	}
	w := l.data[start:l.pos]
	if bytes.IndexByte(w, '#') < 0 {
		return w
	}
	out := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		if w[i] == '#' && i+2 < len(w) && unhex(w[i+1]) >= 0 && unhex(w[i+2]) >= 0 {
			out = append(out, byte(unhex(w[i+1])<<4|unhex(w[i+2])))
			i += 2
			continue
		}
		out = append(out, w[i])
	}
	return out
}

// Parsed objects: nil, bool, int64, float64, pname, pstring, pdict, parray, pref.
type (
	pname   string
	pstring []byte
	pdict   map[string]any
	parray  []any
	pref    struct {
		id  int
		gen int
	}
)

// maxDepth bounds nesting of arrays and dictionaries.
const maxDepth = 64

// parser parses objects; str, when set, transforms every string (decryption).
type parser struct {
	lx  lexer
	str func([]byte) []byte
}

// object parses one object. ok is false at the end of input or on a token that
// cannot start an object (the token is consumed).
func (p *parser) object(depth int) (v any, ok bool) {
	t := p.lx.next()
	return p.fromToken(t, depth)
}

func (p *parser) fromToken(t token, depth int) (any, bool) {
	switch t.kind {
	case tInt:
		// "N G R" is a reference
		save := p.lx.pos
		t2 := p.lx.next()
		if t2.kind == tInt && t.i >= 0 && t2.i >= 0 && t2.i < 65536 {
			t3 := p.lx.next()
			if t3.kind == tKeyword && string(t3.val) == "R" {
				return pref{int(t.i), int(t2.i)}, true
			}
		}
		p.lx.pos = save
		return t.i, true
	case tReal:
		return t.num, true
	case tName:
		return pname(t.val), true
	case tString:
		if p.str != nil {
			return pstring(p.str(t.val)), true
		}
		return pstring(t.val), true
	case tArrOpen:
		if depth >= maxDepth {
			return nil, false
		}
		var a parray
		for {
			save := p.lx.pos
			t := p.lx.next()
			if t.kind == tArrClose {
				return a, true
			}
			if t.kind == tEOF || t.kind == tDictClose {
				p.lx.pos = save
				return a, true
			}
			if t.kind == tKeyword && (string(t.val) == "endobj" || string(t.val) == "stream" || string(t.val) == "obj") {
				p.lx.pos = save
				return a, true
			}
			if v, ok := p.fromToken(t, depth+1); ok {
				a = append(a, v)
			}
		}
	case tDictOpen:
		if depth >= maxDepth {
			return nil, false
		}
		d := pdict{}
		for {
			save := p.lx.pos
			t := p.lx.next()
			if t.kind == tDictClose {
				return d, true
			}
			if t.kind == tEOF || t.kind == tArrClose {
				p.lx.pos = save
				return d, true
			}
			if t.kind == tKeyword && (string(t.val) == "endobj" || string(t.val) == "stream" || string(t.val) == "obj") {
				p.lx.pos = save
				return d, true
			}
			if t.kind != tName {
				continue // junk where a key should be
			}
			save = p.lx.pos
			vt := p.lx.next()
			if vt.kind == tDictClose { // a key without a value
				return d, true
			}
			if v, ok := p.fromToken(vt, depth+1); ok {
				d[string(t.val)] = v
			} else {
				p.lx.pos = max(p.lx.pos, save)
			}
		}
	case tKeyword:
		switch string(t.val) {
		case "true":
			return true, true
		case "false":
			return false, true
		case "null":
			return nil, true
		}
	}
	return nil, false
}

// helpers on parsed objects

func (d pdict) name(k string) string {
	n, _ := d[k].(pname)
	return string(n)
}

func (d pdict) int(k string) (int64, bool) {
	switch v := d[k].(type) {
	case int64:
		return v, true
	case float64:
		return int64(v), true
	}
	return 0, false
}

func (d pdict) str(k string) []byte {
	s, _ := d[k].(pstring)
	return s
}

// writeObj serializes a parsed object; strings are written in hex.
func writeObj(buf []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(buf, "null"...)
	case bool:
		return strconv.AppendBool(buf, v)
	case int64:
		return strconv.AppendInt(buf, v, 10)
	case float64:
		return strconv.AppendFloat(buf, v, 'f', -1, 64)
	case pname:
		buf = append(buf, '/')
		for i := 0; i < len(v); i++ {
			c := v[i]
			if c <= ' ' || c >= 0x7f || c == '#' || isDelim(c) {
				buf = append(buf, '#', "0123456789ABCDEF"[c>>4], "0123456789ABCDEF"[c&15])
				continue
			}
			buf = append(buf, c)
		}
		return buf
	case pstring:
		buf = append(buf, '<')
		for _, c := range v {
			buf = append(buf, "0123456789ABCDEF"[c>>4], "0123456789ABCDEF"[c&15])
		}
		return append(buf, '>')
	case parray:
		buf = append(buf, '[')
		for i, e := range v {
			if i > 0 {
				buf = append(buf, ' ')
			}
			buf = writeObj(buf, e)
		}
		return append(buf, ']')
	case pdict:
		buf = append(buf, "<<"...)
		for _, k := range sortedKeys(v) {
			buf = writeObj(buf, pname(k))
			buf = append(buf, ' ')
			buf = writeObj(buf, v[k])
		}
		return append(buf, ">>"...)
	case pref:
		buf = strconv.AppendInt(buf, int64(v.id), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(v.gen), 10)
		return append(buf, " R"...)
	}
	return append(buf, "null"...)
}

func sortedKeys(d pdict) []string {
	ks := make([]string, 0, len(d))
	for k := range d {
		ks = append(ks, k)
	}
	// insertion sort: dictionaries are small
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0 && ks[j] < ks[j-1]; j-- {
			ks[j], ks[j-1] = ks[j-1], ks[j]
		}
	}
	return ks
}
