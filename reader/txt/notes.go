package txt

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/reader"
)

// Footnotes in text pasted from a report: the body carries a marker (¹ ² ³, "(1)",
// "[1]") and the note's text shows up later as a paragraph of its own that starts with
// the same marker, wherever the page break of the source put it. linkNotes finds the
// pairs, moves each note's text out of the body and leaves a reference where the
// marker was.

// noteRef is a reference marker in the body.
type noteRef struct {
	num     int
	key     string // builder key, set when a note matched
	label   string // number shown
	literal bool   // "(1)" or "[1]": only a reference if a note matches it
}

// noteDef is a paragraph that is (the start of) a note's text.
type noteDef struct {
	num  int
	key  string
	text []seg
	dash bool // the note is a list of "- " items: following "- " items continue it
}

var superDigits = map[rune]int{'⁰': 0, '¹': 1, '²': 2, '³': 3, '⁴': 4, '⁵': 5, '⁶': 6, '⁷': 7, '⁸': 8, '⁹': 9}

var (
	reLiteralDef  = regexp.MustCompile(`^\s*(?:\((\d{1,3})\)|\[(\d{1,3})\])[\s.:-]*`)
	reLiteralRef  = regexp.MustCompile(`\((\d{1,3})\)|\[(\d{1,3})\]`)
	reMarkdownRef = regexp.MustCompile(`\[\^(\d{1,3})\]`)            // Markdown "[^1]"
	reMarkdownDef = regexp.MustCompile(`^\s*\[\^(\d{1,3})\]:[ \t]*`) // "[^1]: the note"
	reUnit        = regexp.MustCompile(`(?:^|[^\p{L}])(?:k|c|d|h|m)?m$`)
)

// findRefs turns the markers in u's segments into reference segments: superscript
// digits (not after a unit such as m² or km³, not after "10" as in 10⁶) and, as
// candidates, "(n)" and "[n]" glued to a word or followed by punctuation.
func findRefs(u *unit) {
	var out []seg
	changed := false
	for _, s := range u.segs {
		if s.ref != nil {
			out = append(out, s)
			continue
		}
		rest := s.text
		for rest != "" {
			i, j, num, lit := nextMarker(rest, tail(out), s.marks&mSup != 0)
			if i < 0 {
				break
			}
			if i > 0 {
				out = append(out, seg{text: rest[:i], marks: s.marks})
			}
			out = append(out, seg{text: rest[i:j], marks: s.marks, ref: &noteRef{num: num, label: strconv.Itoa(num), literal: lit}})
			changed = true
			rest = rest[j:]
		}
		if rest != "" {
			out = append(out, seg{text: rest, marks: s.marks})
		}
	}
	if changed {
		u.segs = out
	}
}

// tail is the end of the segments' text: enough to see what a marker follows.
func tail(segs []seg) string {
	var t string
	for k := len(segs) - 1; k >= 0 && len(t) < 16; k-- {
		t = segs[k].text + t
	}
	if len(t) > 16 {
		cut := len(t) - 16
		for cut < len(t) && !utf8.RuneStart(t[cut]) {
			cut++
		}
		t = t[cut:]
	}
	return t
}

// nextMarker finds the first footnote marker in s (before is the line's text before s;
// sup says s is set in superscript, as "<sup>1</sup>" is). It returns the byte range,
// the note number and whether it is a "(n)"/"[n]" candidate; i is -1 when none.
func nextMarker(s, before string, sup bool) (i, j, num int, literal bool) {
	if m := reMarkdownRef.FindStringSubmatchIndex(s); m != nil && !strings.HasPrefix(s[m[1]:], ":") {
		if v, _ := strconv.Atoi(s[m[2]:m[3]]); v > 0 {
			return m[0], m[1], v, false // a Markdown reference is never an enumeration
		}
	}
	if sup {
		t := strings.TrimSpace(s)
		if n, err := strconv.Atoi(t); err == nil && n > 0 && n < 1000 {
			k := strings.Index(s, t)
			return k, k + len(t), n, false
		}
	}
	i, j = -1, -1
	for k := 0; k < len(s); {
		r, n := utf8.DecodeRuneInString(s[k:])
		if _, ok := superDigits[r]; !ok {
			k += n
			continue
		}
		e, v := k, 0
		for e < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[e:])
			d, ok := superDigits[r2]
			if !ok {
				break
			}
			v = v*10 + d
			e += n2
		}
		if v > 0 && v < 1000 && !exponent(before+s[max(0, k-16):k]) {
			i, j, num = k, e, v
			break
		}
		k = e
	}
	for off := 0; off < len(s); {
		m := reLiteralRef.FindStringSubmatchIndex(s[off:])
		if m == nil {
			break
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += off
			}
		}
		a, b := m[0], m[1]
		off = b
		if i >= 0 && a > i {
			break
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:a])
		if a == 0 {
			prev, _ = utf8.DecodeLastRuneInString(before)
		}
		if prev == utf8.RuneError {
			continue // at the start of the line: a list label, or a note's own marker
		}
		next, _ := utf8.DecodeRuneInString(s[b:])
		attached := unicode.IsLetter(prev) || unicode.IsDigit(prev) || strings.ContainsRune(".,;”\")", prev)
		ending := b == len(s) || strings.ContainsRune(".,;:!?)", next)
		if !attached && !ending {
			continue // "gồm: (1) xây dựng…" is an enumeration
		}
		var d string
		if m[2] >= 0 {
			d = s[m[2]:m[3]]
		} else {
			d = s[m[4]:m[5]]
		}
		v, _ := strconv.Atoi(d)
		if v > 0 {
			return a, b, v, true
		}
	}
	return i, j, num, false
}

// exponent reports whether a superscript after text prev is a power, not a marker:
// after a unit of length or area (m², km², cm³) or after a bare 10 (10⁶).
func exponent(prev string) bool {
	if reUnit.MatchString(prev) {
		return true
	}
	t := strings.TrimRight(prev, " ")
	if strings.HasSuffix(t, "10") {
		b := strings.TrimSuffix(t, "10")
		r, _ := utf8.DecodeLastRuneInString(b)
		return b == "" || !unicode.IsDigit(r)
	}
	return false
}

// defMarker recognizes the start of a note's text: a paragraph that begins with
// superscript digits ("² Tổng đàn…", "⁶- Quà…"), or with "(n)" or "[n]" (candidates,
// kept only when a reference matches). It returns the number, the length of the marker
// with the separators after it, and whether the marker is literal.
func defMarker(text string) (num, n int, literal bool) {
	if m := reMarkdownDef.FindStringSubmatch(text); m != nil && len(m[0]) < len(text) {
		num, _ = strconv.Atoi(m[1])
		return num, len(m[0]), false
	}
	t := strings.TrimLeft(text, " \t")
	lead := len(text) - len(t)
	e := 0
	for e < len(t) {
		r, sz := utf8.DecodeRuneInString(t[e:])
		d, ok := superDigits[r]
		if !ok {
			break
		}
		num = num*10 + d
		e += sz
	}
	if e > 0 && num > 0 {
		rest := t[e:]
		if r, _ := utf8.DecodeRuneInString(rest); rest == "" || unicode.IsDigit(r) {
			return 0, 0, false // "²" alone, or "¹2…": not a note
		}
		trimmed := strings.TrimLeft(rest, " .:)-–")
		return num, lead + e + len(rest) - len(trimmed), false
	}
	if m := reLiteralDef.FindStringSubmatch(t); m != nil && len(m[0]) < len(t) {
		s := m[1]
		if s == "" {
			s = m[2]
		}
		num, _ = strconv.Atoi(s)
		return num, lead + len(m[0]), true
	}
	return 0, 0, false
}

// cutPrefix removes the first n bytes of the segments' text.
func cutPrefix(segs []seg, n int) []seg {
	var out []seg
	for _, s := range segs {
		if n >= len(s.text) && s.ref == nil {
			n -= len(s.text)
			continue
		}
		if n > 0 {
			s.text = s.text[n:]
			n = 0
		}
		out = append(out, s)
	}
	return out
}

// linkNotes pairs references and notes across the units, in reading order.
func linkNotes(items []item, warn func(string)) {
	type pending struct {
		ref  *noteRef
		seg  *seg
		line int
	}
	var refs []pending
	keys := 0
	newKey := func(num int) string {
		keys++
		return strconv.Itoa(num) + "#" + strconv.Itoa(keys)
	}
	for i := range items {
		u := items[i].unit
		if u == nil || u.heading > 0 {
			continue
		}
		num, n, literal := defMarker(plain(u.segs))
		if num == 0 && len(u.segs) > 1 && u.segs[0].marks&mSup != 0 { // "<sup>4</sup> Chi tiết…"
			if v, err := strconv.Atoi(strings.TrimSpace(u.segs[0].text)); err == nil && v > 0 && v < 1000 {
				rest := plain(u.segs)[len(u.segs[0].text):]
				num, n = v, len(u.segs[0].text)+len(rest)-len(strings.TrimLeft(rest, " .:)-–"))
			}
		}
		if num > 0 {
			match := -1
			for k, p := range refs {
				if p.ref.num == num {
					match = k
					break
				}
			}
			if match >= 0 || !literal {
				d := &noteDef{num: num, text: cutPrefix(u.segs, n)}
				d.dash = strings.HasPrefix(strings.TrimLeft(plain(u.segs)[n-min(n, 2):], " "), "-")
				if match >= 0 {
					d.key = newKey(num)
					refs[match].ref.key = d.key
					refs = append(refs[:match], refs[match+1:]...)
				} else {
					d.key = newKey(num)
					warn("footnote " + strconv.Itoa(num) + " (line " + strconv.Itoa(u.line) + "): its text was found but no reference marker in the body")
				}
				u.note = d
				continue
			}
		}
		findRefs(u)
		for k := range u.segs {
			if r := u.segs[k].ref; r != nil {
				refs = append(refs, pending{ref: r, seg: &u.segs[k], line: u.line})
			}
		}
	}
	for _, p := range refs {
		if !p.ref.literal {
			warn("footnote marker " + p.seg.text + " (line " + strconv.Itoa(p.line) + ") has no note text; kept as superscript")
		}
	}
	continueNotes(items)
}

// continueNotes attaches to each note the paragraphs after it that belong to it: "- "
// items after a note that is a "- " list, and paragraphs whose words are much closer
// to the note's than to the body text around it (a note's second paragraph, which the
// source printed right under the first).
func continueNotes(items []item) {
	for i := 0; i < len(items); i++ {
		u := items[i].unit
		if u == nil || u.note == nil {
			continue
		}
		note := u.note
		before := bodyBefore(items, i)
		for j := i + 1; j < len(items); j++ {
			v := items[j].unit
			if v == nil || v.note != nil || v.heading > 0 || hasRef(v) {
				break
			}
			text := plain(v.segs)
			if allMarked(v.segs, mBold) {
				break
			}
			dashItem := note.dash && strings.HasPrefix(strings.TrimSpace(text), "- ")
			if !dashItem {
				if _, labelled := reader.SplitLabel(text); labelled {
					break
				}
				after := bodyAfter(items, j)
				s := similarity(text, plain(note.text))
				if s < 0.2 || s <= similarity(text, before) || s <= similarity(text, after) {
					break
				}
			}
			note.text = append(note.text, seg{text: " "})
			note.text = append(note.text, v.segs...)
			v.drop = true
			i = j
		}
	}
}

func hasRef(u *unit) bool {
	for _, s := range u.segs {
		if s.ref != nil && s.ref.key != "" {
			return true
		}
	}
	return false
}

// bodyBefore is the text of the last body paragraph before item i.
func bodyBefore(items []item, i int) string {
	for k := i - 1; k >= 0; k-- {
		if u := items[k].unit; u != nil && u.note == nil && !u.drop {
			return plain(u.segs)
		}
		if items[k].table != nil {
			return ""
		}
	}
	return ""
}

// bodyAfter is the text of the first body paragraph after item j.
func bodyAfter(items []item, j int) string {
	for k := j + 1; k < len(items); k++ {
		if u := items[k].unit; u != nil && u.note == nil {
			return plain(u.segs)
		}
		if items[k].table != nil {
			return ""
		}
	}
	return ""
}

// similarity is the share of a's words (folded, letters only) that b also uses.
func similarity(a, b string) float64 {
	wa := letterWords(a)
	if len(wa) == 0 || b == "" {
		return 0
	}
	set := map[string]bool{}
	for _, w := range letterWords(b) {
		set[w] = true
	}
	hit := 0
	for _, w := range wa {
		if set[w] {
			hit++
		}
	}
	return float64(hit) / float64(len(wa))
}

func letterWords(s string) []string {
	return strings.FieldsFunc(vntext.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) })
}
