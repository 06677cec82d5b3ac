package index

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseDate reads a date as users type it: "05/01/2023" or "5/1/2023" (day first, as
// in Vietnamese documents), "2023-01-05", "01/2023" or "2023-01" (a month), "2023" (a
// year). It returns the first and the last day the text covers, so "--from 2023" means
// 1 January and "--to 2023" means 31 December.
func ParseDate(s string) (first, last time.Time, err error) {
	s = strings.TrimSpace(s)
	bad := func() (time.Time, time.Time, error) {
		return time.Time{}, time.Time{}, fmt.Errorf("%q is not a date (use 05/01/2023, 2023-01-05, 01/2023 or 2023)", s)
	}
	var parts []string
	iso := strings.Count(s, "-") > 0 && !strings.Contains(s, "/")
	if iso {
		parts = strings.Split(s, "-")
	} else {
		parts = strings.Split(s, "/")
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, e := strconv.Atoi(p)
		if e != nil || p == "" || len(p) > 4 {
			return bad()
		}
		nums[i] = n
	}
	var y, m, d int
	switch {
	case len(nums) == 1 && len(parts[0]) == 4:
		y = nums[0]
	case len(nums) == 2 && iso && len(parts[0]) == 4:
		y, m = nums[0], nums[1]
	case len(nums) == 2 && !iso && len(parts[1]) == 4:
		m, y = nums[0], nums[1]
	case len(nums) == 3 && iso && len(parts[0]) == 4:
		y, m, d = nums[0], nums[1], nums[2]
	case len(nums) == 3 && !iso && len(parts[2]) == 4:
		d, m, y = nums[0], nums[1], nums[2]
	default:
		return bad()
	}
	if y < 1900 || y > 2200 || m < 0 || m > 12 {
		return bad()
	}
	switch {
	case m == 0:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), nil
	case d == 0:
		f := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return f, f.AddDate(0, 1, -1), nil
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Month() != time.Month(m) { // 31/02/2023
		return bad()
	}
	return t, t, nil
}
