package extract

import (
	"testing"

	"github.com/baocao/baocao/rules"
)

// TestDefaultPackExamples runs every example of the embedded rule pack: each rule's
// inputs must produce the items it lists and its reject inputs must produce nothing.
func TestDefaultPackExamples(t *testing.T) {
	p, err := rules.Default()
	if err != nil {
		t.Fatalf("default pack does not compile:\n%v", err)
	}
	byRule := map[string][]rules.Failure{}
	for _, f := range p.Test() {
		byRule[f.Rule.ID] = append(byRule[f.Rule.ID], f)
	}
	for _, r := range p.Rules() {
		if r.Disabled {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			if len(r.Examples) == 0 {
				t.Errorf("%s: rule has no examples", r.Pos)
			}
			for _, f := range byRule[r.ID] {
				t.Error(f.String())
			}
		})
	}
}
