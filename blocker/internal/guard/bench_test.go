package guard

import (
	"testing"
	"time"
)

// BenchmarkEditLoopOffTime: a loop that takes the section out every
// 100 ms for 5 s (issue 22.6), sampled every millisecond: the share of the
// time the section was missing (target under 5 %), and the longest gap.
func BenchmarkEditLoopOffTime(b *testing.B) {
	for range b.N {
		f := startGuard(b)
		off, longest := editLoop(b, f, 100*time.Millisecond, 5*time.Second)
		b.ReportMetric(100*off, "%off")
		b.ReportMetric(float64(longest.Microseconds())/1000, "ms-longest-gap")
	}
}
