package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// procDaemon runs nocontactd (this test binary standing in for it) on
// temporary files.
type procDaemon struct {
	hosts, state, socket string
	cmd                  *exec.Cmd
}

// startProc runs nocontactd as a process of its own on the person's hosts
// file (userHosts) and a state in a folder of the test's, killed when the
// test ends, and returns it with a client of its socket.
func startProc(tb testing.TB) (*procDaemon, *client.Client) {
	dir := tb.TempDir()
	p := &procDaemon{hosts: filepath.Join(dir, "hosts"), state: filepath.Join(dir, "state"), socket: filepath.Join(dir, "d.sock")}
	testutil.Must(tb, os.WriteFile(p.hosts, []byte(userHosts), 0o644))
	p.start(tb)
	tb.Cleanup(func() { p.cmd.Process.Kill(); p.cmd.Wait() })
	return p, &client.Client{Socket: p.socket}
}

func (p *procDaemon) start(t testing.TB) {
	t.Helper()
	p.cmd = exec.Command(os.Args[0], "run", "--hosts-file", p.hosts, "--state-dir", p.state, "--socket", p.socket, "--http-port", "0", "--https-port", "0")
	p.cmd.Env = append(os.Environ(), "NOCONTACTD_TEST_AS_MAIN=1")
	p.cmd.Stderr = os.Stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &client.Client{Socket: p.socket}
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, err := c.Status(context.Background()); err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("nocontactd did not answer within 10 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestKill9KeepsTheBlock kills a running nocontactd with SIGKILL mid-session
// and restarts it: the section is still in the file and the remaining time
// is kept to within the credit tick.
func TestKill9KeepsTheBlock(t *testing.T) {
	p, c := startProc(t)
	ctx := context.Background()
	if _, err := c.Start(ctx, api.StartRequest{Hostnames: []string{"instagram.com"}, Duration: api.Duration(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	started := time.Now()
	time.Sleep(500 * time.Millisecond)
	p.cmd.Process.Kill()
	p.cmd.Wait()
	if b, _ := os.ReadFile(p.hosts); !strings.Contains(string(b), "127.78.0.1 instagram.com") {
		t.Fatalf("the section went with the daemon: %q", b)
	}
	p.start(t) // killed at the end by startProc's clean-up
	st, err := c.Status(ctx)
	if err != nil || st.Session == nil {
		t.Fatalf("after restart: %+v %v", st, err)
	}
	elapsed := time.Since(started)
	remaining := time.Duration(st.Session.Remaining)
	if remaining > time.Hour-elapsed+time.Second || remaining < time.Hour-elapsed-30*time.Second {
		t.Errorf("remaining %v after %v elapsed: not within the 30 s credit tick", remaining, elapsed)
	}
	if !st.Hosts.Intact {
		t.Errorf("hosts not intact after restart: %+v", st.Hosts)
	}
}

// TestCleanupWithoutDaemon lifts a strict block when no daemon runs.
func TestCleanupWithoutDaemon(t *testing.T) {
	p, c := startProc(t)
	c.Start(context.Background(), api.StartRequest{Hostnames: []string{"x.com"}, Duration: api.Duration(time.Hour), Lock: api.Lock{Mode: api.LockStrict}})
	p.cmd.Process.Kill()
	p.cmd.Wait()
	code, out, stderr := runCLI("cleanup", "--hosts-file", p.hosts, "--state-dir", p.state, "--socket", p.socket)
	if code != exitOK {
		t.Fatalf("cleanup: %d %s %s", code, out, stderr)
	}
	if b, _ := os.ReadFile(p.hosts); string(b) != userHosts {
		t.Errorf("after cleanup: %q", b)
	}
}
