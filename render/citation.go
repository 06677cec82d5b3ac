package render

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
)

// Citation returns the canonical form of a cited document: its type name, "số", its
// id and its issue date, "Kế hoạch số 08/KH-UBND ngày 05/01/2023". Parts the reference
// does not have are left out.
func Citation(ref baocao.Reference) string {
	var b strings.Builder
	if tn := capitalize(string(ref.TypeName)); tn != "" {
		b.WriteString(tn)
		b.WriteString(" số ")
	}
	if ref.Code == "" && ref.Number != "" {
		b.WriteString(ref.Number) // no ký hiệu: "Kế hoạch số 432"
	} else {
		b.WriteString(ref.ID)
	}
	if d := FormatDate(string(ref.Date)); d != "" {
		b.WriteString(" ngày ")
		b.WriteString(d)
	}
	return b.String()
}

// FormatDate writes an ISO date (YYYY-MM-DD) as Nghị định 30/2020 writes dates: the
// day with two digits, months 1 and 2 with a leading zero and the others without, so a
// digit cannot be added in front later (DOMAIN.md §1.4): "05/01/2023", "11/6/2023".
// It returns "" for anything that is not a valid ISO date.
func FormatDate(iso string) string {
	y, m, d, ok := parseISO(iso)
	if !ok {
		return ""
	}
	ms := strconv.Itoa(m)
	if m < 3 {
		ms = "0" + ms
	}
	return pad2(d) + "/" + ms + "/" + strconv.Itoa(y)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func parseISO(iso string) (y, m, d int, ok bool) {
	if len(iso) != 10 || iso[4] != '-' || iso[7] != '-' {
		return 0, 0, 0, false
	}
	y, err1 := strconv.Atoi(iso[:4])
	m, err2 := strconv.Atoi(iso[5:7])
	d, err3 := strconv.Atoi(iso[8:])
	if err1 != nil || err2 != nil || err3 != nil || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// capitalize upper-cases the first letter: "kế hoạch" → "Kế hoạch" (Phụ lục II of
// NĐ 30/2020 capitalizes the type name of a cited document).
func capitalize(s string) string {
	s = strings.TrimSpace(s)
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return ""
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// edit replaces a span of the document's text with other text in the output.
type edit struct {
	span baocao.Span
	repl string
}

// Dates written after a document number: "05/01/2023", "29/9/ 2023", "11 tháng 01 năm 2023",
// Party style "01-10-1997".
var reDateAfter = regexp.MustCompile(`^\s*,?\s*(?:ngày\s*)?(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}-\d{1,2}-\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})`)

// reDateAnywhere finds "ngày <date>" phrases later in a citation (after the issuer).
var reDateAnywhere = regexp.MustCompile(`\s*,?\s*ngày\s*(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}-\d{1,2}-\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})`)

var reDateParts = regexp.MustCompile(`\d+`)

// isoOf returns the ISO form of a date as written, or "".
func isoOf(written string) string {
	p := reDateParts.FindAllString(written, -1)
	if len(p) != 3 {
		return ""
	}
	d, _ := strconv.Atoi(p[0])
	m, _ := strconv.Atoi(p[1])
	y, _ := strconv.Atoi(p[2])
	iso := strconv.Itoa(y) + "-" + pad2(m) + "-" + pad2(d)
	if _, _, _, ok := parseISO(iso); !ok {
		return ""
	}
	return iso
}

// citationEdits returns the edits that write the citation ref (its span of text) in
// canonical form: the type words, number and symbol and the issue date become
// Citation(ref); the rest of the citation (issuer, subject) stays as written. A
// citation whose number cannot be found as written is left alone: the renderer never
// guesses.
func citationEdits(text string, ref baocao.Reference) []edit {
	span := ref.Span
	if !validSpan(text, span) || ref.ID == "" {
		return nil
	}
	t := span.Of(text)
	i, j, ok := locateID(t, ref.ID)
	if !ok {
		return nil
	}
	headStart := i
	prefix := ""
	if p := strings.TrimSpace(t[:i]); p != "" {
		if tn, ok := typeWords(p, string(ref.TypeName)); ok {
			headStart, prefix = 0, tn+" số "
		}
	}
	head := prefix + ref.ID
	headEnd := j
	var moved *edit
	// The date goes into the head only when the citation writes it with the record's
	// value: a date the record disagrees with is left as written.
	if d := FormatDate(string(ref.Date)); d != "" {
		rest := t[j:]
		if m := reDateAfter.FindStringSubmatchIndex(rest); m != nil && isoOf(rest[m[2]:m[3]]) == string(ref.Date) {
			head += " ngày " + d
			headEnd = j + m[1]
		} else {
			for _, mm := range reDateAnywhere.FindAllStringSubmatchIndex(rest, -1) {
				if isoOf(rest[mm[2]:mm[3]]) == string(ref.Date) {
					head += " ngày " + d
					moved = &edit{span: baocao.Span{Start: span.Start + j + mm[0], End: span.Start + j + mm[1]}}
					break
				}
			}
			// the date read with the citation but written apart from it (a table cell a
			// PDF wrapped onto the next line) moves into the head too
			if moved == nil && ref.DateSpan.End > span.End && validSpan(text, ref.DateSpan) && isoOf(ref.DateSpan.Of(text)) == string(ref.Date) {
				ds := ref.DateSpan
				if k := strings.LastIndex(text[max(0, ds.Start-8):ds.Start], "ngày"); k >= 0 {
					ds.Start = max(0, ds.Start-8) + k
				}
				head += " ngày " + d
				moved = &edit{span: ds}
			}
		}
	}
	var out []edit
	hs := baocao.Span{Start: span.Start + headStart, End: span.Start + headEnd}
	if hs.Of(text) != head {
		out = append(out, edit{span: hs, repl: head})
	}
	if moved != nil {
		out = append(out, *moved)
	}
	return out
}

// locateID finds the document id (canonical: no spaces, dashes unified) as written in
// t, where spaces may stand around "/" and "-" ("47 /PĐ-UBND", "226/ KH - UBND").
func locateID(t, id string) (int, int, bool) {
	for p := 0; p < len(t); p++ {
		if t[p] != id[0] || (p > 0 && isWordByte(t[p-1])) {
			continue
		}
		q, k := p, 0
		for k < len(id) && q < len(t) {
			rt, nt := utf8.DecodeRuneInString(t[q:])
			ri, ni := utf8.DecodeRuneInString(id[k:])
			switch {
			case rt == ri || unicode.SimpleFold(rt) == ri || unicode.ToLower(rt) == unicode.ToLower(ri):
				q += nt
				k += ni
			case rt == ' ' && k > 0 && (id[k] == '/' || id[k] == '-' || id[k-1] == '/' || id[k-1] == '-'):
				q += nt
			default:
				q = -1
			}
			if q < 0 {
				break
			}
		}
		if q >= 0 && k == len(id) {
			if r, _ := utf8.DecodeRuneInString(t[q:]); q == len(t) || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return p, q, true
			}
		}
	}
	return 0, 0, false
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// typeNames are the document type names a citation starts with (NĐ 30/2020 Điều 7, the
// legal normative types of NĐ 34/2016, Party types), folded.
var typeNames = map[string]string{}

func init() {
	for _, n := range []string{
		"Nghị quyết", "Quyết định", "Chỉ thị", "Quy chế", "Quy định", "Thông cáo", "Thông báo",
		"Hướng dẫn", "Chương trình", "Kế hoạch", "Phương án", "Đề án", "Dự án", "Báo cáo",
		"Biên bản", "Tờ trình", "Hợp đồng", "Công văn", "Công điện", "Bản ghi nhớ",
		"Bản thỏa thuận", "Giấy ủy quyền", "Giấy mời", "Giấy giới thiệu", "Giấy nghỉ phép",
		"Phiếu gửi", "Phiếu chuyển", "Phiếu báo", "Luật", "Pháp lệnh", "Nghị định", "Thông tư",
		"Thông tư liên tịch", "Nghị quyết liên tịch", "Lệnh", "Kết luận", "Thông tri",
		"Phát động", "Văn bản hợp nhất", "Hiến pháp",
	} {
		typeNames[vntext.Fold(n)] = n
	}
}

// typeWords reports whether p (the citation's words before the number: "Kế hoạch số",
// "kế hoạch số", "Nghị định") is only a type name and "số", and returns the type name to
// write: the reference's own when it has one, else the words as written, capitalized.
func typeWords(p, typeName string) (string, bool) {
	f := strings.TrimSpace(strings.TrimSuffix(vntext.Fold(p), ":"))
	f = strings.TrimSpace(strings.TrimSuffix(f, " so"))
	if f == "so" {
		return "", false
	}
	written := ""
	if typeName != "" && f == vntext.Fold(typeName) {
		written = typeName
	} else if n, ok := typeNames[f]; ok && typeName == "" {
		written = n
	}
	if written == "" {
		return "", false
	}
	return capitalize(written), true
}

// validSpan reports whether s lies inside text on character boundaries.
func validSpan(text string, s baocao.Span) bool {
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
		return false
	}
	return utf8.RuneStart(text[s.Start]) && (s.End == len(text) || utf8.RuneStart(text[s.End]))
}
