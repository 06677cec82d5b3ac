package corpus

import (
	"fmt"
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress shows how far a run is: a bar on a terminal, else a plain line at most every
// few seconds (logs and CI output stay readable).
type progress struct {
	bar   *progressbar.ProgressBar
	w     io.Writer
	total int
	done  int
	start time.Time
	last  time.Time
}

const plainEvery = 5 * time.Second

func newProgress(w io.Writer, terminal bool, total int) *progress {
	p := &progress{w: w, total: total, start: time.Now(), last: time.Now()}
	if w == nil || total == 0 {
		return p
	}
	if terminal {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("files"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetWidth(30),
		)
	}
	return p
}

func (p *progress) add(n int) {
	p.done += n
	if p.w == nil || p.total == 0 {
		return
	}
	if p.bar != nil {
		p.bar.Add(n)
		return
	}
	if time.Since(p.last) >= plainEvery && p.done < p.total {
		p.last = time.Now()
		fmt.Fprintf(p.w, "ingest: %d/%d files (%.0f%%), %s\n", p.done, p.total,
			100*float64(p.done)/float64(p.total), time.Since(p.start).Round(time.Second))
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
