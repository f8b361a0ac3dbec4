//go:build unix

package testutil

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Nobody is the uid and gid RunAsNobody uses.
const Nobody = 65534

// RunAsNobody re-runs the test named name in a copy of this test binary as
// uid and gid 65534, for a test that means nothing as root (root writes
// into read-only directories). It fails the test when the run fails or
// skips. The caller runs it only as root.
func RunAsNobody(t *testing.T, name string) {
	t.Helper()
	dir, err := os.MkdirTemp("", "nocontact-nobody-")
	Must(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	Must(t, os.Chmod(dir, 0o755))
	tmp := filepath.Join(dir, "tmp")
	Must(t, os.Mkdir(tmp, 0o700))
	Must(t, os.Chown(tmp, Nobody, Nobody))
	bin := filepath.Join(dir, "test")
	Must(t, copyFile(os.Args[0], bin))
	cmd := exec.Command(bin, "-test.run=^"+name+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "HOME="+tmp, "GOCOVERDIR=")
	cmd.Dir = tmp
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: Nobody, Gid: Nobody}}
	out, err := cmd.CombinedOutput()
	t.Logf("as uid %d:\n%s", Nobody, out)
	if err != nil || !strings.Contains(string(out), "--- PASS: "+name) {
		t.Fatalf("%s as uid %d: %v\n%s", name, Nobody, err, out)
	}
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
