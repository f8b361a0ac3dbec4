package browser

import (
	"os"
	"slices"
	"time"

	"github.com/nocontact-app/nocontact/blocker/internal/proc"
)

// firefoxNames are the process names of Firefox builds.
var firefoxNames = []string{"firefox", "firefox-esr", "firefox-bin"}

// procDir is where running processes are listed; tests point it elsewhere.
var procDir = "/proc"

// startedBefore reports whether a process named one of names runs that
// started before t: Firefox reads its policies only at start, so such a
// process does not block yet.
func startedBefore(names []string, t time.Time) bool {
	return slices.ContainsFunc(proc.Find(procDir, names...), func(p proc.Process) bool { return p.Started.Before(t) })
}

// firefoxNote says when Firefox applies the policy in file.
func firefoxNote(file string) string {
	fi, err := os.Stat(file)
	if err == nil && startedBefore(firefoxNames, fi.ModTime()) {
		return "Firefox was already open: restart Firefox to apply the block"
	}
	return firefoxRestart
}

// firefoxRestart is when Firefox applies a policy that may be new to it.
const firefoxRestart = "Firefox applies the block when it next starts: restart it if it is open"
