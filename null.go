package baocao

import (
	"encoding/json"
	"strconv"
)

// The record says null for "not written in the document". These types keep Go code
// simple (a zero value means null) and write null in JSON.

// NullString is a string that is null in JSON when empty.
type NullString string

func (s NullString) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(s))
}

func (s *NullString) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = ""
		return nil
	}
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = NullString(v)
	return nil
}

// NullInt is an int that is null in JSON when zero (years, months and days are never 0).
type NullInt int

func (n NullInt) MarshalJSON() ([]byte, error) {
	if n == 0 {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, int64(n), 10), nil
}

func (n *NullInt) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*n = 0
		return nil
	}
	var v int
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*n = NullInt(v)
	return nil
}

// NullFloat is a number that may be null; use Float to make one.
type NullFloat struct {
	V     float64
	Valid bool
}

// Float returns a valid NullFloat.
func Float(v float64) NullFloat { return NullFloat{V: v, Valid: true} }

func (f NullFloat) MarshalJSON() ([]byte, error) {
	if !f.Valid {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, f.V, 'f', -1, 64), nil
}

func (f *NullFloat) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*f = NullFloat{}
		return nil
	}
	var v float64
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*f = Float(v)
	return nil
}
