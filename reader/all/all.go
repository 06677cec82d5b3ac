// Package all registers every reader: import it for its side effect.
package all

import (
	_ "github.com/baocao/baocao/reader/docx"
	_ "github.com/baocao/baocao/reader/ocr"
	_ "github.com/baocao/baocao/reader/pdf"
	_ "github.com/baocao/baocao/reader/txt"
)
