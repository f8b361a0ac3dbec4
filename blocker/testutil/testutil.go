// Package testutil holds what the tests of several packages need: a free
// port, waiting for a condition instead of sleeping, and checking the
// errors of a test's own set-up. It imports nothing of the module, so any
// package's tests can use it (the in-process daemon for the user side's
// tests is blocker/daemontest).
package testutil

import (
	"net"
	"os"
	"testing"
	"time"
)

// FreePort returns a TCP port free on host at the time of the call.
func FreePort(t testing.TB, host string) int {
	t.Helper()
	ln, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// WaitFor polls ok every 10 ms until it holds, and fails the test with
// what if it does not within the time given.
func WaitFor(t testing.TB, what string, within time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting until %s", within, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Missing skips the test for want of something this machine lacks (a
// tool, root, a free port, a keyring), saying what; under NOCONTACT_CI=1,
// which .ci/run sets, it fails the test instead, because in CI everything
// is there and a skip would print "ok" for a test that never ran.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("NOCONTACT_CI") == "1" {
		t.Fatalf("CI must run this test, but: "+format, args...)
	}
	t.Skipf(format, args...)
}

// Must fails the test at once when a step of its set-up failed.
func Must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
