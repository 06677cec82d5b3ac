package audit_test

import (
	"context"
	"fmt"

	"github.com/baocao/baocao/audit"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/reader"
)

// Audit a report: read it, extract its record, then fill the record's findings.
func ExampleAuditor_Audit() {
	text := "Trường Trung học cơ sở tổng số học sinh 277, học sinh trung bình 77/277 đạt 27,9%.\n" +
		"Tổng đàn gia súc có 92 con. Trong đó: đàn trâu 31, bò 21 con, đàn lợn 30 con."
	doc, err := reader.Read(context.Background(), "report.txt", []byte(text), reader.Options{Format: "txt"})
	if err != nil {
		panic(err)
	}
	x, _ := extract.Default()
	a, _ := audit.Default()
	rec := x.Record(doc)
	a.Audit(rec, doc)
	for _, f := range rec.Findings {
		fmt.Printf("%s %s (%s/%s): %s\n", f.Severity, f.Check, f.Rule, f.Situation, f.Message)
	}
	// Output:
	// error percent (check.percent/mismatch): 77/277 = 27,80 %, but the text states 27,9 %.
	// warning sum (check.breakdown/mismatch): The parts of '92 con' add up to 82 con (31 + 21 + 30), not 92 con.
}
