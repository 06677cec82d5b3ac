package pdf

import (
	"fmt"
	"math"
	"strings"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/legacy"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/reader"
)

// build lays the pages out into the builder: furniture and footnotes first, then the
// body paragraphs in reading order, joined across lines and pages.
func build(b *reader.Builder, results []*pageResult) {
	pages := make([]*pageLines, len(results))
	for i, r := range results {
		pages[i] = &pageLines{n: i + 1, lines: r.lines, rules: r.content.rules, width: r.content.width, height: r.content.height}
		if r.source == baocao.NoText {
			pages[i].lines = nil
			if r.ocr == nil {
				pages[i].lines = r.lines // a stamp line on a scan is kept
			}
		}
	}
	st := computeStats(pages)
	var kept []string
	notes := map[string]bool{}
	type noteText struct {
		label string
		parts []string
	}
	var noteOrder []*noteText
	byLabel := map[string]*noteText{}
	var last *noteText
	for _, p := range pages {
		kept = append(kept, dropFurniture(p, &st)...)
		cont := splitFootnotes(p, &st)
		if last != nil {
			last.parts = append(last.parts, cont...)
		}
		for _, nd := range p.notes {
			nt := byLabel[nd.label]
			if nt == nil {
				nt = &noteText{label: nd.label}
				byLabel[nd.label] = nt
				noteOrder = append(noteOrder, nt)
			}
			nt.parts = append(nt.parts, nd.text...)
			notes[nd.label] = true
			last = nt
		}
	}
	encs := map[legacy.Encoding]bool{}
	var prev *para
	var paras []*para
	for pi, p := range pages {
		r := results[pi]
		if r.legacy != "" {
			encs[r.legacy] = true
		}
		if r.source != baocao.FromTextLayer && r.source != baocao.FromLegacy {
			prev = nil
		}
		first := true
		regions := columnRegions(p.lines)
		ri := 0
		for li := 0; li < len(p.lines); li++ {
			if ri < len(regions) && li == regions[ri][0] {
				rows := columnRows(p.lines[regions[ri][0]:regions[ri][1]], notes, p.n)
				paras = append(paras, rows...)
				li = regions[ri][1] - 1
				ri++
				prev, first = nil, false
				continue
			}
			l := &p.lines[li]
			if l.table != nil {
				paras = append(paras, &para{page: p.n, table: l.table, lines: []*line{l}})
				prev, first = nil, false
				continue
			}
			if prev != nil && continues(prev, l, &st, p.width, first && prev.page != p.n) {
				sep, drop := joinText(prev.last().text, l.text)
				if drop > 0 {
					trimLastPiece(prev.pieces, drop)
				}
				ps := linePieces(l, notes)
				if len(ps) > 0 && ps[0].note == "" {
					ps[0].text = sep + strings.TrimLeft(ps[0].text, " ")
				}
				prev.pieces = append(prev.pieces, ps...)
				prev.lines = append(prev.lines, l)
				first = false
				continue
			}
			np := &para{page: p.n, pieces: linePieces(l, notes), lines: []*line{l}, centered: isCentered(l, &st, p.width), row: l.tabs > 0}
			paras = append(paras, np)
			prev, first = np, false
		}
	}
	// emit: pages start before the first paragraph that begins on them
	next := 1
	startPage := func(n int) {
		for ; next <= n; next++ {
			r := results[next-1]
			pg := b.StartPage(next, r.source)
			if r.note != "" {
				pg.Note = r.note
			}
			if r.err != nil {
				b.Warn(fmt.Sprintf("page %d: %v", next, r.err))
			}
			for _, w := range r.content.warnings {
				b.Warn(fmt.Sprintf("page %d: %s", next, w))
			}
			if r.ocr != nil {
				reader.LayoutOCR(b, r.ocr, reader.LowConfidence)
			} else if r.ocrErr != nil {
				pg.Note = "OCR failed: " + r.ocrErr.Error()
			}
		}
	}
	for _, p := range paras {
		startPage(p.page)
		emitPara(b, p)
	}
	startPage(len(results))
	for _, nt := range noteOrder {
		b.Footnote(nt.label, "footnote", joinLines(nt.parts))
	}
	for _, k := range kept {
		b.Furniture(k)
	}
	var names []string
	for e := range encs {
		names = append(names, string(e))
	}
	if len(names) > 0 {
		b.SetEncoding(strings.Join(names, ","))
	}
}

func trimLastPiece(ps []piece, n int) {
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].note != "" {
			return
		}
		t := strings.TrimRight(ps[i].text, " ")
		if len(t) >= n {
			ps[i].text = t[:len(t)-n]
		}
		return
	}
}

func emitPara(b *reader.Builder, p *para) {
	if p.table != nil {
		p.table.emit(b, p.page)
		return
	}
	text := strings.TrimSpace(p.text())
	if text == "" {
		return
	}
	bold := true
	for _, l := range p.lines {
		if !l.bold() {
			bold = false
		}
	}
	kind, label := baocao.Paragraph, reader.Label{}
	strong := bold || vntext.IsUpper(text) && len(text) < 200
	switch {
	case p.row && strings.Contains(text, "\t"):
	case reader.WholeLabel(text):
		kind, label = reader.Classify(text, strong)
	case strong && len(text) < 200 && !strings.HasSuffix(text, ";"):
		kind = baocao.Heading
	}
	pr := b.Para(kind)
	pr.Label, pr.Level = label.Text, label.Level
	if p.centered {
		pr.Align = "center"
	}
	// runs of one style are added at once: the builder normalizes every call
	var pieces []piece
	for _, x := range p.pieces {
		if n := len(pieces); n > 0 && x.note == "" && pieces[n-1].note == "" && pieces[n-1].bold == x.bold && pieces[n-1].italic == x.italic {
			pieces[n-1].text += x.text
			continue
		}
		pieces = append(pieces, x)
	}
	for _, x := range pieces {
		if x.note != "" {
			pr.NoteRef(x.note, x.note)
			continue
		}
		var marks []baocao.MarkKind
		if x.bold {
			marks = append(marks, baocao.Bold)
		}
		if x.italic {
			marks = append(marks, baocao.Italic)
		}
		pr.Add(x.text, marks...)
	}
	pr.End()
}

// columnRows turns a two-column region into rows "left\tright".
func columnRows(ls []line, notes map[string]bool, page int) []*para {
	left, right := splitColumns(ls)
	lp, rp := joinColumn(left), joinColumn(right)
	var out []*para
	mk := func(l, r *columnPara) *para {
		p := &para{page: page, row: true}
		if l != nil {
			p.pieces = append(p.pieces, spanPieces(l.spans, notes)...)
		}
		if r != nil {
			p.pieces = append(p.pieces, piece{text: "\t"})
			p.pieces = append(p.pieces, spanPieces(r.spans, notes)...)
		}
		p.lines = []*line{&ls[0]}
		return p
	}
	i, j := 0, 0
	for i < len(lp) || j < len(rp) {
		switch {
		case i < len(lp) && j < len(rp) && math.Abs(lp[i].y-rp[j].y) < 1.5*ls[0].size:
			out = append(out, mk(&lp[i], &rp[j]))
			i++
			j++
		case j >= len(rp) || i < len(lp) && lp[i].y > rp[j].y:
			out = append(out, mk(&lp[i], nil))
			i++
		default:
			out = append(out, mk(nil, &rp[j]))
			j++
		}
	}
	return out
}

func spanPieces(sp []span, notes map[string]bool) []piece {
	l := line{spans: sp}
	return linePieces(&l, notes)
}
