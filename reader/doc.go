// Package reader turns files into the document model of package baocao. It is the first
// stage of the pipeline: ReadFile (or Read, for bytes) picks a Reader by sniffing the
// content first and the file name second, runs it under recover and a deadline, and
// returns a *baocao.Document or an *Error that names the file and the cause.
//
// Each format lives in its own package (reader/txt, reader/docx, reader/pdf, reader/ocr)
// and registers itself with Register; import reader/all to get them all. Readers build
// the normalized text with a Builder, which owns normalization (NFC, dashes, spaces),
// block spans, table grids and footnote links, so every format produces the same model.
package reader
