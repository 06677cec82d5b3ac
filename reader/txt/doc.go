// Package txt reads plain-text and Markdown reports: text pasted from Word or extracted
// from PDF pages, with the Markdown-ish markup such pastes carry. Import it (or
// reader/all) for its side effect; reader.Read and reader.ReadFile then use Reader for
// .txt, .md and .markdown files and for any content that sniffs as text.
//
// What Read does, in order:
//
//   - decode: UTF-8 with or without a BOM, UTF-16 LE/BE (BOM or zero-byte pattern),
//     and legacy Vietnamese encodings recognized by internal/legacy.Detect (TCVN3,
//     VNI, Windows-1258, VIQR, UTF-8 read as Windows-1252), whether the file holds
//     the legacy bytes or their Windows-1252 characters in UTF-8. The conversion is
//     recorded in Document.Encoding and on every page. Other invalid UTF-8 is an error
//     naming the first bad byte.
//   - pages: "--- TRANG n ---" / "--- PAGE n ---" markers and form feeds start pages;
//     text before the first marker (an extractor's own header) becomes furniture; a
//     page's number alone on its first or last line is dropped.
//   - lines: each line is a block; Markdown emphasis (*, **, ***, the "*** Title:**"
//     bullet form), HTML <b> <i> <u> <strong> <em> <sup>, "#" headings and backslash
//     escapes become marks; reader.Classify names headings and list items (bold or
//     all-capital lines count as headings). Text hard-wrapped to a fixed width (PDF
//     extraction) is rejoined into paragraphs first.
//   - tables: consecutive tab-separated or "| a | b |" lines, with rules dropped and
//     merged header cells, wrapped header rows and repeated headers rebuilt.
//   - footnotes: markers ¹²³ (also ¹², <sup>n</sup>), and "(n)" / "[n]" when a note
//     matches them, are linked to the paragraph that starts with the same marker; the
//     note's text leaves the body (with the paragraphs that continue it) and the
//     marker becomes a Builder.NoteRef. m², km³ and 10⁶ are not markers.
//   - page breaks: a paragraph that ends without closing punctuation and one that
//     starts in lower case (or after a trailing comma or dash) are rejoined across
//     blank lines, notes, page numbers and page markers.
//
// BUG(txt): a note's second paragraph is recognized by its words being closer to the
// note than to the body around it; a short continuation with few words in common can
// stay in the body, and a body paragraph much like the note can be taken into it.
//
// BUG(txt): footnote markers inside table cells are not linked.
//
// BUG(txt): merged cells of tab-separated tables are inferred from the header only:
// merges in data rows (a cell spanning two data rows) come out as empty cells.
//
// BUG(txt): a title wrapped over several lines stays one block per line unless the
// text as a whole is hard-wrapped; tables in hard-wrapped PDF text (cells separated by
// spaces) are not rebuilt.
package txt
