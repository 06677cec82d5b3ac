// Package index is the search index of a corpus (bleve, scorch). It holds two levels of
// entries: the ingested documents, and the directives they cite (one entry per citing
// document and cited number). Both carry the same number, type, issuer, date and
// subject fields, so one Query filters either level; with Query.Refs the citation
// entries are grouped into directives, each listed once with every document citing it.
//
// Start from Open, Batch.Add (a record in, its entries indexed) and Index.Search with a
// Query; Index.Resolve, Index.Citers and Index.Cites follow citations both ways, at
// query time, so a link is known as soon as either side is ingested. ParseNumber reads
// a document number in any spelling (08/KH-UBND, 8/kh-ubnd, 08/KH – UBND, KH-UBND 08)
// into the key the number fields are searched by; ParseDate reads the dates users type.
//
// The mapping follows DEPENDENCIES.md §bleve: numbers are keyword fields (as written,
// and as a normalized key); type, issuer, place, signer and year are keyword fields
// with doc values for facets; dates are time.Time; subject and text are indexed twice,
// with an exact-diacritics analyzer and a folded one (folding is a token filter after
// NFC), and a search must match the folded field while the exact one adds to the
// score. The mapping names the custom analysis components, which this package
// registers in init: a program that opens the index must import it. The index stores
// neither the text nor the citing sentences: Options.Record reads them from the
// corpus's records for snippets, which keeps the index under three times the text.
package index

// BUG(index): document numbers are matched by their key, so a Party number and a state
// number with the same parts (84-NQ/HU and 84/NQ-HU) are found together.

// BUG(index): the number alone does not identify an administrative document (series
// restart every year and per body); a citation with neither date nor issuer, in a
// document whose own issuer is not known, may resolve to several documents, all of
// which are listed. Issuers are compared by IssuerKey, so two spellings of one body
// that the alias table does not know ("UBND" and "Ủy ban" without "nhân dân") are
// different issuers.

// BUG(index): a --refs search lists directives in date order, not by relevance, and
// groups at most refScan (5000) citations; Result.Directives is 0 when there were more.
// Of a directive cited by more than maxSentenced (20) documents, the later citations
// come without their sentence (Index.Cites gives them all).

// BUG(index): broad word queries are slow on large corpora: every matching document
// is scored and counted for the facets, so "kế hoạch thi đua" (which most reports
// contain) takes about 0.1-0.2 s at 100k documents on 2 busy cores, against a few
// milliseconds for a number, a filter or a rare word.

// BUG(index): words are matched as syllables (Vietnamese words of two syllables are two
// terms): "kế hoạch" finds documents with "kế" and "hoạch" anywhere, not only together.
