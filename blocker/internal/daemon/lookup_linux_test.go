package daemon

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// lookupScript runs, in a private mount namespace with a private /etc, the
// test binary's lookup as uid 65534 of a name the hosts file sends to the
// sinkhole; then again with the hosts file closed to other users, and
// with nsswitch.conf closed to them (glibc then asks DNS first).
const lookupScript = `set -e
mkdir -p "$T/etc" && cp -a /etc/. "$T/etc/"
mount --bind "$T/etc" /etc
printf 'hosts: files\n' >/etc/nsswitch.conf
printf '127.0.0.1 localhost\n127.78.0.1 blocked.nocontact-test.example\n:: blocked.nocontact-test.example\n' >/etc/hosts
chmod 644 /etc/hosts /etc/nsswitch.conf
echo "== open";   NOCONTACT_LOOKUP_AS=blocked.nocontact-test.example "$BIN"
chmod 600 /etc/hosts
echo "== closed"; NOCONTACT_LOOKUP_AS=blocked.nocontact-test.example "$BIN"
`

// TestLookupAsOwner needs root (issue 29.5): the real lookup as the
// owner's uid (glibc, getent, a process of that uid) reaches the sinkhole
// through an open hosts file, and says so when the file is closed to
// that uid, which reading the files as root does not show.
func TestLookupAsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		testutil.Missing(t, "needs root for a private /etc and a process of another uid; CI runs as root")
	}
	for _, tool := range []string{"unshare", "mount", "getent"} {
		if _, err := exec.LookPath(tool); err != nil {
			testutil.Missing(t, "needs %s", tool)
		}
	}
	dir := t.TempDir()
	testutil.Must(t, os.Chmod(dir, 0o755))
	bin := testBinaryIn(t, dir)
	cmd := exec.Command("unshare", "-m", "--propagation", "private", "sh", "-c", lookupScript)
	cmd.Env = append(os.Environ(), "T="+dir, "BIN="+bin)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("namespace script: %v\n%s", err, out)
	}
	open, closed, _ := strings.Cut(string(out), "== closed")
	if !strings.Contains(open, "[]") {
		t.Errorf("a lookup through the open hosts file: %s", open)
	}
	if !strings.Contains(closed, "as your user (uid 65534) finds no address") {
		t.Errorf("a lookup through a hosts file closed to the user: %s", closed)
	}
}
