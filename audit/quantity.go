package audit

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/rules"
)

// quantity is a figure written in the text with what it counts: "92 con", "332,6 ha",
// "3,5 tỷ đồng", "31" (no unit), or the numerator of a fraction "164 ha/164 ha". Years,
// dates, document numbers, ordinals ("Điều 3", "lần thứ 7", "(1)") and ranges
// ("2021-2025", "5-12 tuổi") are not quantities.
type quantity struct {
	span     baocao.Span // number through unit (through the denominator for a fraction)
	num      baocao.Span // the number as written
	text     string      // the number as written
	value    float64
	dec      int    // decimals written
	unit     string // units lexicon key, else the lower-cased word after the number; "" when none
	unitText string // the unit as written
	known    bool   // the unit is one of the units lexicon
	per      string // the rate unit after "/" ("đồng/người" → "người")
	percent  bool
	of       *quantity // the denominator of "x/y"
	approx   string    // a qualifier written before it: khoang, gan, hon, tren, … (folded)
}

// iv is the interval the written number stands for (counts and amounts without decimals
// are exact).
func (q quantity) iv() interval { return rounded(q.value, q.dec, true) }

// written is the quantity as the text writes it, for messages: "92 con", "3,5 tỷ đồng".
func (q quantity) written() string {
	s := q.text
	if q.unitText != "" {
		s += " " + q.unitText
	}
	if q.per != "" {
		s += "/" + q.per
	}
	return s
}

// quantityScanner finds quantities; it needs the number format and the units lexicon of
// the rule pack.
type quantityScanner struct {
	numfmt *extract.NumFmt
	units  *rules.Lexicon
}

// Words before a number that make it an ordinal, a label or part of a name rather than
// a quantity (lower case, diacritics kept: "thứ" is an ordinal, "thu" is not).
var labelWords = map[string]bool{
	"điều": true, "khoản": true, "điểm": true, "mục": true, "chương": true, "phần": true,
	"lục": true, "mẫu": true, "biểu": true, "thứ": true, "số": true, "quý": true, "khóa": true, "hạng": true,
	"khoá": true, "kỳ": true, "lớp": true, "tầng": true, "lô": true,
	"vùng": true, "cụm": true, "đợt": true, "phiên": true, "ngày": true, "tháng": true,
	"năm": true, "iso": true, "tcvn": true, "covid": true, "khu": true, "tổ": true,
	"trang": true, "bước": true, "đoạn": true, "nhóm": true, "tuyến": true, "quốc lộ": true,
	"lộ": true, "xóm": true, "ấp": true, "phòng": true, "nhà": true, "đường": true,
}

// Qualifiers before a number that make it approximate or a bound, lower case, with the
// folded name the checks use.
var approxWords = []struct{ word, key string }{
	{"xấp xỉ", "xap xi"}, {"khoảng", "khoang"}, {"gần", "gan"}, {"hơn", "hon"}, {"trên", "tren"},
	{"ước", "uoc"}, {"tối thiểu", "toi thieu"}, {"tối đa", "toi da"}, {"ít nhất", "it nhat"},
	{"dưới", "duoi"}, {"chưa đến", "chua den"}, {"chưa tới", "chua toi"},
}

// Words that are not the unit after a number (lower case).
var notUnit = map[string]bool{
	"và": true, "của": true, "là": true, "đạt": true, "được": true, "trong": true, "với": true,
	"số": true, "theo": true, "tại": true, "cho": true, "có": true, "đã": true, "các": true,
	"những": true, "đến": true, "từ": true, "trên": true, "dưới": true, "hoặc": true,
	"bằng": true, "chiếm": true, "tăng": true, "giảm": true, "vượt": true, "này": true,
	"gồm": true, "thì": true, "mà": true, "về": true, "do": true, "nên": true, "để": true,
	"ở": true, "khi": true, "sau": true, "trước": true, "nếu": true, "hay": true, "tới": true,
}

// lowerWord returns w in lower case, without allocating when it is already.
func lowerWord(w string) string {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return strings.ToLower(w)
		}
	}
	return w
}

// scan returns the quantities of text[start:end], in order. dates are the spans of the
// record's dates, sorted (their numbers are not quantities).
func (qs *quantityScanner) scan(text string, start, end int, conv extract.Convention, dates []baocao.Span) []quantity {
	n := 0
	for i := start; i < end; i++ {
		if isDigit(text[i]) && (i == 0 || !isDigit(text[i-1])) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]quantity, 0, n)
	i := start
	for i < end {
		if !isDigit(text[i]) || (i > 0 && isDigit(text[i-1])) {
			i++
			continue
		}
		q, next, ok := qs.at(text, i, end, conv, dates)
		if ok {
			out = append(out, q)
		}
		if next <= i {
			next = i + 1
		}
		i = next
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// numberEnd returns the end of the number written at i: digits with "." or "," between
// digits.
func numberEnd(text string, i, end int) int {
	j := i
	for j < end {
		if isDigit(text[j]) {
			j++
			continue
		}
		if (text[j] == '.' || text[j] == ',') && j+1 < end && isDigit(text[j+1]) {
			j++
			continue
		}
		break
	}
	return j
}

func inSpans(spans []baocao.Span, off int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > off })
	return i < len(spans) && spans[i].Start <= off
}

// at reads the quantity whose number starts at i; next is where scanning goes on.
func (qs *quantityScanner) at(text string, i, end int, conv extract.Convention, dates []baocao.Span) (quantity, int, bool) {
	ne := numberEnd(text, i, end)
	if inSpans(dates, i) {
		return quantity{}, ne, false
	}
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == '_' {
			return quantity{}, ne, false // "QH15", "F1", "T2"
		}
		if (r == '/' || r == '-' || r == ':' || r == '.' || r == ',') && i > 1 && isDigit(text[i-2]) {
			return quantity{}, ne, false // the second half of a date, range or fraction
		}
		if r == '/' || r == '-' && i > 1 && text[i-2] != ' ' {
			return quantity{}, ne, false
		}
	}
	if ne < end {
		c := text[ne]
		if c == ':' && ne+1 < end && isDigit(text[ne+1]) {
			return quantity{}, ne, false // "9001:2015", "7:30"
		}
		if c == '-' && ne+1 < end && isDigit(text[ne+1]) {
			return quantity{}, numberEnd(text, ne+1, end), false // "2021-2025", "5-12 tuổi"
		}
		if c == '-' && ne+1 < end && unicode.IsUpper(rune(text[ne+1])) {
			return quantity{}, ne, false // Party number "29-NQ/TW"
		}
		if (c == ')' || c == '.' || c == '/') && isLabel(text, i, ne, end) {
			return quantity{}, ne + 1, false
		}
		if c == ']' && i > 0 && text[i-1] == '[' {
			return quantity{}, ne + 1, false // a footnote marker "[1]"
		}
	}
	// the words before matter only when there is one right before the number
	k0 := i
	for k0 > 0 && (text[k0-1] == ' ' || text[k0-1] == ':') {
		k0--
	}
	wordBefore := false
	if k0 > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:k0])
		wordBefore = unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
	}
	if wordBefore && isOrdinal(text, i) {
		return quantity{}, ne, false
	}
	n, ok := qs.numfmt.Parse(text[i:ne], conv)
	if !ok {
		return quantity{}, ne, false
	}
	q := quantity{num: baocao.Span{Start: i, End: ne}, text: text[i:ne], value: n.Value, dec: n.Decimals}
	if wordBefore {
		q.approx = approxBefore(text, i)
	}
	j := ne
	// "%": a percentage
	if k := skipBlank(text, j, end); k < end && text[k] == '%' {
		q.percent = true
		q.span = baocao.Span{Start: i, End: k + 1}
		return q, k + 1, true
	}
	j = qs.unitAt(text, j, end, &q)
	// "/": a fraction, a rate ("đồng/người") or a document number ("08/KH-UBND")
	k := skipBlank(text, j, end)
	if k < end && text[k] == '/' {
		m := skipBlank(text, k+1, end)
		if m+1 < end && text[m] == '\n' && isDigit(text[skipBlank(text, m+1, end)]) {
			m = skipBlank(text, m+1, end) // a fraction broken over two lines of a PDF
		}
		switch {
		case m < end && isDigit(text[m]):
			de := numberEnd(text, m, end)
			if de < end && (text[de] == '/' || text[de] == '-') {
				return quantity{}, de, false // a date "15/6/2023" or "91/2017/NĐ-CP"
			}
			d, ok := qs.numfmt.Parse(text[m:de], conv)
			if !ok {
				return quantity{}, de, false
			}
			den := quantity{num: baocao.Span{Start: m, End: de}, text: text[m:de], value: d.Value, dec: d.Decimals}
			de = qs.unitAt(text, de, end, &den)
			den.span = baocao.Span{Start: m, End: de}
			if q.unit == "" {
				q.unit, q.unitText, q.known = den.unit, den.unitText, den.known
			}
			q.of = &den
			q.span = baocao.Span{Start: i, End: de}
			return q, de, true
		case q.unit == "" && m < end && unicode.IsUpper(rune(text[m])):
			return quantity{}, m, false // a document number
		case q.unit != "":
			w, we := wordAt(text, m, end)
			q.per = strings.ToLower(w)
			q.span = baocao.Span{Start: i, End: we}
			return q, we, true
		}
	}
	q.span = baocao.Span{Start: i, End: j}
	return q, j, true
}

// unitAt reads the unit after a number ending at j (glued "65ha" or after one space):
// a unit of the lexicon, else the next word when it is a noun. It returns the end.
func (qs *quantityScanner) unitAt(text string, j, end int, q *quantity) int {
	k := j
	if k < end && text[k] == ' ' {
		k++
	}
	if k >= end {
		return j
	}
	if h, ok := qs.units.At(text[:end], k); ok {
		q.unit = h.Entry.Key
		q.unitText = text[h.Start:h.End]
		q.known = true
		return h.End
	}
	if k == j { // letters glued to the number that are no unit: "2K", "5G"
		return j
	}
	w, we := wordAt(text, k, end)
	if w == "" {
		return j
	}
	if notUnit[lowerWord(w)] {
		return j
	}
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) && !isUpperWord(w) {
		return j // a proper name after a number ("… 2023 Trường …")
	}
	// person nouns of two words: ứng viên, sinh viên, bác sĩ, cá nhân
	if we+1 < end && text[we] == ' ' {
		w2, we2 := wordAt(text, we+1, end)
		switch strings.ToLower(w2) {
		case "viên", "sĩ", "sinh", "nhân", "dân", "chức":
			w, we = text[k:we2], we2
		}
	}
	q.unit = strings.ToLower(w)
	q.unitText = w
	return we
}

func isUpperWord(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// wordAt returns the word of letters at i and its end.
func wordAt(text string, i, end int) (string, int) {
	j := i
	for j < end {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		j += n
	}
	return text[i:j], j
}

func skipBlank(text string, i, end int) int {
	for i < end && text[i] == ' ' {
		i++
	}
	return i
}

// isLabel reports whether the number at [i, ne) is a list label: "1." or "2.2.1." at the
// start of a line, "(1)", "1)".
func isLabel(text string, i, ne, end int) bool {
	c := text[ne]
	ls := i
	for ls > 0 && text[ls-1] != '\n' && text[ls-1] != '\t' {
		ls--
	}
	before := strings.TrimSpace(text[ls:i])
	switch c {
	case ')':
		return before == "" || strings.HasSuffix(before, "(")
	case '.':
		return before == "" && (ne+1 >= end || text[ne+1] == ' ' || isDigit(text[ne+1]))
	case '/':
		return before == "" && ne+1 < end && text[ne+1] == '-' // "1/-"
	}
	return false
}

// isOrdinal reports whether the word before i makes the number an ordinal or a label.
func isOrdinal(text string, i int) bool {
	w := lowerWord(prevWord(text, i))
	if w == "" {
		return false
	}
	if w == "số" {
		return !strings.HasSuffix(strings.ToLower(prevWords(text, i, 2)), "tổng số") // "tổng số 07 đơn" is a total
	}
	if !labelWords[w] {
		return false
	}
	if w != "tháng" && w != "năm" && w != "ngày" {
		return true
	}
	// "trong 6 tháng 07 đơn": the word is the unit of the number before it, not a label
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	j -= len(w)
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	return !(j > 0 && isDigit(text[j-1]))
}

// prevWord returns the word just before i (spaces and ":" skipped).
func prevWord(text string, i int) string {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == ':') {
		j--
	}
	k := j
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:k])
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		k -= n
	}
	return text[k:j]
}

// prevWords returns up to n words before i, as written (runs of spaces kept as they are).
func prevWords(text string, i, n int) string {
	end := i
	for end > 0 && text[end-1] == ' ' {
		end--
	}
	j := end
	for w := 0; w < n && j > 0; w++ {
		for j > 0 && text[j-1] != ' ' && text[j-1] != '\n' && text[j-1] != '\t' && end-j < 40*n {
			j--
		}
		if w+1 < n {
			for j > 0 && text[j-1] == ' ' {
				j--
			}
		}
	}
	for j < end && text[j] == ' ' {
		j++
	}
	return text[j:end]
}

func approxBefore(text string, i int) string {
	f := lowerWord(prevWords(text, i, 2))
	for _, a := range approxWords {
		if strings.HasSuffix(f, a.word) && (len(f) == len(a.word) || f[len(f)-len(a.word)-1] == ' ') {
			return a.key
		}
	}
	return ""
}

type quantityKey struct {
	numfmt *extract.NumFmt
	units  *rules.Lexicon
	block  int
}

// quantitiesOf returns the quantities of block bi (scanned once per scanner setup).
func (an *analysis) quantitiesOf(qs quantityScanner, bi int) []quantity {
	k := quantityKey{qs.numfmt, qs.units, bi}
	if q, ok := an.quantities[k]; ok {
		return q
	}
	b := an.doc.Blocks[bi]
	q := qs.scan(an.doc.Text, b.Span.Start, min(b.Span.End, len(an.doc.Text)), an.conv, an.dateSpans())
	an.quantities[k] = q
	return q
}

// dateSpans returns the spans of the record's dates, sorted.
func (an *analysis) dateSpans() []baocao.Span {
	if an.dates == nil {
		an.dates = make([]baocao.Span, 0, len(an.rec.Dates))
		for _, d := range an.rec.Dates {
			an.dates = append(an.dates, d.Span)
		}
		sort.Slice(an.dates, func(i, j int) bool { return an.dates[i].Start < an.dates[j].Start })
	}
	return an.dates
}
