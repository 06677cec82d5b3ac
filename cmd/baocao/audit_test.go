package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/internal/testutil"
	"github.com/urfave/cli/v2"
)

// runCLI runs the command line in-process and returns its standard output, standard
// error and exit status.
func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	app := newApp()
	var out, errs bytes.Buffer
	app.Writer, app.ErrWriter = &out, &errs
	code := 0
	app.ExitErrHandler = func(_ *cli.Context, err error) {
		if ec, ok := err.(cli.ExitCoder); ok {
			code = ec.ExitCode()
		} else if err != nil {
			code = 2
		}
	}
	if err := app.Run(append([]string{"baocao"}, args...)); err != nil && code == 0 {
		code = 2
	}
	return out.String(), errs.String(), code
}

func TestCLIAudit(t *testing.T) {
	clean := filepath.Join(testutil.Root(), "audit", "testdata", "reports", "bc-xa-dong-tien-6-thang-2024.txt")
	data, err := os.ReadFile(clean)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	wrong := filepath.Join(dir, "wrong.txt")
	// one wrong percentage (an error) and a truncated one (info)
	text := strings.Replace(string(data), "đạt 91,67% kế hoạch", "đạt 92,67% kế hoạch", 1)
	text = strings.Replace(text, "1.249/1.300 hộ, đạt 96,08%", "1.249/1.300 hộ, đạt 96,07%", 1)
	if err := os.WriteFile(wrong, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	off := filepath.Join(dir, "off.yaml")
	os.WriteFile(off, []byte("rules:\n  - {id: check.percent, disabled: true}\n"), 0o644)

	tests := []struct {
		name     string
		args     []string
		code     int
		contains []string
		absent   []string
	}{
		{"clean report", []string{"audit", clean}, 0, []string{"0 findings"}, nil},
		{"an error finding exits 1", []string{"audit", wrong}, 1,
			[]string{"2.1. Sản xuất nông, lâm nghiệp", "412,5/450 = 91,667 %, but the text states 92,67 %", "« 412,5 ha/450 ha, đạt 92,67% kế hoạch »", "truncated"}, nil},
		{"min severity hides info", []string{"audit", "--min-severity", "error", wrong}, 1, []string{"92,67"}, []string{"truncated"}},
		{"a folder is walked", []string{"audit", dir}, 1, []string{"wrong.txt: 2 findings"}, nil},
		{"a rule file turns a check off", []string{"audit", "--rules", off, wrong}, 0, []string{"0 findings"}, nil},
		{"unknown format", []string{"audit", "--format", "xml", wrong}, 2, nil, nil},
		{"unknown severity", []string{"audit", "--min-severity", "fatal", wrong}, 2, nil, nil},
		{"no argument", []string{"audit"}, 2, nil, nil},
		{"a flag after the arguments", []string{"audit", wrong, "--format", "json"}, 2, nil, nil},
		{"a file that is not there", []string{"audit", filepath.Join(dir, "missing.txt"), clean}, 2, []string{"0 findings"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runCLI(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tc.code, out, errs)
			}
			for _, s := range tc.contains {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %q:\n%s", s, out)
				}
			}
			for _, s := range tc.absent {
				if strings.Contains(out, s) {
					t.Errorf("output has %q:\n%s", s, out)
				}
			}
		})
	}

	t.Run("json", func(t *testing.T) {
		out, _, code := runCLI(t, "audit", "--format", "json", wrong)
		var rep struct {
			Path     string `json:"path"`
			Findings []struct {
				Check, Severity, Situation, Rule, Text string
				Stated, Expected                       any
			} `json:"findings"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
		if code != 1 || len(rep.Findings) != 2 || rep.Findings[0].Rule != "check.percent" || rep.Findings[0].Stated != 92.67 {
			t.Errorf("exit %d, findings %+v", code, rep.Findings)
		}
	})
	t.Run("csv", func(t *testing.T) {
		out, _, _ := runCLI(t, "audit", "--format", "csv", wrong)
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 3 || rows[0][0] != "path" || rows[1][4] != "error" || rows[1][9] != "92.67" {
			t.Errorf("csv rows: %q", rows)
		}
	})
}

// TestCLIExtractHasFindings: the extract record carries the audit's findings.
func TestCLIExtractHasFindings(t *testing.T) {
	path := filepath.Join(testutil.Root(), "audit", "testdata", "reports", "bc-ubnd-huyen-chi-lang-nam-2023.txt")
	data, _ := os.ReadFile(path)
	wrong := filepath.Join(t.TempDir(), "r.txt")
	os.WriteFile(wrong, []byte(strings.Replace(string(data), "tổng cộng 80 lượt", "tổng cộng 81 lượt", 1)), 0o644)
	out, _, code := runCLI(t, "extract", "--format", "json", wrong)
	var rec struct {
		Findings []struct{ Check, Rule string } `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rec); err != nil || code != 0 {
		t.Fatalf("exit %d, %v", code, err)
	}
	if len(rec.Findings) != 1 || rec.Findings[0].Rule != "check.breakdown" {
		t.Errorf("findings %+v, want one check.breakdown", rec.Findings)
	}
}
