// Package render writes documents and their records back out: the normalized report
// in the standard layout of Nghị định 30/2020 (Markdown, HTML, DOCX), and the appendix
// tables rebuilt from the record (CSV, XLSX, DOCX, Markdown). It is the last stage of
// the pipeline and reads only the document model and the record.
//
// Start from Write (or NewReport, to inspect the layout, then Report.Write) for a
// report, and from DirectivesAppendix, CommendationsTable and IndicatorsTable, then
// Table.Write, for the appendices. Citation and FormatDate write a cited document and a
// date the canonical way ("Kế hoạch số 08/KH-UBND ngày 05/01/2023").
//
// The report is laid out from the document's own lines: NewReport finds the issuer, the
// Quốc hiệu and Tiêu ngữ, the number, the place and date, the type name and trích yếu,
// the Nơi nhận and the signature among the blocks, wherever the source put them (a
// header table of a DOCX, the tab-separated columns of a PDF line, a cell whose
// paragraphs were joined). Everything else is the body, in order; what follows the
// signature is the appendix. The text is never reworded: only the citations the record
// holds are written in canonical form, and paragraphs that a line or page break cut are
// joined again. Spans of the record that do not fit the text are ignored.
//
// DOCX files are written part by part with archive/zip (document, styles, settings,
// footnotes with their separator notes, comments, a page-number header): A4, margins of
// 20/15/20/30 mm, Times New Roman 14 pt, the header and the closing as borderless
// two-column tables, merged cells as gridSpan and vMerge. With Options.Annotate the HTML
// highlights the extracted items with their details as tooltips and the audit findings
// with the finding as a note (and lists the findings at the end); the DOCX highlights
// the items and puts each finding in a comment (word/comments.xml).
//
// CSV is written as UTF-8 with a byte-order mark, because Excel reads a CSV file
// without one in the legacy code page and garbles Vietnamese; its numbers are written
// for machines (a dot before the decimals, no grouping), and a text starting with "="
// or "@" gets an apostrophe in front so that a spreadsheet does not run it as a formula. XLSX (with excelize) keeps the
// numbers as numbers, formatted in the decimals the document wrote, merges the title
// rows and the grouped header cells, and gives totals their SUM formula besides the
// value. Markdown and DOCX tables write numbers the Vietnamese way (1.438.337.684;
// 71,14).
package render

// BUG(render): Markdown cannot merge table cells: a merged cell's text is written in
// its first cell and the cells it covers are left empty. Markdown cannot show
// annotations either, so Options.Annotate is refused for it.

// BUG(render): the layout is found by the shape of the lines. A header or closing
// written in an unusual way stays in the body (nothing is lost); pieces of the
// Quốc hiệu that a PDF wrapped are replaced by the decree's fixed text, and a line that
// is only "*" (the star under a Party committee's name) is not written.

// BUG(render): page headers and footers of the source are not written (the report has
// the decree's page numbers instead). DOCX footnotes are numbered by the word
// processor (1, 2, … in order), not with the source's own numbers, and a footnote
// referenced twice is linked from its first marker only (the others stay as "[n]").

// BUG(render): a finding whose span runs over several paragraphs gets its DOCX comment
// on the part in the first one; a finding inside a footnote is commented on the
// footnote's reference in the body.

// BUG(render): the commendation table knows the four levels of commune and district
// summaries (Nhà nước, tỉnh, huyện, xã); counts of another level are only named in the
// notes. The phụ lục numbers (I directives, II commendations, III indicators) are fixed.
