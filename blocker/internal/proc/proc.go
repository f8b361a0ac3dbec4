// Package proc finds running processes by name in /proc, for the engines
// that must reach one: a cache daemon to flush (hosts), a browser that has
// to restart (browser). It reads each process's comm once per call.
package proc

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Process is one running process.
type Process struct {
	PID     int
	Comm    string    // its name, as the kernel keeps it (15 bytes at most)
	Started time.Time // when its /proc entry appeared
}

// Find returns the processes listed under dir (normally "/proc") whose
// name is one of comms, in one pass.
func Find(dir string, comms ...string) []Process {
	entries, _ := os.ReadDir(dir)
	var out []Process
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || !e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name(), "comm"))
		comm := strings.TrimSpace(string(b))
		if err != nil || !slices.Contains(comms, comm) {
			continue
		}
		p := Process{PID: pid, Comm: comm}
		if fi, err := e.Info(); err == nil {
			p.Started = fi.ModTime()
		}
		out = append(out, p)
	}
	return out
}
