package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// Automatic list numbers are not in the text of a DOCX: Word draws them from
// numbering.xml. They are rebuilt here the way Word counts (ECMA-376 §17.9): counters
// belong to the abstract definition, so every w:num over one abstractNum continues the
// same sequence; a w:num with a startOverride restarts the overridden levels the first
// time it is used; a level restarts after any use of a higher level unless lvlRestart
// says otherwise.

// level is one w:lvl of an abstract numbering definition.
type level struct {
	start   int
	format  string // numFmt: decimal, upperRoman, lowerLetter, bullet, none, …
	text    string // lvlText: "%1.", "%1.%2.", "-"
	restart int    // lvlRestart: -1 default (after the previous level), 0 never, n after level n
	legal   bool   // isLgl: show every level as decimal
	pStyle  string // paragraph style bound to the level
}

type abstractNum struct {
	levels       [9]*level
	numStyleLink string // the definition lives in the list of this numbering style
}

type numInstance struct {
	abstract string
	override [9]*level // whole level replaced by a lvlOverride
	start    [9]int    // startOverride + 1; 0 none
}

type numbering struct {
	abstracts map[string]*abstractNum
	nums      map[string]*numInstance

	// counting state
	value map[string]*[9]int  // by abstractNum id
	init  map[string]*[9]bool // the level has shown a number since it last restarted
	used  map[string]bool     // numIds already met
}

func newNumbering() *numbering {
	return &numbering{abstracts: map[string]*abstractNum{}, nums: map[string]*numInstance{},
		value: map[string]*[9]int{}, init: map[string]*[9]bool{}, used: map[string]bool{}}
}

// fresh returns the same definitions with counting started anew.
func (n *numbering) fresh() *numbering {
	f := newNumbering()
	f.abstracts, f.nums = n.abstracts, n.nums
	return f
}

// readNumbering reads numbering.xml.
func readNumbering(d *xml.Decoder) (*numbering, error) {
	n := newNumbering()
	if _, err := root(d); err != nil {
		return n, err
	}
	err := children(d, func(se *xml.StartElement) (bool, bool, error) {
		switch se.Name.Local {
		case "abstractNum":
			a := &abstractNum{}
			id := attr(se, "abstractNumId")
			err := children(d, func(c *xml.StartElement) (bool, bool, error) {
				switch c.Name.Local {
				case "numStyleLink":
					a.numStyleLink = attr(c, "val")
				case "lvl":
					i := atoi(attr(c, "ilvl"), -1)
					l, err := readLevel(d)
					if i >= 0 && i < 9 {
						a.levels[i] = l
					}
					return false, true, err
				}
				return false, false, nil
			})
			if n.abstracts[id] == nil {
				n.abstracts[id] = a
			}
			return false, true, err
		case "num":
			inst := &numInstance{}
			id := attr(se, "numId")
			err := children(d, func(c *xml.StartElement) (bool, bool, error) {
				switch c.Name.Local {
				case "abstractNumId":
					inst.abstract = attr(c, "val")
				case "lvlOverride":
					i := atoi(attr(c, "ilvl"), -1)
					err := children(d, func(o *xml.StartElement) (bool, bool, error) {
						switch o.Name.Local {
						case "startOverride":
							if i >= 0 && i < 9 {
								inst.start[i] = atoi(attr(o, "val"), 0) + 1
							}
						case "lvl":
							l, err := readLevel(d)
							if i >= 0 && i < 9 {
								inst.override[i] = l
							}
							return false, true, err
						}
						return false, false, nil
					})
					return false, true, err
				}
				return false, false, nil
			})
			if n.nums[id] == nil {
				n.nums[id] = inst
			}
			return false, true, err
		}
		return false, false, nil
	})
	return n, err
}

func readLevel(d *xml.Decoder) (*level, error) {
	l := &level{restart: -1, format: "decimal"}
	err := children(d, func(se *xml.StartElement) (bool, bool, error) {
		switch se.Name.Local {
		case "start":
			l.start = atoi(attr(se, "val"), 0)
		case "numFmt":
			l.format = attr(se, "val")
		case "lvlText":
			l.text = attr(se, "val")
		case "lvlRestart":
			l.restart = atoi(attr(se, "val"), -1)
		case "isLgl":
			l.legal = onOff(se)
		case "pStyle":
			l.pStyle = attr(se, "val")
		case "pPr", "rPr":
			return true, false, nil
		}
		return false, false, nil
	})
	return l, err
}

// abstractOf resolves a numId to its abstract definition, following numStyleLink
// through the numbering style's own numId (bounded: links can loop).
func (n *numbering) abstractOf(numID string, ss *styleSheet) (string, *abstractNum) {
	for range maxChain {
		inst := n.nums[numID]
		if inst == nil {
			return "", nil
		}
		a := n.abstracts[inst.abstract]
		if a == nil {
			return "", nil
		}
		if a.numStyleLink == "" || ss.styles[a.numStyleLink] == nil {
			return inst.abstract, a
		}
		next := ss.para(a.numStyleLink).numID
		if next == "" || next == numID {
			return inst.abstract, a
		}
		numID = next
	}
	return "", nil
}

// levelFor returns the level definition ilvl of numID, overrides applied.
func (n *numbering) levelFor(numID string, a *abstractNum, ilvl int) *level {
	if inst := n.nums[numID]; inst != nil && inst.override[ilvl] != nil {
		return inst.override[ilvl]
	}
	return a.levels[ilvl]
}

// levelOfStyle finds the level of numID that paragraph style id is bound to.
func (n *numbering) levelOfStyle(numID, styleID string, ss *styleSheet) int {
	_, a := n.abstractOf(numID, ss)
	if a == nil || styleID == "" {
		return 0
	}
	for i, l := range a.levels {
		if l != nil && l.pStyle == styleID {
			return i
		}
	}
	return 0
}

// next counts one paragraph of list numID at level ilvl and returns its label as Word
// shows it ("II.", "1.2.", "a)", "-"), and whether the level is a bullet. An empty
// label means the list shows nothing there.
func (n *numbering) next(numID string, ilvl int, ss *styleSheet) (label string, bullet bool) {
	absID, a := n.abstractOf(numID, ss)
	if a == nil || ilvl < 0 || ilvl > 8 {
		return "", false
	}
	lv := n.levelFor(numID, a, ilvl)
	if lv == nil {
		return "", false
	}
	val, init := n.value[absID], n.init[absID]
	if val == nil {
		val, init = new([9]int), new([9]bool)
		n.value[absID], n.init[absID] = val, init
	}
	inst := n.nums[numID]
	if !n.used[numID] {
		n.used[numID] = true
		for i := range 9 {
			if inst.start[i] > 0 {
				init[i] = false // restarts: the next count shows the override
			}
		}
	}
	startOf := func(i int) int {
		if inst.start[i] > 0 {
			return inst.start[i] - 1
		}
		if l := n.levelFor(numID, a, i); l != nil {
			return l.start
		}
		return 0
	}
	if init[ilvl] {
		val[ilvl]++
	} else {
		val[ilvl], init[ilvl] = startOf(ilvl), true
	}
	for i := ilvl + 1; i < 9; i++ {
		l := n.levelFor(numID, a, i)
		limit := i // by default a level restarts after any higher level is used
		if l != nil && l.restart >= 0 {
			limit = l.restart
		}
		if ilvl < limit {
			init[i] = false
		}
	}
	if lv.format == "bullet" {
		return bulletText(lv.text), true
	}
	if lv.format == "none" {
		return strings.TrimSpace(stripPlaceholders(lv.text)), false
	}
	var sb strings.Builder
	for i := 0; i < len(lv.text); i++ {
		c := lv.text[i]
		if c == '%' && i+1 < len(lv.text) && lv.text[i+1] >= '1' && lv.text[i+1] <= '9' {
			k := int(lv.text[i+1] - '1')
			i++
			v := val[k]
			if !init[k] {
				v = startOf(k)
			}
			format := "decimal"
			if l := n.levelFor(numID, a, k); l != nil && !(lv.legal && k != ilvl) {
				format = l.format
			}
			sb.WriteString(formatNumber(v, format))
			continue
		}
		sb.WriteByte(c)
	}
	return strings.TrimSpace(sb.String()), false
}

func stripPlaceholders(s string) string {
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+1 < len(s) && s[i+1] >= '1' && s[i+1] <= '9' {
			i++
			continue
		}
		sb.WriteByte(s[i])
	}
	return sb.String()
}

// bulletText maps a bullet's lvlText to a character: Symbol and Wingdings bullets are
// stored as private-use code points (U+F0B7 is Symbol's "•").
func bulletText(s string) string {
	s = strings.TrimSpace(s)
	var out []rune
	for _, r := range s {
		if r >= 0xF000 && r <= 0xF0FF {
			r = symbolRune(r - 0xF000)
		}
		if r != 0 {
			out = append(out, r)
		}
	}
	return string(out)
}

// symbolRune maps a code of the Symbol or Wingdings fonts to a Unicode look-alike, or
// "•" for the other bullet shapes.
func symbolRune(c rune) rune {
	switch c {
	case 0x2D:
		return '-'
	case 0x2B:
		return '+'
	case 0x2A:
		return '*'
	case 0xB0:
		return '°'
	case 0xB4:
		return '×'
	case 0xAE:
		return '→'
	case 0xD8, 0xE0, 0xE8:
		return '➢'
	case 0xFC:
		return '✓'
	case 0xA7, 0x6E:
		return '▪'
	}
	return '•'
}

// formatNumber writes n in a numFmt.
func formatNumber(n int, format string) string {
	switch format {
	case "upperRoman":
		return roman(n)
	case "lowerRoman":
		return strings.ToLower(roman(n))
	case "upperLetter":
		return letters(n, 'A')
	case "lowerLetter":
		return letters(n, 'a')
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "decimalEnclosedParen":
		return "(" + strconv.Itoa(n) + ")"
	case "vietnameseCounting":
		if s := vietnameseCount(n); s != "" {
			return s
		}
	case "none":
		return ""
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	var sb strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			sb.WriteString(p.s)
			n -= p.v
		}
	}
	return sb.String()
}

// letters counts as Word does: a … z, then aa … zz, aaa … (the letter repeated).
func letters(n int, base byte) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	reps := (n-1)/26 + 1
	if reps > 10 {
		return strconv.Itoa(n)
	}
	return strings.Repeat(string(rune(base+byte((n-1)%26))), reps)
}

// vietnameseCount spells 1 … 99 in Vietnamese words, as Word's vietnameseCounting.
func vietnameseCount(n int) string {
	units := [...]string{"", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}
	switch {
	case n <= 0 || n >= 100:
		return ""
	case n < 10:
		return units[n]
	case n == 10:
		return "mười"
	case n < 20:
		if n == 15 {
			return "mười lăm"
		}
		return "mười " + units[n-10]
	}
	tens, u := n/10, n%10
	s := units[tens] + " mươi"
	switch u {
	case 0:
		return s
	case 1:
		return s + " mốt"
	case 4:
		return s + " tư"
	case 5:
		return s + " lăm"
	}
	return s + " " + units[u]
}
