package session

import "time"

// Clock is where the manager reads time. Tests substitute one they can jump.
type Clock interface {
	Now() time.Time          // the wall clock
	Boottime() time.Duration // time since boot, suspend included
	BootID() string          // different after every boot
}

// SystemClock reads this machine's clocks (per-OS files).
type SystemClock struct{}

// Now returns the wall clock.
func (SystemClock) Now() time.Time { return time.Now() }

// credit returns the time to credit between two readings. Within one boot
// it is the smaller of the boot-time and the wall-clock advance (suspend
// counts, a wall clock set forward does not); across a reboot, the
// wall-clock advance alone. It is never negative.
func credit(prevWall time.Time, prevBoot time.Duration, prevID string, now time.Time, boot time.Duration, id string) time.Duration {
	dWall := max(0, now.Sub(prevWall))
	if prevWall.IsZero() {
		return 0
	}
	if id != prevID {
		return dWall
	}
	return max(0, min(boot-prevBoot, dWall))
}
