package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/index"
)

// sampleReport is a test report of package render (written for its tests).
var sampleReport = filepath.Join("..", "..", "render", "testdata", "sample.txt")

func TestCLIRender(t *testing.T) {
	dir := t.TempDir()
	out, code := run(t, "render", sampleReport)
	if code != 0 || !strings.Contains(out, "# KẾ HOẠCH") || !strings.Contains(out, "| Số: 08/KH-UBND | *Bình Minh, ngày 05 tháng 01 năm 2024* |") {
		t.Fatalf("render md: %d\n%s", code, out)
	}
	out, code = run(t, "render", "--format", "html", "--annotate", sampleReport)
	if code != 0 || !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, `<mark class="ann reference"`) {
		t.Fatalf("render html: %d %.300q", code, out)
	}
	docx := filepath.Join(dir, "out.docx")
	if _, code := run(t, "render", "-f", "docx", "-o", docx, sampleReport); code != 0 {
		t.Fatalf("render docx: exit %d", code)
	}
	data, err := os.ReadFile(docx)
	if err != nil || !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		t.Fatalf("no DOCX written: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".out.docx.*")); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"no argument", []string{"render"}},
		{"two arguments", []string{"render", sampleReport, sampleReport}},
		{"unknown format", []string{"render", "-f", "pdf", sampleReport}},
		{"annotated Markdown", []string{"render", "--annotate", sampleReport}},
		{"missing file", []string{"render", filepath.Join(dir, "none.docx")}},
		{"a number without a corpus", []string{"render", "--data", filepath.Join(dir, "no-corpus"), "08/KH-UBND"}},
		{"flag after the argument", []string{"render", sampleReport, "-f", "html"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, code := run(t, tc.args...); code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "no-corpus")); err == nil {
		t.Error("looking a number up created a data folder")
	}
}

func TestCLIAppendix(t *testing.T) {
	out, code := run(t, "appendix", "-f", "csv", "indicators", sampleReport)
	if code != 0 || !strings.HasPrefix(out, "\uFEFFTT,Chỉ tiêu,Đơn vị,Kế hoạch,Thực hiện,Tỷ lệ (%),Ghi chú\n") {
		t.Fatalf("appendix csv: %d %q", code, out)
	}
	out, code = run(t, "appendix", "commendations", sampleReport)
	if code != 0 || !strings.Contains(out, "TỔNG CỘNG (I + II + III + IV)") {
		t.Fatalf("appendix md: %d %q", code, out)
	}
	xlsx := filepath.Join(t.TempDir(), "pl.xlsx")
	if _, code := run(t, "appendix", "-f", "xlsx", "-o", xlsx, "directives", sampleReport); code != 0 {
		t.Fatalf("appendix xlsx: exit %d", code)
	}
	if data, err := os.ReadFile(xlsx); err != nil || !bytes.HasPrefix(data, []byte("PK")) {
		t.Fatalf("no XLSX written: %v", err)
	}
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"no kind", []string{"appendix"}},
		{"unknown kind", []string{"appendix", "totals", sampleReport}},
		{"unknown format", []string{"appendix", "-f", "ods", "directives", sampleReport}},
		{"no file", []string{"appendix", "directives"}},
		{"corpus for commendations", []string{"appendix", "--corpus", "commendations"}},
		{"issuer without corpus", []string{"appendix", "--issuer", "UBND", "directives", sampleReport}},
		{"bad date", []string{"appendix", "--from", "31/31/2023", "directives", sampleReport}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, code := run(t, tc.args...); code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
		})
	}
}

// TestCLIRenderFromCorpus renders a document found in a corpus by its hash, and lists
// a corpus's documents as a directives appendix.
func TestCLIRenderFromCorpus(t *testing.T) {
	dir := t.TempDir()
	src, data := filepath.Join(dir, "gen"), filepath.Join(dir, "data")
	if _, code := run(t, "gen", "--n", "12", "--seed", "5", "--out", src); code != 0 {
		t.Fatalf("gen: exit %d", code)
	}
	if _, code := run(t, "ingest", "--data", data, src); code != 0 {
		t.Fatalf("ingest: exit %d", code)
	}
	out, code := run(t, "search", "--data", data, "--format", "json", "--limit", "1")
	var res index.Result
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || len(res.Hits) == 0 {
		t.Fatalf("search: %d %.200q", code, out)
	}
	hit := res.Hits[0]
	out, code = run(t, "render", "--data", data, hit.SHA[:12])
	if code != 0 || !strings.Contains(out, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") {
		t.Fatalf("render by hash: %d %.300q", code, out)
	}
	out, code = run(t, "appendix", "--data", data, "--corpus", "-f", "csv", "directives")
	if code != 0 || strings.Count(out, "\n") != int(res.Total)+1 {
		t.Fatalf("appendix --corpus: %d, %d lines for %d documents\n%s", code, strings.Count(out, "\n"), res.Total, out)
	}
}
