package audit_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/audit"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/reader"
)

// FuzzAudit runs every check on whatever a text report can be: no check may fail (a
// panic becomes a finding naming the rule), and every finding must point into the text,
// quote at most 400 characters and have a severity. Seeded from the test reports and
// pieces of the shared seed; crashers are kept under testdata/fuzz/FuzzAudit. Run it in
// short bursts counted in inputs (go test -fuzz FuzzAudit -fuzztime 30000x ./audit): on
// the shared machine a time limit stalls the fuzzer.
func FuzzAudit(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "reports", "*.txt"))
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(string(data))
		}
	}
	for _, s := range []string{
		"Tổng đàn gia súc có 92 con. Trong đó: trâu 31, bò 21 con, lợn 40 con.",
		"07 trường hợp (04 NCT, 03 NKT",
		"trong đó:\n- 3,5 tỷ đồng\n- (",
		"77/277 đạt 27,9%; 1/0 đạt 5%; 0,0/0,0 = 0%",
		"mỗi suất quà trị giá 300.000đ = 10.200.000đ",
		"Số: /BC-UBND\nngày tháng năm 99999\nBÁO CÁO\n6 tháng đầu năm 2023",
		"TT\tA\tB\nTổng cộng\t1\t2\n1\t\t\n",
		"2.2.1. a\n1. b\n4.4 c\n4.2. d\nII - e\nI. f",
	} {
		f.Add(s)
	}
	x, err := extract.Default()
	if err != nil {
		f.Fatal(err)
	}
	a, err := audit.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > 16<<10 {
			return // long inputs only slow the fuzzer down: the reports are short
		}
		doc, err := reader.Read(context.Background(), "fuzz.txt", []byte(in), reader.Options{Format: "txt", Timeout: 10 * time.Second})
		if err != nil {
			return // not a text the reader takes: nothing to audit
		}
		rec := x.Record(doc)
		for _, fd := range a.Run(rec, doc) {
			if strings.Contains(fd.Message, "failed on this document") {
				t.Fatalf("a check panicked: %s", fd.Message)
			}
			if fd.Span.Start < 0 || fd.Span.End > len(doc.Text) || fd.Span.Start > fd.Span.End {
				t.Fatalf("span %v outside the text (%d bytes): %s", fd.Span, len(doc.Text), fd.Message)
			}
			if utf8.RuneCountInString(fd.Text) > 400 || !utf8.ValidString(fd.Text) {
				t.Fatalf("bad quote (%d characters): %q", utf8.RuneCountInString(fd.Text), fd.Text)
			}
			switch fd.Severity {
			case baocao.SevError, baocao.SevWarning, baocao.SevInfo:
			default:
				t.Fatalf("severity %q", fd.Severity)
			}
		}
	})
}
