// Package fakeclock is a session.Clock for tests: wall clock, boot time and
// boot ID that the test moves by hand.
package fakeclock

import (
	"sync"
	"time"
)

// Clock is safe for concurrent use.
type Clock struct {
	mu   sync.Mutex
	wall time.Time
	boot time.Duration
	id   string
}

// New returns a clock at noon on 1 May 2026, an hour after boot.
func New() *Clock {
	return &Clock{wall: time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC), boot: time.Hour, id: "boot-1"}
}

func (c *Clock) Now() time.Time          { c.mu.Lock(); defer c.mu.Unlock(); return c.wall }
func (c *Clock) Boottime() time.Duration { c.mu.Lock(); defer c.mu.Unlock(); return c.boot }
func (c *Clock) BootID() string          { c.mu.Lock(); defer c.mu.Unlock(); return c.id }

// Pass lets d go by on both clocks (running or suspended: boot time counts
// both).
func (c *Clock) Pass(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.wall, c.boot = c.wall.Add(d), c.boot+d
}

// SetWall moves only the wall clock, as a user changing the time does.
func (c *Clock) SetWall(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.wall = c.wall.Add(d)
}

// Reboot starts a new boot after d of wall time.
func (c *Clock) Reboot(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.wall, c.boot, c.id = c.wall.Add(d), 30*time.Second, c.id+"'"
}

// FakeBootID changes the boot ID without a reboot, as a file bind-mounted
// over /proc/sys/kernel/random/boot_id does: the boot clock goes on.
func (c *Clock) FakeBootID(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.id = id
}

// NewAt returns a clock at t, an hour after boot.
func NewAt(t time.Time) *Clock {
	return &Clock{wall: t, boot: time.Hour, id: "boot-1"}
}
