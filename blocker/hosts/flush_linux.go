package hosts

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

func flushAll(ctx context.Context) []FlushStep {
	steps := []FlushStep{flushResolved(ctx)}
	if len(findProcs("nscd")) > 0 {
		steps = append(steps, runTool(ctx, "nscd", "nscd", "-i", "hosts"))
	} else {
		steps = append(steps, FlushStep{Cache: "nscd", Skipped: "not running"})
	}
	return append(steps, signalProcs("dnsmasq", syscall.SIGHUP))
}

// flushResolved flushes systemd-resolved when it runs; resolvectl fails
// with a D-Bus error when it does not, which is not a failure here.
func flushResolved(ctx context.Context) FlushStep {
	const cache = "systemd-resolved"
	if len(findProcs("systemd-resolve")) == 0 {
		return FlushStep{Cache: cache, Skipped: "not running"}
	}
	return runTool(ctx, cache, "resolvectl", "flush-caches")
}

// signalProcs sends sig to every process named comm.
func signalProcs(comm string, sig syscall.Signal) FlushStep {
	pids := findProcs(comm)
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

// findProcs returns the pids whose /proc/PID/comm is comm. The kernel cuts
// comm to 15 bytes, hence "systemd-resolve".
func findProcs(comm string) []int {
	dirs, _ := filepath.Glob("/proc/[0-9]*/comm")
	var pids []int
	for _, p := range dirs {
		b, err := os.ReadFile(p)
		if err != nil || strings.TrimSpace(string(b)) != comm {
			continue
		}
		if pid, err := strconv.Atoi(filepath.Base(filepath.Dir(p))); err == nil {
			pids = append(pids, pid)
		}
	}
	return pids
}
