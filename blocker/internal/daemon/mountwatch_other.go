//go:build !linux

package daemon

import (
	"context"
	"os"
)

// openMounts and watchMounts: elsewhere a mount over the hosts file is
// seen at the guard's next periodic check.
func (d *Daemon) openMounts() *os.File { return nil }

func (d *Daemon) watchMounts(ctx context.Context, f *os.File) {}
