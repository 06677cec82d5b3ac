package txt

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/reader"
)

// Bad input is normal input: each case must give a clear error value (or a document
// with a warning) quickly, never a panic or garbage text.
func TestBadInput(t *testing.T) {
	random := make([]byte, 1<<16)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(r.UintN(256))
	}
	long := strings.Repeat("Tổng diện tích gieo trồng đạt 71,14 % **so với** kế hoạch; ", 200000) // ~13 MB, one line
	tests := []struct {
		name   string
		data   []byte
		opts   reader.Options
		cause  error  // nil: the file reads
		detail string // in the error message, or in a warning
	}{
		{"empty file", nil, reader.Options{}, reader.ErrEmpty, ""},
		{"only whitespace", []byte(" \n\t\r\n  \n"), reader.Options{}, reader.ErrEmpty, ""},
		{"only whitespace in utf-16", []byte("\xFF\xFE \x00\n\x00 \x00"), reader.Options{Format: "txt"}, reader.ErrEmpty, ""},
		{"only markup", []byte("***\n\n---\n\n<b> </b>\n"), reader.Options{Format: "txt"}, reader.ErrEmpty, "no text left"},
		{"invalid utf-8 in utf-8 text", []byte("Báo cáo sơ kết công tác thi đua \xff\xfe năm 2023, khen thưởng đạt kết quả tốt."), reader.Options{}, reader.ErrCorrupt, "invalid UTF-8 at byte " + strconv.Itoa(strings.IndexByte("Báo cáo sơ kết công tác thi đua \xff", 0xff))},
		{"latin-1 text that is not vietnamese", []byte("Le comit\xe9 a examin\xe9 le rapport de l'\xe9t\xe9."), reader.Options{Format: "txt"}, reader.ErrUnsupported, "invalid UTF-8 at byte 8"},
		{"random bytes", random, reader.Options{}, reader.ErrUnsupported, ""},
		{"random bytes forced as text", random, reader.Options{Format: "txt"}, reader.ErrUnsupported, ""},
		{"nul bytes", []byte("abc\x00\x00\x00def\x00\x00ghi\x00"), reader.Options{Format: "txt"}, reader.ErrUnsupported, "NUL"},
		{"a few nul bytes", []byte(strings.Repeat("Báo cáo sơ kết công tác thi đua. ", 20) + "\x00"), reader.Options{Format: "txt"}, nil, "1 NUL bytes removed"},
		{"truncated inside a character", []byte("Báo cáo sơ kết năm 2023 của xã Thụy H\xc3"), reader.Options{}, nil, "ends inside a UTF-8 character"},
		{"odd utf-16", []byte("\xFF\xFEB\x00\xe1\x00o\x00 \x00c\x00\xe1\x00o\x00x"), reader.Options{}, nil, "odd number of bytes"},
		{"over the size limit", []byte(strings.Repeat("a", 2048)), reader.Options{MaxSize: 1024}, reader.ErrTooLarge, "limit 1024"},
		{"extremely long line", []byte(long), reader.Options{}, nil, ""},
		{"thousands of asterisks", []byte(strings.Repeat("*", 100000) + " x " + strings.Repeat("*a", 50000)), reader.Options{}, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			d, err := reader.Read(context.Background(), "bad.txt", tc.data, tc.opts)
			if time.Since(start) > 10*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
			if tc.cause != nil {
				if !errors.Is(err, tc.cause) {
					t.Fatalf("got %v, want %v", err, tc.cause)
				}
				var re *reader.Error
				if !errors.As(err, &re) || re.Path != "bad.txt" || !strings.HasPrefix(err.Error(), "bad.txt: ") {
					t.Errorf("error does not name the file: %v", err)
				}
				if !strings.Contains(err.Error(), tc.detail) {
					t.Errorf("error %q lacks %q", err, tc.detail)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.detail != "" && !strings.Contains(strings.Join(d.Warnings, "\n"), tc.detail) {
				t.Errorf("warnings %q lack %q", d.Warnings, tc.detail)
			}
			if strings.ContainsRune(d.Text, '\uFFFD') || strings.ContainsRune(d.Text, 0) {
				t.Errorf("garbage in the text: %.80q", d.Text)
			}
		})
	}
}

func TestSizeLimitOnFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(path, []byte(strings.Repeat("Báo cáo. ", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := reader.ReadFile(context.Background(), path, reader.Options{MaxSize: 1000})
	if !errors.Is(err, reader.ErrTooLarge) || !strings.Contains(err.Error(), path) {
		t.Errorf("got %v, want ErrTooLarge naming the file", err)
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data := []byte(strings.Repeat("Dòng văn bản.\n", 5000))
	if _, err := (Reader{}).Read(ctx, &reader.Input{Name: "x.txt", Data: data, Opts: &reader.Options{}}); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}
