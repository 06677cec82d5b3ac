package docx

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/reader"
)

const seedDocx = "corpus/seed/thuy-hung-bc-thi-dua-6-thang-2023.docx"

func readShared(t testing.TB, rel string) *baocao.Document {
	t.Helper()
	path := testutil.Shared(t, rel)
	d, err := reader.ReadFile(context.Background(), path, reader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSeedDocx(t *testing.T) {
	d := readShared(t, seedDocx)
	txt, err := os.ReadFile(testutil.Shared(t, "corpus/seed/thuy-hung-bc-thi-dua-6-thang-2023.txt"))
	if err != nil {
		t.Fatal(err)
	}

	t.Run("words agree with the seed text", func(t *testing.T) {
		// The .txt leaves out the two-column header; compare the body.
		var body []string
		for i, b := range d.Blocks {
			if i > 0 || b.Kind != baocao.TableKind {
				body = append(body, d.BlockText(i))
			}
		}
		got := vntext.Words(strings.Join(body, "\n"))
		want := vntext.Words(vntext.Normalize(string(txt)))
		if o := vntext.Overlap(got, want); o < 0.98 {
			t.Errorf("%.4f of the DOCX words are in the .txt, want ≥ 0.98", o)
		}
		if o := vntext.Overlap(want, got); o < 0.98 {
			t.Errorf("%.4f of the .txt words are in the DOCX, want ≥ 0.98", o)
		}
	})

	t.Run("six footnotes separated and linked", func(t *testing.T) {
		if len(d.Footnotes) != 6 {
			t.Fatalf("got %d footnotes, want 6", len(d.Footnotes))
		}
		firstNote := len(d.Text)
		for _, b := range d.Blocks {
			if b.Kind == baocao.Note {
				firstNote = min(firstNote, b.Span.Start)
			}
		}
		starts := []string{"Trong đó: Lúa xuân", "Tổng đàn gia súc", "Trong đó: Thu phí", "Giáo dục.", "Y tế.", "Quà Người có công."}
		for i, fn := range d.Footnotes {
			if want := fmt.Sprint(i + 1); fn.ID != want {
				t.Errorf("note %d: ID %q, want %q", i, fn.ID, want)
			}
			if fn.Ref.Of(d.Text) != "["+fn.ID+"]" || fn.Ref.End > firstNote {
				t.Errorf("note %s: marker %q at %v is not in the body", fn.ID, fn.Ref.Of(d.Text), fn.Ref)
			}
			if text := fn.Span.Of(d.Text); !strings.HasPrefix(text, starts[i]) {
				t.Errorf("note %s: text %.40q, want it to start %q", fn.ID, text, starts[i])
			}
			if strings.Contains(d.Text[:firstNote], starts[i]) && i != 3 && i != 4 { // "Giáo dục." and "Y tế." also head body lines
				t.Errorf("note %s text stayed in the body", fn.ID)
			}
		}
	})

	t.Run("two-column header table", func(t *testing.T) {
		b := d.Blocks[0]
		if b.Kind != baocao.TableKind || tableCols(b.Table) != 2 {
			t.Fatalf("first block is %s with %d columns, want the header table", b.Kind, tableCols(b.Table))
		}
		want := "UBND XÃ THỤY HÙNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHỘI ĐỒNG THI ĐUA KHEN THƯỞNG\tĐộc lập - Tự do - Hạnh phúc"
		if got := d.BlockText(0); got != want {
			t.Errorf("header:\n got  %q\n want %q", got, want)
		}
	})

	t.Run("appendix tables keep their grids", func(t *testing.T) {
		var directive, summary *baocao.Table
		for i, b := range d.Blocks {
			switch text := d.BlockText(i); {
			case b.Kind != baocao.TableKind:
			case strings.HasPrefix(text, "TT\tSố, ký hiệu"):
				directive = b.Table
			case strings.HasPrefix(text, "TT\tDanh hiệu thi đua"):
				summary = b.Table
			}
		}
		if directive == nil || tableCols(directive) != 4 || len(directive.Rows) != 5 {
			t.Errorf("directive list: %s, want 5 rows × 4 columns", shape(directive))
		}
		if summary == nil || tableCols(summary) != 9 || len(summary.Rows) != 48 {
			t.Fatalf("commendation summary: %s, want 48 rows × 9 columns", shape(summary))
		}
		cell := func(r, c int) string { return summary.Rows[r][c].Span.Of(d.Text) }
		if cell(0, 2) != "Số lượng" || cell(1, 2) != "Tập thể" || cell(2, 5) != "SL" || cell(2, 6) != "%" {
			t.Errorf("header rows: %q %q %q %q", cell(0, 2), cell(1, 2), cell(2, 5), cell(2, 6))
		}
		last := len(summary.Rows) - 1
		if got := []string{cell(last, 0), cell(last, 2), cell(last, 3), cell(last, 4)}; strings.Join(got, "|") != "TỔNG CỘNG (I + II + III+IV)|9|8|8" {
			t.Errorf("total row: %q", got)
		}
	})

	t.Run("golden", func(t *testing.T) {
		testutil.Golden(t, "testdata/seed.txt.golden", []byte(d.Text+"\n"))
		testutil.Golden(t, "testdata/seed.blocks.golden", []byte(outline(d)))
	})
}

func shape(tb *baocao.Table) string {
	if tb == nil {
		return "not found"
	}
	return fmt.Sprintf("%d rows × %d columns", len(tb.Rows), tableCols(tb))
}

// outline lists each block's kind, label, level, style and first words: what the
// extract stage sees of the structure.
func outline(d *baocao.Document) string {
	var sb strings.Builder
	for i, b := range d.Blocks {
		text := d.BlockText(i)
		if b.Kind == baocao.TableKind {
			text = fmt.Sprintf("%d×%d %s", len(b.Table.Rows), tableCols(b.Table), strings.SplitN(text, "\n", 2)[0])
		}
		if r := []rune(text); len(r) > 60 {
			text = string(r[:60]) + "…"
		}
		fmt.Fprintf(&sb, "%-10s %-14q %2d %-16q %q\n", b.Kind, b.Label, b.Level, b.Style, text)
	}
	return sb.String()
}

func TestRealDocx(t *testing.T) {
	tests := []struct {
		file   string
		tables int
		notes  int
		starts string
	}{
		{"lamdong_BC-184-SNV_chiso_draft.docx", 7, 3, "UBND TỈNH LÂM ĐỒNG"},
		{"lamdong_KH-phatdong-thidua-CCHC-2026.docx", 2, 1, "ỦY BAN NHÂN DÂN"},
		{"vinhlong_DuThao-NQ-HDND.docx", 5, 0, "HỘI ĐỒNG NHÂN DÂN TỈNH VĨNH LONG"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			d := readShared(t, filepath.Join("corpus/real", tc.file))
			tables := 0
			for _, b := range d.Blocks {
				if b.Kind == baocao.TableKind {
					tables++
					for r, row := range b.Table.Rows {
						if len(row) != len(b.Table.Rows[0]) {
							t.Errorf("table at %d: row %d has %d cells, row 0 %d", b.Span.Start, r, len(row), len(b.Table.Rows[0]))
						}
					}
				}
			}
			if tables != tc.tables {
				t.Errorf("got %d tables, want %d", tables, tc.tables)
			}
			if len(d.Footnotes) != tc.notes {
				t.Errorf("got %d footnotes, want %d", len(d.Footnotes), tc.notes)
			}
			if !strings.HasPrefix(d.Text, tc.starts) {
				t.Errorf("text starts %.60q, want %q", d.Text, tc.starts)
			}
			if strings.Contains(d.Text, "PAGE") || strings.Contains(d.Text, "MERGEFORMAT") {
				t.Error("a field code leaked into the text")
			}
			if len(d.Warnings) != 0 {
				t.Errorf("warnings: %q", d.Warnings)
			}
		})
	}
}
