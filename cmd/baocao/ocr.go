package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/baocao/baocao/reader"
	"github.com/baocao/baocao/reader/ocr"
	"github.com/urfave/cli/v2"
)

// ocrFlags are the OCR flags of every command that reads files.
func ocrFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "ocr", Value: "auto", Usage: "read scanned pages and image files with tesseract: auto (when installed), on (fail without it) or off"},
		&cli.StringFlag{Name: "ocr-cache", Usage: "`DIR` keeping OCR results by page-image hash (default: DATA/ocr when the command has a data folder, else the user cache folder)"},
		&cli.Float64Flag{Name: "garbage-threshold", Value: 0.5, Usage: "share of well-formed Vietnamese syllables below which a PDF page's text layer is re-read by OCR"},
	}
}

// setupOCR sets the recognizer and the garbage threshold of opts from the flags.
// Without tesseract (and --ocr auto), OCR stays off: scans are reported as having no
// text layer and everything else reads as usual.
func setupOCR(c *cli.Context, opts *reader.Options) error {
	if t := c.Float64("garbage-threshold"); t < 0 || t > 1 {
		return fmt.Errorf("--garbage-threshold %v: want a share between 0 and 1", t)
	} else {
		opts.GarbageThreshold = t
	}
	mode := c.String("ocr")
	switch mode {
	case "off":
		return nil
	case "auto", "on", "":
	default:
		return fmt.Errorf("--ocr %q: want auto, on or off", mode)
	}
	dir := c.String("ocr-cache")
	if dir == "" && hasFlag(c, "data") {
		if d, err := dataDir(c); err == nil && d != "" {
			dir = filepath.Join(d, "ocr")
		}
	}
	rec, err := ocr.New(ocr.Options{CacheDir: dir, Progress: ocrProgress(c)})
	if err != nil {
		if mode == "on" {
			return err
		}
		if !errors.Is(err, ocr.ErrNoTesseract) { // installed but unusable: say why once
			fmt.Fprintln(c.App.ErrWriter, "baocao: OCR off:", err)
		}
		return nil
	}
	opts.OCR = rec
	if !c.IsSet("timeout") {
		opts.Timeout = ocrTimeout // a long scan takes seconds a page
	}
	return nil
}

// ocrTimeout is the per-file limit when OCR is on and --timeout is not given: 200
// pages at 3 s a page on two cores, with room.
const ocrTimeout = 20 * time.Minute

// hasFlag reports whether the running command defines a flag (set or not).
func hasFlag(c *cli.Context, name string) bool {
	if c.Command == nil {
		return false
	}
	for _, f := range c.Command.Flags {
		for _, n := range f.Names() {
			if n == name {
				return true
			}
		}
	}
	return false
}

// ocrProgress reports on a terminal how many pages have been recognized, every few
// seconds: OCR is the slow part of reading a scan (seconds a page).
func ocrProgress(c *cli.Context) func(ocr.Event) {
	if !isTerminal(os.Stderr) {
		return nil
	}
	var mu sync.Mutex
	last := time.Now()
	return func(e ocr.Event) {
		mu.Lock()
		defer mu.Unlock()
		if e.Cached || time.Since(last) < 3*time.Second {
			return
		}
		last = time.Now()
		fmt.Fprintf(c.App.ErrWriter, "ocr: %d pages recognized (last in %.1fs)\n", e.Done, e.Elapsed.Seconds())
	}
}
