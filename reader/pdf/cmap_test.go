package pdf

import (
	"fmt"
	"testing"

	lpdf "github.com/ledongthuc/pdf"
)

func TestToUnicodeCMap(t *testing.T) {
	const cm = `/CIDInit /ProcSet findresource begin
12 dict begin begincmap
2 begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange
2 beginbfchar
<41> <0041>
<8001> <1EA1>
endbfchar
3 beginbfrange
<8100> <81FF> <1E00>
<9000> <9002> [<0111> <01A1> <01B0>]
<A0FE> <A101> <00FE>
endbfrange
1 beginbfchar <8002> <0054006800FA> endbfchar
endcmap`
	c := parseCMap([]byte(cm))
	tests := []struct {
		name string
		code uint32
		want string
	}{
		{"bfchar one byte", 0x41, "A"},
		{"bfchar two bytes", 0x8001, "ạ"},
		{"bfchar several characters", 0x8002, "Thú"},
		{"wide range start", 0x8100, "\u1E00"},
		// the library adds the offset to the last byte only and gets this wrong
		{"wide range past 0xFF of the last byte", 0x81A1, "\u1EA1"},
		{"array form", 0x9001, "ơ"},
		{"carry into the high byte", 0xA101, "ā"}, // 0x00FE + 3 = 0x0101
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := c.lookup(tc.code)
			if !ok || got != tc.want {
				t.Errorf("lookup(%#x) = %q, %v; want %q", tc.code, got, ok, tc.want)
			}
		})
	}
	split := []struct {
		in   []byte
		want int
	}{
		{[]byte{0x41, 0x80}, 1},
		{[]byte{0x80, 0x01}, 2},
		{[]byte{0x90}, 1}, // a truncated two-byte code: the shortest length
	}
	for _, s := range split {
		if got := c.split(s.in); got != s.want {
			t.Errorf("split(% x) = %d, want %d", s.in, got, s.want)
		}
	}
}

func TestCMapWithoutCodespace(t *testing.T) {
	c := parseCMap([]byte("beginbfchar <0003> <0020> <0044> <1EC7> endbfchar"))
	if got := c.split([]byte{0, 0x44}); got != 2 {
		t.Errorf("split = %d, want 2 (inferred from the codes)", got)
	}
	if got, _ := c.lookup(0x44); got != "ệ" {
		t.Errorf("lookup = %q", got)
	}
}

func TestMalformedCMap(t *testing.T) {
	for _, in := range []string{"", "begincodespacerange", "beginbfrange <00> <FF>", "beginbfrange <00> <FF> [<41>", "beginbfchar <01>", "<<<<(((("} {
		c := parseCMap([]byte(in)) // must not panic or hang
		c.lookup(1)
		c.split([]byte{1, 2, 3})
	}
	huge := "beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange"
	if _, ok := parseCMap([]byte(huge)).lookup(5); ok {
		t.Errorf("an absurd range was accepted")
	}
}

// TestStreamOffsetForm pins the library's text form of a stream value, which
// streamBytes relies on to find stream data.
func TestStreamOffsetForm(t *testing.T) {
	w := &pdfWriter{}
	s := w.addStream("<</Type/Test>>", []byte("hello stream"))
	data := w.bytes(w.add(fmt.Sprintf("<</Type/Catalog/Pages %d 0 R>>", s)))
	r, err := lpdf.NewReader(bytesView(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f := &file{r: r, data: data}
	got, _, err := f.streamBytes(r.Trailer().Key("Root").Key("Pages"))
	if err != nil || string(got) != "hello stream" {
		t.Fatalf("streamBytes = %q, %v: the library's Value.String form of streams changed", got, err)
	}
}
