package par

import (
	"context"
	"sync/atomic"
	"testing"
)

func TestDoCallsEachIndexOnce(t *testing.T) {
	seen := make([]int32, 100)
	Do(context.Background(), len(seen), func(i int) { atomic.AddInt32(&seen[i], 1) })
	for i, n := range seen {
		if n != 1 {
			t.Fatalf("index %d called %d times", i, n)
		}
	}
}

func TestDoStopsAfterCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var calls int32
	Do(ctx, 1000, func(i int) {
		if atomic.AddInt32(&calls, 1) == 1 {
			cancel()
		}
	})
	if calls >= 1000 {
		t.Errorf("all %d calls ran after the context was cancelled", calls)
	}
}
