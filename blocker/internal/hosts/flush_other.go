//go:build !linux && !darwin && !windows

package hosts

import "context"

func prepareFlush() func(context.Context) []FlushStep { return flushAll }

// flushAll knows no caches on this system: the C library reads the hosts
// file on every lookup.
func flushAll(ctx context.Context) []FlushStep { return nil }
