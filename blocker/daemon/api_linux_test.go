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

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// TestOtherUIDOverTheSocket needs root: a real client process running as
// another uid connects to the socket and must be refused.
func TestOtherUIDOverTheSocket(t *testing.T) {
	if os.Geteuid() != 0 {
		testutil.Missing(t, "needs root to run a client as another uid; CI runs as root")
	}
	e := newEnv(t)
	// The socket is 0600: let nobody reach it, to test the uid check itself.
	// Only the test's own directories are opened up: the run dir, the
	// TempDir and the per-test directory the testing package made for it.
	run := filepath.Dir(e.cfg.Socket)
	for _, dir := range []string{run, filepath.Dir(run), filepath.Dir(filepath.Dir(run))} {
		if !strings.HasPrefix(filepath.Base(dir), "Test") && dir != run && dir != filepath.Dir(run) {
			t.Fatalf("refusing to chmod %s: not the test's own directory", dir)
		}
		testutil.Must(t, os.Chmod(dir, 0o755))
	}
	testutil.Must(t, os.Chmod(e.cfg.Socket, 0o666))
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
