package pdf

import (
	"context"
	"math"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/par"
	"github.com/baocao/baocao/reader"
	lpdf "github.com/ledongthuc/pdf"
)

// runOCR recognizes the pages without a usable text layer, several at a time (up to
// GOMAXPROCS). The page image comes from the file when the page is one JPEG image;
// otherwise the recognizer renders the page.
func runOCR(ctx context.Context, f *file, original []byte, results []*pageResult, rec reader.Recognizer) {
	var todo []int
	for i, r := range results {
		if r.source == baocao.NoText {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		return
	}
	par.Do(ctx, len(todo), func(k int) {
		r := results[todo[k]]
		img, err := pageImage(ctx, f, original, todo[k], r, rec)
		if err != nil {
			r.ocrErr = err
			return
		}
		pg, err := rec.Recognize(ctx, img)
		if err != nil {
			r.ocrErr = err
			return
		}
		r.ocr, r.source, r.note = pg, baocao.FromOCR, ""
	})
}

// pageImage returns the page's own JPEG when one image covers the page, else a
// rendering at 300 dpi.
func pageImage(ctx context.Context, f *file, original []byte, i int, r *pageResult, rec reader.Recognizer) (reader.PageImage, error) {
	c := r.content
	if len(c.images) == 1 && c.width > 0 && c.height > 0 {
		im := c.images[0]
		w, h := im.box[2]-im.box[0], im.box[3]-im.box[1]
		if w*h >= 0.8*c.width*c.height {
			if data, filter, err := f.streamBytes(im.v); err == nil && filter == "DCTDecode" && len(data) > 0 {
				dpi := 0
				if px := imageWidth(im.v); px > 0 && w > 0 {
					dpi = int(math.Round(float64(px) / (w / 72)))
				}
				return reader.PageImage{Data: data, Format: "jpeg", DPI: dpi}, nil
			}
		}
	}
	return rec.RenderPDFPage(ctx, original, i+1, 300)
}

func imageWidth(v lpdf.Value) int {
	defer func() { recover() }()
	return int(v.Key("Width").Int64())
}
