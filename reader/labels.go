package reader

import (
	"regexp"
	"strings"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
)

// Heading labels of Vietnamese reports, outermost first (DOMAIN.md §6.2): Phần I /
// Phần thứ nhất → A. → I. → 1. → 1.1. → 1.1.1. → a) → - → +. The separator after a
// label ("." "-" "/-" ")") is noise.
var (
	rePart   = regexp.MustCompile(`^(?i:phần)\s+(?:thứ\s+\p{L}+|[IVXLC]+|\d+)\b[.:]?`)
	reChap   = regexp.MustCompile(`^(?i:chương|mục|điều)\s+(?:[IVXLC]+|\d+)\b[.:]?`)
	reRoman  = regexp.MustCompile(`^[IVXLC]{1,6}(?:\.|\s*-|/-)`)
	reLetter = regexp.MustCompile(`^[A-ZĐ](?:\.|\s*-|/-)\s`)
	reMulti  = regexp.MustCompile(`^\d{1,2}(?:\.\d{1,2}){1,4}\.?`)
	reNum    = regexp.MustCompile(`^\d{1,2}(?:\.|\s*-|/-|\))\s`)
	reSmall  = regexp.MustCompile(`^[a-zđ]\)\s`)
	reBullet = regexp.MustCompile(`^[-+•*·–]\s`)
)

// Label is a numbering label found at the start of a line.
type Label struct {
	Text  string // the label as written, separator included: "2.2.1.", "II.", "a)", "-"
	Level int    // 1 Phần/Chương, 2 A., 3 I., 4 1., 5+ 1.1…, 8 a), 9 "-", 10 "+"
}

// SplitLabel finds the numbering label at the start of a line of text.
func SplitLabel(line string) (Label, bool) {
	s := strings.TrimLeft(line, " ")
	try := func(re *regexp.Regexp, level int) (Label, bool) {
		if m := re.FindString(s); m != "" {
			return Label{Text: strings.TrimSpace(m), Level: level}, true
		}
		return Label{}, false
	}
	if l, ok := try(rePart, 1); ok {
		return l, true
	}
	if l, ok := try(reChap, 1); ok {
		return l, true
	}
	if l, ok := try(reMulti, 4); ok {
		l.Level = 4 + strings.Count(strings.TrimSuffix(l.Text, "."), ".")
		return l, true
	}
	if l, ok := try(reRoman, 3); ok {
		return l, true
	}
	if l, ok := try(reLetter, 2); ok {
		return l, true
	}
	if l, ok := try(reNum, 4); ok {
		return l, true
	}
	if l, ok := try(reSmall, 8); ok {
		return l, true
	}
	if l, ok := try(reBullet, 9); ok {
		if l.Text == "+" {
			l.Level = 10
		}
		return l, true
	}
	return Label{}, false
}

// Classify decides whether a paragraph is a heading, a list item or a plain paragraph
// from its text and whether it is set in bold (or upper case). Numbered lines that are
// short or bold are headings; bullets and long numbered lines are list items.
func Classify(line string, bold bool) (baocao.BlockKind, Label) {
	l, ok := SplitLabel(line)
	if !ok {
		if bold && len(line) < 200 && !strings.HasSuffix(strings.TrimSpace(line), ";") {
			return baocao.Heading, Label{}
		}
		return baocao.Paragraph, Label{}
	}
	if l.Level >= 9 {
		return baocao.ListItem, l
	}
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimLeft(line, " "), l.Text))
	if l.Level == 1 || bold || len(rest) < 160 || isUpper(rest) {
		return baocao.Heading, l
	}
	return baocao.ListItem, l
}

// isUpper: a label's title in capitals (more than three letters, none lower case).
func isUpper(s string) bool { return vntext.UpperLetters(s) > 3 }

// WholeLabel reports a numbering label at the start of t that is a whole token:
// "2.2.1. Công tác", "a) Về", "- Về", but not the "12.55" of "12.555 m²".
func WholeLabel(t string) bool {
	l, ok := SplitLabel(t)
	if !ok {
		return false
	}
	rest := strings.TrimLeft(t, " ")[len(l.Text):]
	if rest == "" {
		return true
	}
	c := rest[0]
	return c == ' ' || c == '\t' || strings.HasSuffix(l.Text, ".") || strings.HasSuffix(l.Text, ")") || strings.HasSuffix(l.Text, "-")
}
