package ocr

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/draw"
	_ "image/gif" // decoders for DecodeConfig and rotation
	_ "image/jpeg"
	"image/png"
	"strconv"

	_ "golang.org/x/image/bmp"
	_ "golang.org/x/image/tiff"
	_ "golang.org/x/image/webp"

	"github.com/baocao/baocao/reader"
)

// MaxPixels bounds the images handed to Tesseract: A3 at 600 dpi is 70 million pixels;
// more is a decompression bomb or a mistake, and Leptonica would allocate it whole.
const MaxPixels = 150_000_000

// Sniff names the image format of data from its magic number, or returns "".
func Sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return "jpeg"
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return "tiff"
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return "gif"
	case bytes.HasPrefix(data, []byte("BM")) && len(data) > 26:
		return "bmp"
	case len(data) > 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return "webp"
	case len(data) > 2 && data[0] == 'P' && data[1] >= '1' && data[1] <= '6' && isSpace(data[2]):
		return "pnm"
	}
	return ""
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

// checkImage verifies that data is an image Tesseract can read and is not too large,
// from its header alone. Anything else is refused before Tesseract sees it: given
// bytes that are not an image, Tesseract reads them as a list of file names.
func checkImage(data []byte) (format string, w, h int, err error) {
	if len(data) == 0 {
		return "", 0, 0, reader.ErrEmpty
	}
	format = Sniff(data)
	switch format {
	case "":
		return "", 0, 0, reader.Errorf(reader.ErrUnsupported, "not an image (PNG, JPEG, TIFF, GIF, BMP, WebP, PNM)")
	case "pnm":
		w, h, err = pnmSize(data)
	default:
		var cfg image.Config
		cfg, _, err = image.DecodeConfig(bytes.NewReader(data))
		w, h = cfg.Width, cfg.Height
	}
	if err != nil {
		return format, 0, 0, reader.Errorf(reader.ErrCorrupt, "%s image: %v", format, err)
	}
	if w <= 0 || h <= 0 {
		return format, 0, 0, reader.Errorf(reader.ErrCorrupt, "%s image of %d×%d pixels", format, w, h)
	}
	if int64(w)*int64(h) > MaxPixels {
		return format, w, h, reader.Errorf(reader.ErrLimit, "%s image of %d×%d pixels (limit %d)", format, w, h, MaxPixels)
	}
	return format, w, h, nil
}

// pnmSize reads the width and height of a PBM/PGM/PPM header.
func pnmSize(data []byte) (int, int, error) {
	var nums []int
	i := 2
	for len(nums) < 2 && i < len(data) && i < 4096 {
		c := data[i]
		switch {
		case c == '#':
			for i < len(data) && data[i] != '\n' {
				i++
			}
		case isSpace(c):
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(data) && data[j] >= '0' && data[j] <= '9' {
				j++
			}
			n, err := strconv.Atoi(string(data[i:j]))
			if err != nil {
				return 0, 0, err
			}
			nums = append(nums, n)
			i = j
		default:
			return 0, 0, fmt.Errorf("bad header byte %q", c)
		}
	}
	if len(nums) < 2 {
		return 0, 0, fmt.Errorf("truncated header")
	}
	return nums[0], nums[1], nil
}

// rotate decodes img, turns it deg degrees clockwise (90, 180, 270) and encodes it as
// a grey PNG: Tesseract binarizes anyway, and grey is a third of the bytes of colour.
func rotate(data []byte, deg int) ([]byte, error) {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	b := src.Bounds()
	g, ok := src.(*image.Gray)
	if !ok {
		g = image.NewGray(b)
		draw.Draw(g, b, src, b.Min, draw.Src)
	}
	w, h := b.Dx(), b.Dy()
	var out *image.Gray
	switch deg {
	case 90, 270:
		out = image.NewGray(image.Rect(0, 0, h, w))
	case 180:
		out = image.NewGray(image.Rect(0, 0, w, h))
	default:
		return nil, fmt.Errorf("rotation by %d degrees", deg)
	}
	for y := 0; y < h; y++ {
		row := g.Pix[(y)*g.Stride : y*g.Stride+w]
		for x, v := range row {
			switch deg {
			case 90: // (x, y) → (h-1-y, x)
				out.Pix[x*out.Stride+h-1-y] = v
			case 180:
				out.Pix[(h-1-y)*out.Stride+w-1-x] = v
			case 270: // (x, y) → (y, w-1-x)
				out.Pix[(w-1-x)*out.Stride+y] = v
			}
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// tiffPages is a TIFF file's chain of page directories. Page i is the whole file
// with the header pointing at directory i and that directory's link to the next one
// cut: every page keeps its own compression, nothing is decoded, and a page's bytes are
// made only when it is read (a copy per page at a time, not per file).
type tiffPages struct {
	data []byte
	bo   binary.ByteOrder
	ifds []uint32
}

// splitTIFF walks the directory chain; maxPages bounds it, and a loop in a corrupt
// file ends it.
func splitTIFF(data []byte, maxPages int) (*tiffPages, error) {
	if len(data) < 8 {
		return nil, reader.Errorf(reader.ErrCorrupt, "tiff: truncated header")
	}
	t := &tiffPages{data: data}
	switch string(data[:2]) {
	case "II":
		t.bo = binary.LittleEndian
	case "MM":
		t.bo = binary.BigEndian
	default:
		return nil, reader.Errorf(reader.ErrCorrupt, "tiff: bad byte order mark")
	}
	bo := t.bo
	switch bo.Uint16(data[2:4]) {
	case 42:
	case 43:
		return nil, reader.Errorf(reader.ErrUnsupported, "BigTIFF: convert it to a classic TIFF or to PNG pages")
	default:
		return nil, reader.Errorf(reader.ErrCorrupt, "tiff: bad version number")
	}
	seen := map[uint32]bool{}
	for off := bo.Uint32(data[4:8]); off != 0 && !seen[off]; {
		if int64(off)+2 > int64(len(data)) {
			if len(t.ifds) == 0 {
				return nil, reader.Errorf(reader.ErrCorrupt, "tiff: directory offset %d past the end (%d bytes)", off, len(data))
			}
			break
		}
		n := int64(bo.Uint16(data[off:]))
		next := int64(off) + 2 + 12*n
		if next+4 > int64(len(data)) {
			if len(t.ifds) == 0 {
				return nil, reader.Errorf(reader.ErrCorrupt, "tiff: truncated directory at %d", off)
			}
			break
		}
		if len(t.ifds) == maxPages {
			return nil, reader.Errorf(reader.ErrLimit, "tiff: more than %d pages", maxPages)
		}
		seen[off] = true
		t.ifds = append(t.ifds, off)
		off = bo.Uint32(data[next:])
	}
	if len(t.ifds) == 0 {
		return nil, reader.Errorf(reader.ErrCorrupt, "tiff: no page directory")
	}
	return t, nil
}

func (t *tiffPages) n() int { return len(t.ifds) }

// page returns the bytes of page i (0-based) as a one-page TIFF.
func (t *tiffPages) page(i int) []byte {
	if len(t.ifds) == 1 {
		return t.data
	}
	p := bytes.Clone(t.data)
	off := t.ifds[i]
	t.bo.PutUint32(p[4:8], off)
	n := int64(t.bo.Uint16(p[off:]))
	t.bo.PutUint32(p[int64(off)+2+12*n:], 0)
	return p
}
