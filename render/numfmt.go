package render

import (
	"math"
	"strconv"
	"strings"
)

// formatNumber writes v the Vietnamese way (DOMAIN.md §4): "." between groups of three
// digits, "," before the decimals: 1438337684 → "1.438.337.684", 71.14 → "71,14".
// decimals < 0 writes as many decimals as v needs.
func formatNumber(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i := range len(intPart) {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteByte(intPart[i])
	}
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// decimalsOf returns how many decimals a number was written with, so a rebuilt table
// shows "71,14" and "346,8" as the document did. written is the figure as written
// ("332,6", "1.438.337.684", "53.6"); "" gives -1 (as many as the value needs).
func decimalsOf(written string) int {
	digits := strings.Map(func(r rune) rune {
		if (r >= '0' && r <= '9') || r == ',' || r == '.' {
			return r
		}
		return -1
	}, written)
	digits = strings.Trim(digits, ",.")
	if digits == "" {
		return -1
	}
	if i := strings.LastIndexByte(digits, ','); i >= 0 {
		return len(digits) - i - 1 // Vietnamese decimal comma
	}
	if i := strings.LastIndexByte(digits, '.'); i >= 0 {
		// "1.438.337" groups thousands; "53.6" is a dot used as the decimal point.
		if n := len(digits) - i - 1; n != 3 || strings.Count(digits, ".") == 1 && len(digits[:i]) > 3 {
			return n
		}
	}
	return 0
}
