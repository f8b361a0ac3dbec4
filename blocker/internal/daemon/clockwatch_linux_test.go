package daemon

import (
	"context"
	"os"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// TestClockSetWakesTheTick needs root (CAP_SYS_TIME): setting the wall
// clock (to what it already is) wakes the tick loop at once.
func TestClockSetWakesTheTick(t *testing.T) {
	if os.Geteuid() != 0 {
		testutil.Missing(t, "setting the clock needs root; CI runs as root")
	}
	e := newEnv(t)
	for len(e.d.wake) > 0 {
		<-e.d.wake
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	d := &Daemon{log: e.d.log, wake: make(chan struct{}, 1)}
	go d.watchClock(ctx)
	testutil.WaitFor(t, "the clock watch is armed", 3*time.Second, func() bool { return d.clockArms.Load() > 0 })
	var tv unix.Timeval
	if err := unix.Gettimeofday(&tv); err != nil {
		t.Fatal(err)
	}
	if err := unix.Settimeofday(&tv); err != nil {
		testutil.Missing(t, "this machine does not let the clock be set (%v)", err)
	}
	select {
	case <-d.wake:
	case <-time.After(3 * time.Second):
		t.Fatal("setting the clock did not wake the tick loop")
	}
}
