package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/baocao/baocao"
)

// counts are the numbers of a commendation row.
type counts struct{ collective, individual, household int }

func countsOf(c baocao.Commendation) counts {
	return counts{c.Collective, c.Individual, c.Household}
}

func (a counts) plus(b counts) counts {
	return counts{a.collective + b.collective, a.individual + b.individual, a.household + b.household}
}

func (a counts) String() string {
	return fmt.Sprintf("%d tập thể, %d cá nhân, %d gia đình", a.collective, a.individual, a.household)
}

// levels of the commendation summary, in the order the tables list them (DOMAIN.md
// §6.3: I. Cấp Nhà nước, II. Cấp tỉnh, III. Cấp huyện, IV. Cấp xã).
var levels = []struct{ key, roman, name string }{
	{baocao.LevelState, "I", "Khen thưởng cấp Nhà nước"},
	{baocao.LevelProvince, "II", "Khen thưởng cấp tỉnh"},
	{baocao.LevelDistrict, "III", "Khen thưởng cấp huyện"},
	{baocao.LevelCommune, "IV", "Khen thưởng cấp xã"},
}

// CommendationsTable builds the commendation summary: per level its forms of award and
// the level's counts of tập thể, cá nhân and gia đình, then TỔNG CỘNG, every total
// recomputed from the rows under it. The counts come from the document's own summary
// table when the record has it, else from the text. Where the document states a total
// (a level's row, its TỔNG CỘNG, a count in the text) that disagrees with the
// recomputation, the row's Ghi chú and the table's notes say so.
func CommendationsTable(rec *baocao.Record) *Table {
	t := &Table{
		Kind:  "commendations",
		Title: []string{"PHỤ LỤC II", "TỔNG HỢP CÁC DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG"},
		Columns: []Column{
			{Name: "TT", Width: 6},
			{Name: "Danh hiệu thi đua và hình thức khen thưởng", Width: 45},
			{Name: "Tập thể", Group: "Số lượng", Width: 10, Numeric: true},
			{Name: "Cá nhân", Group: "Số lượng", Width: 10, Numeric: true},
			{Name: "Gia đình", Group: "Số lượng", Width: 10, Numeric: true},
			{Name: "Ghi chú", Width: 40},
		},
	}
	if rec == nil {
		t.Notes = append(t.Notes, "No record.")
		return t
	}
	t.Caption = caption(rec.Document)
	source := "text"
	for _, c := range rec.Commendations {
		if c.Source == "table" {
			source = "table"
			break
		}
	}
	var items, fromText []baocao.Commendation
	known := map[string]bool{baocao.LevelTotal: true}
	for _, l := range levels {
		known[l.key] = true
	}
	for _, c := range rec.Commendations {
		if !known[c.Level] {
			t.Notes = append(t.Notes, fmt.Sprintf("A count of level %q is not shown: %s.", c.Level, countsOf(c)))
			continue
		}
		if c.Source == source || (source == "text" && c.Source == "") {
			items = append(items, c)
		} else if c.Source == "text" {
			fromText = append(fromText, c)
		}
	}
	if len(items) == 0 {
		t.Notes = append(t.Notes, "The record has no commendation counts.")
	} else if source == "table" {
		t.Notes = append(t.Notes, "Counts from the document's summary table; totals recomputed.")
	} else {
		t.Notes = append(t.Notes, "Counts from the text (the document has no summary table the extraction read); totals recomputed.")
	}
	var grand counts
	var levelRows []int
	for _, l := range levels {
		var forms []baocao.Commendation
		var own *baocao.Commendation
		for i := range items {
			c := &items[i]
			if c.Level != l.key {
				continue
			}
			if c.Form != "" {
				forms = append(forms, *c)
			} else if own == nil {
				own = c
			}
		}
		var sum counts
		for _, f := range forms {
			sum = sum.plus(countsOf(f))
		}
		total := sum
		if len(forms) == 0 && own != nil {
			total = countsOf(*own)
		}
		var notes []string
		if own != nil && len(forms) > 0 && countsOf(*own) != sum {
			notes = append(notes, fmt.Sprintf("the document's row says %s; its forms add up to %s", countsOf(*own), sum))
		}
		if source == "table" {
			var said counts
			n := 0
			for _, c := range fromText {
				if c.Level == l.key {
					said = said.plus(countsOf(c))
					n++
				}
			}
			if n > 0 && said != total {
				notes = append(notes, fmt.Sprintf("the text counts %s", said))
			}
		}
		levelRow := len(t.Rows)
		levelRows = append(levelRows, levelRow)
		var formRows []int
		for k := range forms {
			formRows = append(formRows, levelRow+1+k)
		}
		t.Rows = append(t.Rows, countRow(l.roman, l.name, total, formRows, notes, GroupRow))
		for k, f := range forms {
			t.Rows = append(t.Rows, countRow(strconv.Itoa(k+1), string(f.Form), countsOf(f), nil, nil, DataRow))
		}
		for _, n := range notes {
			t.Notes = append(t.Notes, fmt.Sprintf("%s (%s): %s.", l.name, l.roman, n))
		}
		grand = grand.plus(total)
	}
	var notes []string
	for _, c := range items {
		if c.Level == baocao.LevelTotal {
			if s := countsOf(c); s != grand {
				notes = append(notes, fmt.Sprintf("the document's TỔNG CỘNG is %s; the levels add up to %s", s, grand))
				t.Notes = append(t.Notes, "TỔNG CỘNG: "+notes[len(notes)-1]+".")
			}
			break
		}
	}
	t.Rows = append(t.Rows, countRow("", "TỔNG CỘNG (I + II + III + IV)", grand, levelRows, notes, TotalRow))
	return t
}

func countRow(tt, name string, c counts, sum []int, notes []string, kind RowKind) Row {
	num := func(n int) Value {
		v := Number(float64(n), 0)
		v.Sum = sum
		return v
	}
	return Row{Kind: kind, Cells: []Value{Text(tt), Text(name), num(c.collective), num(c.individual), num(c.household), Text(strings.Join(notes, "; "))}}
}
