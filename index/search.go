package index

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Query is a search. Every field set narrows it; the zero Query lists every document.
type Query struct {
	Text   string    // words, with or without diacritics, or a document number
	Refs   bool      // search the cited directives instead of the documents
	Number string    // the document's own number (with Refs: the cited number)
	Type   string    // type abbreviation: KH, QĐ, BC… (any case)
	Issuer string    // words of the issuer's name: "Thụy Hùng", "ubnd cao loc"
	From   time.Time // issue date on or after (zero: no bound)
	To     time.Time // issue date on or before, the whole day included (zero: no bound)
	Cites  string    // documents citing this number (with Refs: citations of it)
	Limit  int       // hits to return (default 20)
	Offset int
	Facets bool // count hits by type, issuer and year
}

// Result is what Search returns.
type Result struct {
	Total uint64 `json:"total"` // matching documents, or matching citation entries with Refs
	// Directives is, with Refs, how many distinct cited directives the citations name
	// (counted over the first refScan citations).
	Directives int                `json:"directives,omitempty"`
	Hits       []Hit              `json:"hits"`
	Facets     map[string][]Facet `json:"facets,omitempty"`
	Took       time.Duration      `json:"took_ns"`
}

// Facet is one facet value and how many hits have it.
type Facet struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

// Hit is one document or one cited directive.
type Hit struct {
	Kind     string    `json:"kind"`
	SHA      string    `json:"sha256"` // the document; for a reference, the citing document
	Number   string    `json:"number,omitempty"`
	Type     string    `json:"type,omitempty"`
	Date     string    `json:"date,omitempty"`
	Issuer   string    `json:"issuer,omitempty"`
	Subject  string    `json:"subject,omitempty"`
	Place    string    `json:"place,omitempty"`
	Signer   string    `json:"signer,omitempty"`
	Path     string    `json:"path,omitempty"`
	Score    float64   `json:"score"`
	Snippets []Snippet `json:"snippets,omitempty"`

	// cited directives only
	Citations []Citation `json:"citations,omitempty"` // who cites it, with the sentences
	Resolved  []DocRef   `json:"resolved,omitempty"`  // the directive itself, when it is in the corpus
	// documents only
	CitedBy int `json:"cited_by,omitempty"` // how many ingested documents cite it

	issuerKey string // documents: IssuerKey of the issuer
	whoKey    string // references: the issuer the citation means (see whoKey)
}

// Citation is one document citing a directive.
type Citation struct {
	Citing    DocRef    `json:"citing"`
	Sentences []string  `json:"sentences"`
	Mentions  int       `json:"mentions"`
	Snippets  []Snippet `json:"snippets,omitempty"`
}

// refScan bounds how many citation entries a --refs search reads to group them into
// directives; Result.Total still counts them all.
const refScan = 5000

// maxSentenced bounds how many citing documents of one directive a search reads
// records of, for their sentences: a directive cited by hundreds of reports is listed
// with all of them, the first ones with their sentences.
const maxSentenced = 20

// DocRef names a document of the corpus.
type DocRef struct {
	SHA     string `json:"sha256"`
	Number  string `json:"number,omitempty"`
	Type    string `json:"type,omitempty"`
	Date    string `json:"date,omitempty"`
	Issuer  string `json:"issuer,omitempty"`
	Subject string `json:"subject,omitempty"`
	Path    string `json:"path,omitempty"`
}

// Snippet is a piece of text with the matched words marked (byte ranges into Text).
type Snippet struct {
	Text  string   `json:"text"`
	Marks [][2]int `json:"marks"`
}

var docFields = []string{"sha", "number", "type", "issuer", "date", "subject", "place", "signer", "path", "issuer_key"}
var refFields = []string{"sha", "number", "number_key", "type", "issuer", "date", "date_key", "subject", "mentions",
	"issuer_key", "citing_number", "citing_type", "citing_issuer", "citing_date"}

func termQ(field, term string) *query.TermQuery {
	q := bleve.NewTermQuery(term)
	q.SetField(field)
	return q
}

func matchQ(field, analyzer, text string, boost float64) *query.MatchQuery {
	q := bleve.NewMatchQuery(text)
	q.SetField(field)
	q.Analyzer = analyzer // aliased fields do not resolve their analyzer at query time
	q.SetOperator(query.MatchQueryOperatorAnd)
	q.SetBoost(boost)
	return q
}

// build turns q into a bleve query. Words must all be present in the folded text; the
// exact-diacritics fields only add to the score, so a search without diacritics finds
// the same hits and the ones written exactly as typed rank first.
func (q Query) build() (query.Query, error) {
	kind := KindDoc
	if q.Refs {
		kind = KindRef
	}
	must := []query.Query{termQ("kind", kind)}
	var should []query.Query
	words, numbers := splitQuery(q.Text)
	for _, n := range numbers {
		if q.Refs {
			must = append(must, termQ("number_key", n))
		} else {
			own := termQ("number_key", n)
			own.SetBoost(5)
			must = append(must, bleve.NewDisjunctionQuery(own, termQ("cites", n)))
		}
	}
	if words != "" {
		if q.Refs {
			// directives are listed in date order: no score to compute
			must = append(must, bleve.NewDisjunctionQuery(
				matchQ("context_fold", FoldAnalyzer, words, 1), matchQ("subject_fold", FoldAnalyzer, words, 1)))
		} else {
			must = append(must, matchQ("text_fold", FoldAnalyzer, words, 1))
			should = append(should, matchQ("text", ExactAnalyzer, words, 2),
				matchQ("subject", ExactAnalyzer, words, 3), matchQ("subject_fold", FoldAnalyzer, words, 1.5))
		}
	}
	if q.Number != "" {
		k := NormalizeNumber(q.Number)
		if k == "" {
			return nil, fmt.Errorf("%q is not a document number (like 08/KH-UBND)", q.Number)
		}
		must = append(must, termQ("number_key", k))
	}
	if q.Cites != "" {
		k := NormalizeNumber(q.Cites)
		if k == "" {
			return nil, fmt.Errorf("%q is not a document number (like 08/KH-UBND)", q.Cites)
		}
		if q.Refs {
			must = append(must, termQ("number_key", k))
		} else {
			must = append(must, termQ("cites", k))
		}
	}
	if q.Type != "" {
		must = append(must, termQ("type", CanonicalType(q.Type)))
	}
	if strings.TrimSpace(q.Issuer) != "" {
		must = append(must, matchQ("issuer_text", FoldAnalyzer, q.Issuer, 1))
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		var start, end time.Time
		if !q.From.IsZero() {
			start = q.From
		}
		if !q.To.IsZero() {
			end = q.To.AddDate(0, 0, 1) // the whole last day
		}
		incl, excl := true, false
		dq := bleve.NewDateRangeInclusiveQuery(start, end, &incl, &excl)
		dq.SetField("date")
		must = append(must, dq)
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(must...)
	if len(should) > 0 {
		bq.AddShould(should...)
		bq.SetMinShould(0)
	}
	return bq, nil
}

// splitQuery separates the document numbers in a query from its words: the whole
// query may be one number ("KH-UBND 08"), or numbers may stand among words.
func splitQuery(s string) (words string, numbers []string) {
	s = strings.TrimSpace(vntext.Normalize(s))
	if s == "" {
		return "", nil
	}
	if k := NormalizeNumber(s); k != "" && strings.ContainsAny(s, "0123456789") {
		return "", []string{k}
	}
	var ws []string
	for _, f := range strings.Fields(s) {
		if strings.ContainsAny(f, "/") && strings.ContainsAny(f, "0123456789") {
			if k := NormalizeNumber(strings.Trim(f, ",;.()")); k != "" {
				numbers = append(numbers, k)
				continue
			}
		}
		ws = append(ws, f)
	}
	return strings.Join(ws, " "), numbers
}

// Search runs q.
func (ix *Index) Search(ctx context.Context, q Query) (*Result, error) {
	start := time.Now()
	bq, err := q.build()
	if err != nil {
		return nil, err
	}
	if q.Limit <= 0 {
		q.Limit = 20
	}
	words, numbers := splitQuery(q.Text)
	recs := ix.recordCache()
	out := &Result{}
	if q.Refs {
		if err := ix.searchRefs(ctx, bq, q, out); err != nil {
			return nil, err
		}
	} else {
		req := bleve.NewSearchRequestOptions(bq, q.Limit, q.Offset, false)
		req.Fields = docFields
		if words == "" && len(numbers) == 0 {
			req.SortBy([]string{"-date", "number_key"})
		} else {
			req.SortBy([]string{"-_score"}) // a second key would read doc values for every hit
		}
		addFacets(req, q.Facets)
		res, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("index: search: %w", err)
		}
		out.Total = res.Total
		out.Facets = facets(res, q.Facets)
		for _, h := range res.Hits {
			out.Hits = append(out.Hits, hitOf(h, false))
		}
	}
	for i := range out.Hits {
		h := &out.Hits[i]
		if q.Refs {
			h.Resolved, _ = ix.resolve(ctx, h.Number, h.Date, h.whoKey)
			for j := range h.Citations {
				c := &h.Citations[j]
				if j >= maxSentenced {
					break // the others are listed without their sentence (Cites has them all)
				}
				c.Sentences = ix.sentences(recs, c.Citing.SHA, NormalizeNumber(h.Number))
				if rec := recs(c.Citing.SHA); rec != nil {
					c.Citing.Path = rec.Source.Path
				}
				if words != "" {
					for _, sent := range c.Sentences {
						if s := ix.snippet(sent, words); s != nil {
							c.Snippets = append(c.Snippets, *s)
						}
					}
				}
			}
			continue
		}
		if words != "" {
			if rec := recs(h.SHA); rec != nil {
				h.Snippets = ix.snippets(rec.Text, words, 2)
			}
		}
	}
	if !q.Refs {
		ix.citedBy(ctx, out.Hits)
	}
	out.Took = time.Since(start)
	return out, nil
}

// citedBy fills CitedBy of document hits. A citation means a document when its number
// is the same and its date and issuer are the document's or not written (refers); for
// a document with both, those are four exact link keys, so one query over the link
// keys of every hit, faceted by key, counts them all. Documents without a date or an
// issuer take the general query, one each.
func (ix *Index) citedBy(ctx context.Context, hits []Hit) {
	var terms []query.Query
	for i := range hits {
		h := &hits[i]
		k := NormalizeNumber(h.Number)
		switch {
		case k == "":
		case h.Date != "" && h.issuerKey != "":
			for _, lk := range h.linkKeys(k) {
				terms = append(terms, termQ("link_key", lk))
			}
		default:
			req := bleve.NewSearchRequestOptions(citersQuery(*h), 0, 0, false)
			req.Score = "none"
			if res, err := ix.b.SearchInContext(ctx, req); err == nil {
				h.CitedBy = int(res.Total)
			}
		}
	}
	if len(terms) == 0 {
		return
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(terms...), 0, 0, false)
	req.Score = "none"
	req.AddFacet("link", bleve.NewFacetRequest("link_key", len(terms)))
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil || res.Facets["link"] == nil || res.Facets["link"].Terms == nil {
		return
	}
	counts := map[string]int{}
	for _, t := range res.Facets["link"].Terms.Terms() {
		counts[t.Term] = t.Count
	}
	for i := range hits {
		h := &hits[i]
		if k := NormalizeNumber(h.Number); k != "" && h.Date != "" && h.issuerKey != "" {
			h.CitedBy = 0
			for _, lk := range h.linkKeys(k) {
				h.CitedBy += counts[lk]
			}
		}
	}
}

// linkKeys are the link keys of the citations that mean the document h.
func (h *Hit) linkKeys(k string) []string {
	return []string{linkKey(k, h.Date, h.issuerKey), linkKey(k, h.Date, none), linkKey(k, none, h.issuerKey), linkKey(k, none, none)}
}

func addFacets(req *bleve.SearchRequest, on bool) {
	if !on {
		return
	}
	req.AddFacet("type", bleve.NewFacetRequest("type", 12))
	req.AddFacet("issuer", bleve.NewFacetRequest("issuer", 10))
	req.AddFacet("year", bleve.NewFacetRequest("year", 12))
}

func facets(res *bleve.SearchResult, on bool) map[string][]Facet {
	if !on {
		return nil
	}
	out := map[string][]Facet{}
	for name, fr := range res.Facets {
		var fs []Facet
		if fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				if t.Term != "" && t.Term != none {
					fs = append(fs, Facet{Term: t.Term, Count: t.Count})
				}
			}
		}
		if name == "year" {
			sort.Slice(fs, func(i, j int) bool { return fs[i].Term > fs[j].Term })
		}
		out[name] = fs
	}
	return out
}

// searchRefs reads the matching citation entries in (date, number) order, so the
// citations of one directive come together, and groups them into directives from the
// sort keys alone; then it loads the stored fields of the page's citations only. It
// reads at most refScan entries.
func (ix *Index) searchRefs(ctx context.Context, bq query.Query, q Query, out *Result) error {
	req := bleve.NewSearchRequestOptions(bq, refScan, 0, false)
	req.Score = "none"
	req.SortBy([]string{"date_key", "number_key"})
	addFacets(req, q.Facets)
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return fmt.Errorf("index: search: %w", err)
	}
	out.Total = res.Total
	out.Facets = facets(res, q.Facets)
	type key struct{ date, number string }
	var order []key
	ids := map[key][]string{}
	for _, h := range res.Hits {
		if len(h.Sort) < 2 {
			continue
		}
		k := key{h.Sort[0], h.Sort[1]}
		if _, ok := ids[k]; !ok {
			order = append(order, k)
		}
		ids[k] = append(ids[k], h.ID)
	}
	if uint64(len(res.Hits)) == res.Total {
		out.Directives = len(order) // every citation was read: the count is exact
	}
	if q.Offset >= len(order) {
		return nil
	}
	page := order[q.Offset:min(len(order), q.Offset+q.Limit)]
	var want []string
	for _, k := range page {
		want = append(want, ids[k]...)
	}
	freq := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(want), len(want), 0, false)
	freq.Score = "none"
	freq.Fields = refFields
	fres, err := ix.b.SearchInContext(ctx, freq)
	if err != nil {
		return fmt.Errorf("index: search: %w", err)
	}
	byID := map[string]Hit{}
	for _, h := range fres.Hits {
		byID[h.ID] = hitOf(h, true)
	}
	for _, k := range page {
		var d *Hit
		for _, id := range ids[k] {
			x, ok := byID[id]
			if !ok {
				continue
			}
			if d == nil {
				x.SHA = ""
				d = &x
				continue
			}
			d.Citations = append(d.Citations, x.Citations...)
			if d.Issuer == "" {
				d.Issuer = x.Issuer
			}
			if d.Subject == "" {
				d.Subject = x.Subject
			}
			if d.whoKey == "" {
				d.whoKey = x.whoKey
			}
		}
		if d != nil {
			sort.SliceStable(d.Citations, func(i, j int) bool { return d.Citations[i].Citing.Date < d.Citations[j].Citing.Date })
			out.Hits = append(out.Hits, *d)
		}
	}
	return nil
}

// recordCache returns a loader of records that reads each one once per search.
func (ix *Index) recordCache() func(sha string) *baocao.Record {
	cache := map[string]*baocao.Record{}
	return func(sha string) *baocao.Record {
		if ix.opts.Record == nil || sha == "" {
			return nil
		}
		if r, ok := cache[sha]; ok {
			return r
		}
		r, err := ix.opts.Record(sha)
		if err != nil {
			r = nil
		}
		cache[sha] = r
		return r
	}
}

// sentences returns the sentences of the record sha that cite the number key: the
// extraction's context, or the sentence around the citation.
func (ix *Index) sentences(recs func(string) *baocao.Record, sha, key string) []string {
	rec := recs(sha)
	if rec == nil {
		return nil
	}
	var out []string
	for _, r := range rec.References {
		if NormalizeNumber(RefNumber(r)) != key {
			continue
		}
		s := r.Context
		if s == "" {
			s = SentenceAt(rec.Text, r.Span)
		}
		if s == "" {
			s = r.Text
		}
		if s != "" && !contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func str(m map[string]interface{}, k string) string {
	s, _ := m[k].(string)
	return s
}

func day(m map[string]interface{}, k string) string {
	s := str(m, k)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.Format("2006-01-02")
	}
	return ""
}

func hitOf(h *search.DocumentMatch, refs bool) Hit {
	f := h.Fields
	hit := Hit{SHA: str(f, "sha"), Number: str(f, "number"), Type: str(f, "type"), Date: day(f, "date"),
		Issuer: str(f, "issuer"), Subject: str(f, "subject"), Score: h.Score,
		issuerKey: strings.TrimPrefix(str(f, "issuer_key"), none)}
	if !refs {
		hit.Kind = KindDoc
		hit.Place, hit.Signer, hit.Path = str(f, "place"), str(f, "signer"), str(f, "path")
		return hit
	}
	hit.Kind = KindRef
	hit.whoKey = strings.TrimPrefix(str(f, "issuer_key"), none)
	c := Citation{Citing: DocRef{SHA: hit.SHA, Number: str(f, "citing_number"), Type: str(f, "citing_type"),
		Date: day(f, "citing_date"), Issuer: str(f, "citing_issuer")}}
	if m, ok := f["mentions"].(float64); ok {
		c.Mentions = int(m)
	}
	hit.Citations = []Citation{c}
	return hit
}

// Resolve finds the ingested documents a citation points to: the same number and,
// when the citation gives them, the same issue date and issuer. Administrative numbers
// restart every year and every body has its own series, so the number alone is not
// enough when a date or an issuer says otherwise. citingIssuer is the issuer of the
// citing document: a citation with neither date nor issuer ("UBND xã đã ban hành Kế
// hoạch số 08/KH-UBND …") means one of the citing body's own documents.
func (ix *Index) Resolve(ctx context.Context, number, date, issuer, citingIssuer string) ([]DocRef, error) {
	return ix.resolve(ctx, number, date, whoKey(issuer, date, citingIssuer))
}

// linkQuery is the part of a query that says "cited by / citing": the number, and the
// date and issuer when the side that is known has them. An entry whose own date or
// issuer is not written (none) matches any.
func linkQuery(kind, numberKey, date, issuerKey string) *query.BooleanQuery {
	bq := bleve.NewBooleanQuery()
	bq.AddMust(termQ("kind", kind), termQ("number_key", numberKey))
	if date != "" {
		bq.AddMust(bleve.NewDisjunctionQuery(termQ("date_key", date), termQ("date_key", none)))
	}
	if issuerKey != "" {
		bq.AddMust(bleve.NewDisjunctionQuery(termQ("issuer_key", issuerKey), termQ("issuer_key", none)))
	}
	return bq
}

func (ix *Index) resolve(ctx context.Context, number, date, who string) ([]DocRef, error) {
	k := NormalizeNumber(number)
	if k == "" {
		return nil, nil
	}
	req := bleve.NewSearchRequestOptions(linkQuery(KindDoc, k, date, who), 100, 0, false)
	req.Fields = docFields
	req.SortBy([]string{"date", "number_key"})
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	var out []DocRef
	for _, h := range res.Hits {
		d := hitOf(h, false)
		out = append(out, DocRef{SHA: d.SHA, Number: d.Number, Type: d.Type, Date: d.Date, Issuer: d.Issuer, Subject: d.Subject, Path: d.Path})
	}
	return out, nil
}

// citersQuery selects the citation entries that mean the document h.
func citersQuery(h Hit) *query.BooleanQuery {
	bq := linkQuery(KindRef, NormalizeNumber(h.Number), h.Date, h.issuerKey)
	bq.AddMustNot(termQ("sha", h.SHA)) // a document does not cite itself
	return bq
}

// countCiters counts the ingested documents citing h, without reading them.
func (ix *Index) countCiters(ctx context.Context, h *Hit) (int, error) {
	if NormalizeNumber(h.Number) == "" {
		return 0, nil
	}
	res, err := ix.b.SearchInContext(ctx, bleve.NewSearchRequestOptions(citersQuery(*h), 0, 0, false))
	if err != nil {
		return 0, err
	}
	return int(res.Total), nil
}

// Citers returns the citation entries that cite the document d, in citing-date order.
func (ix *Index) Citers(ctx context.Context, d DocRef) ([]Hit, error) {
	if NormalizeNumber(d.Number) == "" {
		return nil, nil
	}
	h := Hit{SHA: d.SHA, Number: d.Number, Date: d.Date, issuerKey: IssuerKey(d.Issuer)}
	return ix.refHits(ctx, citersQuery(h))
}

// citationsOf returns every citation entry of number (any year, any issuer).
func (ix *Index) citationsOf(ctx context.Context, number string) ([]Hit, error) {
	k := NormalizeNumber(number)
	if k == "" {
		return nil, nil
	}
	return ix.refHits(ctx, linkQuery(KindRef, k, "", ""))
}

func (ix *Index) refHits(ctx context.Context, q query.Query) ([]Hit, error) {
	var out []Hit
	const page = 1000
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(q, page, from, false)
		req.Fields = refFields
		req.SortBy([]string{"citing_date", "date_key"})
		res, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			out = append(out, hitOf(h, true))
		}
		if len(res.Hits) < page {
			return out, nil
		}
	}
}

// CitesResult answers "who cites ID, and what does ID cite".
type CitesResult struct {
	ID        string     `json:"id"`
	Citations []Hit      `json:"citations"` // one per citing document, in citing-date order
	Documents []CitedDoc `json:"documents"` // the ingested documents numbered ID
}

// CitedDoc is an ingested document with the directives it cites.
type CitedDoc struct {
	Doc   DocRef `json:"document"`
	Cites []Hit  `json:"cites"`
}

// Cites lists every document citing the number id, and, for each ingested document
// that has that number, what it cites (each cited directive resolved in the corpus).
func (ix *Index) Cites(ctx context.Context, id string) (*CitesResult, error) {
	if NormalizeNumber(id) == "" {
		return nil, fmt.Errorf("%q is not a document number (like 08/KH-UBND)", id)
	}
	out := &CitesResult{ID: id, Citations: []Hit{}, Documents: []CitedDoc{}}
	hits, err := ix.citationsOf(ctx, id)
	if err != nil {
		return nil, err
	}
	recs := ix.recordCache()
	for i := range hits {
		for j := range hits[i].Citations {
			c := &hits[i].Citations[j]
			c.Sentences = ix.sentences(recs, c.Citing.SHA, NormalizeNumber(hits[i].Number))
			if rec := recs(c.Citing.SHA); rec != nil {
				c.Citing.Path = rec.Source.Path
			}
		}
	}
	out.Citations = append(out.Citations, hits...)
	docs, err := ix.Resolve(ctx, id, "", "", "")
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		bq := bleve.NewBooleanQuery()
		bq.AddMust(termQ("kind", KindRef), termQ("sha", d.SHA))
		req := bleve.NewSearchRequestOptions(bq, 1000, 0, false)
		req.Fields = refFields
		req.SortBy([]string{"date_key", "number_key"})
		res, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return nil, err
		}
		cd := CitedDoc{Doc: d, Cites: []Hit{}}
		for _, h := range res.Hits {
			x := hitOf(h, true)
			x.Resolved, _ = ix.resolve(ctx, x.Number, x.Date, x.whoKey)
			for j := range x.Citations {
				x.Citations[j].Sentences = ix.sentences(recs, d.SHA, NormalizeNumber(x.Number))
			}
			cd.Cites = append(cd.Cites, x)
		}
		out.Documents = append(out.Documents, cd)
	}
	return out, nil
}
