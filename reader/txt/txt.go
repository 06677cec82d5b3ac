// Package txt reads plain text and Markdown reports.
package txt

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/reader"
)

func init() { reader.Register(Reader{}) }

// Reader reads UTF-8 text.
type Reader struct{}

func (Reader) Format() string       { return "txt" }
func (Reader) Extensions() []string { return []string{".txt", ".md", ".markdown", ".text"} }

func (Reader) Sniff(data []byte) int {
	head := data[:min(len(data), 8192)]
	for _, c := range head {
		if c == 0 {
			return 0
		}
	}
	if utf8.Valid(head) || utf8.Valid(head[:max(0, len(head)-3)]) {
		return 10
	}
	return 0
}

func (Reader) Read(ctx context.Context, in *reader.Input) (*baocao.Document, error) {
	b := reader.NewBuilder()
	for _, line := range strings.Split(string(in.Data), "\n") {
		kind, label := reader.Classify(line, false)
		p := b.Para(kind)
		p.Label = label.Text
		p.Level = label.Level
		p.Add(line)
		p.End()
	}
	return b.Document("txt"), nil
}
