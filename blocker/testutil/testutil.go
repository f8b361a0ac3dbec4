// Package testutil holds what the tests of several packages need: a free
// port, waiting for a condition instead of sleeping, and checking the
// errors of a test's own set-up. It imports nothing of the module, so any
// package's tests can use it (the in-process daemon for the user side's
// tests is blocker/daemontest).
package testutil

import (
	"errors"
	"net"
	"os"
	"slices"
	"syscall"
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

// ReportPercentiles reports p50 and p95 of ds in milliseconds, as
// "p50-UNIT" and "p95-UNIT", in place of ns/op.
func ReportPercentiles(b *testing.B, ds []time.Duration, unit string) {
	slices.Sort(ds)
	p := func(q float64) float64 {
		return float64(ds[int(q*float64(len(ds)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(p(0.50), "p50-"+unit)
	b.ReportMetric(p(0.95), "p95-"+unit)
	b.ReportMetric(0, "ns/op")
}

// AsEditor does what another program would to a file (write, remove),
// trying again while Windows reports a sharing violation (the daemon
// reading or replacing the file at that instant): a real editor shows
// that, and the person saves again.
func AsEditor(do func() error) error {
	var err error
	for range 200 {
		if err = do(); err == nil || !errors.Is(err, errSharingViolation) {
			return err
		}
		time.Sleep(time.Millisecond)
	}
	return err
}

// errSharingViolation is Windows' ERROR_SHARING_VIOLATION (32), which
// package syscall does not name; no write of a regular file on Unix
// returns errno 32 (EPIPE).
const errSharingViolation = syscall.Errno(32)
