package hosts

import (
	"context"
	"syscall"

	"github.com/nocontact-app/nocontact/blocker/internal/proc"
)

func prepareFlush() func(context.Context) []FlushStep {
	procs := findProcs("systemd-resolve", "nscd", "dnsmasq") // one scan of /proc
	return func(ctx context.Context) []FlushStep { return flushFound(ctx, procs) }
}

func flushFound(ctx context.Context, procs map[string][]int) []FlushStep {
	steps := []FlushStep{flushResolved(ctx, len(procs["systemd-resolve"]) > 0)}
	if len(procs["nscd"]) > 0 {
		steps = append(steps, runTool(ctx, "nscd", "nscd", "-i", "hosts"))
	} else {
		steps = append(steps, FlushStep{Cache: "nscd", Skipped: "not running"})
	}
	return append(steps, signalProcs("dnsmasq", procs["dnsmasq"], syscall.SIGHUP))
}

// flushResolved flushes systemd-resolved when it runs; resolvectl fails
// with a D-Bus error when it does not, which is not a failure here.
func flushResolved(ctx context.Context, running bool) FlushStep {
	const cache = "systemd-resolved"
	if !running {
		return FlushStep{Cache: cache, Skipped: "not running"}
	}
	return runTool(ctx, cache, "resolvectl", "flush-caches")
}

// signalProcs sends sig to the processes pids, named comm.
func signalProcs(comm string, pids []int, sig syscall.Signal) FlushStep {
	if len(pids) == 0 {
		return FlushStep{Cache: comm, Skipped: "not running"}
	}
	for _, pid := range pids {
		if err := syscall.Kill(pid, sig); err != nil {
			return FlushStep{Cache: comm, Err: err}
		}
	}
	return FlushStep{Cache: comm, Done: true}
}

// findProcs returns, for each of comms, the pids of the processes of that
// name. The kernel cuts comm to 15 bytes, hence "systemd-resolve".
func findProcs(comms ...string) map[string][]int {
	found := map[string][]int{}
	for _, p := range proc.Find("/proc", comms...) {
		found[p.Comm] = append(found[p.Comm], p.PID)
	}
	return found
}
