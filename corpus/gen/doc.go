// Package gen writes realistic generated corpora of Vietnamese administrative documents,
// with the ground-truth record of each, so the store, the index and their benchmarks
// can be tested without depending on extraction.
//
// New plans a corpus (issuers at commune, district and province level, Party
// committees; all 29 document types of NĐ 30/2020 Điều 7, reports and plans most often;
// numbers that restart each year per issuer and type; dates in order); Generator.Doc
// renders one document: header block, number, place and date line, type name and
// trích yếu, legal bases and cited documents, body sections with indicators
// ("332,6 ha/467,53 ha đạt 71,14 % so với kế hoạch"), award sentences, Nơi nhận and the
// signature. Documents cite earlier documents of the same corpus, so citations resolve
// inside it, plus decrees and Party resolutions from outside. Write writes a corpus to
// a folder.
//
// The text of a Doc is what the text reader gives for its file (blank lines between
// paragraphs), so the spans of its record point into the record's text.
package gen

// BUG(gen): every document is plain text; page counts of generated documents are
// estimates (corpus.Pages), and the layout features of PDF and DOCX (tables, footnotes)
// are not generated.
