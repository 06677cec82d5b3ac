package main

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// scanPNG writes a page image of two lines of text, drawn by the test.
func scanPNG(t *testing.T) string {
	t.Helper()
	f, err := opentype.Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 12, DPI: 300, Hinting: font.HintingFull})
	if err != nil {
		t.Fatal(err)
	}
	img := image.NewGray(image.Rect(0, 0, 1400, 400))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	d := font.Drawer{Dst: img, Src: image.NewUniform(color.Black), Face: face}
	for i, l := range []string{"UBND XÃ TÂN AN", "BÁO CÁO 12/BC-UBND"} {
		d.Dot = fixed.P(120, 150+i*90)
		d.DrawString(l)
	}
	path := filepath.Join(t.TempDir(), "scan.png")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := png.Encode(out, img); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCLIOCRFlags(t *testing.T) {
	scan := scanPNG(t)
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"unknown mode", []string{"extract", "--ocr", "maybe", scan}, 2},
		{"threshold out of range", []string{"extract", "--garbage-threshold", "1.5", scan}, 2},
		{"off: the image is reported, not read", []string{"extract", "--ocr", "off", scan}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, code := run(t, tt.args...); code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
		})
	}
}

func TestCLIOCRImage(t *testing.T) {
	if _, err := exec.LookPath("tesseract"); err != nil {
		t.Skip("tesseract not installed")
	}
	scan := scanPNG(t)
	cache := t.TempDir()
	for i := 0; i < 2; i++ { // the second run reads the cache
		out, code := run(t, "extract", "--ocr", "on", "--ocr-cache", cache, scan)
		if code != 0 || !strings.Contains(out, "12/BC-UBND") {
			t.Fatalf("run %d: exit %d, output %q", i+1, code, out)
		}
	}
	var files int
	filepath.WalkDir(cache, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files++
		}
		return nil
	})
	if files != 1 {
		t.Errorf("cache holds %d files, want 1", files)
	}
}
