//go:build !linux

package daemon

import "context"

// watchMounts: elsewhere a mount over the hosts file is seen at the
// guard's next periodic check.
func (d *Daemon) watchMounts(ctx context.Context) {}
