package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/baocao/baocao/reader"
)

// onePage makes a file with one page of content and the given font resources
// ("/F1 5 0 R" …) and XObjects.
func onePage(w *pdfWriter, content string, fonts, xobjects string) []byte {
	cs := w.addStream("<<>>", []byte(content))
	pages := w.add("")
	pg := w.add(fmt.Sprintf("<</Type/Page/Parent %d 0 R/MediaBox[0 0 595 842]/Resources<</Font<<%s>>/XObject<<%s>>>>/Contents %d 0 R>>", pages, fonts, xobjects, cs))
	w.set(pages, fmt.Sprintf("<</Type/Pages/Kids[%d 0 R]/Count 1>>", pg))
	return w.bytes(w.add(fmt.Sprintf("<</Type/Catalog/Pages %d 0 R>>", pages)))
}

func TestContentStreams(t *testing.T) {
	font := newVNFont(sample + "Ghi chú")
	tests := []struct {
		name  string
		build func(w *pdfWriter, f1 int) []byte
		want  string
	}{
		{"text in a form XObject", func(w *pdfWriter, f1 int) []byte {
			form := w.addStream(fmt.Sprintf("<</Type/XObject/Subtype/Form/BBox[0 0 595 842]/Resources<</Font<</F1 %d 0 R>>>>>>", f1),
				[]byte("BT /F1 12 Tf 72 700 Td "+font.hex(sample)+" Tj ET"))
			return onePage(w, "q /Fm0 Do Q", "", fmt.Sprintf("/Fm0 %d 0 R", form))
		}, sample},
		{"form that draws itself", func(w *pdfWriter, f1 int) []byte {
			id := len(w.objs) + 1
			w.addStream(fmt.Sprintf("<</Type/XObject/Subtype/Form/BBox[0 0 595 842]/Resources<</Font<</F1 %d 0 R>>/XObject<</Fm0 %d 0 R>>>>>>", f1, id),
				[]byte("BT /F1 12 Tf 72 700 Td "+font.hex(sample)+" Tj ET /Fm0 Do"))
			return onePage(w, "/Fm0 Do", "", fmt.Sprintf("/Fm0 %d 0 R", id))
		}, sample},
		{"inline image whose bytes look like operators", func(w *pdfWriter, f1 int) []byte {
			content := "q BI /W 4 /H 4 /BPC 8 /CS /G ID \x00) Tj (garbage) Tj <41 ET BT\n EI Q\n" +
				"BT /F1 12 Tf 72 700 Td " + font.hex(sample) + " Tj ET"
			return onePage(w, content, fmt.Sprintf("/F1 %d 0 R", f1), "")
		}, sample},
		{"syntax the library's lexer chokes on", func(w *pdfWriter, f1 int) []byte {
			content := ") > /Bad#zzName 123456789012345678901234567890 begin end def\n" +
				"BT /F1 12 Tf 72 700 Td " + font.hex(sample) + " Tj ET <4142"
			return onePage(w, content, fmt.Sprintf("/F1 %d 0 R", f1), "")
		}, sample},
		{"TJ with kerning and word gaps", func(w *pdfWriter, f1 int) []byte {
			words := strings.Fields(sample)
			var parts []string
			for _, wd := range words {
				parts = append(parts, font.hex(wd))
			}
			content := "BT /F1 12 Tf 72 700 Td [" + strings.Join(parts, " -300 ") + "] TJ ET"
			return onePage(w, content, fmt.Sprintf("/F1 %d 0 R", f1), "")
		}, sample},
		{"text drawn out of order", func(w *pdfWriter, f1 int) []byte {
			// the second half first, then the first half to its left: reading order
			// follows positions, not the stream
			words := strings.Fields(sample)
			a, b := strings.Join(words[:5], " ")+" ", strings.Join(words[5:], " ")
			content := fmt.Sprintf("BT /F1 12 Tf %g 700 Td %s Tj ET BT /F1 12 Tf 72 700 Td %s Tj ET", 72+6*float64(len([]rune(a))), font.hex(b), font.hex(a))
			return onePage(w, content, fmt.Sprintf("/F1 %d 0 R", f1), "")
		}, sample},
		{"rotated page", func(w *pdfWriter, f1 int) []byte {
			cs := w.addStream("<<>>", []byte("BT /F1 12 Tf 0 1 -1 0 100 72 Tm "+font.hex(sample)+" Tj ET"))
			pages := w.add("")
			pg := w.add(fmt.Sprintf("<</Type/Page/Parent %d 0 R/MediaBox[0 0 595 842]/Rotate 90/Resources<</Font<</F1 %d 0 R>>>>/Contents %d 0 R>>", pages, f1, cs))
			w.set(pages, fmt.Sprintf("<</Type/Pages/Kids[%d 0 R]/Count 1>>", pg))
			return w.bytes(w.add(fmt.Sprintf("<</Type/Catalog/Pages %d 0 R>>", pages)))
		}, sample},
		{"annotation appearance", func(w *pdfWriter, f1 int) []byte {
			ap := w.addStream(fmt.Sprintf("<</Type/XObject/Subtype/Form/BBox[0 0 100 20]/Resources<</Font<</F1 %d 0 R>>>>>>", f1),
				[]byte("BT /F1 10 Tf 2 5 Td "+font.hex("Ghi chú")+" Tj ET"))
			annot := w.add(fmt.Sprintf("<</Type/Annot/Subtype/Widget/Rect[300 700 400 720]/F 4/AP<</N %d 0 R>>>>", ap))
			cs := w.addStream("<<>>", []byte("BT /F1 12 Tf 72 750 Td "+font.hex(sample)+" Tj ET"))
			pages := w.add("")
			pg := w.add(fmt.Sprintf("<</Type/Page/Parent %d 0 R/MediaBox[0 0 595 842]/Annots[%d 0 R]/Resources<</Font<</F1 %d 0 R>>>>/Contents %d 0 R>>", pages, annot, f1, cs))
			w.set(pages, fmt.Sprintf("<</Type/Pages/Kids[%d 0 R]/Count 1>>", pg))
			return w.bytes(w.add(fmt.Sprintf("<</Type/Catalog/Pages %d 0 R>>", pages)))
		}, "Ghi chú"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := &pdfWriter{}
			f1 := font.addTo(w, "TimesNewRomanPSMT")
			doc := mustRead(t, "c.pdf", tc.build(w, f1), reader.Options{})
			if !strings.Contains(doc.Text, tc.want) {
				t.Errorf("text %q lacks %q", doc.Text, tc.want)
			}
			if strings.Contains(doc.Text, "garbage") {
				t.Errorf("inline image bytes read as text: %q", doc.Text)
			}
		})
	}
}

// TestSimpleFontEncodings: /Differences glyph names and base encodings give the text
// of codes without a ToUnicode map.
func TestSimpleFontEncodings(t *testing.T) {
	w := &pdfWriter{}
	widths := strings.TrimSpace(strings.Repeat("500 ", 224))
	f := w.add(fmt.Sprintf("<</Type/Font/Subtype/Type1/BaseFont/Times-Roman/FirstChar 32/LastChar 255/Widths[%s]"+
		"/Encoding<</Type/Encoding/BaseEncoding/WinAnsiEncoding/Differences[128/Adotbelow/ohorn/dcroat/uni1EC7/uhornacute]>>>>", widths))
	// "Tr" a-dot-below "ng", then ơ, đ, ệ, ứ, then WinAnsi é (0xE9)
	data := onePage(w, `BT /F 12 Tf 72 700 Td (Tr\200ng \201 \202 \203 \204 caf\351) Tj ET`, fmt.Sprintf("/F %d 0 R", f), "")
	doc := mustRead(t, "enc.pdf", data, reader.Options{})
	if want := "TrẠng ơ đ ệ ứ café"; doc.Text != want {
		t.Errorf("got %q, want %q", doc.Text, want)
	}
}

// ttfWithCmap is a TrueType font holding only a format 4 'cmap' table.
func ttfWithCmap(m map[rune]uint16) []byte {
	var runes []rune
	for r := range m {
		runes = append(runes, r)
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	// one segment per rune, plus the final 0xFFFF segment
	segs := len(runes) + 1
	var st bytes.Buffer
	u16 := func(v int) { binary.Write(&st, binary.BigEndian, uint16(v)) }
	u16(4)
	u16(16 + 8*segs)
	u16(0)
	u16(2 * segs)
	u16(0)
	u16(0)
	u16(0)
	for _, r := range runes {
		u16(int(r))
	}
	u16(0xffff)
	u16(0)
	for _, r := range runes {
		u16(int(r))
	}
	u16(0xffff)
	for _, r := range runes {
		u16(int(m[r]) - int(r))
	}
	u16(1)
	for range segs {
		u16(0)
	}
	var cm bytes.Buffer
	binary.Write(&cm, binary.BigEndian, []uint16{0, 1, 3, 1})
	binary.Write(&cm, binary.BigEndian, uint32(12))
	cm.Write(st.Bytes())
	var f bytes.Buffer
	binary.Write(&f, binary.BigEndian, []uint16{1, 0, 1, 16, 0, 0})
	f.WriteString("cmap")
	binary.Write(&f, binary.BigEndian, []uint32{0, 12 + 16, uint32(cm.Len())})
	f.Write(cm.Bytes())
	return f.Bytes()
}

// TestIdentityHWithoutToUnicode reads CIDs through the embedded font's cmap.
func TestIdentityHWithoutToUnicode(t *testing.T) {
	text := "Việt Nam thi đua"
	m := map[rune]uint16{}
	var codes strings.Builder
	codes.WriteByte('<')
	for _, r := range text {
		if _, ok := m[r]; !ok {
			m[r] = uint16(10 + len(m))
		}
		fmt.Fprintf(&codes, "%04X", m[r])
	}
	codes.WriteByte('>')
	w := &pdfWriter{}
	ff := w.addStream("<<>>", ttfWithCmap(m))
	desc := w.add(fmt.Sprintf("<</Type/FontDescriptor/FontName/Arial/Flags 32/FontFile2 %d 0 R>>", ff))
	cid := w.add(fmt.Sprintf("<</Type/Font/Subtype/CIDFontType2/BaseFont/Arial/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor %d 0 R/CIDToGIDMap/Identity/W[10[600 600 600]]>>", desc))
	f := w.add(fmt.Sprintf("<</Type/Font/Subtype/Type0/BaseFont/Arial/Encoding/Identity-H/DescendantFonts[%d 0 R]>>", cid))
	doc := mustRead(t, "cid.pdf", onePage(w, "BT /F 12 Tf 72 700 Td "+codes.String()+" Tj ET", fmt.Sprintf("/F %d 0 R", f), ""), reader.Options{})
	if doc.Text != text {
		t.Errorf("got %q, want %q", doc.Text, text)
	}
}
