//go:build !linux

package daemon

import "context"

// watchClock: elsewhere a wall clock change is seen at the next tick.
func (d *Daemon) watchClock(ctx context.Context) {}
