package session

import (
	"testing"
	"time"
)

// The Windows clocks: the boot clock moves with time and not back, and
// the boot is named the same at every reading.
func TestSystemClockOnWindows(t *testing.T) {
	var c SystemClock
	b1, id1 := c.Boottime(), c.BootID()
	time.Sleep(50 * time.Millisecond)
	b2, id2 := c.Boottime(), c.BootID()
	if b1 <= 0 || b2 < b1+30*time.Millisecond || b2 > b1+5*time.Second {
		t.Errorf("boot clock %v then %v across 50 ms", b1, b2)
	}
	if id1 == "" || id1 != id2 {
		t.Errorf("boot named %q then %q", id1, id2)
	}
	t.Logf("boot %s, up %v", id1, b2)
}
