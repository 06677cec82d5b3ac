package txt

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao"
)

// marks is a set of inline styles.
type marks uint8

const (
	mBold marks = 1 << iota
	mItalic
	mUnderline
	mSup
)

func (m marks) kinds() []baocao.MarkKind {
	var out []baocao.MarkKind
	if m&mBold != 0 {
		out = append(out, baocao.Bold)
	}
	if m&mItalic != 0 {
		out = append(out, baocao.Italic)
	}
	if m&mUnderline != 0 {
		out = append(out, baocao.Underline)
	}
	if m&mSup != 0 {
		out = append(out, baocao.Superscript)
	}
	return out
}

// seg is a piece of a line's text with its styles; ref, when set, makes it a
// footnote reference marker whose text is the marker as written.
type seg struct {
	text  string
	marks marks
	ref   *noteRef
}

// maxOpeners bounds how far back a closing "*" looks for its opener, so that lines of
// thousands of unmatched asterisks stay linear.
const maxOpeners = 64

var reTag = regexp.MustCompile(`^<(/?)(?i:(b|strong|i|em|u|sup))\s*>`)

// token is a piece of inline source: text, a run of "*", or an HTML style tag.
type token struct {
	text string // literal text, or the run / tag as written
	run  int    // length of a "*" run (0 for text and tags)
	tag  marks  // style of an HTML tag
	end  bool   // closing tag

	open, close    bool // the run can open / close emphasis
	opens, closes  marks
	used, usedLeft int // asterisks consumed as an opener (from the right) and as a closer (from the left)
}

// parseInline strips Markdown emphasis (*, **, ***), HTML style tags (<b> <i> <u>
// <strong> <em> <sup>) and backslash escapes from the text of one Markdown paragraph
// (its lines joined by "\n") and returns the text as styled segments; "\n" stays in
// the text so the caller can split lines again. Unmatched markers stay as text.
func parseInline(src string) []seg {
	toks := tokenize(src)
	matchEmphasis(toks)
	var out []seg
	var cur, bufMarks marks
	var buf strings.Builder // text not yet in out, all of it styled bufMarks
	counts := map[marks]int{}
	emit := func(s string) {
		if s == "" {
			return
		}
		if buf.Len() > 0 && bufMarks != cur {
			out = append(out, seg{text: buf.String(), marks: bufMarks})
			buf.Reset()
		}
		bufMarks = cur
		buf.WriteString(s)
	}
	apply := func(m marks, delta int) {
		for _, k := range []marks{mBold, mItalic, mUnderline, mSup} {
			if m&k == 0 {
				continue
			}
			counts[k] += delta
			if counts[k] > 0 {
				cur |= k
			} else {
				counts[k] = 0
				cur &^= k
			}
		}
	}
	for _, t := range toks {
		switch {
		case t.run > 0:
			// a closer's leftover asterisks follow what it closes, an opener's precede
			// what it opens (a run is never both: see matchEmphasis)
			left := strings.Repeat("*", t.run-t.used-t.usedLeft)
			if t.closes != 0 {
				apply(t.closes, -1)
				emit(left)
			} else {
				emit(left)
				apply(t.opens, 1)
			}
		case t.tag != 0:
			if t.end {
				if counts[t.tag] == 0 {
					emit(t.text) // a closing tag with nothing open is text
					continue
				}
				apply(t.tag, -1)
			} else {
				apply(t.tag, 1)
			}
		default:
			emit(t.text)
		}
	}
	if buf.Len() > 0 {
		out = append(out, seg{text: buf.String(), marks: bufMarks})
	}
	return unstyleSpaces(out)
}

// unstyleSpaces moves the spaces at the edges of styled segments out of the style, so
// that "** Về…**" marks "Về…" and not the space before it.
func unstyleSpaces(segs []seg) []seg {
	const styles = mBold | mItalic | mUnderline
	var out []seg
	for _, s := range segs {
		if s.marks&styles == 0 || s.ref != nil {
			out = append(out, s)
			continue
		}
		core := strings.Trim(s.text, " ")
		if core == "" {
			out = append(out, seg{text: s.text, marks: s.marks &^ styles})
			continue
		}
		i := strings.Index(s.text, core)
		if i > 0 {
			out = append(out, seg{text: s.text[:i], marks: s.marks &^ styles})
		}
		out = append(out, seg{text: core, marks: s.marks})
		if rest := s.text[i+len(core):]; rest != "" {
			out = append(out, seg{text: rest, marks: s.marks &^ styles})
		}
	}
	return out
}

func tokenize(src string) []token {
	var toks []token
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			toks = append(toks, token{text: text.String()})
			text.Reset()
		}
	}
	blankSoFar := true // only spaces since the start of the line
	for i := 0; i < len(src); {
		c := src[i]
		lineStart := blankSoFar
		if c == '\n' {
			blankSoFar = true
		} else if c != ' ' && c != '\t' {
			blankSoFar = false
		}
		switch {
		case c == '\\' && i+1 < len(src) && isASCIIPunct(src[i+1]):
			text.WriteByte(src[i+1])
			i += 2
		case c == '*':
			j := i
			for j < len(src) && src[j] == '*' {
				j++
			}
			prev, _ := utf8.DecodeLastRuneInString(src[:i])
			next, _ := utf8.DecodeRuneInString(src[j:])
			if i == 0 {
				prev = '\n'
			}
			if j == len(src) {
				next = '\n'
			}
			n := j - i
			if lineStart && n >= 3 && next == ' ' {
				// "*** Title:**": a "*" bullet, then bold that opens before the space
				text.WriteByte('*')
				flush()
				toks = append(toks, token{text: src[i+1 : j], run: n - 1, open: true})
				i = j
				continue
			}
			flush()
			lf := !unicode.IsSpace(next) && (!isPunct(next) || unicode.IsSpace(prev) || isPunct(prev))
			rf := !unicode.IsSpace(prev) && (!isPunct(prev) || unicode.IsSpace(next) || isPunct(next))
			toks = append(toks, token{text: src[i:j], run: n, open: lf, close: rf})
			i = j
		case c == '<':
			if m := reTag.FindStringSubmatch(src[i:]); m != nil {
				flush()
				toks = append(toks, token{text: m[0], tag: tagMark(strings.ToLower(m[2])), end: m[1] == "/"})
				i += len(m[0])
				continue
			}
			text.WriteByte(c)
			i++
		default:
			text.WriteByte(c)
			i++
		}
	}
	flush()
	return toks
}

func tagMark(name string) marks {
	switch name {
	case "b", "strong":
		return mBold
	case "i", "em":
		return mItalic
	case "u":
		return mUnderline
	}
	return mSup
}

// matchEmphasis pairs "*" runs as CommonMark does: each closer takes the nearest
// opener before it, two asterisks (bold) when both sides have two, else one (italic);
// openers skipped over can no longer match.
func matchEmphasis(toks []token) {
	var stack []int // indices of runs that may open
	for i := range toks {
		t := &toks[i]
		if t.run == 0 {
			continue
		}
		if t.close {
			for len(stack) > 0 && t.run-t.usedLeft > 0 {
				found := -1
				for k := len(stack) - 1; k >= 0 && k >= len(stack)-maxOpeners; k-- {
					o := &toks[stack[k]]
					if o.run-o.used-o.usedLeft > 0 {
						found = k
						break
					}
				}
				if found < 0 {
					break
				}
				o := &toks[stack[found]]
				left := o.run - o.used - o.usedLeft
				right := t.run - t.usedLeft
				use, m := 1, mItalic
				if left >= 2 && right >= 2 {
					use, m = 2, mBold
				}
				o.used += use
				o.opens |= m
				t.usedLeft += use
				t.closes |= m
				stack = stack[:found+1]
				if o.run-o.used-o.usedLeft == 0 {
					stack = stack[:found]
				}
			}
		}
		if t.open && t.run-t.used-t.usedLeft > 0 && t.closes == 0 {
			stack = append(stack, i)
		}
	}
}

func isASCIIPunct(c byte) bool {
	return c < 0x80 && c > ' ' && !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// splitLines cuts segments at "\n", giving the segments of each line.
func splitLines(segs []seg) [][]seg {
	lines := [][]seg{nil}
	for _, s := range segs {
		for {
			i := strings.IndexByte(s.text, '\n')
			if i < 0 {
				break
			}
			if i > 0 {
				lines[len(lines)-1] = append(lines[len(lines)-1], seg{text: s.text[:i], marks: s.marks})
			}
			lines = append(lines, nil)
			s.text = s.text[i+1:]
		}
		if s.text != "" || s.ref != nil {
			lines[len(lines)-1] = append(lines[len(lines)-1], s)
		}
	}
	return lines
}

// plain is the text of segments.
func plain(segs []seg) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.text)
	}
	return b.String()
}

// allMarked reports whether every letter or digit of segs carries m.
func allMarked(segs []seg, m marks) bool {
	any := false
	for _, s := range segs {
		if strings.IndexFunc(s.text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
			continue
		}
		if s.marks&m == 0 {
			return false
		}
		any = true
	}
	return any
}
