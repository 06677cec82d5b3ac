package extract

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/baocao/baocao/rules"
)

func init() {
	rules.RegisterKind(rules.Kind{
		Name: "number-format",
		Doc: `How numbers are written (DOMAIN.md §4): the decimal and grouping separators of the
Vietnamese convention ("1.438.337.684", "71,14"), and how to read the ambiguous forms
("5,000", "53.6") from the document's own convention.`,
		Compile: compileNumFmt,
	})
}

// Convention is how one document writes numbers.
type Convention int

const (
	ConvVI Convention = iota // "," decimal, "." grouping (the standard)
	ConvEN                   // "." decimal, "," grouping
)

// NumFmt is a compiled number-format rule.
type NumFmt struct {
	decimal, group byte
	viSignal       *anchored
	enSignal       *anchored
}

type numFmtConfig struct {
	Decimal  string `yaml:"decimal"`
	Group    string `yaml:"group"`
	VISignal string `yaml:"vi_signal"` // a number only the Vietnamese convention writes
	ENSignal string `yaml:"en_signal"` // a number only the English convention writes
}

func compileNumFmt(c *rules.Compiler, r *rules.Rule, decode func(any) error) (rules.Matcher, error) {
	var cfg numFmtConfig
	if err := decode(&cfg); err != nil {
		return nil, err
	}
	if len(cfg.Decimal) != 1 || len(cfg.Group) != 1 || cfg.Decimal == cfg.Group {
		return nil, fmt.Errorf("decimal and group must be two different one-character separators")
	}
	n := &NumFmt{decimal: cfg.Decimal[0], group: cfg.Group[0]}
	var err error
	if n.viSignal, err = compileAnchored("vi_signal", cfg.VISignal, []string{"digit,."}, 40); err != nil {
		return nil, err
	}
	if n.enSignal, err = compileAnchored("en_signal", cfg.ENSignal, []string{"digit,."}, 40); err != nil {
		return nil, err
	}
	return n, nil
}

func compileRe(field, s string) (*regexp.Regexp, error) {
	if s == "" {
		return nil, fmt.Errorf("%s is missing", field)
	}
	re, err := regexp.Compile(s)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", field, err)
	}
	return re, nil
}

// Detect returns the document's convention: English only when its unambiguous English
// numbers outnumber the Vietnamese ones.
func (n *NumFmt) Detect(sc *scan) Convention {
	vi, en := 0, 0
	for _, p := range sc.positions("digit,.") {
		if n.viSignal.at(sc.text, p) != nil {
			vi++
		} else if n.enSignal.at(sc.text, p) != nil {
			en++
		}
		if vi+en >= 200 {
			break
		}
	}
	if en > vi {
		return ConvEN
	}
	return ConvVI
}

// Num is a parsed number with the precision it was written with.
type Num struct {
	Value    float64
	Decimals int  // digits written after the decimal separator
	Integer  bool // written without decimals
}

// Parse reads a written number ("1.438.337.684", "71,14", "02", "5,000") in convention
// conv. Separators that can only be grouping (several groups of three) are grouping
// whatever the convention.
func (n *NumFmt) Parse(s string, conv Convention) (Num, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Num{}, false
	}
	dec, grp := n.decimal, n.group
	if conv == ConvEN {
		dec, grp = grp, dec
	}
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	switch {
	case dots == 0 && commas == 0:
		return intNum(s)
	case dots > 0 && commas > 0: // both: the last one is the decimal separator
		last := strings.LastIndexAny(s, ".,")
		d := s[last]
		g := byte('.')
		if d == '.' {
			g = ','
		}
		if !groupsOK(s[:last], g) {
			return Num{}, false
		}
		return decNum(strings.ReplaceAll(s[:last], string(g), ""), s[last+1:])
	}
	sep := byte('.')
	if commas > 0 {
		sep = ','
	}
	cnt := dots + commas
	parts := strings.Split(s, string(sep))
	if cnt > 1 { // "1.438.337.684": grouping
		if !groupsOK(s, sep) {
			return Num{}, false
		}
		return intNum(strings.ReplaceAll(s, string(sep), ""))
	}
	// one separator: decimal unless the convention groups with it and three digits follow
	if sep == grp && len(parts[1]) == 3 && len(parts[0]) <= 3 && parts[0] != "0" {
		return intNum(parts[0] + parts[1])
	}
	if sep == dec || len(parts[1]) != 3 {
		return decNum(parts[0], parts[1])
	}
	return intNum(parts[0] + parts[1])
}

func groupsOK(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	if len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

func intNum(s string) (Num, bool) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || !allDigits(s) {
		return Num{}, false
	}
	return Num{Value: v, Integer: true}, true
}

func decNum(ip, fp string) (Num, bool) {
	if ip == "" || fp == "" || !allDigits(ip) || !allDigits(fp) {
		return Num{}, false
	}
	v, err := strconv.ParseFloat(ip+"."+fp, 64)
	if err != nil {
		return Num{}, false
	}
	return Num{Value: v, Decimals: len(fp)}, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Round returns v rounded to d decimals.
func Round(v float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(v*p) / p
}

// Run parses an example input: "5,000" alone, or "en: 5,000" to read it in the English
// convention.
func (n *NumFmt) Run(in string) []rules.Item {
	conv := ConvVI
	if rest, ok := strings.CutPrefix(in, "en:"); ok {
		conv, in = ConvEN, rest
	}
	v, ok := n.Parse(in, conv)
	if !ok {
		return nil
	}
	return []rules.Item{{"value": v.Value, "decimals": v.Decimals}}
}
