package gen

import (
	"strconv"
	"strings"
	"time"

	"math/rand/v2"

	"github.com/baocao/baocao"
)

// writer lays out lines exactly as the text reader does (one block per non-empty line,
// "\n" between them) and turns the items of each line into record items with spans
// into the joined text.
type writer struct {
	rec   *baocao.Record
	lines []string
	off   int // length of the text so far
}

type itemKind int

const (
	kindRef itemKind = iota
	kindDate
	kindIndicator
	kindCommendation
	kindFinding
)

// item is something a sentence says, at a byte range of the sentence.
type item struct {
	start, end int
	kind       itemKind
	ref        *baocao.Reference
	date       *baocao.Date
	ind        *baocao.Indicator
	com        *baocao.Commendation
	fnd        *baocao.Finding
}

// sentence is one line being written, with its items.
type sentence struct {
	text  strings.Builder
	items []item
}

func (s *sentence) add(t string) { s.text.WriteString(t) }
func (s *sentence) len() int     { return s.text.Len() }

// date adds a date as written and its item.
func (s *sentence) date(text string, t time.Time, role string) {
	start := s.len()
	s.add(text)
	s.items = append(s.items, item{start: start, end: s.len(), kind: kindDate, date: &baocao.Date{
		Text: text, Value: baocao.NullString(t.Format("2006-01-02")), Precision: baocao.PrecDay, Role: role,
		Year: baocao.NullInt(t.Year()), Month: baocao.NullInt(t.Month()), Day: baocao.NullInt(t.Day()),
		Origin: baocao.Origin{Rule: "gen"},
	}})
}

// cite adds a citation with the issuer named.
func (s *sentence) cite(c citation, r *rand.Rand) { s.citation(c, r, true) }

// citeOwn adds a citation of the writer's own document: no issuer is written.
func (s *sentence) citeOwn(c citation, r *rand.Rand) { s.citation(c, r, false) }

// citation writes "Kế hoạch số 08/KH-UBND ngày 05/01/2023 của UBND xã X về …" in one of
// the spellings real reports use: spaces around the dash, no leading zeros in the date,
// a comma before "ngày", Party dates with hyphens, the date or issuer left out.
func (s *sentence) citation(c citation, r *rand.Rand, withIssuer bool) {
	start := s.len()
	name := typeNames[c.Type]
	if c.Type == "NĐ" {
		name = "Nghị định"
	} else if c.Type == "TT" {
		name = "Thông tư"
	}
	s.add(name + " số ")
	id := c.id()
	written := id
	if !c.Party && c.Year == 0 && r.IntN(8) == 0 {
		written = strings.Replace(id, "-", " - ", 1)
	}
	s.add(written)
	ref := &baocao.Reference{
		ID: id, Type: baocao.NullString(c.Type), TypeName: baocao.NullString(name), Number: c.Number,
		Year: baocao.NullInt(c.Year), Code: baocao.NullString(c.Code), Origin: baocao.Origin{Rule: "gen"},
	}
	if c.Type == "CV" {
		ref.TypeName = "Công văn"
	}
	if r.IntN(10) != 0 { // one citation in ten gives no date
		if r.IntN(4) == 0 {
			s.add(", ")
		} else {
			s.add(" ")
		}
		s.add("ngày ")
		var dt string
		switch {
		case c.Party:
			dt = strconv.Itoa(c.Date.Day()) + "-" + strconv.Itoa(int(c.Date.Month())) + "-" + strconv.Itoa(c.Date.Year())
		case r.IntN(3) == 0:
			dt = strconv.Itoa(c.Date.Day()) + "/" + strconv.Itoa(int(c.Date.Month())) + "/" + strconv.Itoa(c.Date.Year())
		default:
			dt = pad2(c.Date.Day()) + "/" + pad2(int(c.Date.Month())) + "/" + strconv.Itoa(c.Date.Year())
		}
		s.date(dt, c.Date, baocao.RoleReference)
		ref.Date = baocao.NullString(c.Date.Format("2006-01-02"))
		ref.DateText = dt
	}
	if withIssuer && c.Issuer != "" {
		s.add(" của " + c.Issuer)
		ref.Issuer = baocao.NullString(c.Issuer)
	}
	if c.Subject != "" {
		if c.Type == "CV" {
			s.add(" về việc " + c.Subject)
		} else if strings.HasPrefix(c.Subject, "về ") || strings.HasPrefix(c.Subject, "quy định") {
			s.add(" " + c.Subject)
		} else {
			s.add(" về " + c.Subject)
		}
		ref.Subject = baocao.NullString(strings.TrimPrefix(c.Subject, "về "))
	}
	s.items = append(s.items, item{start: start, end: s.len(), kind: kindRef, ref: ref})
}

// line writes a line with no items.
func (w *writer) line(t string) {
	s := sentence{}
	s.add(t)
	w.para(s)
}

// para writes a line and records its items.
func (w *writer) para(s sentence) {
	text := s.text.String()
	base := w.off
	if len(w.lines) > 0 {
		base++
	}
	w.lines = append(w.lines, text)
	w.off = base + len(text)
	for _, it := range s.items {
		sp := baocao.Span{Start: base + it.start, End: base + it.end}
		phrase := text[it.start:it.end]
		switch it.kind {
		case kindRef:
			it.ref.Span = sp
			it.ref.Text = phrase
			it.ref.Context = text
			w.rec.References = append(w.rec.References, *it.ref)
		case kindDate:
			it.date.Span = sp
			w.rec.Dates = append(w.rec.Dates, *it.date)
		case kindIndicator:
			it.ind.Span = sp
			w.rec.Indicators = append(w.rec.Indicators, *it.ind)
		case kindCommendation:
			it.com.Span = sp
			it.com.Text = phrase
			w.rec.Commendations = append(w.rec.Commendations, *it.com)
		case kindFinding:
			it.fnd.Span = sp
			w.rec.Findings = append(w.rec.Findings, *it.fnd)
		}
	}
}
