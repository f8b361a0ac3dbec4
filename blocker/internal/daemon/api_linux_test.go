package daemon

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// TestOtherUIDOverTheSocket needs root: a real client process running as
// another uid connects to the socket and must be refused.
func TestOtherUIDOverTheSocket(t *testing.T) {
	if os.Geteuid() != 0 {
		testutil.Missing(t, "needs root to run a client as another uid; CI runs as root")
	}
	e := newEnv(t)
	openSocket(t, e)
	cmd := exec.Command("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--unix-socket", e.cfg.Socket, "http://d/v1/status")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("curl as nobody: %v", err)
	}
	if string(out) != "403" {
		t.Errorf("uid 65534 got %s, want 403", out)
	}
	// And root over the real socket, with and without Origin.
	c := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
		return net.Dial("unix", e.cfg.Socket)
	}}}
	req, _ := http.NewRequest("GET", "http://d/v1/status", nil)
	req.Header.Set("Origin", "https://evil.example")
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 403 {
		t.Errorf("Origin over the socket: %v", resp.Status)
	}
}

// openSocket lets nobody reach the 0600 socket, to test the uid checks
// themselves. Only the test's own directories are opened up: the run dir,
// the TempDir and the per-test directory the testing package made for it.
func openSocket(t *testing.T, e *env) {
	t.Helper()
	run := filepath.Dir(e.cfg.Socket)
	for _, dir := range []string{run, filepath.Dir(run), filepath.Dir(filepath.Dir(run))} {
		if !strings.HasPrefix(filepath.Base(dir), "Test") && dir != run && dir != filepath.Dir(run) {
			t.Fatalf("refusing to chmod %s: not the test's own directory", dir)
		}
		testutil.Must(t, os.Chmod(dir, 0o755))
	}
	testutil.Must(t, os.Chmod(e.cfg.Socket, 0o666))
}

// TestChurnDoesNotStarveRoot needs root (issue 29.4): two processes of
// another uid opening and closing connections as fast as they can do not
// keep root's calls from being answered.
func TestChurnDoesNotStarveRoot(t *testing.T) {
	if os.Geteuid() != 0 {
		testutil.Missing(t, "needs root to run clients as another uid; CI runs as root")
	}
	e := newEnv(t)
	openSocket(t, e)
	bin := testBinaryIn(t, filepath.Dir(e.cfg.Socket))
	var churners []*exec.Cmd
	var outs []*strings.Builder
	for range 2 {
		cmd := exec.Command(bin)
		cmd.Env = append(os.Environ(), "NOCONTACT_CHURN_SOCKET="+e.cfg.Socket, "NOCONTACT_CHURN_FOR=6s")
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		out := &strings.Builder{}
		cmd.Stdout = out
		testutil.Must(t, cmd.Start())
		churners, outs = append(churners, cmd), append(outs, out)
	}
	time.Sleep(time.Second)
	failed := 0
	for range 20 {
		if _, err := e.client.Status(context.Background()); err != nil {
			failed++
			t.Logf("root's status: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	for i, c := range churners {
		testutil.Must(t, c.Wait())
		t.Logf("churner %d opened %s connections", i, strings.TrimSpace(outs[i].String()))
	}
	if failed > 0 {
		t.Errorf("%d of root's 20 calls failed during the churn", failed)
	}
}

// testBinaryIn copies the test binary into dir (a folder other uids can
// reach), for a child process of another uid to run: the build's own
// folder is closed to them.
func testBinaryIn(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "test-as-child")
	b, err := os.ReadFile(os.Args[0])
	testutil.Must(t, err)
	testutil.Must(t, os.WriteFile(bin, b, 0o755))
	return bin
}
