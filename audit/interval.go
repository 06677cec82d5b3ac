package audit

import (
	"math"
	"strconv"
	"strings"
)

// A written number stands for an interval (the XBRL Calculations 1.1 idea): "332,6" is
// anything in [332,55; 332,65], half a unit of its last written digit either way. Counts
// and amounts written without decimals are exact. Two figures are consistent when their
// intervals overlap.

// interval is the closed range [lo, hi].
type interval struct{ lo, hi float64 }

// exactly is the interval of a number known exactly.
func exactly(v float64) interval { return interval{v, v} }

// rounded is the interval of a number written with decimals digits after the separator;
// exact says whether a number written without decimals is exact (a count) or rounded to
// units (a stated percentage).
func rounded(v float64, decimals int, exact bool) interval {
	if decimals == 0 && exact {
		return exactly(v)
	}
	h := 0.5 * math.Pow(10, -float64(decimals))
	return interval{v - h, v + h}
}

func (a interval) add(b interval) interval { return interval{a.lo + b.lo, a.hi + b.hi} }

func (a interval) mul(b interval) interval {
	p := []float64{a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi}
	lo, hi := p[0], p[0]
	for _, x := range p[1:] {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return interval{lo, hi}
}

// div divides by an interval that does not contain 0 (ok false otherwise).
func (a interval) div(b interval) (interval, bool) {
	if b.lo <= 0 && b.hi >= 0 {
		return interval{}, false
	}
	return a.mul(interval{1 / b.hi, 1 / b.lo}), true
}

func (a interval) scale(k float64) interval {
	if k < 0 {
		return interval{a.hi * k, a.lo * k}
	}
	return interval{a.lo * k, a.hi * k}
}

func (a interval) mid() float64 { return (a.lo + a.hi) / 2 }

// overlaps allows for the float noise of sums and products (relative 1e-9).
func (a interval) overlaps(b interval) bool {
	eps := 1e-9 * math.Max(1, math.Max(math.Abs(a.hi), math.Abs(b.hi)))
	return a.lo <= b.hi+eps && b.lo <= a.hi+eps
}

func roundTo(v float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(v*p) / p
}

// vn writes a number the Vietnamese way with d decimals: 1.438.337.684, 27,80.
func vn(v float64, d int) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := strconv.FormatFloat(v, 'f', d, 64)
	ip, fp, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range ip {
		if i > 0 && (len(ip)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if fp != "" {
		b.WriteByte(',')
		b.WriteString(fp)
	}
	return b.String()
}

// vnAuto writes v with as many decimals as it needs, up to max.
func vnAuto(v float64, max int) string {
	for d := 0; d < max; d++ {
		if math.Abs(roundTo(v, d)-v) < 1e-9*math.Max(1, math.Abs(v)) {
			return vn(v, d)
		}
	}
	return vn(v, max)
}

// decimalsOf returns how many decimals v needs to be written exactly (up to 6).
func decimalsOf(v float64) int {
	for d := 0; d < 6; d++ {
		if math.Abs(roundTo(v, d)-v) < 1e-9*math.Max(1, math.Abs(v)) {
			return d
		}
	}
	return 6
}
