package main

import (
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// privateEtc starts every namespace script: /etc becomes a tmpfs copy of
// itself (so nothing, not even a backup file, reaches the real /etc), the
// browsers' policy directories start empty whatever this machine holds,
// and the test's $T/hosts is bind-mounted over /etc/hosts.
const privateEtc = `set -e
mkdir -p "$T/orig"
mount --bind /etc "$T/orig"
mount -t tmpfs tmpfs /etc
cp -a "$T/orig/." /etc/
rm -rf /etc/firefox/policies /etc/chromium/policies /etc/chromium-browser/policies /etc/opt/chrome/policies \
  /etc/brave/policies /etc/opt/edge/policies /etc/opt/vivaldi/policies /etc/vivaldi/policies
mount --bind "$T/hosts" /etc/hosts
`

// inNamespace runs script (after privateEtc) as root in a private mount
// namespace, with T=dir, BIN standing for nocontactd, and env. It skips
// the test without root or the tools.
func inNamespace(t testing.TB, dir, script string, tools []string, env ...string) ([]byte, error) {
	t.Helper()
	checkNamespaceTools(t, tools)
	cmd := exec.Command("unshare", "-m", "--propagation", "private", "sh", "-c", privateEtc+script)
	cmd.Env = append(append(os.Environ(), "T="+dir, "BIN="+os.Args[0], "NOCONTACTD_TEST_AS_MAIN=1"), env...)
	return cmd.CombinedOutput()
}

// checkNamespaceTools skips the test without root or the tools a
// namespace script needs.
func checkNamespaceTools(t testing.TB, tools []string) {
	t.Helper()
	if os.Geteuid() != 0 {
		testutil.Missing(t, "needs root for unshare -m, mount and ports below 1024; run make test as root (CI does)")
	}
	for _, tool := range append([]string{"unshare", "mount"}, tools...) {
		if _, err := exec.LookPath(tool); err != nil {
			testutil.Missing(t, "needs %s: %v", tool, err)
		}
	}
}

// namespaceScript asks the real resolver (glibc, through getent) about
// the blocked name.
const namespaceScript = `"$BIN" hosts apply --hosts-file /etc/hosts "$NAME"
echo "== hosts";    getent hosts "$NAME"
echo "== ahosts";   getent ahosts "$NAME"
echo "== ahostsv4"; getent ahostsv4 "$NAME"
echo "== ahostsv6"; getent ahostsv6 "$NAME"
echo "== dotted";   getent ahosts "$NAME."
"$BIN" hosts strip --hosts-file /etc/hosts
echo "== after strip"
getent -s files ahosts "$NAME" || echo "not found: $?"
`

// TestBindMountedHostsWithRealResolver needs root: it proves that a name
// applied to a bind-mounted /etc/hosts (where rename is impossible and the
// in-place fallback runs) resolves to the sinkhole and to :: through glibc,
// and that the machine's own /etc/hosts is not touched.
func TestBindMountedHostsWithRealResolver(t *testing.T) {
	realBefore := fileDigest(t, "/etc/hosts")
	dir := t.TempDir()
	const start = "127.0.0.1 localhost\n::1 localhost\n"
	hostsPath := filepath.Join(dir, "hosts")
	if err := os.WriteFile(hostsPath, []byte(start), 0o644); err != nil {
		t.Fatal(err)
	}
	const name = "blocked.nocontact-test.example"
	out, err := inNamespace(t, dir, namespaceScript, []string{"getent"}, "NAME="+name)
	t.Logf("namespace output:\n%s", out)
	if err != nil {
		t.Fatalf("namespace script: %v", err)
	}
	sections := splitSections(string(out))
	checkHas(t, sections["hosts"], name)
	checkHas(t, sections["ahosts"], "127.78.0.1", "::")
	checkHas(t, sections["ahostsv4"], "127.78.0.1")
	checkHas(t, sections["ahostsv6"], "::")
	checkHas(t, sections["dotted"], "127.78.0.1", "::") // "name." must not go to DNS
	if !strings.Contains(sections["after strip"], "not found") {
		t.Errorf("after strip the name still resolves: %q", sections["after strip"])
	}
	if !strings.Contains(string(out), "(in-place)") {
		t.Error("the bind-mounted file was not written by the in-place fallback")
	}
	if got, _ := os.ReadFile(hostsPath); string(got) != start {
		t.Errorf("after apply and strip the file is %q, want %q", got, start)
	}
	if fileDigest(t, "/etc/hosts") != realBefore {
		t.Fatal("the machine's /etc/hosts changed")
	}
	leftovers, _ := filepath.Glob("/etc/*nocontact*")
	if len(leftovers) > 0 {
		t.Errorf("files left in the real /etc: %v", leftovers)
	}
}

func fileDigest(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// splitSections splits the script's output at "== title" lines.
func splitSections(out string) map[string]string {
	m := map[string]string{}
	var title string
	for _, line := range strings.Split(out, "\n") {
		if t, ok := strings.CutPrefix(line, "== "); ok {
			title = t
			continue
		}
		m[title] += line + "\n"
	}
	return m
}

// checkHas asserts that every want is a whole field of got.
func checkHas(t *testing.T, got string, wants ...string) {
	t.Helper()
	fields := strings.Fields(got)
	for _, w := range wants {
		found := false
		for _, f := range fields {
			found = found || f == w
		}
		if !found {
			t.Errorf("output %q lacks %q", got, w)
		}
	}
}
