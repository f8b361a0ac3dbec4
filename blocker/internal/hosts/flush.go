package hosts

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// FlushStep is the outcome of one cache flush.
type FlushStep struct {
	Cache   string // "systemd-resolved", "nscd", "dnsmasq", "mDNSResponder", "Windows DNS client"
	Done    bool   // the cache was told to drop hosts lookups
	Skipped string // why not, when the cache is not on this machine
	Err     error  // the cache is there but the flush failed
}

// String describes the step in a few words for logs and the command line.
func (s FlushStep) String() string {
	switch {
	case s.Err != nil:
		return fmt.Sprintf("%s: failed: %v", s.Cache, s.Err)
	case s.Done:
		return s.Cache + ": flushed"
	default:
		return fmt.Sprintf("%s: skipped (%s)", s.Cache, s.Skipped)
	}
}

// flushTimeout bounds each flush command: a hung resolver must not hold up
// the daemon.
const flushTimeout = 5 * time.Second

// Flush tells every cache of hosts lookups on this machine to forget what it
// holds, so a change to the hosts file takes effect at once. Caches that are
// not present are skipped quietly and reported as such.
func Flush(ctx context.Context) []FlushStep {
	return PrepareFlush()(ctx)
}

// PrepareFlush finds the caches now (on Linux, one scan of /proc) and
// returns the flush to run after the write: a one-shot command does the
// search beside its own work instead of after it.
func PrepareFlush() func(context.Context) []FlushStep {
	return prepareFlush()
}

// runTool runs a flush command if its program is installed.
func runTool(ctx context.Context, cache, prog string, args ...string) FlushStep {
	path, err := exec.LookPath(prog)
	if err != nil {
		return FlushStep{Cache: cache, Skipped: prog + " not installed"}
	}
	ctx, cancel := context.WithTimeout(ctx, flushTimeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, path, args...).CombinedOutput()
	if err != nil {
		msg := strings.TrimSpace(string(out))
		if msg == "" {
			msg = err.Error()
		}
		return FlushStep{Cache: cache, Err: errors.New(msg)}
	}
	return FlushStep{Cache: cache, Done: true}
}
