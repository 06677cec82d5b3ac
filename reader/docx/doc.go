// Package docx reads Word documents (.docx, Office Open XML, Transitional or Strict)
// into the document model of package baocao. It registers itself with package reader;
// import it (or reader/all) and call reader.ReadFile.
//
// Reader.Read opens the ZIP with archive/zip under a decompression budget
// (reader.Options.MaxUnzipped, and a cap on each part) and walks each part's XML as
// an encoding/xml token stream, matching elements by local name so that Strict OOXML
// namespaces read the same. In order:
//
//   - the main part, found through _rels/.rels, with its styles (styles.xml: names,
//     basedOn chains, run and paragraph properties) and its list definitions
//     (numbering.xml), found through its relationships;
//   - paragraphs become heading, list-item or paragraph blocks: automatic list labels
//     are rebuilt the way Word counts them and put at the start of the text and in
//     Block.Label; reader.Classify reads typed labels ("Phần I", "II.", "a)");
//     outline levels and heading styles make headings; bold, italic, underline and
//     superscript become marks;
//   - tables keep their grid (gridSpan, vMerge, gridBefore/gridAfter); tables nested
//     in a cell and text boxes in a cell flatten into the cell's text; text boxes
//     elsewhere follow the paragraph that anchors them; the alternate-content fallback
//     copy of a text box is never read, so its text appears once;
//   - deleted and moved-away text, field codes and page-number fields are dropped;
//     field results, inserted text and content controls are kept;
//   - footnotes and endnotes are linked to their references ("[1]" in the body, the
//     text after the body); headers and footers become furniture blocks;
//   - runs in the legacy Vietnamese fonts (".VnTime", ".VnTimeH", "VNI-Times") are
//     converted by internal/legacy and the document records the encoding.
//
// The package does not use github.com/nguyenthenguyen/docx for reading: it exposes
// only the raw document.xml, reads it and every part named like a header or footer
// with io.ReadAll and no size bound, and fails on a package without
// word/_rels/document.xml.rels, so it can neither refuse a zip bomb nor read
// footnotes, numbering or styles.
//
// Bad input is an error value naming the cause: reader.ErrCorrupt for a truncated
// ZIP, malformed XML in the main part (with the part and line) or a missing main part;
// reader.ErrUnsupported for a ZIP that is another format (XLSX, PPTX, ODT) or content
// that is not a ZIP (PDF, legacy .doc); reader.ErrLimit for a zip bomb (by declared
// sizes, by counting inflated bytes) and for layouts that would explode (too many ZIP
// entries, table grids past maxCells). A broken optional part (styles, numbering,
// notes, headers) is a warning and the text is still read.
package docx

// BUG(docx): Pages are not tracked: page breaks and w:lastRenderedPageBreak are read
// as spaces, Document.Pages is empty and Block.Page is 0.

// BUG(docx): Toggle properties (bold, italic) in the style chain override each other
// instead of toggling as ECMA-376 §17.7.3 says; conditional table-style formatting
// (a bold header row from the table style) is not applied. Only marks and the bold
// hint to reader.Classify are affected, not the text.

// BUG(docx): Charts, SmartArt and embedded objects live in parts of their own that are
// not read: their titles and labels are not in the text.

// BUG(docx): Legacy horizontal merges (w:hMerge, from Word 95 era files) are not
// resolved: each merged cell takes its own grid column.

// BUG(docx): Footnote and endnote references share one counter: a document with both
// numbers them 1, 2, 3 in order of reference, not 1, 2 and i, ii as Word shows.
// Formatting inside notes and page headers is not kept, only their text.

// BUG(docx): numFmt values other than decimal, decimalZero, Roman, letters, bullet,
// none, decimalEnclosedParen and vietnameseCounting (ordinal, cardinalText, CJK and
// other scripts) are written as decimal numbers.
