package audit_test

import (
	"testing"

	"github.com/baocao/baocao/audit"
	"github.com/baocao/baocao/rules"
)

// TestCheckExamples runs the examples of every check rule of the default pack: each
// example report must produce the findings it lists, and each reject report (a clean
// text) must produce none.
func TestCheckExamples(t *testing.T) {
	p, err := rules.Default()
	if err != nil {
		t.Fatalf("default pack does not compile:\n%v", err)
	}
	n := 0
	for _, r := range p.Rules() {
		if r.Kind != audit.Kind || r.Disabled {
			continue
		}
		n++
		t.Run(r.ID, func(t *testing.T) {
			if len(r.Examples) == 0 || len(r.Reject) == 0 {
				t.Errorf("%s: a check rule needs examples and reject (clean) inputs", r.Pos)
			}
			for _, f := range p.Test(r.ID) {
				t.Error(f.String())
			}
		})
	}
	if n == 0 {
		t.Fatal("the default pack has no check rules")
	}
}
