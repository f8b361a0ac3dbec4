// Package daemontest runs a real nocontactd in-process on temporary files,
// for the tests of the programs that talk to it.
package daemontest

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/blocker/internal/daemon"
	"github.com/nocontact-app/nocontact/blocker/internal/fakeclock"
	"github.com/nocontact-app/nocontact/blocker/internal/session"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// Start runs a daemon on a temporary hosts file, state dir and socket until
// the test ends, and returns the socket and the hosts file.
func Start(t testing.TB) (socket, hostsFile string) {
	t.Helper()
	return start(t, nil)
}

// StartWithClock is Start on a clock the test moves: pass lets time go by
// (a cool-down, a block's end) without waiting for it. The clock starts at
// noon UTC on 1 May 2026.
func StartWithClock(t testing.TB) (socket string, pass func(time.Duration)) {
	t.Helper()
	clock := fakeclock.New()
	socket, _ = start(t, clock)
	return socket, clock.Pass
}

func start(t testing.TB, clock session.Clock) (socket, hostsFile string) {
	t.Helper()
	dir := t.TempDir()
	hostsFile, socket = filepath.Join(dir, "hosts"), filepath.Join(dir, "d.sock")
	if err := os.WriteFile(hostsFile, []byte("127.0.0.1 localhost\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := daemon.New(daemon.Config{HostsFile: hostsFile, StateDir: filepath.Join(dir, "state"), Socket: socket,
		OwnerUID: -1, Clock: clock, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), PhoneEvery: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); _ = d.Run(ctx) }() // a daemon that cannot serve fails the first request
	t.Cleanup(func() { cancel(); wg.Wait() })
	c := &client.Client{Socket: socket}
	testutil.WaitFor(t, "the daemon answers", 5*time.Second, func() bool { _, err := c.Status(ctx); return err == nil })
	return socket, hostsFile
}
