package ocr

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/reader"
)

// scanTruth is one scan of ../shared/corpus/real with its header-truth.json entry.
type scanTruth struct {
	File, Type, Number, Date string
}

var scanFiles = []string{
	"vinhlong_BB-05-SNV_scan.pdf",
	"kiengiang_BC-2154-SYT_scan.pdf",
	"kiengiang_QD-5065-SYT_thidua-taphe_scan.pdf",
}

func scanTruths(t *testing.T) []scanTruth {
	t.Helper()
	dir := testutil.Shared(t, "corpus/real")
	data, err := os.ReadFile(filepath.Join(dir, "header-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var all []struct {
		File   string `json:"file"`
		Type   string `json:"loai_van_ban"`
		Number string `json:"so_ky_hieu"`
		Date   string `json:"ngay_ban_hanh"`
	}
	if err := json.Unmarshal(data, &all); err != nil {
		t.Fatal(err)
	}
	var out []scanTruth
	for _, f := range scanFiles {
		for _, a := range all {
			if a.File == f {
				out = append(out, scanTruth{a.File, a.Type, a.Number, a.Date})
			}
		}
	}
	if len(out) != len(scanFiles) {
		t.Fatalf("header-truth.json has %d of the %d scans", len(out), len(scanFiles))
	}
	return out
}

var typeAbbr = map[string]string{"Báo cáo": "BC", "Biên bản": "BB", "Quyết định": "QĐ"}

// monthYear turns "2026-05-08" into the words of the date line that are printed:
// "tháng 5 năm 2026" (the day is written in by hand).
func monthYear(date string) string {
	p := strings.Split(date, "-")
	return "tháng " + strings.TrimLeft(p[1], "0") + " năm " + p[0]
}

// TestScanHeaders reads page 1 of each real scan by OCR and checks what is printed on
// it: the document type (through the extractor), the ký hiệu and the month and year of
// the date line, and that the page reads as Vietnamese. The number and the day are
// written by hand on all three and Tesseract does not read handwriting (see the
// package's BUG notes): they are logged, not required.
func TestScanHeaders(t *testing.T) {
	t.Parallel() // OCR is slow: the tests share the cores
	r := recognizer(t)
	truths := scanTruths(t)
	x, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for _, tr := range truths {
		// the whole page, as the PDF reader gives it: a crop changes Tesseract's layout
		// analysis, and with it the reading ("tháng II" for "tháng 11" on a crop)
		img := renderPage(t, "corpus/real/"+tr.File, 1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			doc, err := reader.Read(context.Background(), tr.File+".p1.png", img, reader.Options{OCR: r})
			if err != nil {
				t.Errorf("%s: %v", tr.File, err)
				return
			}
			rec := x.Record(doc)
			d := rec.Document
			if want := typeAbbr[tr.Type]; string(d.Type) != want {
				t.Errorf("%s: type %q, want %q", tr.File, d.Type, want)
			}
			head := doc.Text[:min(len(doc.Text), 400)]
			code := tr.Number[strings.Index(tr.Number, "/"):]
			if !strings.Contains(head, code) {
				t.Errorf("%s: ký hiệu %q not in the header:\n%s", tr.File, code, head)
			}
			if my := monthYear(tr.Date); !strings.Contains(head, my) {
				t.Errorf("%s: date words %q not in the header:\n%s", tr.File, my, head)
			}
			if s := vntext.SyllableShare(doc.Text); s < 0.85 {
				t.Errorf("%s: %.0f%% well-formed syllables, want ≥ 85%%", tr.File, 100*s)
			}
			t.Logf("%s: number %q (truth %s, handwritten), date %+v (truth %s), page confidence %.2f, %d low-confidence words",
				tr.File, d.Number, tr.Number, d.Date, tr.Date, doc.Pages[0].Confidence, len(doc.Pages[0].LowConf))
		}()
	}
	wg.Wait()
}

// TestScansEndToEnd reads the three scans whole, through the PDF reader's OCR hook and
// the extractor, and compares the record with header-truth.json. It OCRs 17 pages
// (about 30 s on two cores the first time; its cache is kept in the system's temporary
// folder between runs), so it runs only with BAOCAO_OCR_LONG=1.
func TestScansEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("long (17 scanned pages): not with -short")
	}
	needTesseract(t)
	truths := scanTruths(t)
	dir := testutil.Shared(t, "corpus/real")
	r, err := New(Options{CacheDir: testutil.OCRCache()})
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range truths {
		t.Run(tr.File, func(t *testing.T) {
			doc, err := reader.ReadFile(context.Background(), filepath.Join(dir, tr.File), reader.Options{OCR: r})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range doc.Pages {
				if p.Source != baocao.FromOCR {
					t.Errorf("page %d: source %q note %q, want ocr", p.Number, p.Source, p.Note)
				}
			}
			d := x.Record(doc).Document
			number, code, _ := strings.Cut(tr.Number, "/")
			if want := typeAbbr[tr.Type]; string(d.Type) != want {
				t.Errorf("type %q, want %q", d.Type, want)
			}
			if !strings.EqualFold(string(d.Code), code) {
				t.Errorf("code %q, want %q", d.Code, code)
			}
			p := strings.Split(tr.Date, "-")
			wantY, _ := strconv.Atoi(p[0])
			wantM, _ := strconv.Atoi(p[1])
			if d.Date == nil || int(d.Date.Year) != wantY || int(d.Date.Month) != wantM {
				t.Errorf("date %+v, want year %d month %d", d.Date, wantY, wantM)
			}
			// the numbers are written by hand and OCR reads them as junk: the record must
			// then say nothing rather than something wrong
			if string(d.Number) != number {
				if d.Number != "" {
					t.Errorf("number %q, want %q or none", d.Number, number)
				} else {
					t.Logf("number not read, truth %q (written by hand)", number)
				}
			}
			if len(p) == 3 && d.Date.Value != "" && string(d.Date.Value) != tr.Date {
				t.Errorf("date %s, want %s or none", d.Date.Value, tr.Date)
			}
			if s := vntext.SyllableShare(doc.Text); s < 0.85 {
				t.Errorf("%.0f%% well-formed syllables, want ≥ 85%%", 100*s)
			}
		})
	}
	t.Logf("recognizer: %+v", r.Stats())
}
