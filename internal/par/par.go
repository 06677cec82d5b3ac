// Package par runs work on all cores: Do calls a function for 0 … n-1 on up to
// GOMAXPROCS goroutines. The PDF reader (pages), the OCR reader (images) and the CLI
// (files) share it.
package par

import (
	"context"
	"runtime"
	"sync"
)

// Do calls fn(0) … fn(n-1) on up to GOMAXPROCS goroutines and returns when all calls
// have; no new call starts after ctx is done.
func Do(ctx context.Context, n int, fn func(i int)) {
	workers := max(1, min(runtime.GOMAXPROCS(0), n))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
}
