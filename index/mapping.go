package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/unicodenorm"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/baocao/baocao/internal/vntext"
)

// Names of the analysis components. The mapping is stored inside the index and names
// them, so every program that opens the index must have them registered: importing
// this package does that (init below).
const (
	foldFilter    = "baocao_fold" // token filter: vntext.Fold on each term
	nfcFilter     = "baocao_nfc"  // token filter: NFC on each term
	ExactAnalyzer = "vi_exact"    // unicode words, NFC, lower case: diacritics matter
	FoldAnalyzer  = "vi_fold"     // the same, then diacritics removed and đ→d
)

func init() {
	// Folding is a token filter, not a char filter: it rewrites the term only, so the
	// token's byte offsets still point into the original text and highlights stay
	// valid UTF-8 (DEPENDENCIES.md §bleve).
	if err := registry.RegisterTokenFilter(foldFilter, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldTokenFilter{}, nil
	}); err != nil {
		panic(err)
	}
}

type foldTokenFilter struct{}

func (foldTokenFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = []byte(vntext.Fold(string(t.Term)))
	}
	return in
}

// newMapping builds the index mapping. Both levels (documents and the directives they
// cite) share one mapping; the kind field tells them apart, and the fields they share
// (number, type, issuer, date, subject) mean the same thing at both levels, so one
// filter works on either.
func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	if err := m.AddCustomTokenFilter(nfcFilter, map[string]interface{}{"type": unicodenorm.Name, "form": unicodenorm.NFC}); err != nil {
		return nil, err
	}
	if err := m.AddCustomAnalyzer(ExactAnalyzer, map[string]interface{}{
		"type": custom.Name, "tokenizer": unicode.Name, "token_filters": []string{nfcFilter, lowercase.Name},
	}); err != nil {
		return nil, err
	}
	if err := m.AddCustomAnalyzer(FoldAnalyzer, map[string]interface{}{
		"type": custom.Name, "tokenizer": unicode.Name, "token_filters": []string{nfcFilter, lowercase.Name, foldFilter},
	}); err != nil {
		return nil, err
	}
	m.DefaultAnalyzer = ExactAnalyzer
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false

	dm := bleve.NewDocumentStaticMapping()
	kw := func(store, docValues bool) *mapping.FieldMapping {
		f := mapping.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = store
		f.DocValues = docValues // facets and sorting read doc values
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		return f
	}
	text := func(name, analyzer string, store bool) *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Name = name
		f.Analyzer = analyzer
		f.Store = store
		f.DocValues = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false // snippets are made from the record's text, not from term vectors
		return f
	}
	date := func(store bool) *mapping.FieldMapping {
		f := mapping.NewDateTimeFieldMapping()
		f.Store = store
		f.DocValues = true
		f.IncludeInAll = false
		return f
	}
	num := func() *mapping.FieldMapping {
		f := mapping.NewNumericFieldMapping()
		f.Store = true
		f.Index = false
		f.DocValues = false
		f.IncludeInAll = false
		return f
	}
	add := func(field string, fms ...*mapping.FieldMapping) { dm.AddFieldMappingsAt(field, fms...) }

	add("kind", kw(false, false))
	add("sha", kw(true, false))
	add("number", kw(true, false))    // as written, spaces removed: 08/KH-UBND
	add("number_key", kw(true, true)) // every spelling's normal form: 8/kh-ubnd
	add("type", kw(true, true))
	add("issuer", kw(true, true))
	issuerText := text("issuer_text", FoldAnalyzer, false)
	issuerText.SkipFreqNorm = true // a filter: never scored
	add("issuer_text", issuerText)
	add("place", kw(true, true))
	add("signer", kw(true, true))
	add("year", kw(false, true))
	add("date", date(true))
	add("date_key", kw(true, true))
	add("issuer_key", kw(true, false))
	add("link_key", kw(false, false))
	add("subject", text("subject", ExactAnalyzer, true), text("subject_fold", FoldAnalyzer, false))
	add("text", text("text", ExactAnalyzer, false), text("text_fold", FoldAnalyzer, false))
	add("cites", kw(false, false)) // keys of every number the document cites
	add("path", kw(true, false))   // documents only: a citation's path is its citing record's
	add("format", kw(true, false))
	add("pages", num())
	add("refs", num())
	add("findings", num())
	// the citing side of a reference
	// citing sentences: searched folded only (directives are listed by date, not score)
	context := text("context_fold", FoldAnalyzer, false)
	context.SkipFreqNorm = true
	add("context", context)
	add("mentions", num())
	add("citing_number", kw(true, false))
	add("citing_type", kw(true, false))
	add("citing_issuer", kw(true, false))
	add("citing_date", date(true))
	m.DefaultMapping = dm
	return m, m.Validate()
}
