package legacy

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// letters returns the 67 lower-case Vietnamese letters outside ASCII: the twelve vowel
// forms with each of the six tones (bare a e i o u y excepted), and đ.
func letters() []rune {
	var out []rune
	for _, base := range "aăâeêioôơuưy" {
		for t := toneNone; t <= toneDot; t++ {
			r := compose(base, t)
			if r < 0x80 {
				continue
			}
			out = append(out, r)
		}
	}
	return append(out, 'đ')
}

func TestLetterInventory(t *testing.T) {
	ls := letters()
	if len(ls) != 67 {
		t.Fatalf("got %d letters, want 67", len(ls))
	}
	seen := map[rune]bool{}
	for _, r := range ls {
		if seen[r] || !norm.NFC.IsNormalString(string(r)) || !unicode.IsLower(r) {
			t.Errorf("letter %q: duplicate or not an NFC lower-case letter", r)
		}
		seen[r] = true
	}
}

// TestRoundTripLetters encodes each of the 134 letters alone and inside a word and
// decodes it back.
func TestRoundTripLetters(t *testing.T) {
	for _, enc := range []Encoding{TCVN3, VNI, CP1258, VIQR, UTF8Latin1} {
		t.Run(string(enc), func(t *testing.T) {
			for _, lower := range letters() {
				for _, r := range []rune{lower, unicode.ToUpper(lower)} {
					// TCVN3 has no codes for toned capitals: the H font draws them
					upper := enc == TCVN3 && unicode.IsUpper(r) && ambiguousCase(lower)
					forms := []string{string(r), "x" + string(r) + "n"}
					if enc == VIQR { // a word-final "?" or "." before the end reads as punctuation
						forms = []string{"x" + string(r) + "n", string(r) + " ba"}
					}
					for _, s := range forms {
						if upper {
							s = strings.ToUpper(s)
						}
						b, err := Encode(enc, s)
						if err != nil {
							t.Errorf("Encode(%q): %v", s, err)
							continue
						}
						if got := DecodeBytes(enc, b, upper); got != s {
							t.Errorf("DecodeBytes(Encode(%q)) = %q (bytes % x)", s, got, b)
						}
						if got := Decode(enc, latin1Runes(enc, b), upper); got != s {
							t.Errorf("Decode(runes of Encode(%q)) = %q", s, got)
						}
					}
				}
			}
		})
	}
}

// latin1Runes shows legacy bytes the way Word stores a legacy-font run: each byte as
// its Windows-1252 character. VIQR and mojibake text are already UTF-8.
func latin1Runes(enc Encoding, b []byte) string {
	if enc == VIQR || enc == UTF8Latin1 {
		return string(b)
	}
	var sb strings.Builder
	for _, c := range b {
		sb.WriteRune(cp1252Rune(c))
	}
	return sb.String()
}

// The examples of DOMAIN.md §5.1, as a Latin-1 view of the legacy bytes shows them.
var domainExamples = []struct {
	enc          Encoding
	legacy, want string
}{
	{TCVN3, "Céng hßa x· héi chñ nghÜa ViÖt Nam; §éc lËp - Tù do - H¹nh phóc", "Cộng hòa xã hội chủ nghĩa Việt Nam; Độc lập - Tự do - Hạnh phúc"},
	{TCVN3, "B¸o c¸o", "Báo cáo"},
	{TCVN3, "®ång", "đồng"},
	{TCVN3, "Hu©n ch\u00ad¬ng Lao ®éng h¹ng Ba", "Huân chương Lao động hạng Ba"},
	{TCVN3, "thi ®ua, khen th\u00adëng", "thi đua, khen thưởng"},
	{VNI, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"},
	{VNI, "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"},
	{VNI, "UÛY BAN NHAÂN DAÂN XAÕ", "ỦY BAN NHÂN DÂN XÃ"},
	{VNI, "thi ñua, khen thöôûng", "thi đua, khen thưởng"},
	{VNI, "ñoàng", "đồng"},
	{VNI, "Xin chaøo caùc baïn", "Xin chào các bạn"},
	{CP1258, "Côòng hoÌa xaÞ hôòi chuÒ nghiÞa Viêòt Nam; Ðôòc lâòp - Týò do - Haònh phúc", "Cộng hòa xã hội chủ nghĩa Việt Nam; Độc lập - Tự do - Hạnh phúc"},
	{UTF8Latin1, "Cá»™ng hÃ²a xÃ£ há»™i chá»§ nghÄ©a Viá»‡t Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"},
	{UTF8Latin1, "Ä‘ Æ° Æ¡", "đ ư ơ"},
	{VIQR, "Vie^.t Nam", "Việt Nam"},
	{VIQR, "Ho^.i ddo^`ng thi ddua", "Hội đồng thi đua"},
	{VIQR, "Nguye^~n", "Nguyễn"},
	{VIQR, `dda^u\?`, "đâu?"},
}

func TestDecodeDomainExamples(t *testing.T) {
	for _, tc := range domainExamples {
		t.Run(string(tc.enc)+"/"+tc.want, func(t *testing.T) {
			if got := Decode(tc.enc, tc.legacy, false); got != tc.want {
				t.Errorf("Decode(%s, %q) = %q, want %q", tc.enc, tc.legacy, got, tc.want)
			}
			// the same text as raw bytes (what a .txt file in that encoding holds)
			if tc.enc != VIQR && tc.enc != UTF8Latin1 {
				raw := toBytes(t, tc.legacy)
				if got := DecodeBytes(tc.enc, raw, false); got != tc.want {
					t.Errorf("DecodeBytes(%s) = %q, want %q", tc.enc, got, tc.want)
				}
				if got := Decode(tc.enc, string(raw), false); got != tc.want {
					t.Errorf("Decode(%s, raw bytes) = %q, want %q", tc.enc, got, tc.want)
				}
			}
		})
	}
}

func toBytes(t *testing.T, s string) []byte {
	t.Helper()
	var b []byte
	for _, r := range s {
		c, ok := byteOf(r)
		if !ok {
			t.Fatalf("%q has no byte", r)
		}
		b = append(b, c)
	}
	return b
}

func TestEncodeDomainExamples(t *testing.T) {
	for _, tc := range domainExamples {
		if tc.enc == VIQR || tc.enc == UTF8Latin1 || strings.ContainsAny(tc.want, "ỦỘ") {
			continue
		}
		b, err := Encode(tc.enc, tc.want)
		if err != nil {
			t.Errorf("Encode(%s, %q): %v", tc.enc, tc.want, err)
			continue
		}
		if got := latin1Runes(tc.enc, b); got != tc.legacy {
			t.Errorf("Encode(%s, %q) shows as %q, want %q", tc.enc, tc.want, got, tc.legacy)
		}
	}
}

func TestTCVN3Capitals(t *testing.T) {
	tests := []struct{ name, text string }{
		{"heading line", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"capital words in mixed text", "Ông PHẠM VĂN ĐỒNG và ỦY BAN nhân dân"},
		{"title case stays", "Phạm Văn Đồng, Chủ tịch UBND xã"},
		{"sentence start", "Đã họp.\nỦy ban họp. Ủy ban đã họp."},
		{"lower case", "ủy ban nhân dân xã"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Encode(TCVN3, tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if got := DecodeBytes(TCVN3, b, false); got != tc.text {
				t.Errorf("got %q, want %q", got, tc.text)
			}
		})
	}
	b, _ := Encode(TCVN3, "ủy ban")
	if got := DecodeBytes(TCVN3, b, true); got != "ỦY BAN" {
		t.Errorf("H font: got %q, want %q", got, "ỦY BAN")
	}
}

func TestEncodeRejects(t *testing.T) {
	tests := []struct {
		enc Encoding
		s   string
	}{
		{TCVN3, "中"},
		{VNI, "ñandú"}, // ñ is VNI's đ: a Spanish ñ cannot be written
		{CP1258, "ẞ"},
		{VIQR, "ç"},
		{Encoding("koi8"), "a"},
	}
	for _, tc := range tests {
		if b, err := Encode(tc.enc, tc.s); err == nil {
			t.Errorf("Encode(%s, %q) = % x, want an error", tc.enc, tc.s, b)
		}
	}
}

// TestDocumentsRoundTrip writes a report in TCVN3 and VNI with the package's own tables
// and reads it back: the conversion must restore the original exactly.
func TestDocumentsRoundTrip(t *testing.T) {
	const report = `ỦY BAN NHÂN DÂN XÃ THỤY HÙNG
Số: 08/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Thụy Hùng, ngày 05 tháng 01 năm 2023
KẾ HOẠCH
Công tác thi đua, khen thưởng năm 2023
I. MỤC ĐÍCH, YÊU CẦU
1. Tổ chức phát động các phong trào thi đua yêu nước sâu rộng tới toàn thể cán bộ, công chức và các tầng lớp nhân dân.
2. Tổng diện tích gieo trồng đạt 332,6 ha/467,53 ha, bằng 71,14% so với kế hoạch; đàn gia cầm khoảng 14.540 con.
- Chủ tịch UBND xã tặng Giấy khen cho 07 tập thể, 08 cá nhân và 08 hộ gia đình “Gia đình văn hóa”.
Nơi nhận:
- Phòng Nội vụ huyện;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lý Hồng Quân`
	for _, enc := range []Encoding{TCVN3, VNI, CP1258, VIQR} {
		t.Run(string(enc), func(t *testing.T) {
			b, err := Encode(enc, report)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Equal(b, []byte(report)) {
				t.Fatal("encoding changed nothing")
			}
			if got := DecodeBytes(enc, b, false); got != report {
				t.Errorf("round trip differs:\n%s", firstDiff(got, report))
			}
			if e, score := Detect(string(b)); e != enc || score < 0.5 {
				t.Errorf("Detect = %q %.2f, want %q ≥ 0.5", e, score, enc)
			}
		})
	}
}

func firstDiff(got, want string) string {
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(gl), len(wl)) {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			return "got  " + g + "\nwant " + w
		}
	}
	return ""
}

func TestFromFont(t *testing.T) {
	tests := []struct {
		font  string
		enc   Encoding
		upper bool
	}{
		{".VnTime", TCVN3, false},
		{".VnTimeH", TCVN3, true},
		{".VnArial NarrowH", TCVN3, true},
		{".VnTimeH,Bold", TCVN3, true},
		{"ABCDEF+.VnTime-BoldItalic", TCVN3, false},
		{"VnTimeH", TCVN3, true},
		{".VnCentury Schoolbook", TCVN3, false},
		{"VNI-Times", VNI, false},
		{"VNI-Helve-Bold", VNI, false},
		{"vni-times", VNI, false},
		{"Times New Roman", Unicode, false},
		{"Arial,Bold", Unicode, false},
		{"Vnexpress Sans", Unicode, false},
		{"", Unicode, false},
	}
	for _, tc := range tests {
		t.Run(tc.font, func(t *testing.T) {
			enc, upper := FromFont(tc.font)
			if enc != tc.enc || upper != tc.upper {
				t.Errorf("FromFont(%q) = %q, %v; want %q, %v", tc.font, enc, upper, tc.enc, tc.upper)
			}
		})
	}
}

// TestTCVN3AgainstIconv checks the lower-case table and the seven unaccented capitals
// against glibc's TCVN5712-1 converter, an independent implementation.
func TestTCVN3AgainstIconv(t *testing.T) {
	if _, err := exec.LookPath("iconv"); err != nil {
		t.Skip("iconv not installed")
	}
	in := string(letters()) + "ĂÂÊÔƠƯĐ"
	cmd := exec.Command("iconv", "-f", "UTF-8", "-t", "TCVN5712-1")
	cmd.Stdin = strings.NewReader(in)
	want, err := cmd.Output()
	if err != nil {
		t.Skipf("iconv has no TCVN5712-1: %v", err)
	}
	got, err := Encode(TCVN3, in)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("TCVN3 table differs from iconv:\ngot  % x\nwant % x", got, want)
	}
}

func TestDecodePassesUnicodeThrough(t *testing.T) {
	// a run that mixes legacy bytes with runes that stand for no byte
	got := Decode(TCVN3, "Céng hòa – 中文 ®", false)
	if got != "Cộng hũa – 中文 đ" {
		t.Errorf("got %q", got)
	}
	if got := Decode(Unicode, "Vie\u0323\u0302t", false); got != "Việt" {
		t.Errorf("Unicode: got %q, want NFC", got)
	}
}

func TestVIQRPunctuation(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Co' pha?i kho^ng?", "Có phải không?"},
		{"ddi. Ve^` nha`.", "đi. Về nhà."},
		{"la. ba", "lạ ba"},
		{"ho.c sinh", "học sinh"},
		{`ddi\. xong`, "đi. xong"},
		{"CHU? NGHI~A", "CHỦ NGHĨA"},
		{"Hello? Yes.", "Hello? Yes."},
		{`C:\path`, `C:\path`},
		{"add", "ađ"}, // VIQR's own ambiguity: literal dd must be written d\d
	}
	for _, tc := range tests {
		if got := Decode(VIQR, tc.in, false); got != tc.want {
			t.Errorf("Decode(VIQR, %q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
