package index

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
)

// Kinds of index entries.
const (
	KindDoc = "doc" // an ingested document
	KindRef = "ref" // a directive cited by an ingested document (one per citing document and cited number)
)

// entry is what is indexed for one document or one cited directive. Field names are
// the mapping's (mapping.go); empty fields are left out of the index.
type entry struct {
	Kind       string     `json:"kind"`
	SHA        string     `json:"sha"` // the document's hash; for a reference, the citing document's
	Number     string     `json:"number,omitempty"`
	NumberKey  string     `json:"number_key,omitempty"`
	Type       string     `json:"type,omitempty"`
	Issuer     string     `json:"issuer,omitempty"`
	IssuerText string     `json:"issuer_text,omitempty"`
	Place      string     `json:"place,omitempty"`
	Signer     string     `json:"signer,omitempty"`
	Year       string     `json:"year,omitempty"`
	Date       *time.Time `json:"date,omitempty"`
	DateKey    string     `json:"date_key"`           // the date as YYYY-MM-DD, or none
	IssuerKey  string     `json:"issuer_key"`         // IssuerKey of the issuer (see whoKey for references), or none
	LinkKey    string     `json:"link_key,omitempty"` // references: number, date and issuer keys, for counting citers
	Subject    string     `json:"subject,omitempty"`
	Text       string     `json:"text,omitempty"`
	Cites      []string   `json:"cites,omitempty"`
	Path       string     `json:"path,omitempty"`
	Format     string     `json:"format,omitempty"`
	Pages      int        `json:"pages,omitempty"`
	Refs       int        `json:"refs,omitempty"`
	Findings   int        `json:"findings,omitempty"`

	Context      string     `json:"context,omitempty"` // indexed for --refs searches, not stored: read from the record
	Mentions     int        `json:"mentions,omitempty"`
	CitingNumber string     `json:"citing_number,omitempty"`
	CitingType   string     `json:"citing_type,omitempty"`
	CitingIssuer string     `json:"citing_issuer,omitempty"`
	CitingDate   *time.Time `json:"citing_date,omitempty"`
}

// DocNumber is the number of a record's document as written ("08/KH-UBND"), or "".
func DocNumber(id baocao.Identity) string {
	if id.Number == "" || id.Code == "" {
		return ""
	}
	party := strings.Contains(string(id.Code), "/") && id.Year == 0
	switch {
	case party:
		return string(id.Number) + "-" + string(id.Code)
	case id.Year != 0:
		return string(id.Number) + "/" + strconv.Itoa(int(id.Year)) + "/" + string(id.Code)
	}
	return string(id.Number) + "/" + string(id.Code)
}

// RefNumber is the number of a reference as written, spaces removed.
func RefNumber(r baocao.Reference) string {
	if r.ID != "" {
		return strings.ReplaceAll(vntext.Normalize(r.ID), " ", "")
	}
	id := baocao.Identity{Number: baocao.NullString(r.Number), Year: r.Year, Code: r.Code}
	return strings.ReplaceAll(DocNumber(id), " ", "")
}

func parseISO(s string) *time.Time {
	if s == "" {
		return nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return nil
	}
	return &t
}

func yearOf(t *time.Time) string {
	if t == nil {
		return ""
	}
	return strconv.Itoa(t.Year())
}

// entries turns a record into its document entry and one entry per cited number.
// Mentions of the same number are grouped: a report that cites 08/KH-UBND twice has
// one reference entry for it, with both sentences.
func entries(rec *baocao.Record) (doc entry, refs []entry) {
	id := rec.Document
	var date *time.Time
	if id.Date != nil {
		date = parseISO(string(id.Date.Value))
	}
	num := DocNumber(id)
	doc = entry{
		Kind: KindDoc, SHA: rec.Source.SHA256, Number: num, NumberKey: NormalizeNumber(num),
		Type: string(id.Type), Issuer: string(id.Issuer), IssuerText: issuerText(string(id.Issuer)),
		Place: string(id.Place), Year: yearOf(date), Date: date, Subject: string(id.Subject), Text: rec.Text,
		Path: rec.Source.Path, Format: rec.Source.Format, Pages: rec.Source.Pages,
		Refs: len(rec.References), Findings: len(rec.Findings),
		DateKey: dateKey(date), IssuerKey: orNone(IssuerKey(string(id.Issuer))),
	}
	if doc.Year == "" && id.Date != nil && id.Date.Year > 0 && id.Date.Year < 10000 {
		doc.Year = strconv.Itoa(int(id.Date.Year)) // "ngày … tháng 6 năm 2023": the year alone is known
	}
	if id.Signer != nil {
		doc.Signer = string(id.Signer.Name)
	}
	type group struct {
		e     entry
		sents []string
	}
	var order []string
	groups := map[string]*group{}
	for _, r := range rec.References {
		n := RefNumber(r)
		key := NormalizeNumber(n)
		if key == "" || key == doc.NumberKey {
			continue // a document naming its own number (an appendix header) does not cite itself
		}
		g, ok := groups[key]
		if !ok {
			g = &group{e: entry{Kind: KindRef, SHA: rec.Source.SHA256, Number: n, NumberKey: key,
				CitingNumber: num, CitingType: doc.Type, CitingIssuer: doc.Issuer, CitingDate: date}}
			groups[key] = g
			order = append(order, key)
		}
		e := &g.e
		e.Mentions++
		if e.Type == "" {
			e.Type = string(r.Type)
		}
		if e.Date == nil {
			e.Date = parseISO(string(r.Date))
		}
		if e.Issuer == "" && r.Issuer != "" {
			e.Issuer = string(r.Issuer)
		}
		if e.Subject == "" {
			e.Subject = string(r.Subject)
		}
		s := r.Context
		if s == "" {
			s = SentenceAt(rec.Text, r.Span)
		}
		if s == "" {
			s = r.Text
		}
		if s != "" && !contains(g.sents, s) {
			g.sents = append(g.sents, s)
		}
		doc.Cites = append(doc.Cites, key)
	}
	sort.Strings(doc.Cites)
	doc.Cites = uniq(doc.Cites)
	for _, k := range order {
		g := groups[k]
		g.e.Year = yearOf(g.e.Date)
		g.e.IssuerText = issuerText(g.e.Issuer)
		g.e.DateKey = dateKey(g.e.Date)
		g.e.IssuerKey = orNone(whoKey(g.e.Issuer, g.e.DateKey, doc.Issuer))
		g.e.LinkKey = linkKey(g.e.NumberKey, g.e.DateKey, g.e.IssuerKey)
		g.e.Context = strings.Join(g.sents, "\n")
		refs = append(refs, g.e)
	}
	return doc, refs
}

// none is the key of a date or issuer that is not written, so a term query can ask
// for "this date, or no date given".
const none = "~" // sorts after every date, so undated entries come last

func orNone(s string) string {
	if s == "" {
		return none
	}
	return s
}

func dateKey(t *time.Time) string {
	if t == nil {
		return none
	}
	return t.Format("2006-01-02")
}

// whoKey is the issuer a citation means: the one it names, or, when it names neither
// an issuer nor a date ("UBND xã đã ban hành Kế hoạch số 08/KH-UBND"), the citing
// document's own issuer. "" when it cannot be told.
func whoKey(issuer, date, citingIssuer string) string {
	if issuer != "" {
		return IssuerKey(issuer)
	}
	if date == "" || date == none {
		return IssuerKey(citingIssuer)
	}
	return ""
}

// linkKey joins the keys a citation is matched by; counting the citers of many
// documents is then one facet over it (Index.citedBy).
func linkKey(number, date, issuer string) string { return number + "|" + date + "|" + issuer }

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func uniq(xs []string) []string {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// SentenceAt returns the sentence of text around span: from the previous sentence end
// (". ", "; ", a line break) to the next one. Used when extraction gave no context.
func SentenceAt(text string, sp baocao.Span) string {
	if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
		return ""
	}
	start := 0
	for i := sp.Start - 1; i > 0; i-- {
		if text[i] == '\n' || (text[i] == ' ' && (text[i-1] == '.' || text[i-1] == ';')) {
			start = i + 1
			break
		}
	}
	end := len(text)
	for i := sp.End; i < len(text); i++ {
		if text[i] == '\n' {
			end = i
			break
		}
		if (text[i] == '.' || text[i] == ';') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n') {
			end = i + 1
			break
		}
	}
	return strings.TrimSpace(text[start:end])
}

// issuerAliases are the long and short names of bodies, so "--issuer UBND" finds
// "Ủy ban nhân dân xã …" and the reverse (DOMAIN.md §2.3).
var issuerAliases = [][2]string{
	{"ủy ban nhân dân", "ubnd"},
	{"uỷ ban nhân dân", "ubnd"},
	{"hội đồng nhân dân", "hđnd"},
	{"hội đồng thi đua - khen thưởng", "hđtđkt"},
	{"hội đồng thi đua khen thưởng", "hđtđkt"},
	{"ủy ban mặt trận tổ quốc", "ubmttq"},
	{"ban chỉ đạo", "bcđ"},
	{"sở nội vụ", "snv"},
	{"phòng nội vụ", "pnv"},
}

// issuerText is the issuer as searched: its name plus the other form of any body name
// in it.
func issuerText(s string) string {
	if s == "" {
		return ""
	}
	l := strings.ToLower(vntext.Normalize(s))
	extra := []string{s}
	for _, a := range issuerAliases {
		if strings.Contains(l, a[0]) {
			extra = append(extra, a[1])
		} else if containsWord(l, a[1]) {
			extra = append(extra, a[0])
		}
	}
	return strings.Join(extra, " ")
}

// IssuerKey is the form the spellings of one issuer share: folded, body names
// abbreviated, the standing organ of a Party committee dropped ("Ủy ban nhân dân xã
// Thụy Hùng", "UBND xã Thụy Hùng", "ỦY BAN NHÂN DÂN XÃ THỤY HÙNG" → "ubnd xa thuy hung";
// "Ban Thường vụ Huyện ủy Cao Lộc" → "huyen uy cao loc").
func IssuerKey(s string) string {
	l := strings.ToLower(vntext.Normalize(s))
	for _, a := range issuerAliases {
		l = strings.ReplaceAll(l, a[0], a[1])
	}
	k := strings.Join(strings.Fields(strings.NewReplacer("-", " ", ",", " ", ".", " ").Replace(vntext.Fold(l))), " ")
	for _, p := range []string{"ban thuong vu ", "ban chap hanh ", "thuong truc "} {
		k = strings.TrimPrefix(k, p)
	}
	return k
}

func containsWord(s, w string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == ',' }) {
		if f == w {
			return true
		}
	}
	return false
}
