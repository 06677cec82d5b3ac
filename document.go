package baocao

// Span is a byte range [Start, End) into Document.Text (and Record.Text).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// IsZero reports whether the span is empty.
func (s Span) IsZero() bool { return s.End <= s.Start }

// Of returns the part of text the span covers, or "" when the span does not fit.
func (s Span) Of(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// BlockKind says what a block is.
type BlockKind string

const (
	Heading   BlockKind = "heading"   // a numbered or styled heading; Label holds its numbering
	Paragraph BlockKind = "paragraph" // body text, rejoined across line and page breaks
	ListItem  BlockKind = "list-item" // a bulleted or numbered item; Label holds "-", "+", "a)", "1."
	TableKind BlockKind = "table"     // a table; Table holds the grid
	Note      BlockKind = "footnote"  // the text of a footnote or endnote (see Document.Footnotes)
	Furniture BlockKind = "furniture" // page headers and footers kept from the source (DOCX), after the notes
)

// MarkKind is an inline style.
type MarkKind string

const (
	Bold        MarkKind = "bold"
	Italic      MarkKind = "italic"
	Underline   MarkKind = "underline"
	Superscript MarkKind = "superscript"
)

// Mark is an inline style over a span of the text.
type Mark struct {
	Span Span     `json:"span"`
	Kind MarkKind `json:"kind"`
}

// Block is one unit of the document in reading order. Its text is Span.Of(doc.Text):
// one line for paragraphs and headings (label included), rows separated by "\n" and
// cells by "\t" for tables.
type Block struct {
	Kind  BlockKind `json:"kind"`
	Span  Span      `json:"span"`
	Label string    `json:"label,omitempty"` // numbering as written or rebuilt: "Phần I", "II.", "2.2.1.", "a)", "-"
	Level int       `json:"level,omitempty"` // heading depth when the source says it (1 = top), else 0
	Style string    `json:"style,omitempty"` // source paragraph style (DOCX), if any
	Align string    `json:"align,omitempty"` // "center", "right", "justify" when the source says it
	Page  int       `json:"page,omitempty"`  // 1-based page the block starts on, 0 when unknown
	Marks []Mark    `json:"marks,omitempty"` // inline styles
	Table *Table    `json:"table,omitempty"` // for TableKind
	Note  string    `json:"note,omitempty"`  // for Note blocks: the footnote ID
}

// Table is a grid of cells with merges resolved: every row has the same number of cells,
// and a cell covered by a merge has Covered set and the span of the cell that covers it.
type Table struct {
	Rows [][]Cell `json:"rows"`
}

// Cell is one grid position of a table.
type Cell struct {
	Span    Span `json:"span"`
	RowSpan int  `json:"row_span,omitempty"` // >1 on the origin cell of a vertical merge
	ColSpan int  `json:"col_span,omitempty"` // >1 on the origin cell of a horizontal merge
	Covered bool `json:"covered,omitempty"`  // covered by a merge; Span is the origin's: skip it when summing
}

// Footnote links a note's reference marker in the body to the note's text.
type Footnote struct {
	ID   string `json:"id"`             // the note's number as the document shows it ("1", "2", …)
	Kind string `json:"kind,omitempty"` // "footnote" or "endnote"
	Ref  Span   `json:"ref"`            // the marker "[1]" in the body; zero when the reference was not found
	Span Span   `json:"span"`           // the note's text, marker excluded
}

// PageSource says how a page's text was obtained.
type PageSource string

const (
	FromTextLayer PageSource = "text-layer"
	FromOCR       PageSource = "ocr"
	FromLegacy    PageSource = "legacy-converted"
	NoText        PageSource = "none" // no usable text: a scan that was not (or could not be) OCRed
)

// Page says where one source page's text sits in Document.Text and how it was read.
type Page struct {
	Number     int        `json:"number"`
	Span       Span       `json:"span"`
	Source     PageSource `json:"source"`
	Confidence float64    `json:"confidence,omitempty"` // mean OCR word confidence, 0..1
	LowConf    []WordConf `json:"low_confidence,omitempty"`
	Note       string     `json:"note,omitempty"` // e.g. "no text layer; install tesseract-ocr-vie to read scans"
}

// WordConf is an OCR word whose confidence is below the reader's threshold.
type WordConf struct {
	Span       Span    `json:"span"`
	Confidence float64 `json:"confidence"`
}

// Source identifies the file a document came from.
type Source struct {
	Path   string   `json:"path"`
	SHA256 string   `json:"sha256"`
	Format string   `json:"format"`          // txt, md, docx, pdf, png, jpg, tif
	Pages  int      `json:"pages,omitempty"` // source pages, when the format has pages
	Size   int64    `json:"size,omitempty"`
	Paths  []string `json:"paths,omitempty"` // other paths with the same content (corpus)
}

// Document is what a reader returns: one normalized text (NFC, unified dashes and
// spaces) and everything else as spans into it.
type Document struct {
	Source    Source     `json:"source"`
	Text      string     `json:"text"`
	Blocks    []Block    `json:"blocks"`
	Footnotes []Footnote `json:"footnotes,omitempty"`
	Pages     []Page     `json:"pages,omitempty"`
	Encoding  string     `json:"encoding,omitempty"` // legacy conversion applied: tcvn3, vni, cp1258, viqr, utf8-latin1
	Warnings  []string   `json:"warnings,omitempty"`
}

// BlockText returns the text of block i.
func (d *Document) BlockText(i int) string { return d.Blocks[i].Span.Of(d.Text) }

// BlockAt returns the index of the block containing byte offset off, or -1.
func (d *Document) BlockAt(off int) int {
	lo, hi := 0, len(d.Blocks)
	for lo < hi { // blocks are in text order
		m := (lo + hi) / 2
		if d.Blocks[m].Span.End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Blocks) && d.Blocks[lo].Span.Start <= off {
		return lo
	}
	return -1
}

// PageAt returns the page number holding byte offset off, or 0.
func (d *Document) PageAt(off int) int {
	for _, p := range d.Pages {
		if off >= p.Span.Start && off < p.Span.End {
			return p.Number
		}
	}
	return 0
}
