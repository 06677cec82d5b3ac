package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"fmt"
	"strings"
	"unicode/utf8"
)

// A small PDF writer for the tests: every fixture is made by the test that needs it.

type pdfObj struct {
	body   string // the object's value (a dictionary for streams, without /Length)
	stream []byte
	isStm  bool
}

type pdfWriter struct {
	objs    []pdfObj
	version string // header version, "1.7" by default
	enc     *testEncryption
}

func (w *pdfWriter) add(body string) int {
	w.objs = append(w.objs, pdfObj{body: body})
	return len(w.objs)
}

// reserve adds an object to fill in later (pages need their parent's number).
func (w *pdfWriter) set(id int, body string) { w.objs[id-1].body = body }

func (w *pdfWriter) addStream(dict string, data []byte) int {
	w.objs = append(w.objs, pdfObj{body: dict, stream: data, isStm: true})
	return len(w.objs)
}

// bytes writes the file with a classic xref table and a trailer naming root (and the
// encryption dictionary when w.enc is set).
func (w *pdfWriter) bytes(root int) []byte {
	var b bytes.Buffer
	v := w.version
	if v == "" {
		v = "1.7"
	}
	fmt.Fprintf(&b, "%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", v)
	id := []byte("0123456789abcdef")
	encID := 0
	if w.enc != nil {
		encID = w.add(w.enc.dict())
	}
	offsets := make([]int, len(w.objs)+1)
	for i, o := range w.objs {
		n := i + 1
		offsets[n] = b.Len()
		body, data := o.body, o.stream
		if w.enc != nil && n != encID {
			body = w.enc.encryptBody(body, n)
			if o.isStm {
				data = w.enc.encrypt(data, n)
			}
		}
		fmt.Fprintf(&b, "%d 0 obj\n", n)
		if o.isStm {
			body = strings.TrimSuffix(strings.TrimSpace(body), ">>") + fmt.Sprintf("/Length %d>>", len(data))
			b.WriteString(body)
			b.WriteString("\nstream\n")
			b.Write(data)
			b.WriteString("\nendstream")
		} else {
			b.WriteString(body)
		}
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(w.objs)+1)
	for n := 1; n <= len(w.objs); n++ {
		fmt.Fprintf(&b, "%010d 00000 n \n", offsets[n])
	}
	trailer := fmt.Sprintf("<</Size %d/Root %d 0 R/ID[<%x><%x>]", len(w.objs)+1, root, id, id)
	if encID > 0 {
		trailer += fmt.Sprintf("/Encrypt %d 0 R", encID)
	}
	fmt.Fprintf(&b, "trailer\n%s>>\nstartxref\n%d\n%%%%EOF\n", trailer, xref)
	return b.Bytes()
}

// testLine is one line of text to draw.
type testLine struct {
	x, y  float64
	size  float64
	font  string // resource name: F1 (regular), F2 (bold), F3 (ASCII Helvetica)
	text  string
	rise  float64
	after string // raw operators drawn after the line
}

// vnFont is a Type0 Identity-H font whose ToUnicode maps the code of each rune used,
// so any Vietnamese text can be shown and read back exactly.
type vnFont struct {
	codes map[rune]int
	order []rune
}

func newVNFont(texts ...string) *vnFont {
	f := &vnFont{codes: map[rune]int{}}
	for _, t := range texts {
		for _, r := range t {
			if _, ok := f.codes[r]; !ok {
				f.codes[r] = len(f.order) + 1
				f.order = append(f.order, r)
			}
		}
	}
	return f
}

func (f *vnFont) hex(s string) string {
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range s {
		fmt.Fprintf(&b, "%04X", f.codes[r])
	}
	b.WriteByte('>')
	return b.String()
}

func (f *vnFont) toUnicode() []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n")
	b.WriteString("1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	for i := 0; i < len(f.order); i += 100 {
		end := min(i+100, len(f.order))
		fmt.Fprintf(&b, "%d beginbfchar\n", end-i)
		for _, r := range f.order[i:end] {
			fmt.Fprintf(&b, "<%04X> <%04X>\n", f.codes[r], r)
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap CMapName currentdict /CMap defineresource pop end end\n")
	return b.Bytes()
}

// addTo writes the font's objects and returns the font dictionary's object number.
func (f *vnFont) addTo(w *pdfWriter, base string) int {
	tu := w.addStream("<<>>", f.toUnicode())
	desc := w.add(fmt.Sprintf("<</Type/FontDescriptor/FontName/%s/Flags 32/FontBBox[0 -200 1000 800]/ItalicAngle 0/Ascent 800/Descent -200/CapHeight 700/StemV 80>>", base))
	cid := w.add(fmt.Sprintf("<</Type/Font/Subtype/CIDFontType2/BaseFont/%s/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor %d 0 R/DW 500>>", base, desc))
	return w.add(fmt.Sprintf("<</Type/Font/Subtype/Type0/BaseFont/%s/Encoding/Identity-H/DescendantFonts[%d 0 R]/ToUnicode %d 0 R>>", base, cid, tu))
}

// textPDF makes a PDF whose pages show the given lines with a Vietnamese regular
// font (F1), its bold (F2) and an ASCII Helvetica (F3). Page size is A4.
func textPDF(w *pdfWriter, pages [][]testLine) (root int) {
	var all []string
	for _, p := range pages {
		for _, l := range p {
			all = append(all, l.text)
		}
	}
	font := newVNFont(all...)
	f1 := font.addTo(w, "TimesNewRomanPSMT")
	f2 := font.addTo(w, "TimesNewRomanPS-BoldMT")
	widths := strings.TrimSpace(strings.Repeat("500 ", 224))
	f3 := w.add(fmt.Sprintf("<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding/FirstChar 32/LastChar 255/Widths[%s]>>", widths))
	res := fmt.Sprintf("<</Font<</F1 %d 0 R/F2 %d 0 R/F3 %d 0 R>>>>", f1, f2, f3)
	pagesID := w.add("")
	var kids []string
	for _, p := range pages {
		var c strings.Builder
		for _, l := range p {
			fn := l.font
			if fn == "" {
				fn = "F1"
			}
			text := font.hex(l.text)
			if fn == "F3" {
				text = "(" + strings.NewReplacer("(", "\\(", ")", "\\)", "\\", "\\\\").Replace(l.text) + ")"
			}
			fmt.Fprintf(&c, "BT /%s %g Tf %g Ts %g %g Td %s Tj ET\n%s", fn, l.size, l.rise, l.x, l.y, text, l.after)
		}
		cs := w.addStream("<<>>", []byte(c.String()))
		kids = append(kids, fmt.Sprintf("%d 0 R", w.add(fmt.Sprintf("<</Type/Page/Parent %d 0 R/MediaBox[0 0 595 842]/Resources %s/Contents %d 0 R>>", pagesID, res, cs))))
	}
	w.set(pagesID, fmt.Sprintf("<</Type/Pages/Kids[%s]/Count %d>>", strings.Join(kids, " "), len(kids)))
	return w.add(fmt.Sprintf("<</Type/Catalog/Pages %d 0 R>>", pagesID))
}

// para lays a text out as lines of at most n runes from (x, y) down.
func paraLines(text string, x, y, size float64, n int) []testLine {
	var out []testLine
	words := strings.Fields(text)
	cur := ""
	for _, w := range words {
		if cur != "" && utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) > n {
			out = append(out, testLine{x: x, y: y, size: size, text: cur})
			y -= size * 1.2
			cur = ""
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" {
		out = append(out, testLine{x: x, y: y, size: size, text: cur})
	}
	return out
}

// testEncryption encrypts a test file with the standard security handler.
type testEncryption struct {
	v, r      int
	bits      int
	aes       bool
	user      string
	owner     string
	key       []byte
	o, u      []byte
	oe, ue    []byte
	perms     []byte
	permsFlag int32
	id        []byte
}

func newTestEncryption(kind, user, owner string) *testEncryption {
	e := &testEncryption{user: user, owner: owner, permsFlag: -4, id: []byte("0123456789abcdef")}
	switch kind {
	case "rc4-40":
		e.v, e.r, e.bits = 1, 2, 40
	case "rc4-128":
		e.v, e.r, e.bits = 2, 3, 128
	case "aes-128":
		e.v, e.r, e.bits, e.aes = 4, 4, 128, true
	case "aes-256":
		e.v, e.r, e.bits, e.aes = 5, 6, 256, true
	default:
		panic("unknown encryption " + kind)
	}
	if e.r >= 5 {
		e.setupR6()
	} else {
		e.setupR4()
	}
	return e
}

func (e *testEncryption) setupR4() {
	n := e.bits / 8
	owner := e.owner
	if owner == "" {
		owner = e.user
	}
	sum := md5.Sum(padPassword([]byte(owner)))
	k := sum[:]
	if e.r >= 3 {
		for i := 0; i < 50; i++ {
			s := md5.Sum(k)
			k = s[:]
		}
	}
	k = k[:n]
	o := padPassword([]byte(e.user))
	if e.r == 2 {
		c, _ := rc4.NewCipher(k)
		c.XORKeyStream(o, o)
	} else {
		rc4Rounds(k, o, false)
	}
	e.o = o
	e.key = r4Key([]byte(e.user), e.o, uint32(e.permsFlag), e.id, e.r, n, true)
	if e.r == 2 {
		u := make([]byte, 32)
		c, _ := rc4.NewCipher(e.key)
		c.XORKeyStream(u, passwordPad)
		e.u = u
	} else {
		h := md5.New()
		h.Write(passwordPad)
		h.Write(e.id)
		u := h.Sum(nil)
		rc4Rounds(e.key, u, false)
		e.u = append(u, make([]byte, 16)...)
	}
}

func (e *testEncryption) setupR6() {
	e.key = []byte("0123456789ABCDEF0123456789ABCDEF")
	uvs, uks := []byte("uvsaltxx"), []byte("uksaltxx")
	ovs, oks := []byte("ovsaltxx"), []byte("oksaltxx")
	user, owner := []byte(e.user), []byte(e.owner)
	if e.owner == "" {
		owner = user
	}
	e.u = append(append(hash2B(user, uvs, nil), uvs...), uks...)
	e.ue = aesNoIV(hash2B(user, uks, nil), e.key)
	e.o = append(append(hash2B(owner, ovs, e.u), ovs...), oks...)
	e.oe = aesNoIV(hash2B(owner, oks, e.u), e.key)
	e.perms = make([]byte, 16)
}

func aesNoIV(k, data []byte) []byte {
	block, _ := aes.NewCipher(k)
	out := make([]byte, len(data))
	cipher.NewCBCEncrypter(block, make([]byte, 16)).CryptBlocks(out, data)
	return out
}

func (e *testEncryption) dict() string {
	h := func(b []byte) string { return fmt.Sprintf("<%x>", b) }
	switch e.v {
	case 1, 2:
		return fmt.Sprintf("<</Filter/Standard/V %d/R %d/Length %d/O%s/U%s/P %d>>", e.v, e.r, e.bits, h(e.o), h(e.u), e.permsFlag)
	case 4:
		return fmt.Sprintf("<</Filter/Standard/V 4/R 4/Length 128/CF<</StdCF<</CFM/AESV2/AuthEvent/DocOpen/Length 16>>>>/StmF/StdCF/StrF/StdCF/O%s/U%s/P %d>>", h(e.o), h(e.u), e.permsFlag)
	}
	return fmt.Sprintf("<</Filter/Standard/V 5/R 6/Length 256/CF<</StdCF<</CFM/AESV3/AuthEvent/DocOpen/Length 32>>>>/StmF/StdCF/StrF/StdCF/O%s/U%s/OE%s/UE%s/Perms%s/P %d>>",
		h(e.o), h(e.u), h(e.oe), h(e.ue), h(e.perms), e.permsFlag)
}

func (e *testEncryption) objKey(id int) []byte {
	if e.v == 5 {
		return e.key
	}
	h := md5.New()
	h.Write(e.key)
	h.Write([]byte{byte(id), byte(id >> 8), byte(id >> 16), 0, 0})
	if e.aes {
		h.Write([]byte("sAlT"))
	}
	return h.Sum(nil)[:min(len(e.key)+5, 16)]
}

func (e *testEncryption) encrypt(data []byte, id int) []byte {
	k := e.objKey(id)
	if !e.aes {
		c, _ := rc4.NewCipher(k)
		out := make([]byte, len(data))
		c.XORKeyStream(out, data)
		return out
	}
	pad := 16 - len(data)%16
	plain := append(append([]byte(nil), data...), bytes.Repeat([]byte{byte(pad)}, pad)...)
	iv := []byte("fedcba9876543210")
	block, _ := aes.NewCipher(k)
	out := make([]byte, len(plain))
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, plain)
	return append(iv, out...)
}

// encryptBody encrypts the strings of an object's text.
func (e *testEncryption) encryptBody(body string, id int) string {
	p := parser{lx: lexer{data: []byte(body)}, str: func(b []byte) []byte { return e.encrypt(b, id) }}
	v, ok := p.object(0)
	if !ok {
		return body
	}
	return string(writeObj(nil, v))
}
