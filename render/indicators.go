package render

import (
	"strings"

	"github.com/baocao/baocao"
)

// IndicatorsTable builds the table of indicators: chỉ tiêu | đơn vị | kế hoạch | thực
// hiện | tỷ lệ | ghi chú, one row per figure the record holds, in the order of the text.
// Numbers keep the decimals the document wrote them with; the ghi chú gives the basis
// (so với kế hoạch…) and the verdict of every audit finding whose span overlaps the
// figure's.
func IndicatorsTable(rec *baocao.Record) *Table {
	t := &Table{
		Kind:  "indicators",
		Title: []string{"PHỤ LỤC III", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"},
		Columns: []Column{
			{Name: "TT", Width: 5, Numeric: true},
			{Name: "Chỉ tiêu", Width: 40},
			{Name: "Đơn vị", Width: 9},
			{Name: "Kế hoạch", Width: 15, Numeric: true},
			{Name: "Thực hiện", Width: 15, Numeric: true},
			{Name: "Tỷ lệ (%)", Width: 10, Numeric: true},
			{Name: "Ghi chú", Width: 45},
		},
	}
	if rec == nil {
		t.Notes = append(t.Notes, "No record.")
		return t
	}
	t.Caption = caption(rec.Document)
	findings := newFindingIndex(rec.Findings)
	for i, in := range rec.Indicators {
		subject := strings.TrimSpace(string(in.Subject))
		if subject == "" {
			subject = strings.TrimSpace(in.Text)
		}
		target := Text("")
		if in.Target.Valid {
			target = Number(in.Target.V, decimalsOf(in.TargetText))
		}
		pct := Text("")
		if in.Percent.Valid {
			pct = Number(in.Percent.V, decimalsOf(in.PercentText))
		}
		var notes []string
		if in.Basis != "" {
			notes = append(notes, string(in.Basis))
		}
		for _, f := range findings.overlapping(in.Span) {
			notes = append(notes, verdict(f))
		}
		t.Rows = append(t.Rows, Row{Cells: []Value{
			Number(float64(i+1), 0), Text(subject), Text(string(in.Unit)), target,
			Number(in.Value, decimalsOf(in.ValueText)), pct, Text(strings.Join(notes, "; ")),
		}})
	}
	if len(rec.Indicators) == 0 {
		t.Notes = append(t.Notes, "The record has no indicators.")
	}
	return t
}

// verdict is an audit finding as a table note: "error: 77/277 = 27,80 %, stated 27,9 %".
func verdict(f baocao.Finding) string {
	sev := f.Severity
	if sev == "" {
		sev = "note"
	}
	return sev + ": " + f.Message
}
