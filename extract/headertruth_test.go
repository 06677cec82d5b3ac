package extract_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/reader"
)

// TestHeaderTruth checks the document identity (number, code, type, date) of every real
// document with a text layer against ../shared/corpus/real/header-truth.json. Scans are
// checked by the OCR tests (reader/ocr), which need tesseract.
func TestHeaderTruth(t *testing.T) {
	dir := testutil.Shared(t, "corpus/real")
	data, err := os.ReadFile(filepath.Join(dir, "header-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truth []struct {
		File   string `json:"file"`
		Type   string `json:"loai_van_ban"`
		Number string `json:"so_ky_hieu"`
		Date   string `json:"ngay_ban_hanh"`
		Notes  string `json:"notes"`
	}
	if err := json.Unmarshal(data, &truth); err != nil {
		t.Fatal(err)
	}
	x, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range truth {
		t.Run(tr.File, func(t *testing.T) {
			if _, ok := reader.Lookup(strings.TrimPrefix(filepath.Ext(tr.File), ".")); !ok {
				t.Fatalf("no %s reader registered", filepath.Ext(tr.File))
			}
			doc, err := reader.ReadFile(context.Background(), filepath.Join(dir, tr.File), reader.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if noTextLayer(doc) {
				t.Skip("scan without a text layer: see the OCR tests")
			}
			number, code, date := tr.Number, "", tr.Date
			if i := strings.Index(number, "/"); i >= 0 {
				number, code = strings.TrimSpace(number[:i]), strings.TrimSpace(number[i+1:])
			}
			code = strings.Fields(code + " ")[0]
			if m := regexp.MustCompile(`^(\d+)/(\d{4})$`).FindStringSubmatch(tr.Number); m != nil {
				number, code = m[1], ""
			}
			if strings.Contains(tr.File, "_pypdf") {
				// the pypdf export lost the number and date stamped on the signed PDF: its
				// text says "Số: /BC-SNV …, ngày tháng năm 2026"
				number, date = "", "2026"
			}
			if strings.Contains(code, "/") && strings.HasPrefix(code, "2") { // "/2026/NQ-HĐND"
				code = code[strings.Index(code, "/")+1:]
			}
			rec := x.Record(doc)
			d := rec.Document
			if string(d.Number) != number {
				t.Errorf("number: got %q, want %q", d.Number, number)
			}
			if !strings.EqualFold(string(d.Code), code) {
				t.Errorf("code: got %q, want %q", d.Code, code)
			}
			if want := typeAbbr(tr.Type); string(d.Type) != want {
				t.Errorf("type: got %q, want %q (%s)", d.Type, want, tr.Type)
			}
			checkDate(t, d.Date, date)
		})
	}
}

func noTextLayer(doc *baocao.Document) bool {
	if len(doc.Pages) == 0 {
		return false
	}
	for _, p := range doc.Pages {
		if p.Source != baocao.NoText {
			return false
		}
	}
	return true
}

// checkDate compares a date line with "2025-11-06", "2025-11 (day blank)" or "2026 (day,
// month blank)".
func checkDate(t *testing.T, d *baocao.DateParts, want string) {
	t.Helper()
	want = strings.Fields(want)[0]
	if d == nil {
		t.Errorf("date: none, want %s", want)
		return
	}
	parts := strings.Split(want, "-")
	got := []int{int(d.Year), int(d.Month), int(d.Day)}
	for i, p := range parts {
		if n := atoi(p); got[i] != n {
			t.Errorf("date: got %d-%d-%d (%q), want %s", d.Year, d.Month, d.Day, d.Text, want)
			return
		}
	}
	if len(parts) == 3 && d.Value == "" {
		t.Errorf("date: %q has no value", d.Text)
	}
	if len(parts) < 3 && d.Value != "" {
		t.Errorf("date: %q is incomplete but has value %s", d.Text, d.Value)
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func typeAbbr(name string) string {
	name = strings.TrimSpace(strings.Split(name, "(")[0])
	return map[string]string{
		"Báo cáo": "BC", "Tờ trình": "TTr", "Kế hoạch": "KH", "Nghị quyết": "NQ", "Biên bản": "BB",
		"Quyết định": "QĐ", "Nghị định": "NĐ",
	}[name]
}
