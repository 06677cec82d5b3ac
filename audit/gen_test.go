package audit_test

import (
	"strings"
	"testing"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/corpus/gen"
)

// TestGeneratedCorpus audits the synthetic corpus of package corpus/gen, whose truth
// records list the errors it plants (wrong percentages): every one must be found, and no
// other finding may be an error or a warning.
func TestGeneratedCorpus(t *testing.T) {
	g := gen.New(gen.Options{N: 120, Seed: 7})
	planted, found, anachronisms := 0, 0, 0
	for _, d := range g.All() {
		_, fs := auditText(t, d.Name, string(d.Data))
		for _, want := range d.Record.Findings {
			planted++
			ok := false
			for _, f := range fs {
				if f.Check == want.Check && f.Severity == want.Severity && strings.Contains(f.Text, want.Text) {
					ok = true
				}
			}
			if ok {
				found++
			} else {
				t.Errorf("%s: planted %s finding not reported: %s «%s»%s", d.Name, want.Check, want.Message, want.Text, describe(fs))
			}
		}
		for _, f := range fs {
			if f.Severity == baocao.SevInfo {
				continue
			}
			truth := false
			for _, want := range d.Record.Findings {
				if strings.Contains(f.Text, want.Text) {
					truth = true
				}
			}
			if !truth && f.Situation == "after-report" && anachronism(d.Record, f) {
				// the generator cites laws whatever the citing document's date: its own
				// truth record shows the cited document is younger than the report
				anachronisms++
				truth = true
			}
			if !truth {
				t.Errorf("%s: false %s: %s «%s»", d.Name, f.Severity, f.Message, f.Text)
			}
		}
	}
	if planted == 0 {
		t.Fatal("the generated corpus planted no error: the test proves nothing")
	}
	t.Logf("%d documents, %d planted errors, %d found; %d citations younger than their report (true, unplanted)", g.Len(), planted, found, anachronisms)
}

// anachronism reports whether the truth record confirms an after-report finding: a
// reference quoted by the finding whose date is after the document's own.
func anachronism(rec *baocao.Record, f baocao.Finding) bool {
	own := rec.Document.Date
	if own == nil || own.Value == "" {
		return false
	}
	for _, r := range rec.References {
		if r.Date != "" && string(r.Date) > string(own.Value) && strings.Contains(f.Text, r.ID) {
			return true
		}
	}
	return false
}
