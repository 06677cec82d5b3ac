package reader

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao"
)

// fake is a test format: content starting with "FAKE:" followed by a behaviour.
type fake struct{}

func (fake) Format() string       { return "fake" }
func (fake) Extensions() []string { return []string{".fake"} }
func (fake) Sniff(data []byte) int {
	if bytes.HasPrefix(data, []byte("FAKE:")) {
		return 90
	}
	return 0
}

func (fake) Read(ctx context.Context, in *Input) (*baocao.Document, error) {
	switch string(bytes.TrimPrefix(in.Data, []byte("FAKE:"))) {
	case "panic":
		var m map[string]int
		m["boom"]++ // a nil-map write: a real runtime panic
	case "hang":
		<-ctx.Done()
		time.Sleep(time.Hour) // ignores the deadline, as a buggy reader would
	case "corrupt":
		return nil, Errorf(ErrCorrupt, "xref at byte %d", 42)
	}
	b := NewBuilder()
	p := b.Para(baocao.Paragraph)
	p.Add("ok")
	p.End()
	return b.Document("fake"), nil
}

func init() { Register(fake{}) }

func TestReadBadInput(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		data  []byte
		opts  Options
		cause error
		msg   string // a part of the message
	}{
		{"empty", "a.txt", nil, Options{}, ErrEmpty, "a.txt: empty file"},
		{"only whitespace", "b.txt", []byte(" \n\t\r\n "), Options{}, ErrEmpty, "b.txt: empty file"},
		{"over the size limit", "big.fake", []byte("FAKE:" + strings.Repeat("x", 100)), Options{MaxSize: 50}, ErrTooLarge, "big.fake: file too large"},
		{"panic inside a reader", "p.fake", []byte("FAKE:panic"), Options{}, ErrPanic, "p.fake: fake: reader crashed"},
		{"reader past its deadline", "h.fake", []byte("FAKE:hang"), Options{Timeout: 50 * time.Millisecond}, ErrTimeout, "h.fake: fake: reading took too long"},
		{"reader error keeps its cause", "c.fake", []byte("FAKE:corrupt"), Options{}, ErrCorrupt, "c.fake: fake: corrupt or truncated file: xref at byte 42"},
		{"legacy Word file", "old.doc", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 600)...), Options{}, ErrUnsupported, "legacy Word/Excel file"},
		{"password-protected Office file", "secret.docx", append(append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 100)...), utf16le("EncryptedPackage")...), Options{}, ErrEncrypted, "secret.docx: encrypted, password needed"},
		{"RTF", "x.rtf", []byte(`{\rtf1\ansi hello}`), Options{}, ErrUnsupported, "RTF file"},
		{"forced unknown format", "x.fake", []byte("FAKE:"), Options{Format: "nope"}, ErrUnsupported, `no reader for format "nope"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			doc, err := Read(context.Background(), tc.file, tc.data, tc.opts)
			if err == nil {
				t.Fatalf("got a document (%q), want an error", doc.Text)
			}
			if !errors.Is(err, tc.cause) {
				t.Errorf("got %v, want cause %v", err, tc.cause)
			}
			var re *Error
			if !errors.As(err, &re) || re.Path != tc.file {
				t.Errorf("got %T %v, want a *reader.Error naming %s", err, err, tc.file)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("message %q does not contain %q", err, tc.msg)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d) // bounded time, not a speed test
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "x.fake")
	os.WriteFile(good, []byte("FAKE:fine"), 0o644)
	mislabelled := filepath.Join(dir, "x.txt")
	os.WriteFile(mislabelled, []byte("FAKE:fine"), 0o644)
	big := filepath.Join(dir, "big.fake")
	os.WriteFile(big, bytes.Repeat([]byte("FAKE:"), 100), 0o644)

	doc, err := ReadFile(context.Background(), good, Options{})
	if err != nil || doc.Text != "ok" || doc.Source.Format != "fake" || len(doc.Source.SHA256) != 64 || doc.Source.Size != 9 {
		t.Fatalf("good file: %v %+v", err, doc)
	}
	doc, err = ReadFile(context.Background(), mislabelled, Options{})
	if err != nil || len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "named .txt but the content is fake") {
		t.Errorf("mislabelled file: %v %v", err, doc)
	}
	if _, err := ReadFile(context.Background(), big, Options{MaxSize: 100}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("big file: got %v, want ErrTooLarge before reading it", err)
	}
	if _, err := ReadFile(context.Background(), filepath.Join(dir, "missing.pdf"), Options{}); err == nil || !strings.Contains(err.Error(), "missing.pdf") {
		t.Errorf("missing file: got %v", err)
	}
	if _, err := ReadFile(context.Background(), dir, Options{}); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("directory: got %v", err)
	}
}

func TestDetectPrefersContent(t *testing.T) {
	r, err := Detect([]byte("FAKE:x"), "report.pdf")
	if err != nil || r.Format() != "fake" {
		t.Errorf("got %v %v, want the fake reader whatever the name says", r, err)
	}
	if _, err := Detect([]byte{0x00, 0x01, 0x02, 0xff, 0xfe}, "x.bin"); !errors.Is(err, ErrUnsupported) {
		t.Errorf("binary: got %v, want ErrUnsupported", err)
	}
}
