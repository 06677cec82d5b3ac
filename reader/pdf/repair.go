package pdf

import (
	"bytes"
	"sort"
	"strconv"

	"github.com/baocao/baocao/reader"
)

// The repair step reads every indirect object of the file by scanning for "N G obj"
// (no xref needed), expands object streams, decrypts strings and streams when the
// file is encrypted, and writes a plain PDF 1.7 file with a classic xref table that the
// library opens without trouble. It runs for encrypted files and whenever the file
// as written cannot be opened.

type rawObj struct {
	id, gen  int
	order    int // position in the file (later definitions win)
	body     int // offset of the object's value
	val      any
	isStream bool
	data     []byte // stream data as stored
}

// maxObjects bounds the number of objects a repaired file may have.
const maxObjects = 2_000_000

type repairResult struct {
	data      []byte
	encrypted bool
	objects   int
}

// repair rebuilds data; password opens an encrypted file.
func repair(data []byte, password string) (*repairResult, error) {
	objs, trailers := scanObjects(data)
	if len(objs) == 0 {
		return nil, reader.Errorf(reader.ErrCorrupt, "no PDF objects found")
	}
	// the trailer: later trailers override earlier ones, key by key
	trailer := pdict{}
	for _, t := range trailers {
		for _, k := range []string{"Root", "Info", "ID", "Encrypt"} {
			if v, ok := t[k]; ok && v != nil {
				trailer[k] = v
			}
		}
	}
	res := &repairResult{}
	var sec *security
	var encID int = -1
	if e, ok := trailer["Encrypt"]; ok {
		enc, _ := e.(pdict)
		if r, ok := e.(pref); ok {
			if o := objs[r.id]; o != nil {
				enc, _ = o.val.(pdict)
				encID = r.id
			}
		}
		if enc == nil {
			return nil, reader.Errorf(reader.ErrCorrupt, "encryption dictionary not found")
		}
		var id []byte
		if ids, ok := trailer["ID"].(parray); ok && len(ids) > 0 {
			id, _ = ids[0].(pstring)
		}
		var err error
		if sec, err = newSecurity(enc, id, password); err != nil {
			return nil, err
		}
		res.encrypted = true
	}
	if sec != nil {
		for id, o := range objs {
			if id == encID {
				continue
			}
			p := parser{lx: lexer{data: data, pos: o.body}}
			if sec.strMethod != cryptNone {
				oid, ogen := o.id, o.gen
				p.str = func(b []byte) []byte { return sec.decrypt(b, oid, ogen, sec.strMethod) }
			}
			if v, ok := p.object(0); ok {
				o.val = v
			}
			if o.isStream {
				d, _ := o.val.(pdict)
				if skipDecrypt(d, sec) {
					continue
				}
				o.data = sec.decrypt(o.data, o.id, o.gen, sec.stmMethod)
			}
		}
	}
	expandObjectStreams(objs)

	root, ok := trailer["Root"].(pref)
	if !ok || objs[root.id] == nil {
		root, ok = findCatalog(objs)
		if !ok {
			return nil, reader.Errorf(reader.ErrCorrupt, "no document catalog")
		}
	}
	trailer["Root"] = root
	delete(trailer, "Encrypt")
	res.data = writeFile(objs, trailer)
	res.objects = len(objs)
	return res, nil
}

// skipDecrypt reports streams that are stored in clear: xref streams, metadata when
// EncryptMetadata is false, and streams with an Identity crypt filter.
func skipDecrypt(d pdict, sec *security) bool {
	switch d.name("Type") {
	case "XRef":
		return true
	case "Metadata":
		if !sec.encryptMD {
			return true
		}
	}
	f := d["Filter"]
	if a, ok := f.(parray); ok && len(a) > 0 {
		f = a[0]
	}
	if n, _ := f.(pname); n == "Crypt" {
		parms, _ := d["DecodeParms"].(pdict)
		if a, ok := d["DecodeParms"].(parray); ok && len(a) > 0 {
			parms, _ = a[0].(pdict)
		}
		if nm := parms.name("Name"); nm == "" || nm == "Identity" {
			return true
		}
	}
	return false
}

// scanObjects finds every "N G obj" and "trailer" of data in file order.
func scanObjects(data []byte) (map[int]*rawObj, []pdict) {
	objs := map[int]*rawObj{}
	var trailers []pdict
	order := 0
	pos := 0
	nextTrailer := -2 // offset of the next "trailer" at or after pos; -2: not searched
	for pos < len(data) && len(objs) < maxObjects {
		i := bytes.Index(data[pos:], []byte("obj"))
		// "trailer" is rare: search again only when pos has passed the last hit
		if nextTrailer != -1 && nextTrailer < pos {
			if k := bytes.Index(data[pos:], []byte("trailer")); k >= 0 {
				nextTrailer = pos + k
			} else {
				nextTrailer = -1
			}
		}
		j := -1
		if nextTrailer >= 0 {
			j = nextTrailer - pos
		}
		if i < 0 && j < 0 {
			break
		}
		if j >= 0 && (i < 0 || j < i) {
			at := pos + j + len("trailer")
			p := parser{lx: lexer{data: data, pos: at}}
			if v, ok := p.object(0); ok {
				if d, ok := v.(pdict); ok {
					trailers = append(trailers, d)
				}
			}
			pos = max(at, p.lx.pos)
			continue
		}
		at := pos + i
		pos = at + 3
		if pos < len(data) && !isWhite(data[pos]) && !isDelim(data[pos]) {
			continue // "objects", "endobj" is excluded below
		}
		id, gen, ok := objHeader(data, at)
		if !ok {
			continue
		}
		p := parser{lx: lexer{data: data, pos: pos}}
		body := pos
		v, ok := p.object(0)
		if !ok {
			pos = max(pos, p.lx.pos)
			continue
		}
		o := &rawObj{id: id, gen: gen, order: order, body: body, val: v}
		order++
		after := p.lx.pos
		save := p.lx.pos
		if t := p.lx.next(); t.kind == tKeyword && string(t.val) == "stream" {
			start := p.lx.pos
			if start < len(data) && data[start] == '\r' {
				start++
			}
			if start < len(data) && data[start] == '\n' {
				start++
			}
			d, _ := v.(pdict)
			end, next := streamExtent(data, start, d)
			o.isStream = true
			o.data = data[start:end]
			after = next
			if d.name("Type") == "XRef" {
				trailers = append(trailers, d)
			}
		} else {
			p.lx.pos = save
		}
		pos = after
		if prev := objs[id]; prev == nil || prev.order < o.order {
			objs[id] = o
		}
	}
	return objs, trailers
}

// objHeader reads "id gen" backwards from the "obj" keyword at at.
func objHeader(data []byte, at int) (id, gen int, ok bool) {
	k := at
	if k > 0 && (data[k-1] == 'd' || data[k-1] == 'n') { // "endobj"
		return 0, 0, false
	}
	skip := func() {
		for k > 0 && isWhite(data[k-1]) {
			k--
		}
	}
	digits := func() (int, bool) {
		end := k
		for k > 0 && data[k-1] >= '0' && data[k-1] <= '9' && end-k < 10 {
			k--
		}
		if k == end {
			return 0, false
		}
		n, err := strconv.Atoi(string(data[k:end]))
		return n, err == nil
	}
	skip()
	g, ok1 := digits()
	if !ok1 || k == 0 || !isWhite(data[k-1]) {
		return 0, 0, false
	}
	skip()
	n, ok2 := digits()
	if !ok2 || g > 65535 || n > 1<<23 {
		return 0, 0, false
	}
	if k > 0 && !isWhite(data[k-1]) && !isDelim(data[k-1]) {
		return 0, 0, false
	}
	return n, g, true
}

// streamExtent finds the end of stream data starting at start: /Length when it is
// direct and lands on "endstream", else the next "endstream".
func streamExtent(data []byte, start int, d pdict) (end, next int) {
	if n, ok := d.int("Length"); ok && n >= 0 && int64(start)+n <= int64(len(data)) {
		e := start + int(n)
		k := e
		for k < len(data) && isWhite(data[k]) {
			k++
		}
		if bytes.HasPrefix(data[k:], []byte("endstream")) {
			return e, k + len("endstream")
		}
	}
	i := bytes.Index(data[start:], []byte("endstream"))
	if i < 0 {
		return len(data), len(data)
	}
	e := start + i
	if e > start && data[e-1] == '\n' {
		e--
	}
	if e > start && data[e-1] == '\r' {
		e--
	}
	return e, start + i + len("endstream")
}

// expandObjectStreams moves the objects inside /Type /ObjStm streams into the table.
// An object stored both inside a stream and directly keeps the later definition.
func expandObjectStreams(objs map[int]*rawObj) {
	var streams []*rawObj
	for _, o := range objs {
		if d, ok := o.val.(pdict); ok && o.isStream && d.name("Type") == "ObjStm" {
			streams = append(streams, o)
		}
	}
	sort.Slice(streams, func(i, j int) bool { return streams[i].order < streams[j].order })
	for _, s := range streams {
		d := s.val.(pdict)
		chain, err := filterChain(d["Filter"], d["DecodeParms"])
		if err != nil {
			continue
		}
		body, _, err := decode(s.data, chain)
		if err != nil {
			continue
		}
		n, _ := d.int("N")
		first, _ := d.int("First")
		if n <= 0 || first <= 0 || first > int64(len(body)) || n > maxObjects {
			continue
		}
		p := parser{lx: lexer{data: body}}
		type entry struct{ id, off int }
		var entries []entry
		for k := int64(0); k < n; k++ {
			a, b := p.lx.next(), p.lx.next()
			if a.kind != tInt || b.kind != tInt {
				break
			}
			entries = append(entries, entry{int(a.i), int(b.i)})
		}
		for _, e := range entries {
			at := int(first) + e.off
			if at < 0 || at >= len(body) || e.id <= 0 || e.id > 1<<23 {
				continue
			}
			q := parser{lx: lexer{data: body, pos: at}}
			v, ok := q.object(0)
			if !ok {
				continue
			}
			if prev := objs[e.id]; prev != nil && prev.order > s.order {
				continue
			}
			objs[e.id] = &rawObj{id: e.id, order: s.order, val: v}
		}
		delete(objs, s.id)
	}
}

func findCatalog(objs map[int]*rawObj) (pref, bool) {
	best := (*rawObj)(nil)
	for _, o := range objs {
		if d, ok := o.val.(pdict); ok && d.name("Type") == "Catalog" && d["Pages"] != nil {
			if best == nil || o.order > best.order {
				best = o
			}
		}
	}
	if best == nil {
		return pref{}, false
	}
	return pref{best.id, best.gen}, true
}

// writeFile writes objs as a PDF with a classic xref table.
func writeFile(objs map[int]*rawObj, trailer pdict) []byte {
	ids := make([]int, 0, len(objs))
	size := 0
	for id, o := range objs {
		if d, ok := o.val.(pdict); ok && o.isStream && d.name("Type") == "XRef" {
			continue
		}
		ids = append(ids, id)
	}
	sort.Ints(ids)
	// ids are at most 1<<23, but a fuzzed file can use a few huge ones: the xref
	// table would dwarf the file, so such objects are dropped
	limit := max(100_000, 20*len(ids))
	for len(ids) > 0 && ids[len(ids)-1] >= limit {
		ids = ids[:len(ids)-1]
	}
	if len(ids) > 0 {
		size = ids[len(ids)-1] + 1
	}
	total := 0
	for _, id := range ids {
		total += len(objs[id].data) + 64
	}
	out := make([]byte, 0, total+20*size+256)
	out = append(out, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"...)
	offsets := make([]int, size)
	gens := make([]int, size)
	for _, id := range ids {
		o := objs[id]
		offsets[id] = len(out)
		gens[id] = o.gen
		out = strconv.AppendInt(out, int64(id), 10)
		out = append(out, ' ')
		out = strconv.AppendInt(out, int64(o.gen), 10)
		out = append(out, " obj\n"...)
		if o.isStream {
			d, _ := o.val.(pdict)
			nd := pdict{}
			for k, v := range d {
				nd[k] = v
			}
			nd["Length"] = int64(len(o.data))
			dropCryptFilter(nd)
			out = writeObj(out, nd)
			out = append(out, "\nstream\n"...)
			out = append(out, o.data...)
			out = append(out, "\nendstream"...)
		} else {
			out = writeObj(out, o.val)
		}
		out = append(out, "\nendobj\n"...)
	}
	xref := len(out)
	out = append(out, "xref\n0 "...)
	out = strconv.AppendInt(out, int64(max(size, 1)), 10)
	out = append(out, "\n0000000000 65535 f \n"...)
	for id := 1; id < size; id++ {
		if offsets[id] == 0 {
			out = append(out, "0000000000 65535 f \n"...)
			continue
		}
		out = append(out, pad10(offsets[id])...)
		out = append(out, ' ')
		g := strconv.Itoa(gens[id])
		for k := len(g); k < 5; k++ {
			out = append(out, '0')
		}
		out = append(out, g...)
		out = append(out, " n \n"...)
	}
	trailer["Size"] = int64(max(size, 1))
	out = append(out, "trailer\n"...)
	out = writeObj(out, trailer)
	out = append(out, "\nstartxref\n"...)
	out = strconv.AppendInt(out, int64(xref), 10)
	out = append(out, "\n%%EOF\n"...)
	return out
}

func pad10(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 10 {
		s = "0" + s
	}
	return s
}

// dropCryptFilter removes a leading /Crypt filter: the data is decrypted already.
func dropCryptFilter(d pdict) {
	switch f := d["Filter"].(type) {
	case pname:
		if f == "Crypt" {
			delete(d, "Filter")
			delete(d, "DecodeParms")
		}
	case parray:
		if len(f) > 0 && f[0] == pname("Crypt") {
			d["Filter"] = f[1:]
			if p, ok := d["DecodeParms"].(parray); ok && len(p) > 0 {
				d["DecodeParms"] = p[1:]
			}
		}
	}
}
