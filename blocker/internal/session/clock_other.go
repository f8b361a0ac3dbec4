//go:build !linux && !darwin && !windows

package session

import (
	"fmt"
	"time"
)

// processStart stands in for the boot where the OS offers no boot clock to
// this package yet: every daemon start counts as a reboot, so the time
// between runs is credited by the wall clock alone.
var processStart = time.Now()

// Boottime is the monotonic time since the daemon started.
func (SystemClock) Boottime() time.Duration { return time.Since(processStart) }

// BootID changes with every daemon start (see processStart).
func (SystemClock) BootID() string { return fmt.Sprint(processStart.UnixNano()) }
