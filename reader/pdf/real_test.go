package pdf

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/testutil"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/reader"
)

func readPDF(t testing.TB, path string, opts reader.Options) *baocao.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	opts.Format = "pdf"
	doc, err := reader.Read(context.Background(), path, data, opts)
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	return doc
}

// fairWords splits words further at every non-alphanumeric character and between
// letters and digits, so that our "117/QĐ-UBND" and "[1]" compare with pdftotext's
// "117/QĐUBND" (it drops a hyphen at a line end) and "hoạch1" (it glues markers).
func fairWords(s string) []string {
	var out []string
	for _, w := range vntext.Words(s) {
		start := 0
		rs := []rune(w)
		for i := 1; i <= len(rs); i++ {
			if i == len(rs) || !isAlnum(rs[i]) || !isAlnum(rs[i-1]) || unicode.IsDigit(rs[i]) != unicode.IsDigit(rs[i-1]) {
				part := strings.TrimFunc(string(rs[start:i]), func(r rune) bool { return !isAlnum(r) })
				if part != "" {
					out = append(out, part)
				}
				start = i
			}
		}
	}
	return out
}

func isAlnum(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func pdftotext(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed (poppler-utils): cannot compare")
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// TestRealPDFsMatchPdftotext compares the word multiset of every born-digital real PDF
// with pdftotext's, both ways.
func TestRealPDFsMatchPdftotext(t *testing.T) {
	dir := testutil.Shared(t, "corpus/real")
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	seed, _ := filepath.Glob(filepath.Join(testutil.Shared(t, "corpus/seed"), "*.pdf"))
	files = append(files, seed...)
	if len(files) == 0 {
		t.Skip("no PDFs in the shared corpus")
	}
	for _, path := range files {
		if strings.Contains(path, "_scan") {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			doc := readPDF(t, path, reader.Options{})
			want := fairWords(pdftotext(t, path))
			got := fairWords(doc.Text)
			ours, theirs := vntext.Overlap(got, want), vntext.Overlap(want, got)
			t.Logf("words: ours %d, pdftotext %d; ours in theirs %.4f, theirs in ours %.4f", len(got), len(want), ours, theirs)
			if ours < 0.97 || theirs < 0.97 {
				t.Errorf("word overlap with pdftotext: ours in theirs %.4f, theirs in ours %.4f, want ≥ 0.97 both", ours, theirs)
			}
			for _, p := range doc.Pages {
				if p.Source != baocao.FromTextLayer {
					t.Errorf("page %d: source %s (%s), want the text layer", p.Number, p.Source, p.Note)
				}
			}
		})
	}
}

func TestRealScansHaveNoTextLayer(t *testing.T) {
	dir := testutil.Shared(t, "corpus/real")
	files, _ := filepath.Glob(filepath.Join(dir, "*_scan.pdf"))
	if len(files) == 0 {
		t.Skip("no scans in the shared corpus")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			doc := readPDF(t, path, reader.Options{})
			if len(doc.Pages) == 0 {
				t.Fatal("no pages")
			}
			for _, p := range doc.Pages {
				if p.Source != baocao.NoText || !strings.HasPrefix(p.Note, "no text layer") {
					t.Errorf("page %d: source %s note %q, want %s with a note", p.Number, p.Source, p.Note, baocao.NoText)
				}
			}
		})
	}
}

var reCode = regexp.MustCompile(`\d+/[A-ZĐ]+-[A-ZĐ]+`)

// TestSeedPDF checks the seed report against its text version: the words, the six
// footnotes and every document number.
func TestSeedPDF(t *testing.T) {
	dir := testutil.Shared(t, "corpus/seed")
	pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	txts, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(pdfs) != 1 || len(txts) != 1 {
		t.Skip("seed PDF and text not found")
	}
	doc := readPDF(t, pdfs[0], reader.Options{})
	raw, err := os.ReadFile(txts[0])
	if err != nil {
		t.Fatal(err)
	}
	// the text version marks up emphasis and tables; compare words only
	txt := vntext.Normalize(string(raw))
	txt = regexp.MustCompile(`</?i>|\*+|_+`).ReplaceAllString(txt, " ")
	want := fairWords(txt)
	got := fairWords(doc.Text)
	ov := vntext.Overlap(want, got)
	t.Logf("seed: %d words in the text version, %d read; %.4f of the text version found", len(want), len(got), ov)
	if ov < 0.98 {
		t.Errorf("overlap with the seed text: %.4f, want ≥ 0.98", ov)
	}
	if len(doc.Footnotes) != 6 {
		t.Errorf("got %d footnotes, want 6", len(doc.Footnotes))
	}
	for _, fn := range doc.Footnotes {
		if fn.Ref.IsZero() || fn.Ref.Of(doc.Text) != "["+fn.ID+"]" {
			t.Errorf("footnote %s: reference %q not linked", fn.ID, fn.Ref.Of(doc.Text))
		}
		if len(fn.Span.Of(doc.Text)) < 20 {
			t.Errorf("footnote %s: text %q too short", fn.ID, fn.Span.Of(doc.Text))
		}
	}
	for _, code := range reCode.FindAllString(txt, -1) {
		if !strings.Contains(doc.Text, code) {
			t.Errorf("document number %s is not whole in the text", code)
		}
	}
	if !strings.Contains(doc.Text, "UBND XÃ THỤY HÙNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") {
		t.Errorf("the header's two columns are not one line left\\tright:\n%s", doc.Text[:min(300, len(doc.Text))])
	}
}

// TestRealGarbageDetectorKeepsTextLayers: every born-digital page scores above the
// garbage threshold.
func TestRealGarbageDetectorKeepsTextLayers(t *testing.T) {
	dir := testutil.Shared(t, "corpus/real")
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	for _, path := range files {
		if strings.Contains(path, "_scan") {
			continue
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, _ := os.ReadFile(path)
			v, err := locate(data)
			if err != nil {
				t.Fatal(err)
			}
			opts := reader.Options{}
			opts.SetDefaults()
			f, err := openFile(v, &opts)
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range readPages(context.Background(), f) {
				classifyPage(r, opts.GarbageThreshold)
				if r.source != baocao.FromTextLayer {
					t.Errorf("page %d: %s (share %.2f): %s", i+1, r.source, r.share, r.note)
				}
			}
		})
	}
}
