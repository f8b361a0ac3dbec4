package session

import (
	"fmt"
	"time"

	"golang.org/x/sys/unix"
)

// Boottime reads CLOCK_MONOTONIC, which on macOS keeps counting in sleep.
func (SystemClock) Boottime() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_MONOTONIC, &ts); err != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}

// BootID is derived from kern.boottime.
func (SystemClock) BootID() string {
	tv, err := unix.SysctlTimeval("kern.boottime")
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d.%06d", tv.Sec, tv.Usec)
}
