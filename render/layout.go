package render

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/reader"
)

// The lines of the layout of Nghị định 30/2020 Điều 8 (DOMAIN.md §1.2), as they are
// written in real documents: a header line can hold several parts when a PDF put the
// two header columns on one line or a DOCX table cell joined its paragraphs.
var (
	reQuocHieu = regexp.MustCompile(`(?i)CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM`)
	reTieuNgu  = regexp.MustCompile(`(?i)ĐỘC\s+LẬP\s*-\s*TỰ\s+DO\s*-\s*HẠNH\s+PHÚC`)
	reDang     = regexp.MustCompile(`ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM`)
	// "Số: 08/KH-UBND", "Số: /BC-HĐTĐKT", "Số: …/BC-UBND", Party "Số 29-NQ/TW".
	reNumber = regexp.MustCompile(`(?:^|\s)(Số\s*(?::\s*\S*(?:\s*/\s*\S+)?|\s+\S*[/-]\S*))`)
	// "Thụy Hùng, ngày tháng 6 năm 20223", "TP. Hồ Chí Minh, ngày 05 tháng 01 năm 2023".
	reDateLine = regexp.MustCompile(`(?:^|\s)((?:\p{Lu}[\p{L}.]*[ -]){0,5}\p{Lu}[\p{L}.]*\s*,\s*ngày[\s\d….]*tháng[\s\d….]*năm(?:\s*[\d….]+)?)`)
	reVV       = regexp.MustCompile(`(?:^|\s)((?i:V/v)\s)`)
	// Signing authority: TM., KT., TL., Q., TUQ. (Party T/M, K/T, T/L).
	reAuthority = regexp.MustCompile(`^(?:(?:TM|KT|TL|TUQ|Q)\s*\.\s*\p{Lu}|(?:T/M|K/T|T/L)\s*\.?\s*\p{Lu})`)
	reSigned    = regexp.MustCompile(`^(?:\((?i:đã ký|đã kí|ký|kí|signed)[^)]*\)|(?i:đã ký|đã kí))$`)
	reItemStart = regexp.MustCompile(`(?:^|[;.:]\s*|\s)[-•+]\s+`)
)

// nationWords are the words of the Quốc hiệu and Tiêu ngữ, folded: a line made only of
// them is a piece of the national header that a PDF wrapped.
var nationWords = map[string]bool{"cong": true, "hoa": true, "xa": true, "hoi": true, "chu": true,
	"nghia": true, "viet": true, "nam": true, "doc": true, "lap": true, "tu": true, "do": true,
	"hanh": true, "phuc": true, "-": true}

// QuocHieu and TieuNgu are the fixed national header of a state document.
const (
	QuocHieu = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	TieuNgu  = "Độc lập - Tự do - Hạnh phúc"
	DangHieu = "ĐẢNG CỘNG SẢN VIỆT NAM"
)

type hkind int

const (
	hOther      hkind = iota
	hNation           // Quốc hiệu, Tiêu ngữ or ĐẢNG CỘNG SẢN VIỆT NAM
	hNationFrag       // a piece of them
	hNumber           // Số: …
	hDate             // place and date line
	hVV               // V/v … (trích yếu of a công văn)
	hType             // BÁO CÁO, KẾ HOẠCH…
	hUpper            // another line in capitals (issuer, DỰ THẢO, MẬT…)
)

// piece is a part of a header or closing line: a span of the text and the column it
// was found in (0 left, 1 right, -1 unknown).
type piece struct {
	span baocao.Span
	col  int
	kind hkind
}

// pieces splits block i into the parts the layout knows: on tabs (PDF columns), per
// cell for tables (left half of the columns first), and before each header component
// found inside a part.
func pieces(doc *baocao.Document, i int) []piece {
	var out []piece
	for _, p := range columns(doc, i) {
		for _, s := range splitHeader(doc.Text, p.span) {
			if s = trimSpan(doc.Text, s); !s.IsZero() {
				out = append(out, piece{span: s, col: p.col, kind: classifyHeader(s.Of(doc.Text))})
			}
		}
	}
	return out
}

// columns returns the texts of block i column by column, the way a reader's eye takes
// a two-column header: the cells of a table (left half of its columns first, each
// column top to bottom) or the tab-separated parts of a line. Notes and page furniture
// have none.
func columns(doc *baocao.Document, i int) []piece {
	b := doc.Blocks[i]
	var out []piece
	switch b.Kind {
	case baocao.TableKind:
		if b.Table == nil {
			return nil
		}
		width := 0
		for _, row := range b.Table.Rows {
			width = max(width, len(row))
		}
		for c := range width {
			col := 0
			if width > 1 && c >= (width+1)/2 {
				col = 1
			}
			for _, row := range b.Table.Rows {
				if c < len(row) && !row[c].Covered {
					out = append(out, piece{span: row[c].Span, col: col})
				}
			}
		}
	case baocao.Note, baocao.Furniture:
	default:
		parts := tabParts(doc.Text, b.Span)
		for k, s := range parts {
			col := -1
			if len(parts) > 1 {
				col = min(k, 1)
			}
			out = append(out, piece{span: s, col: col})
		}
	}
	return out
}

// tabParts splits span at its tabs (the columns a PDF or a pasted table left in a line).
func tabParts(text string, span baocao.Span) []baocao.Span {
	var out []baocao.Span
	start := span.Start
	for _, p := range strings.Split(span.Of(text), "\t") {
		out = append(out, baocao.Span{Start: start, End: start + len(p)})
		start += len(p) + 1
	}
	return out
}

// splitHeader cuts span before every header component that does not start it.
func splitHeader(text string, span baocao.Span) []baocao.Span {
	t := span.Of(text)
	cuts := map[int]bool{}
	for _, re := range []*regexp.Regexp{reQuocHieu, reTieuNgu, reDang} {
		for _, m := range re.FindAllStringIndex(t, -1) {
			cuts[m[0]] = true
			cuts[m[1]] = true
		}
	}
	for _, re := range []*regexp.Regexp{reNumber, reDateLine, reVV} {
		for _, m := range re.FindAllStringSubmatchIndex(t, -1) {
			cuts[m[2]] = true
			if re == reNumber {
				cuts[m[3]] = true
			}
		}
	}
	if len(cuts) == 0 {
		return []baocao.Span{span}
	}
	var at []int
	for c := range cuts {
		if c > 0 && c < len(t) {
			at = append(at, c)
		}
	}
	slices.Sort(at)
	var out []baocao.Span
	prev := 0
	for _, c := range at {
		out = append(out, baocao.Span{Start: span.Start + prev, End: span.Start + c})
		prev = c
	}
	return append(out, baocao.Span{Start: span.Start + prev, End: span.End})
}

// trimSpan drops spaces, tabs and Markdown emphasis stars at both ends of span (the
// TXT form of a report writes its signature as "**TM. HỘI ĐỒNG**").
func trimSpan(text string, s baocao.Span) baocao.Span {
	s.Start, s.End = min(max(s.Start, 0), len(text)), min(max(s.End, 0), len(text))
	for s.Start < s.End && strings.IndexByte(" \t*", text[s.Start]) >= 0 {
		s.Start++
	}
	for s.End > s.Start && strings.IndexByte(" \t*", text[s.End-1]) >= 0 {
		s.End--
	}
	return s
}

func classifyHeader(t string) hkind {
	switch {
	case at0(reQuocHieu, t), at0(reTieuNgu, t), at0(reDang, t):
		return hNation
	case startsNumber(t):
		return hNumber
	case isDateLine(t):
		return hDate
	case atSub(reVV, t):
		return hVV
	case isNationFragment(t):
		return hNationFrag
	case isTypeLine(t):
		return hType
	case isUpperLine(t) && len(t) <= 160:
		return hUpper
	}
	return hOther
}

func at0(re *regexp.Regexp, t string) bool {
	m := re.FindStringIndex(t)
	return m != nil && m[0] == 0
}

func atSub(re *regexp.Regexp, t string) bool {
	m := re.FindStringSubmatchIndex(t)
	return m != nil && m[2] == 0
}

// isDateLine reports whether t is a place and date line and nothing more.
func isDateLine(t string) bool {
	m := reDateLine.FindStringSubmatchIndex(t)
	return m != nil && m[2] == 0 && m[3] >= len(t)-2
}

func startsNumber(t string) bool {
	m := reNumber.FindStringSubmatchIndex(t)
	return m != nil && m[2] == 0 && m[3] == len(t)
}

func isNationFragment(t string) bool {
	words := strings.Fields(vntext.Fold(t))
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	for _, w := range words {
		if !nationWords[w] {
			return false
		}
	}
	return true
}

// isTypeLine reports whether t is the type name of the document in capitals: "BÁO
// CÁO", "QUYẾT ĐỊNH", "BÁO CÁO TÓM TẮT".
func isTypeLine(t string) bool {
	if len(t) > 80 || !isUpperLine(t) {
		return false
	}
	f := vntext.Fold(t)
	for n := range typeNames {
		if f == n || strings.HasPrefix(f, n+" ") && len(f) < len(n)+30 {
			return true
		}
	}
	return false
}

// isUpperLine reports whether t has at least two letters and no lower-case letter.
func isUpperLine(t string) bool {
	letters := 0
	for _, r := range t {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// bodyStarters begin the body of a document, never its trích yếu.
var bodyStarters = []string{"can cu", "thuc hien", "kinh gui", "theo de nghi", "xet de nghi", "trien khai", "ngay "}

func startsBody(t string) bool {
	f := vntext.Fold(t)
	for _, s := range bodyStarters {
		if strings.HasPrefix(f, s) {
			return true
		}
	}
	if _, ok := reader.SplitLabel(t); ok {
		return true
	}
	return false
}

// isNameLine reports whether t looks like a signer's name: two to six words, each
// capitalized, letters only ("Lý Hồng Quân", "NGUYỄN VĂN AN").
func isNameLine(t string) bool {
	words := strings.Fields(t)
	if len(words) < 2 || len(words) > 6 || len(t) > 60 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) {
				return false
			}
		}
	}
	return true
}

// splitTitleName splits "CHỦ TỊCH UBND XÃ Lý Hồng Quân" (a PDF joined the signer's title
// and name) at the start of the name; ok is false when t is not such a line.
func splitTitleName(t string) (title, name string, ok bool) {
	words := strings.Fields(t)
	for k := len(words) - 2; k >= 1; k-- {
		n := strings.Join(words[k:], " ")
		ti := strings.Join(words[:k], " ")
		if isNameLine(n) && !isUpperLine(n) && isUpperLine(ti) {
			idx := strings.LastIndex(t, words[k]+" "+words[k+1])
			if idx < 0 {
				return "", "", false
			}
			return t[:idx], t[idx:], true
		}
	}
	return "", "", false
}

// isRecipientsLabel reports whether t starts the Nơi nhận block.
func isRecipientsLabel(t string) bool {
	return strings.HasPrefix(vntext.Fold(t), "noi nhan")
}
