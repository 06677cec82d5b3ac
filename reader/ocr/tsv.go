package ocr

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/reader"
)

// parseTSV reads Tesseract's TSV output (tesseract … tsv): one row per page, block,
// paragraph, line and word, with boxes in pixels and word confidences 0..100 (-1 on the
// rows that are not words). Words are grouped into lines by their block, paragraph and
// line numbers, in the order Tesseract wrote them (its reading order).
func parseTSV(out []byte) (*reader.OCRPage, error) {
	pg := &reader.OCRPage{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	type key struct{ block, par, line int }
	var cur key
	have := false
	var sum float64
	n, row := 0, 0
	for sc.Scan() {
		row++
		line := sc.Text()
		if row == 1 {
			if !strings.HasPrefix(line, "level\t") {
				return nil, fmt.Errorf("tesseract output is not TSV: %q", firstChars(line, 60))
			}
			continue
		}
		f := strings.SplitN(line, "\t", 12)
		if len(f) < 11 {
			continue
		}
		num := func(i int) int { v, _ := strconv.Atoi(f[i]); return v }
		level := num(0)
		if level == 1 {
			pg.Width, pg.Height = num(8), num(9)
			continue
		}
		if level != 5 || len(f) < 12 {
			continue
		}
		text := strings.TrimSpace(vntext.Normalize(f[11]))
		conf, err := strconv.ParseFloat(f[10], 64)
		if text == "" || err != nil || conf < 0 {
			continue
		}
		k := key{num(2), num(3), num(4)}
		if !have || k != cur {
			pg.Lines = append(pg.Lines, reader.OCRLine{Block: k.block, Par: k.par})
			cur, have = k, true
		}
		l, t, w, h := num(6), num(7), num(8), num(9)
		c := min(max(conf/100, 0), 1)
		ln := &pg.Lines[len(pg.Lines)-1]
		ln.Words = append(ln.Words, reader.OCRWord{Text: text, Confidence: c, Left: l, Top: t, Right: l + w, Bottom: t + h})
		sum += c
		n++
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("tesseract output: %v", err)
	}
	if row == 0 {
		return nil, fmt.Errorf("tesseract wrote nothing")
	}
	if n > 0 {
		pg.Confidence = sum / float64(n)
	}
	return pg, nil
}

func firstChars(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// pageText is the recognized text of a page, lines joined by newlines.
func pageText(pg *reader.OCRPage) string {
	var b strings.Builder
	for i, l := range pg.Lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		for j, w := range l.Words {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w.Text)
		}
	}
	return b.String()
}

// wordCount is the number of recognized words.
func wordCount(pg *reader.OCRPage) int {
	n := 0
	for _, l := range pg.Lines {
		n += len(l.Words)
	}
	return n
}

// parseOSD reads the rotation from Tesseract's orientation and script detection
// (tesseract --psm 0): "Rotate: 90" is the clockwise turn that makes the page upright.
func parseOSD(out []byte) (rotate int, conf float64, ok bool) {
	have := false
	for _, line := range strings.Split(string(out), "\n") {
		k, v, found := strings.Cut(line, ":")
		if !found {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "Rotate":
			r, err := strconv.Atoi(v)
			if err != nil {
				return 0, 0, false
			}
			rotate, have = ((r%360)+360)%360, true
		case "Orientation confidence":
			conf, _ = strconv.ParseFloat(v, 64)
		}
	}
	return rotate, conf, have
}
