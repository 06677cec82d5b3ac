package pdf

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"io"

	"github.com/baocao/baocao/reader"
)

// maxDecoded bounds the decoded size of one stream: a content stream of a real page is
// far smaller, and a deflate bomb must not take the process down.
const maxDecoded = 64 << 20

// errImageFilter marks image-only filters (DCT, CCITT, JBIG2, JPX): the bytes are an
// image, not text, and are passed through as they are.
var errImageFilter = errors.New("image filter")

// filterSpec is one entry of a stream's /Filter chain with its /DecodeParms.
type filterSpec struct {
	name  string
	parms map[string]float64 // Predictor, Colors, BitsPerComponent, Columns, EarlyChange
}

func (f filterSpec) parm(k string, def float64) float64 {
	if v, ok := f.parms[k]; ok {
		return v
	}
	return def
}

// decode applies the filter chain. It stops at the first image filter and returns the
// bytes decoded so far with errImageFilter and the filter's name.
func decode(data []byte, chain []filterSpec) ([]byte, string, error) {
	for _, f := range chain {
		var err error
		switch f.name {
		case "FlateDecode", "Fl":
			data, err = inflate(data)
			if err == nil {
				data, err = predict(data, f)
			}
		case "LZWDecode", "LZW":
			data, err = lzwDecode(data, f.parm("EarlyChange", 1) != 0)
			if err == nil {
				data, err = predict(data, f)
			}
		case "ASCII85Decode", "A85":
			data, err = ascii85Decode(data)
		case "ASCIIHexDecode", "AHx":
			data, err = asciiHexDecode(data)
		case "RunLengthDecode", "RL":
			data, err = runLengthDecode(data)
		case "Crypt":
			// identity crypt filter: the repair step already decrypted the file
		case "DCTDecode", "DCT", "CCITTFaxDecode", "CCF", "JBIG2Decode", "JPXDecode":
			return data, f.name, errImageFilter
		default:
			return nil, f.name, reader.Errorf(reader.ErrUnsupported, "stream filter %s", f.name)
		}
		if err != nil {
			return nil, f.name, err
		}
	}
	return data, "", nil
}

// inflate reads a zlib stream, falling back to raw deflate (some producers omit the
// header). A stream cut short keeps what was decoded: content streams are often
// truncated by a few bytes and the text before the cut is still good.
func inflate(data []byte) ([]byte, error) {
	var r io.Reader
	if zr, err := zlib.NewReader(bytes.NewReader(data)); err == nil {
		r = zr
	} else {
		r = flate.NewReader(bytes.NewReader(data))
	}
	out, err := readLimited(r)
	if err != nil && len(out) == 0 {
		if errors.Is(err, reader.ErrLimit) {
			return nil, err
		}
		return nil, reader.Errorf(reader.ErrCorrupt, "flate: %v", err)
	}
	if errors.Is(err, reader.ErrLimit) {
		return nil, err
	}
	return out, nil
}

func readLimited(r io.Reader) ([]byte, error) {
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(r, maxDecoded+1))
	if n > maxDecoded {
		return nil, reader.Errorf(reader.ErrLimit, "stream decodes to more than %d MiB", maxDecoded>>20)
	}
	if err == io.ErrUnexpectedEOF {
		return buf.Bytes(), err
	}
	return buf.Bytes(), err
}

// predict undoes a TIFF (2) or PNG (10..15) predictor.
func predict(data []byte, f filterSpec) ([]byte, error) {
	pred := int(f.parm("Predictor", 1))
	if pred <= 1 {
		return data, nil
	}
	colors := int(f.parm("Colors", 1))
	bpc := int(f.parm("BitsPerComponent", 8))
	cols := int(f.parm("Columns", 1))
	if colors < 1 || colors > 32 || bpc < 1 || bpc > 16 || cols < 1 || cols > 1<<20 {
		return nil, reader.Errorf(reader.ErrCorrupt, "bad predictor parameters")
	}
	bpp := max(1, colors*bpc/8)      // bytes per pixel, for the left neighbour
	row := (colors*bpc*cols + 7) / 8 // bytes per row
	if pred == 2 {
		if bpc != 8 {
			return nil, reader.Errorf(reader.ErrUnsupported, "TIFF predictor with %d bits per component", bpc)
		}
		out := append([]byte(nil), data...)
		for y := 0; y+row <= len(out); y += row {
			for x := bpp; x < row; x++ {
				out[y+x] += out[y+x-bpp]
			}
		}
		return out, nil
	}
	if pred < 10 {
		return nil, reader.Errorf(reader.ErrUnsupported, "predictor %d", pred)
	}
	out := make([]byte, 0, len(data)/(row+1)*row)
	prev := make([]byte, row)
	for i := 0; i+1 <= len(data); i += row + 1 {
		ft := data[i]
		end := min(i+1+row, len(data))
		cur := make([]byte, row)
		copy(cur, data[i+1:end])
		for x := 0; x < row; x++ {
			var left, upLeft byte
			if x >= bpp {
				left, upLeft = cur[x-bpp], prev[x-bpp]
			}
			up := prev[x]
			switch ft {
			case 0:
			case 1:
				cur[x] += left
			case 2:
				cur[x] += up
			case 3:
				cur[x] += byte((int(left) + int(up)) / 2)
			case 4:
				cur[x] += paeth(left, up, upLeft)
			default:
				return nil, reader.Errorf(reader.ErrCorrupt, "PNG predictor row type %d", ft)
			}
		}
		out = append(out, cur[:end-i-1]...)
		prev = cur
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	if pa <= pb && pa <= pc {
		return a
	}
	if pb <= pc {
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// ascii85Decode decodes base-85 text up to "~>", ignoring whitespace.
func ascii85Decode(data []byte) ([]byte, error) {
	out := make([]byte, 0, len(data)*4/5)
	var group [5]byte
	n := 0
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case isWhite(c):
			continue
		case c == '~':
			i = len(data)
			continue
		case c == 'z' && n == 0:
			out = append(out, 0, 0, 0, 0)
			continue
		case c < '!' || c > 'u':
			return nil, reader.Errorf(reader.ErrCorrupt, "ASCII85: bad byte %#x", c)
		}
		group[n] = c - '!'
		n++
		if n == 5 {
			v := uint32(0)
			for _, g := range group {
				v = v*85 + uint32(g)
			}
			out = append(out, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
			n = 0
		}
	}
	if n > 1 { // a final partial group
		for k := n; k < 5; k++ {
			group[k] = 'u' - '!'
		}
		v := uint32(0)
		for _, g := range group {
			v = v*85 + uint32(g)
		}
		b := [4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}
		out = append(out, b[:n-1]...)
	}
	return out, nil
}

func asciiHexDecode(data []byte) ([]byte, error) {
	out := make([]byte, 0, len(data)/2)
	hi := -1
	for _, c := range data {
		if c == '>' {
			break
		}
		if isWhite(c) {
			continue
		}
		v := unhex(c)
		if v < 0 {
			return nil, reader.Errorf(reader.ErrCorrupt, "ASCIIHex: bad byte %#x", c)
		}
		if hi < 0 {
			hi = v
		} else {
			out = append(out, byte(hi<<4|v))
			hi = -1
		}
	}
	if hi >= 0 {
		out = append(out, byte(hi<<4))
	}
	return out, nil
}

func runLengthDecode(data []byte) ([]byte, error) {
	var out []byte
	for i := 0; i < len(data); {
		n := int(data[i])
		i++
		switch {
		case n == 128:
			return out, nil
		case n < 128:
			end := min(i+n+1, len(data))
			out = append(out, data[i:end]...)
			i = end
		default:
			if i >= len(data) {
				return out, nil
			}
			for k := 0; k < 257-n; k++ {
				out = append(out, data[i])
			}
			i++
		}
		if len(out) > maxDecoded {
			return nil, reader.Errorf(reader.ErrLimit, "stream decodes to more than %d MiB", maxDecoded>>20)
		}
	}
	return out, nil
}

// lzwDecode decodes PDF LZW (MSB first; early change by default, as in TIFF, which
// compress/lzw does not do).
func lzwDecode(data []byte, early bool) ([]byte, error) {
	const (
		clear = 256
		eod   = 257
	)
	var (
		out    []byte
		prefix [4096]int32
		suffix [4096]byte
		length [4096]int32
		next   = 258
		width  = 9
		prev   = -1
		bitbuf uint32
		nbits  uint
		pos    int
	)
	for i := 0; i < 256; i++ {
		prefix[i], suffix[i], length[i] = -1, byte(i), 1
	}
	var tmp []byte
	emit := func(code int) byte {
		n := int(length[code])
		if cap(tmp) < n {
			tmp = make([]byte, n)
		}
		tmp = tmp[:n]
		for c, k := code, n-1; k >= 0; k-- {
			tmp[k] = suffix[c]
			c = int(prefix[c])
		}
		out = append(out, tmp...)
		return tmp[0]
	}
	for {
		for nbits < uint(width) {
			if pos >= len(data) {
				return out, nil
			}
			bitbuf = bitbuf<<8 | uint32(data[pos])
			pos++
			nbits += 8
		}
		code := int(bitbuf>>(nbits-uint(width))) & (1<<width - 1)
		nbits -= uint(width)
		switch {
		case code == clear:
			next, width, prev = 258, 9, -1
			continue
		case code == eod:
			return out, nil
		case prev < 0:
			if code > 255 {
				return nil, reader.Errorf(reader.ErrCorrupt, "LZW: bad first code %d", code)
			}
			emit(code)
		case code < next:
			first := emit(code)
			if next < 4096 {
				prefix[next], suffix[next], length[next] = int32(prev), first, length[prev]+1
				next++
			}
		case code == next && next < 4096:
			// the KwKwK case: the new string is prev + first byte of prev
			first := emit(prev)
			out = append(out, first)
			prefix[next], suffix[next], length[next] = int32(prev), first, length[prev]+1
			next++
		default:
			return nil, reader.Errorf(reader.ErrCorrupt, "LZW: code %d out of range", code)
		}
		prev = code
		if len(out) > maxDecoded {
			return nil, reader.Errorf(reader.ErrLimit, "stream decodes to more than %d MiB", maxDecoded>>20)
		}
		limit := next
		if early {
			limit++
		}
		if limit >= 1<<width && width < 12 {
			width++
		}
	}
}

// filterChain reads /Filter and /DecodeParms (a name or an array of them).
func filterChain(filter, parms any) ([]filterSpec, error) {
	var names []any
	var ps []any
	switch f := filter.(type) {
	case nil:
		return nil, nil
	case pname:
		names = []any{f}
		ps = []any{parms}
	case parray:
		names = f
		if pa, ok := parms.(parray); ok {
			ps = pa
		}
	default:
		return nil, reader.Errorf(reader.ErrCorrupt, "bad /Filter %v", filter)
	}
	out := make([]filterSpec, 0, len(names))
	for i, n := range names {
		nm, ok := n.(pname)
		if !ok {
			return nil, reader.Errorf(reader.ErrCorrupt, "bad /Filter entry %v", n)
		}
		spec := filterSpec{name: string(nm)}
		if i < len(ps) {
			if d, ok := ps[i].(pdict); ok {
				spec.parms = map[string]float64{}
				for k, v := range d {
					switch x := v.(type) {
					case int64:
						spec.parms[k] = float64(x)
					case float64:
						spec.parms[k] = x
					case bool:
						if x {
							spec.parms[k] = 1
						} else {
							spec.parms[k] = 0
						}
					}
				}
			}
		}
		out = append(out, spec)
	}
	return out, nil
}
