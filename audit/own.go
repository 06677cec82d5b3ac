package audit

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
)

// What the checks need to know about the report itself: when it was issued (as far as
// its date line says) and the period it reports on, when its trích yếu names one.

// isoDate parses a record date ("2023-09-29").
func isoDate(s baocao.NullString) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", string(s))
	return t, err == nil
}

func dmy(t time.Time) string { return fmt.Sprintf("%02d/%02d/%d", t.Day(), int(t.Month()), t.Year()) }

func plausibleYear(y int) bool { return y >= 1900 && y <= 2100 }

// issueBound returns the latest day the report can have been issued, from its date line:
// the date itself, else the last day of its month or year. A year that is a typo
// ("20223") is replaced by the year of the reporting period. text describes it for
// messages.
func (an *analysis) issueBound() (t time.Time, text string, ok bool) {
	d := an.rec.Document.Date
	if d == nil {
		return t, "", false
	}
	if v, ok := isoDate(d.Value); ok {
		return v, "ngày " + dmy(v), true
	}
	y := int(d.Year)
	if !plausibleYear(y) {
		p, ok := an.period()
		if !ok {
			return t, "", false
		}
		y = p.end.Year()
	}
	m := int(d.Month)
	if m >= 1 && m <= 12 {
		return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC), fmt.Sprintf("tháng %d/%d", m, y), true
	}
	return time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), fmt.Sprintf("năm %d", y), true
}

// reportPeriod is the period a report says it covers.
type reportPeriod struct {
	start, end time.Time // first and last day
	text       string    // for messages: "6 tháng đầu năm 2023"
}

var (
	rePeriodMonths  = regexp.MustCompile(`\b(\d{1,2}|sau|chin|ba) thang (dau|cuoi) nam\b(?: (\d{4}))?`)
	rePeriodQuarter = regexp.MustCompile(`\bquy (iv|iii|ii|i|[1-4])\b(?: nam)? (\d{4})`)
	rePeriodMonth   = regexp.MustCompile(`\bthang (\d{1,2})(?: nam |/)(\d{4})`)
	rePeriodYears   = regexp.MustCompile(`\bgiai doan (\d{4}) ?- ?(\d{4})`)
	rePeriodYear    = regexp.MustCompile(`\b(?:so ket|tong ket|ket qua|tinh hinh|bao cao)\b.*?\bnam (\d{4})`)
	reYear          = regexp.MustCompile(`\b(19|20)\d{2}\b`)
)

// period returns the reporting period a báo cáo names in its trích yếu: "6 tháng đầu năm
// 2023", "quý I năm 2024", "tháng 5/2024", "năm 2023" after sơ kết / tổng kết / kết quả,
// "giai đoạn 2021 - 2025". The first one written is the period reported on (what
// follows "phương hướng" is the next period's plan).
func (an *analysis) period() (reportPeriod, bool) {
	id := an.rec.Document
	if id.Type != "BC" {
		return reportPeriod{}, false
	}
	subj := vntext.Fold(string(id.Subject))
	if i := strings.Index(subj, "phuong huong"); i > 0 {
		if m := rePeriodMonths.FindStringIndex(subj[:i]); m != nil {
			// "6 tháng đầu năm Phương hướng … 6 tháng cuối năm 2023": the year comes later
			subj = subj[:i] + " " + reYear.FindString(subj[i:])
		}
	}
	type hit struct {
		at int
		p  reportPeriod
	}
	var best *hit
	try := func(at int, p reportPeriod) {
		if best == nil || at < best.at {
			best = &hit{at, p}
		}
	}
	if m := rePeriodMonths.FindStringSubmatchIndex(subj); m != nil {
		n := monthsWord(subj[m[2]:m[3]])
		y := 0
		if m[6] >= 0 {
			y = atoi(subj[m[6]:m[7]])
		} else if ys := reYear.FindString(subj[m[1]:]); ys != "" {
			y = atoi(ys)
		}
		if n >= 1 && n <= 12 && plausibleYear(y) {
			first, last, side := 1, n, "đầu"
			if subj[m[4]:m[5]] == "cuoi" {
				first, last, side = 13-n, 12, "cuối"
			}
			try(m[0], monthsPeriod(y, first, last, fmt.Sprintf("%d tháng %s năm %d", n, side, y)))
		}
	}
	if m := rePeriodQuarter.FindStringSubmatchIndex(subj); m != nil {
		q := map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}[subj[m[2]:m[3]]]
		if y := atoi(subj[m[4]:m[5]]); plausibleYear(y) {
			try(m[0], monthsPeriod(y, 3*q-2, 3*q, fmt.Sprintf("quý %s năm %d", []string{"", "I", "II", "III", "IV"}[q], y)))
		}
	}
	if m := rePeriodMonth.FindStringSubmatchIndex(subj); m != nil {
		mo, y := atoi(subj[m[2]:m[3]]), atoi(subj[m[4]:m[5]])
		if mo >= 1 && mo <= 12 && plausibleYear(y) {
			try(m[0], monthsPeriod(y, mo, mo, fmt.Sprintf("tháng %d/%d", mo, y)))
		}
	}
	if m := rePeriodYears.FindStringSubmatchIndex(subj); m != nil {
		a, b := atoi(subj[m[2]:m[3]]), atoi(subj[m[4]:m[5]])
		if plausibleYear(a) && plausibleYear(b) && a <= b {
			p := monthsPeriod(a, 1, 12, fmt.Sprintf("giai đoạn %d - %d", a, b))
			p.end = time.Date(b, 12, 31, 0, 0, 0, 0, time.UTC)
			try(m[0], p)
		}
	}
	if best == nil {
		if m := rePeriodYear.FindStringSubmatchIndex(subj); m != nil {
			if y := atoi(subj[m[2]:m[3]]); plausibleYear(y) {
				try(m[0], monthsPeriod(y, 1, 12, fmt.Sprintf("năm %d", y)))
			}
		}
	}
	if best == nil {
		return reportPeriod{}, false
	}
	return best.p, true
}

func monthsPeriod(y, first, last int, text string) reportPeriod {
	return reportPeriod{
		start: time.Date(y, time.Month(first), 1, 0, 0, 0, 0, time.UTC),
		end:   time.Date(y, time.Month(last)+1, 0, 0, 0, 0, 0, time.UTC),
		text:  text,
	}
}

func monthsWord(s string) int {
	switch s {
	case "sau":
		return 6
	case "chin":
		return 9
	case "ba":
		return 3
	}
	return atoi(s)
}

func atoi(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0
	}
	return n
}

// signed reports whether the report carries a signer's name (its text layer does; a
// scan's signature is not read).
func (an *analysis) signed() bool {
	s := an.rec.Document.Signer
	return s != nil && s.Name != ""
}
