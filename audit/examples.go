package audit

import (
	"context"
	"time"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/reader"
	_ "github.com/baocao/baocao/reader/txt" // rule examples are report texts
)

// exampleRecord reads a rule example's input as a .txt report and extracts it with the
// default rules, so an example exercises a check exactly as a real report would.
func exampleRecord(in string) (*baocao.Record, *baocao.Document, error) {
	doc, err := reader.Read(context.Background(), "example.txt", []byte(in), reader.Options{Format: "txt", Timeout: 10 * time.Second})
	if err != nil {
		return nil, nil, err
	}
	x, err := extract.Default()
	if err != nil {
		return nil, nil, err
	}
	return x.Record(doc), doc, nil
}
