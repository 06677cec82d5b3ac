package audit

import (
	"math"
	"testing"
)

func TestIntervals(t *testing.T) {
	pct := func(v, t interval) interval { q, _ := v.div(t); return q.scale(100) }
	tests := []struct {
		name    string
		got     interval
		lo, hi  float64
		stated  interval
		overlap bool
	}{
		{"332,6/467,53 against 71,14", pct(rounded(332.6, 1, true), rounded(467.53, 2, true)), 71.128, 71.151, rounded(71.14, 2, false), true},
		{"77/277 against 27,9 (counts exact)", pct(exactly(77), exactly(277)), 27.7978, 27.7979, rounded(27.9, 1, false), false},
		{"125/312 against 40 (a stated integer is rounded)", pct(exactly(125), exactly(312)), 40.064, 40.065, rounded(40, 0, false), true},
		{"1073/1080 against 99,3", pct(exactly(1073), exactly(1080)), 99.3518, 99.3519, rounded(99.3, 1, false), false},
		{"3,5 + 7,2 against 10,7", rounded(3.5, 1, true).add(rounded(7.2, 1, true)), 10.6, 10.8, rounded(10.7, 1, true), true},
		{"34 × 300.000", exactly(34).mul(exactly(300000)), 10200000, 10200000, exactly(10200000), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if math.Abs(tc.got.lo-tc.lo) > 1e-3 || math.Abs(tc.got.hi-tc.hi) > 1e-3 {
				t.Errorf("got [%v, %v], want [%v, %v]", tc.got.lo, tc.got.hi, tc.lo, tc.hi)
			}
			if o := tc.got.overlaps(tc.stated); o != tc.overlap {
				t.Errorf("overlaps %v = %v, want %v", tc.stated, o, tc.overlap)
			}
		})
	}
	if _, ok := exactly(1).div(interval{-1, 1}); ok {
		t.Error("dividing by an interval holding 0 must fail")
	}
	for _, c := range []struct {
		v    float64
		d    int
		want string
	}{{1438337684, 0, "1.438.337.684"}, {27.8, 2, "27,80"}, {-1234.5, 1, "-1.234,5"}, {0.7, 1, "0,7"}} {
		if got := vn(c.v, c.d); got != c.want {
			t.Errorf("vn(%v, %d) = %q, want %q", c.v, c.d, got, c.want)
		}
	}
}
