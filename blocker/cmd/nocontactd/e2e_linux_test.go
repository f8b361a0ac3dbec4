package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// daemonUp starts a namespace script: nocontactd on the namespace's
// /etc/hosts with flags, killed when the script ends, an api function for
// its socket, and a wait until it answers. A script that starts more
// sets its own trap after.
func daemonUp(flags string) string {
	return `"$BIN" run --hosts-file /etc/hosts --state-dir "$T/state" --socket "$T/d.sock" ` + flags + ` 2>"$T/daemon.log" &
daemon=$!
trap 'kill $daemon 2>/dev/null; wait $daemon 2>/dev/null' EXIT
api() { curl -s --max-time 5 --unix-socket "$T/d.sock" "$@"; }
for i in $(seq 100); do api http://d/v1/status >/dev/null && break; sleep 0.1; done
`
}

// scratch is a root test's directory ($T): its hosts file, bind-mounted
// over /etc/hosts in the namespace, and the files the script writes.
type scratch string

// newScratch makes one whose hosts file holds userHosts and extra.
func newScratch(t testing.TB, extra string) scratch {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "hosts"), []byte(userHosts+extra), 0o644); err != nil {
		t.Fatal(err)
	}
	return scratch(dir)
}

// read returns what the script wrote to name ("" if nothing).
func (s scratch) read(name string) string {
	b, _ := os.ReadFile(filepath.Join(string(s), name))
	return string(b)
}

// serve answers HTTP on a free port of 127.0.0.1 until the test ends, and
// returns the port.
func serve(t testing.TB, h http.HandlerFunc) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return fmt.Sprint(ln.Addr().(*net.TCPAddr).Port)
}

// freePort is a port of 127.0.0.1 free at the time of the call, in the
// form a script's environment takes (for Chromium's DevTools).
func freePort(t testing.TB) string {
	t.Helper()
	return fmt.Sprint(testutil.FreePort(t, "127.0.0.1"))
}

// checkSinkholePorts skips (fails in CI) when the real sinkhole ports are
// taken on this machine, saying so.
func checkSinkholePorts(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		return // inNamespace says why
	}
	for _, port := range []string{"80", "443"} {
		ln, err := net.Listen("tcp", "127.78.0.1:"+port)
		if err != nil {
			testutil.Missing(t, "port %s on 127.78.0.1 is already taken on this machine (%v): stop what holds it to run this test", port, err)
		}
		ln.Close()
	}
}
