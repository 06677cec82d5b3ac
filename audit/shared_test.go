package audit_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/pipeline"
	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/reader"
	"golang.org/x/text/unicode/norm"
)

// goldFindings is the findings part of a gold file of ../shared/eval/gold.
type goldFindings struct {
	Must []struct {
		ID   string   `json:"id"`
		Keys []string `json:"keys"`
	} `json:"findings_must"`
	May []struct {
		ID   string   `json:"id"`
		Keys []string `json:"keys"`
	} `json:"findings_may"`
}

func processShared(t *testing.T, rel string) *baocao.Record {
	t.Helper()
	path := testutil.Shared(t, rel)
	rec, _, err := pipeline.Process(context.Background(), path, pipeline.Options{})
	if err != nil {
		t.Skipf("%s cannot be read here (%v): its reader is not linked or not finished", rel, err)
	}
	return rec
}

// evidence is what the scorer (../shared/eval/score.py) matches gold keys against: the
// quoted text and the message, for findings that quote at most 400 characters.
func evidence(f baocao.Finding) (string, bool) {
	if len([]rune(f.Text)) > 400 {
		return "", false
	}
	return norm.NFC.String(f.Text + " " + f.Message), true
}

// TestSharedSeed: the seed report in all three formats reports every finding the gold
// requires, and no error or warning outside what the gold requires or allows.
func TestSharedSeed(t *testing.T) {
	goldPath := testutil.Shared(t, "eval/gold/seed.json")
	data, err := os.ReadFile(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	var gold goldFindings
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	var allKeys []string
	for _, g := range gold.Must {
		allKeys = append(allKeys, g.Keys...)
	}
	for _, g := range gold.May {
		allKeys = append(allKeys, g.Keys...)
	}
	for _, ext := range []string{"txt", "docx", "pdf"} {
		t.Run(ext, func(t *testing.T) {
			rec := processShared(t, "corpus/seed/thuy-hung-bc-thi-dua-6-thang-2023."+ext)
			var texts []string
			for _, f := range rec.Findings {
				e, ok := evidence(f)
				if !ok {
					t.Errorf("finding quotes more than 400 characters: %s", f.Message)
					continue
				}
				texts = append(texts, e)
				if f.Severity == baocao.SevInfo {
					continue
				}
				if !containsAny(e, allKeys) {
					t.Errorf("false %s (no gold key): %s «%s»", f.Severity, f.Message, f.Text)
				}
			}
			for _, g := range gold.Must {
				found := false
				for _, e := range texts {
					if containsAny(e, g.Keys) {
						found = true
					}
				}
				if !found {
					t.Errorf("gold finding %s not reported (keys %q)", g.ID, g.Keys)
				}
			}
		})
	}
}

func containsAny(s string, keys []string) bool {
	for _, k := range keys {
		if strings.Contains(s, norm.NFC.String(k)) {
			return true
		}
	}
	return false
}

// TestSharedReal: the real documents give no error or warning but the ones listed here,
// each checked by hand against the document. The two with gold (vinhlong_BC-811-UBND,
// vinhlong_TTr-617-UBND) add up and must give none.
func TestSharedReal(t *testing.T) {
	dir := testutil.Shared(t, "corpus/real")
	// file → rule/situation/key of the errors and warnings that are right
	known := map[string][]string{
		// the decree cites NĐ 34/2025 and NĐ 05/2021 with 25 tháng 01 in one place and
		// 25 tháng 02 in another
		"vbpl_ND-14-2026-NDCP.txt": {"check.number-reuse reused 34/2025/NĐ-CP", "check.number-reuse reused 05/2021/NĐ-CP"},
		// NĐ 101/2017 cited with 10/9/2017 and with 01 tháng 9 năm 2017; section "4." twice
		"vinhlong_BC-293-SNV_pypdf.txt":          {"check.number-reuse reused 101/2017/NĐ-CP", "check.heading-numbers repeat 4."},
		"vinhlong_BC-293-SNV_tongket-daotao.pdf": {"check.number-reuse reused 101/2017/NĐ-CP", "check.heading-numbers repeat 4."},
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.IsDir() || !reader.Supported(e.Name()) {
			continue
		}
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			rec := processShared(t, filepath.Join("corpus", "real", name))
			n++
			for _, f := range rec.Findings {
				if f.Severity == baocao.SevInfo {
					continue
				}
				ok := false
				for _, k := range known[name] {
					parts := strings.SplitN(k, " ", 3)
					if f.Rule == parts[0] && f.Situation == parts[1] && strings.Contains(f.Text+" "+f.Message, parts[2]) {
						ok = true
					}
				}
				if !ok {
					t.Errorf("unexpected %s %s/%s: %s «%s»", f.Severity, f.Rule, f.Situation, f.Message, f.Text)
				}
			}
		})
	}
}
