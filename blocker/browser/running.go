package browser

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// firefoxNames are the process names of Firefox builds.
var firefoxNames = []string{"firefox", "firefox-esr", "firefox-bin"}

// procDir is where running processes are listed; tests point it elsewhere.
var procDir = "/proc"

// startedBefore reports whether a process named one of names runs that
// started before t: Firefox reads its policies only at start, so such a
// process does not block yet.
func startedBefore(names []string, t time.Time) bool {
	entries, err := os.ReadDir(procDir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() || strings.Trim(e.Name(), "0123456789") != "" {
			continue
		}
		comm, err := os.ReadFile(filepath.Join(procDir, e.Name(), "comm"))
		if err != nil || !slices.Contains(names, strings.TrimSpace(string(comm))) {
			continue
		}
		if fi, err := os.Stat(filepath.Join(procDir, e.Name())); err == nil && fi.ModTime().Before(t) {
			return true
		}
	}
	return false
}

// firefoxNote says when Firefox applies the policy in file.
func firefoxNote(file string) string {
	fi, err := os.Stat(file)
	if err == nil && startedBefore(firefoxNames, fi.ModTime()) {
		return "Firefox was already open: restart Firefox to apply the block"
	}
	return "Firefox applies a change at its next start"
}
