package render

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
)

// Directive is one document of a directives appendix (Phụ lục I: the documents issued
// to direct and carry out the work).
type Directive struct {
	ID       string // canonical number and symbol; "" when only the written form is known
	TypeName string
	Date     string // ISO issue date, or ""
	Written  string // the citation as written, for a row whose citation was not recognised
	Subject  string // trích yếu
	Issuer   string
	Notes    []string
	Mentions int
	listed   bool // from a row of the report's own list, whose trích yếu it carries
}

// Citation is how the "Số, ký hiệu, ngày tháng ban hành" column writes the document.
func (d Directive) Citation() string {
	if d.ID == "" {
		return d.Written
	}
	return Citation(baocao.Reference{ID: d.ID, TypeName: baocao.NullString(d.TypeName), Date: baocao.NullString(d.Date)})
}

// DirectiveOptions select the documents of a directives appendix.
type DirectiveOptions struct {
	// All lists every document the report cites, even when the report carries its own
	// list of directive documents (then only the documents of that list are taken).
	All bool
	// From and To (ISO dates, inclusive) keep the documents issued in the period;
	// documents without a date are left out when either is set.
	From, To string
	// Issuer keeps the documents whose issuer contains it (diacritics and case
	// ignored). Only documents that name their issuer can match.
	Issuer string
}

// Directives returns the documents of a report's directives appendix and a sentence
// saying which were taken. When the report has its own list, the documents of that
// list are taken: a table with the columns "Số, ký hiệu" and "Trích yếu" (its trích
// yếu and ghi chú are kept), or, where the source lost the table's structure (a PDF),
// the citations under the appendix's title about the documents issued (văn bản chỉ
// đạo, triển khai). Otherwise every document the report cites is taken. What a
// document's mention lacks (its date, type, trích yếu) is taken from its other mentions
// in the report, and a listed document's date from the row that lists it.
func Directives(rec *baocao.Record, doc *baocao.Document, o DirectiveOptions) ([]Directive, string) {
	if rec == nil {
		return nil, "no record"
	}
	if doc == nil {
		doc = DocumentFromText(rec.Text)
	}
	var refs []baocao.Reference
	for _, ref := range rec.References {
		if ref.ID != "" {
			refs = append(refs, ref)
		}
	}
	rows, structured := directiveRows(doc), true
	if !anyIn(refs, rows) {
		rows, structured = directiveSections(doc, refs), false
	}
	var out []Directive
	listed := !o.All && anyIn(refs, rows)
	findings := newFindingIndex(rec.Findings)
	byID := map[string][]int{} // mentions of each document
	for i, ref := range refs {
		byID[ref.ID] = append(byID[ref.ID], i)
	}
	inList := map[int]bool{}
	for _, ref := range refs {
		d := Directive{ID: ref.ID, TypeName: string(ref.TypeName), Date: string(ref.Date), Subject: subjectOf(ref), Issuer: string(ref.Issuer), Mentions: 1}
		if _, _, _, ok := parseISO(d.Date); !ok {
			d.Date = ""
		}
		for k, row := range rows {
			if !row.contains(ref.Span) {
				continue
			}
			inList[k] = true
			d.listed = true
			if row.subject != "" {
				d.Subject = row.subject
			}
			if row.note != "" {
				d.Notes = append(d.Notes, row.note)
			}
			if d.Date == "" {
				d.Date = isoOf(firstDate(text(doc, baocao.Span{Start: ref.Span.End, End: row.num.End})))
			}
		}
		if listed && !d.listed {
			continue
		}
		borrow(&d, ref, refs, byID[ref.ID])
		if d.Date == "" && ref.DateText != "" {
			d.Notes = append(d.Notes, "date as written: "+ref.DateText)
		}
		for _, f := range findings.overlapping(ref.Span) {
			if f.Message != "" {
				d.Notes = append(d.Notes, "audit: "+f.Message)
			}
		}
		out = append(out, d)
	}
	scope := "every document the report cites"
	if listed {
		scope = "the documents of the report's own list"
		for k, row := range rows {
			if structured && !inList[k] && row.written != "" {
				out = append(out, Directive{Written: row.written, Date: isoOf(firstDate(row.written)), Subject: row.subject,
					Notes: []string{"as written: no citation was recognised in this row"}, Mentions: 1, listed: true})
			}
		}
	}
	return filterDirectives(out, o), scope
}

func anyIn(refs []baocao.Reference, rows []listRow) bool {
	for _, ref := range refs {
		for _, row := range rows {
			if row.contains(ref.Span) {
				return true
			}
		}
	}
	return false
}

func text(doc *baocao.Document, s baocao.Span) string {
	if s.Start < 0 || s.End > len(doc.Text) || s.Start > s.End {
		return ""
	}
	return doc.Text[s.Start:s.End]
}

// borrow fills what d lacks from the other mentions of the same document (the
// indexes in refs of its mentions).
func borrow(d *Directive, self baocao.Reference, refs []baocao.Reference, mentions []int) {
	for _, i := range mentions {
		r := refs[i]
		if r.Span == self.Span {
			continue
		}
		if _, _, _, ok := parseISO(string(r.Date)); ok && d.Date == "" {
			d.Date = string(r.Date)
		}
		if d.TypeName == "" {
			d.TypeName = string(r.TypeName)
		}
		if d.Subject == "" {
			d.Subject = subjectOf(r)
		}
		if d.Issuer == "" {
			d.Issuer = string(r.Issuer)
		}
	}
}

// directiveSections finds, in the appendix of a report whose list lost its table
// structure, the text under a title about the documents issued ("TỔNG HỢP CÁC VĂN
// BẢN CHỈ ĐẠO, TRIỂN KHAI …") up to the next title. Each citation there becomes a row
// reaching to the next citation, so that the row's date can be read.
func directiveSections(doc *baocao.Document, refs []baocao.Reference) []listRow {
	r, err := NewReport(nil, doc)
	if err != nil {
		return nil
	}
	var sections []baocao.Span
	open := -1
	for _, p := range r.Appendix {
		b := doc.Blocks[p.Blocks[0]]
		t := doc.BlockText(p.Blocks[0])
		f := vntext.Fold(t)
		title := b.Kind != baocao.TableKind && len(t) < 400 && isUpperLine(strings.Trim(t, "* ")) && len([]rune(t)) > 20
		if title && open >= 0 {
			sections = append(sections, baocao.Span{Start: open, End: b.Span.Start})
			open = -1
		}
		if title && strings.Contains(f, "van ban") && (strings.Contains(f, "chi dao") || strings.Contains(f, "trien khai") || strings.Contains(f, "ban hanh")) {
			open = b.Span.End
		}
	}
	if open >= 0 {
		end := len(doc.Text)
		if len(doc.Footnotes) > 0 {
			for _, b := range doc.Blocks {
				if b.Kind == baocao.Note || b.Kind == baocao.Furniture {
					end = min(end, b.Span.Start)
				}
			}
		}
		sections = append(sections, baocao.Span{Start: open, End: max(open, end)})
	}
	var rows []listRow
	for _, sec := range sections {
		var in []baocao.Span
		for _, ref := range refs {
			if sec.Contains(ref.Span) && !ref.Span.IsZero() {
				in = append(in, ref.Span)
			}
		}
		slices.SortFunc(in, func(a, b baocao.Span) int { return a.Start - b.Start })
		for k, s := range in {
			end := sec.End
			if k+1 < len(in) {
				end = in[k+1].Start
			}
			rows = append(rows, listRow{num: baocao.Span{Start: s.Start, End: max(s.End, end)}})
		}
	}
	return rows
}

// DirectivesOfCorpus returns the documents of several records (a corpus) as a
// directives appendix: each record's own identity, filtered by o.
func DirectivesOfCorpus(recs []*baocao.Record, o DirectiveOptions) []Directive {
	var out []Directive
	for _, rec := range recs {
		if rec == nil {
			continue
		}
		id := rec.Document
		d := Directive{TypeName: string(id.TypeName), Subject: string(id.Subject), Issuer: string(id.Issuer), Mentions: 1}
		switch {
		case id.Number != "" && strings.Contains(string(id.Code), "/"):
			d.ID = string(id.Number) + "-" + string(id.Code) // Party: 90-BC/ĐU, the type before the slash
		case id.Number != "":
			d.ID = string(id.Number)
			if id.Year != 0 {
				d.ID += fmt.Sprintf("/%d", id.Year)
			}
			if id.Code != "" {
				d.ID += "/" + string(id.Code)
			}
		default:
			d.Written = capitalize(string(id.TypeName))
			if d.Written == "" {
				d.Written = "Văn bản"
			}
			d.Written += " số …"
			if id.Code != "" {
				d.Written += "/" + string(id.Code)
			}
			d.Notes = append(d.Notes, "its number is blank")
		}
		if id.Date != nil {
			if _, _, _, ok := parseISO(string(id.Date.Value)); ok {
				d.Date = string(id.Date.Value)
			} else if id.Date.Text != "" {
				d.Notes = append(d.Notes, "date as written: "+id.Date.Text)
			}
		}
		if rec.Source.Path != "" {
			d.Notes = append(d.Notes, "file "+rec.Source.Path)
		}
		out = append(out, d)
	}
	return filterDirectives(out, o)
}

func filterDirectives(ds []Directive, o DirectiveOptions) []Directive {
	var out []Directive
	issuer := vntext.Fold(strings.TrimSpace(o.Issuer))
	for _, d := range ds {
		if (o.From != "" || o.To != "") && (d.Date == "" || (o.From != "" && d.Date < o.From) || (o.To != "" && d.Date > o.To)) {
			continue
		}
		if issuer != "" && !strings.Contains(vntext.Fold(d.Issuer), issuer) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// DirectivesTable builds Phụ lục I: TT | Số, ký hiệu, ngày tháng ban hành | Trích yếu
// nội dung | Ghi chú. Documents cited more than once are merged by id; the rows are
// sorted by issue date, undated documents last in the order they were cited.
func DirectivesTable(ds []Directive, caption string) *Table {
	var merged []Directive
	at := map[string]int{}
	for _, d := range ds {
		k, seen := at[d.ID]
		if d.ID == "" || !seen {
			if d.ID != "" {
				at[d.ID] = len(merged)
			}
			d.Notes = slices.Clone(d.Notes)
			merged = append(merged, d)
			continue
		}
		m := &merged[k]
		m.Mentions += d.Mentions
		if m.Date == "" {
			m.Date = d.Date
		} else if d.Date != "" && d.Date != m.Date {
			m.Notes = append(m.Notes, "also cited with the date "+FormatDate(d.Date))
		}
		if m.Subject == "" || d.listed && !m.listed && d.Subject != "" {
			m.Subject, m.listed = d.Subject, d.listed
		}
		if m.TypeName == "" {
			m.TypeName = d.TypeName
		}
		if m.Issuer == "" {
			m.Issuer = d.Issuer
		}
		m.Notes = append(m.Notes, d.Notes...)
	}
	slices.SortStableFunc(merged, func(a, b Directive) int {
		switch {
		case a.Date == b.Date:
			return 0
		case a.Date == "":
			return 1
		case b.Date == "":
			return -1
		}
		return strings.Compare(a.Date, b.Date)
	})
	t := &Table{
		Kind:    "directives",
		Title:   []string{"PHỤ LỤC I", "TỔNG HỢP CÁC VĂN BẢN CHỈ ĐẠO, TRIỂN KHAI"},
		Caption: caption,
		Columns: []Column{
			{Name: "TT", Width: 5, Numeric: true},
			{Name: "Số, ký hiệu, ngày tháng ban hành", Width: 30},
			{Name: "Trích yếu nội dung", Width: 55},
			{Name: "Ghi chú", Width: 25},
		},
	}
	for i, d := range merged {
		var notes []string
		if d.Issuer != "" {
			notes = append(notes, "issued by "+d.Issuer)
		}
		if d.Mentions > 1 {
			notes = append(notes, fmt.Sprintf("cited %d times", d.Mentions))
		}
		notes = append(notes, uniq(d.Notes)...)
		t.Rows = append(t.Rows, Row{Cells: []Value{Number(float64(i+1), 0), Text(d.Citation()), Text(d.Subject), Text(strings.Join(notes, "; "))}})
	}
	if len(merged) == 0 {
		t.Notes = append(t.Notes, "No document was found to list.")
	}
	return t
}

// subjectOf is a citation's trích yếu as a list writes it: without "về", "về việc" or
// "V/v", capitalized.
func subjectOf(ref baocao.Reference) string {
	s := strings.TrimSpace(string(ref.Subject))
	for _, p := range []string{"về việc", "Về việc", "v/v", "V/v", "về", "Về"} {
		if strings.HasPrefix(s, p+" ") {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	return capitalize(strings.TrimRight(s, " ;,."))
}

func uniq(xs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range xs {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

var reAnyDate = regexp.MustCompile(`\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}`)

func firstDate(s string) string { return reAnyDate.FindString(s) }

// listRow is a data row of the report's own list of directive documents.
type listRow struct {
	num     baocao.Span // the "Số, ký hiệu" cell
	written string      // its text
	subject string
	note    string
}

func (r listRow) contains(s baocao.Span) bool { return !s.IsZero() && r.num.Contains(s) }

// directiveRows finds the rows of the report's own directives list: a table (or, in a
// text file, lines of tab-separated columns) whose header names "ký hiệu" and "trích
// yếu".
func directiveRows(doc *baocao.Document) []listRow {
	var out []listRow
	text := doc.Text
	var lines [][]baocao.Span // the tab-separated lines of the current run
	flush := func() {
		out = append(out, listRows(text, lines)...)
		lines = nil
	}
	for _, b := range doc.Blocks {
		if b.Kind == baocao.TableKind && b.Table != nil {
			flush()
			var grid [][]baocao.Span
			for _, row := range b.Table.Rows {
				var cells []baocao.Span
				for _, c := range row {
					if c.Covered {
						cells = append(cells, baocao.Span{})
					} else {
						cells = append(cells, c.Span)
					}
				}
				grid = append(grid, cells)
			}
			out = append(out, listRows(text, grid)...)
			continue
		}
		if b.Kind == baocao.Paragraph && strings.Contains(b.Span.Of(text), "\t") {
			lines = append(lines, tabParts(text, b.Span))
			continue
		}
		flush()
	}
	flush()
	return out
}

// listRows reads the data rows of a grid whose header row has the columns of a
// directives list.
func listRows(text string, grid [][]baocao.Span) []listRow {
	head, colNum, colSubj, colNote := -1, -1, -1, -1
	for k, row := range grid {
		colNum, colSubj, colNote = -1, -1, -1
		for c, s := range row {
			f := vntext.Fold(s.Of(text))
			switch {
			case strings.Contains(f, "ky hieu") && colNum < 0:
				colNum = c
			case strings.Contains(f, "trich yeu") && colSubj < 0:
				colSubj = c
			case strings.Contains(f, "ghi chu") && colNote < 0:
				colNote = c
			}
		}
		if colNum >= 0 && colSubj >= 0 {
			head = k
			break
		}
	}
	if head < 0 {
		return nil
	}
	cellText := func(row []baocao.Span, c int) string {
		if c < 0 || c >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[c].Of(text))
	}
	var out []listRow
	for _, row := range grid[head+1:] {
		if colNum >= len(row) {
			continue
		}
		lr := listRow{num: row[colNum], written: cellText(row, colNum), subject: cellText(row, colSubj), note: cellText(row, colNote)}
		if lr.written == "" && lr.subject == "" {
			continue
		}
		out = append(out, lr)
	}
	return out
}

// DirectivesAppendix is the directives appendix of one report: the documents
// Directives chooses, merged and sorted by DirectivesTable, under the report's
// "(Kèm theo …)" caption, with a note saying which documents were listed.
func DirectivesAppendix(rec *baocao.Record, doc *baocao.Document, o DirectiveOptions) *Table {
	ds, scope := Directives(rec, doc, o)
	capt := ""
	if rec != nil {
		capt = caption(rec.Document)
	}
	t := DirectivesTable(ds, capt)
	t.Notes = append(t.Notes, "Listed: "+scope+".")
	return t
}

// CorpusDirectivesAppendix is the directives appendix of a corpus: every document of
// recs (the caller chose them, as the CLI does with the corpus's search), captioned
// with the issuer and the period of o. Use DirectivesOfCorpus to filter records here.
func CorpusDirectivesAppendix(recs []*baocao.Record, o DirectiveOptions) *Table {
	var b strings.Builder
	b.WriteString("(Văn bản")
	if o.Issuer != "" {
		b.WriteString(" của " + o.Issuer)
	}
	if from := FormatDate(o.From); from != "" {
		b.WriteString(" ban hành từ ngày " + from)
	}
	if to := FormatDate(o.To); to != "" {
		if o.From == "" {
			b.WriteString(" ban hành")
		}
		b.WriteString(" đến ngày " + to)
	}
	b.WriteString(")")
	t := DirectivesTable(DirectivesOfCorpus(recs, DirectiveOptions{}), b.String())
	t.Notes = append(t.Notes, fmt.Sprintf("Listed: %d documents of the corpus.", len(t.Rows)))
	return t
}
