package baocao

// Schema is the record format this package writes.
const Schema = "baocao.record/v1"

// Record is the extraction record of one source document (format baocao.record/v1,
// ../shared/spec/extraction-record.md). Field names are fixed by the spec.
type Record struct {
	Schema        string         `json:"schema"`
	Source        Source         `json:"source"`
	Document      Identity       `json:"document"`
	References    []Reference    `json:"references"`
	Dates         []Date         `json:"dates"`
	Indicators    []Indicator    `json:"indicators"`
	Commendations []Commendation `json:"commendations"`
	Findings      []Finding      `json:"findings"`
	Pages         []Page         `json:"pages,omitempty"`    // how each page was read
	Encoding      string         `json:"encoding,omitempty"` // legacy conversion applied
	Warnings      []string       `json:"warnings,omitempty"`
	Text          string         `json:"text"`
}

// Origin says where an item comes from: its span in Text, the rule that produced it and,
// for text read by OCR, the lowest word confidence the span touches.
type Origin struct {
	Span       Span    `json:"span"`
	Rule       string  `json:"rule,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
}

// Identity is the document's own identity (the "document" object of the record).
type Identity struct {
	Type       NullString        `json:"type"`      // abbreviation (Phụ lục III of NĐ 30/2020; CV for công văn)
	TypeName   NullString        `json:"type_name"` // as written in full: "Báo cáo"
	Number     NullString        `json:"number"`    // as written, leading zeros kept; null when blank
	Year       NullInt           `json:"year"`      // year inside the number (legal normative documents)
	Code       NullString        `json:"code"`      // ký hiệu after the number: "BC-HĐTĐKT"
	Issuer     NullString        `json:"issuer"`    // issuing body as written
	IssuerUp   NullString        `json:"issuer_parent,omitempty"`
	Place      NullString        `json:"place"`
	Date       *DateParts        `json:"date"`
	Subject    NullString        `json:"subject"` // trích yếu
	Signer     *Signer           `json:"signer"`
	Recipients []string          `json:"recipients"`
	Spans      map[string]Span   `json:"spans,omitempty"` // field name → where it was read
	Rules      map[string]string `json:"rules,omitempty"` // field name → rule id
}

// DateParts is a date as written with whatever parts are filled; Value only when valid.
type DateParts struct {
	Text  string     `json:"text"`
	Value NullString `json:"value"`
	Year  NullInt    `json:"year"`
	Month NullInt    `json:"month"`
	Day   NullInt    `json:"day"`
	// Source says where a part came from when not from the date line itself: "opening"
	// (a biên bản whose date line lost its day: "Hôm nay, … ngày 08 tháng 5 năm 2026").
	Source string `json:"source,omitempty"`
}

// Signer is the signature block.
type Signer struct {
	Name      NullString `json:"name"`
	Title     NullString `json:"title"`               // CHỦ TỊCH, PHÓ CHỦ TỊCH, GIÁM ĐỐC…
	Authority NullString `json:"authority"`           // TM., KT., TL., Q., TUQ. (Party: T/M, K/T, T/L)
	On        NullString `json:"on_behalf,omitempty"` // the body after TM./KT.: "ỦY BAN NHÂN DÂN"
}

// Reference is one citation of another document.
type Reference struct {
	ID       string     `json:"id"` // canonical: number[/year]/code, Party number-code
	Type     NullString `json:"type"`
	TypeName NullString `json:"type_name"`
	Number   string     `json:"number"`
	Year     NullInt    `json:"year"`
	Code     NullString `json:"code"`
	Date     NullString `json:"date"` // ISO issue date written with the citation
	DateText string     `json:"date_text,omitempty"`
	// DateSource says where Date was read when not with the citation itself: "before"
	// ("ngày …, X đã ban hành Nghị quyết số …") or "other-mention" (another citation of
	// the same id in the document).
	DateSource string `json:"date_source,omitempty"`
	// DateSpan is where the date was read when it was written with the citation.
	DateSpan Span       `json:"date_span,omitzero"`
	Issuer   NullString `json:"issuer"`
	Subject  NullString `json:"subject"`
	Text     string     `json:"text"`              // the whole citation as written
	Context  string     `json:"context,omitempty"` // the sentence that cites it
	Origin
}

// Date is one date written in the text.
type Date struct {
	Text      string     `json:"text"`
	Value     NullString `json:"value"`     // ISO when it is a real calendar date
	Precision string     `json:"precision"` // day, month, year, day-month
	Role      string     `json:"role,omitempty"`
	Year      NullInt    `json:"year"`
	Month     NullInt    `json:"month"`
	Day       NullInt    `json:"day"`
	Origin
}

// Date precisions and roles.
const (
	PrecDay      = "day"
	PrecMonth    = "month"
	PrecYear     = "year"
	PrecDayMonth = "day-month"

	RoleIssued     = "issued"
	RoleReference  = "reference"
	RoleEvent      = "event"
	RoleRangeStart = "range-start"
	RoleRangeEnd   = "range-end"
)

// Indicator is a figure with what it is measured against.
type Indicator struct {
	Subject NullString `json:"subject"`
	Value   float64    `json:"value"`
	Target  NullFloat  `json:"target"`
	Unit    NullString `json:"unit"`
	Percent NullFloat  `json:"percent"`
	Basis   NullString `json:"basis"`
	Text    string     `json:"text"`
	// Written forms, kept so the audit can use the precision of the last written digit.
	ValueText   string `json:"value_text,omitempty"`
	TargetText  string `json:"target_text,omitempty"`
	PercentText string `json:"percent_text,omitempty"`
	Origin
}

// Commendation is a count of titles or awards, from the summary table or a sentence.
type Commendation struct {
	Level      string     `json:"level"` // nha_nuoc, tinh, huyen, xa, total
	Form       NullString `json:"form"`
	Collective int        `json:"collective"`
	Individual int        `json:"individual"`
	Household  int        `json:"household"`
	Source     string     `json:"source"` // table or text
	Text       string     `json:"text,omitempty"`
	Origin
}

// Commendation levels.
const (
	LevelState    = "nha_nuoc"
	LevelProvince = "tinh"
	LevelDistrict = "huyen"
	LevelCommune  = "xa"
	LevelTotal    = "total"
)

// Finding is what an auditor should look at, with the evidence.
type Finding struct {
	Check    string `json:"check"`    // percent, sum, total, date, number_format, consistency, structure
	Severity string `json:"severity"` // error, warning, info
	Message  string `json:"message"`
	Text     string `json:"text"`
	Stated   any    `json:"stated,omitempty"`
	Expected any    `json:"expected,omitempty"`
	Section  string `json:"section,omitempty"` // the heading the finding sits under
	// Situation is the case of the check rule that produced it ("mismatch", "truncated"):
	// with Origin.Rule, what a rule file's "severity:" retunes.
	Situation string `json:"situation,omitempty"`
	Origin
}

// Severities, most severe first.
const (
	SevError   = "error"
	SevWarning = "warning"
	SevInfo    = "info"
)
