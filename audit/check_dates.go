package audit

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/rules"
)

func init() {
	Register(Definition{
		Name:     "date-values",
		Category: "date",
		Doc: `Dates that cannot be: a day the month does not have ("31/4/2023", "29/02/2023"),
and years that are typos ("năm 20223": five digits, or outside 1000–2100); the fix is
suggested when one digit less gives the year the document uses elsewhere.`,
		Situations: map[string]string{"impossible": baocao.SevError, "year-typo": baocao.SevError},
		New:        func(*rules.Compiler, func(any) error) (Check, error) { return dateValues{}, nil },
	})
	Register(Definition{
		Name:     "citation-dates",
		Category: "date",
		Doc: `The dates of cited documents against the documents citing them and the report
itself: a document cited in the trích yếu of another ("Kế hoạch số 307/KH-UBND ngày
05/4/2023 về triển khai Kế hoạch số 329/KH-UBND ngày 29/9/2023") cannot be younger than
it; no cited document can be dated after the report (its date line, or the last day
of the month or year it gives). The documents a báo cáo lists as issued (its "Số, ký
hiệu … Trích yếu" table) must fall in the reporting period its trích yếu names,
widened by the data cut-off (15 December of the year before for 6-month and annual
reports, DOMAIN.md §1.4).`,
		Situations: map[string]string{"after-citing": baocao.SevError, "after-report": baocao.SevError, "outside-period": baocao.SevWarning},
		New:        newCitationDates,
	})
	Register(Definition{
		Name:     "date-line",
		Category: "date",
		Doc: `The report's own date line with its day (or day and month) left blank ("ngày
tháng 6 năm 2023"). Numbers and dates are written in after signature (NĐ 30/2020
Điều 15), so a blank date in a document that is signed and numbered is likely wrong; in
an unnumbered copy it is the usual state of a draft.`,
		Situations: map[string]string{"blank-signed": baocao.SevWarning, "blank": baocao.SevInfo},
		New:        func(*rules.Compiler, func(any) error) (Check, error) { return dateLine{}, nil },
	})
}

type dateValues struct{}

func (dateValues) Name() string { return "date-values" }

func (dateValues) Run(ctx *Context) []baocao.Finding {
	rec := ctx.Record()
	years := map[int]int{}
	for _, d := range rec.Dates {
		if plausibleYear(int(d.Year)) {
			years[int(d.Year)]++
		}
	}
	var out []baocao.Finding
	for _, d := range rec.Dates {
		y := int(d.Year)
		switch {
		case y != 0 && (y > 2100 || y < 1000):
			fix := yearFix(y, years)
			var expected any
			msg := fmt.Sprintf("the date '%s' has the year %d, which cannot be right", d.Text, y)
			if fix != 0 {
				expected = fix
				msg = fmt.Sprintf("the date '%s' has the year %d, most likely %d (the year the document uses elsewhere)", d.Text, y, fix)
			}
			if f, ok := ctx.Finding("year-typo", d.Span, y, expected, "%s", msg); ok {
				f.Confidence = d.Confidence
				out = append(out, f)
			}
		case d.Precision == baocao.PrecDay && d.Value == "" && plausibleYear(y) && d.Month >= 1 && d.Month <= 12 && d.Day >= 1:
			last := time.Date(y, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
			why := fmt.Sprintf("tháng %d of %d has %d days", d.Month, y, last)
			if f, ok := ctx.Finding("impossible", d.Span, d.Text, nil, "the date '%s' does not exist: %s", d.Text, why); ok {
				f.Confidence = d.Confidence
				out = append(out, f)
			}
		}
	}
	return out
}

// yearFix guesses the year a typo stands for: a plausible year one digit away ("20223"
// → 2023, "2203" → 2023 is not tried), the one the document uses most.
func yearFix(y int, years map[int]int) int {
	s := strconv.Itoa(y)
	best, n := 0, 0
	for i := range s {
		c, err := strconv.Atoi(s[:i] + s[i+1:])
		if err != nil || !plausibleYear(c) || len(s[:i]+s[i+1:]) != 4 {
			continue
		}
		if years[c] > n {
			best, n = c, years[c]
		}
	}
	return best
}

type citationDates struct {
	cutoff int
	list   []string
	verbs  map[string]bool
}

type citationOptions struct {
	Common `yaml:",inline"`
	// CutoffDays: documents issued this many days before the period begins still belong to
	// it (the data of a 6-month or annual report starts on 15 December of the year before).
	CutoffDays int `yaml:"cutoff_days"`
	// ListHeaders are the words whose presence, all of them, in a table header makes it
	// the list of documents issued in the period.
	ListHeaders []string `yaml:"list_headers"`
	// CitingVerbs are the words a trích yếu begins with when it acts on the document it
	// cites ("về triển khai Kế hoạch số …", "sửa đổi, bổ sung Quyết định số …"). Only a
	// document named right after them is cited by it: a trích yếu that runs on into the
	// next clause names other documents too.
	CitingVerbs []string `yaml:"citing_verbs"`
}

func newCitationDates(c *rules.Compiler, decode func(any) error) (Check, error) {
	var o citationOptions
	if err := decode(&o); err != nil {
		return nil, err
	}
	if o.CutoffDays < 0 || o.CutoffDays > 90 {
		return nil, fmt.Errorf("cutoff_days: %d is not between 0 and 90", o.CutoffDays)
	}
	if len(o.ListHeaders) == 0 {
		return nil, fmt.Errorf("list_headers: name the header words of the list of documents issued (ký hiệu, trích yếu)")
	}
	if len(o.CitingVerbs) == 0 {
		return nil, fmt.Errorf("citing_verbs: list the words a trích yếu that acts on a document begins with (triển khai, thực hiện, …)")
	}
	cd := &citationDates{cutoff: o.CutoffDays, list: foldAll(o.ListHeaders), verbs: map[string]bool{}}
	for _, v := range o.CitingVerbs {
		for _, w := range strings.Fields(strings.ToLower(vntext.Normalize(v))) {
			cd.verbs[w] = true
		}
	}
	return cd, nil
}

func (*citationDates) Name() string { return "citation-dates" }

// dated is a citation with the issue date written with it.
type dated struct {
	ref  *baocao.Reference
	date time.Time
}

func (cd *citationDates) Run(ctx *Context) []baocao.Finding {
	rec := ctx.Record()
	text := ctx.Text()
	var refs []dated
	for i := range rec.References {
		r := &rec.References[i]
		if r.DateSource != "" && r.DateSource != "before" {
			continue // a date read from another mention is reported there
		}
		if t, ok := isoDate(r.Date); ok {
			refs = append(refs, dated{r, t})
		}
	}
	bound, boundText, haveBound := ctx.an.issueBound()
	period, havePeriod := ctx.an.period()
	lists := cd.listRegions(ctx)
	seen := map[string]bool{}
	var out []baocao.Finding
	for _, b := range refs {
		key := b.ref.ID + "|" + string(b.ref.Date)
		if seen[key] {
			continue
		}
		var citer *dated
		for k := range refs {
			a := &refs[k]
			if a.ref == b.ref || !b.date.After(a.date) {
				continue
			}
			if cd.cites(text, a.ref, b.ref) {
				citer = a
				break
			}
		}
		late := haveBound && b.date.After(bound)
		name := refName(b.ref)
		switch {
		case citer != nil:
			msg := fmt.Sprintf("%s is dated %s, after %s (%s) that cites it", name, dmy(b.date), refName(citer.ref), dmy(citer.date))
			if late {
				msg += fmt.Sprintf(", and after the report itself (%s)", boundText)
			}
			if f, ok := ctx.Finding("after-citing", dateSpan(b.ref), string(b.ref.Date), "before "+string(citer.ref.Date), "%s", msg); ok {
				f.Confidence = b.ref.Confidence
				out = append(out, f)
				seen[key] = true
			}
		case late:
			if f, ok := ctx.Finding("after-report", dateSpan(b.ref), string(b.ref.Date), "on or before "+bound.Format("2006-01-02"),
				"%s is dated %s, after the report that cites it (%s)", name, dmy(b.date), boundText); ok {
				f.Confidence = b.ref.Confidence
				out = append(out, f)
				seen[key] = true
			}
		case havePeriod && inSpanList(lists, b.ref.Span.Start):
			from := period.start.AddDate(0, 0, -cd.cutoff)
			if b.date.Before(from) || b.date.After(period.end) {
				if f, ok := ctx.Finding("outside-period", dateSpan(b.ref), string(b.ref.Date), period.start.Format("2006-01-02")+"/"+period.end.Format("2006-01-02"),
					"%s is listed among the documents issued in the period, but it is dated %s, outside %s (%s - %s)",
					name, dmy(b.date), period.text, dmy(period.start), dmy(period.end)); ok {
					f.Confidence = b.ref.Confidence
					out = append(out, f)
					seen[key] = true
				}
			}
		}
	}
	return out
}

// cites reports whether a's trích yếu acts on b: it begins with citing verbs only,
// then b ("về Triển khai Kế hoạch số 329/KH-UBND …").
func (cd *citationDates) cites(text string, a, b *baocao.Reference) bool {
	s, e, ok := subjectRange(text, a)
	if !ok || b.Span.Start < s || b.Span.Start >= e {
		return false
	}
	gap := strings.ToLower(text[s:b.Span.Start])
	words := strings.FieldsFunc(gap, func(r rune) bool { return r == ' ' || r == ',' || r == '\n' })
	for _, w := range words {
		if !cd.verbs[w] && w != "về" && w != "việc" && w != "và" {
			return false
		}
	}
	return true
}

// subjectRange returns where a citation's trích yếu ("về …") sits in the text.
func subjectRange(text string, r *baocao.Reference) (int, int, bool) {
	if r.Subject == "" || r.Span.Start < 0 || r.Span.Start > len(text) {
		return 0, 0, false
	}
	limit := min(len(text), r.Span.Start+len(r.Text)+len(r.Subject)+400)
	i := strings.Index(text[r.Span.Start:limit], string(r.Subject))
	if i < 0 {
		return 0, 0, false
	}
	s := r.Span.Start + i
	return s, s + len(r.Subject), true
}

// dateSpan narrows a citation's span to its type word, number and date ("Kế hoạch số
// 329/KH-UBND ngày 29/9/ 2023"): the evidence a date finding quotes.
func dateSpan(r *baocao.Reference) baocao.Span {
	if r.DateText != "" && r.DateSource == "" {
		if i := strings.Index(r.Text, r.DateText); i >= 0 {
			return baocao.Span{Start: r.Span.Start, End: r.Span.Start + i + len(r.DateText)}
		}
	}
	return r.Span
}

// refName names a citation for messages: "Kế hoạch số 329/KH-UBND".
func refName(r *baocao.Reference) string {
	id := r.ID
	if r.Code == "" {
		id = r.Number
	}
	if r.TypeName == "" {
		return "document " + id
	}
	return string(r.TypeName) + " số " + id
}

// listRegions returns the spans of the lists of documents issued: tables (or, in a PDF,
// the lines after a header line) whose header has every list header word.
func (cd *citationDates) listRegions(ctx *Context) []baocao.Span {
	doc := ctx.Doc()
	var out []baocao.Span
	has := func(s string) bool {
		f := vntext.Fold(s)
		for _, w := range cd.list {
			if !strings.Contains(f, w) {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(doc.Blocks); i++ {
		b := doc.Blocks[i]
		if b.Kind == baocao.Note || b.Kind == baocao.Furniture {
			continue
		}
		if b.Kind == baocao.TableKind && b.Table != nil && len(b.Table.Rows) > 0 {
			row := b.Table.Rows[0]
			if len(row) > 0 && has(baocao.Span{Start: row[0].Span.Start, End: row[len(row)-1].Span.End}.Of(doc.Text)) {
				out = append(out, b.Span)
			}
			continue
		}
		// a header line of a table the reader could not rebuild has its cells apart
		if t := b.Span.Of(doc.Text); len(t) > 300 || !strings.ContainsRune(t, '\t') || !has(t) {
			continue
		}
		// a header line of a table the reader could not rebuild: the rows follow until the
		// next title or the next "(Kèm …)" line
		end := b.Span.End
		for j := i + 1; j < len(doc.Blocks); j++ {
			n := doc.Blocks[j]
			t := strings.TrimSpace(n.Span.Of(doc.Text))
			if n.Kind == baocao.Note || (n.Kind == baocao.Heading && (vntext.UpperLetters(t) > 3)) || strings.HasPrefix(vntext.Fold(t), "(kem") {
				break
			}
			end = n.Span.End
		}
		out = append(out, baocao.Span{Start: b.Span.Start, End: end})
	}
	return out
}

func inSpanList(spans []baocao.Span, off int) bool {
	for _, s := range spans {
		if s.Start <= off && off < s.End {
			return true
		}
	}
	return false
}

type dateLine struct{}

func (dateLine) Name() string { return "date-line" }

func (dateLine) Run(ctx *Context) []baocao.Finding {
	id := ctx.Record().Document
	d := id.Date
	if d == nil || d.Day != 0 || !strings.Contains(strings.ToLower(d.Text), "ngày") || (d.Month == 0 && d.Year == 0) {
		return nil
	}
	span := id.Spans["date"]
	if span.IsZero() {
		if i := strings.Index(ctx.Text(), d.Text); i >= 0 {
			span = baocao.Span{Start: i, End: i + len(d.Text)}
		}
	}
	blank := "day"
	if d.Month == 0 {
		blank = "day and month"
	}
	if ctx.an.signed() && id.Number != "" {
		f, ok := ctx.Finding("blank-signed", span, d.Text, nil,
			"the date line '%s' leaves the %s blank, though the report is numbered (%s) and signed", d.Text, blank, id.Number)
		return oneIf(f, ok)
	}
	f, ok := ctx.Finding("blank", span, d.Text, nil, "the date line '%s' leaves the %s blank, as an unnumbered draft does", d.Text, blank)
	return oneIf(f, ok)
}

func oneIf(f baocao.Finding, ok bool) []baocao.Finding {
	if !ok {
		return nil
	}
	return []baocao.Finding{f}
}
