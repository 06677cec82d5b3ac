package reader

import (
	"errors"
	"fmt"
)

// Causes of read failures; test them with errors.Is.
var (
	ErrEmpty       = errors.New("empty file")
	ErrTooLarge    = errors.New("file too large")
	ErrEncrypted   = errors.New("encrypted, password needed")
	ErrCorrupt     = errors.New("corrupt or truncated file")
	ErrUnsupported = errors.New("unsupported format")
	ErrTimeout     = errors.New("reading took too long")
	ErrPanic       = errors.New("reader crashed")
	ErrLimit       = errors.New("resource limit exceeded")
)

// Error is a failure to read one file. Its message names the file, the format (when
// known) and the cause: "report.pdf: pdf: encrypted, password needed".
type Error struct {
	Path   string
	Format string
	Err    error
}

func (e *Error) Error() string {
	if e.Format == "" {
		return fmt.Sprintf("%s: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v", e.Path, e.Format, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf makes an error wrapping cause with more detail: Errorf(ErrCorrupt, "xref: %v", err).
func Errorf(cause error, format string, args ...any) error {
	return &detail{cause: cause, msg: fmt.Sprintf(format, args...)}
}

type detail struct {
	cause error
	msg   string
}

func (d *detail) Error() string { return d.cause.Error() + ": " + d.msg }
func (d *detail) Unwrap() error { return d.cause }
