package browser

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// TestReadOnlyDirectoryIsReported: a policy directory that cannot be
// written is reported as the browser's problem. As root (CI) it runs again
// as uid 65534, since root writes into read-only directories.
func TestReadOnlyDirectoryIsReported(t *testing.T) {
	if os.Geteuid() == 0 {
		testutil.RunAsNobody(t, "TestReadOnlyDirectoryIsReported") // root writes into read-only directories
		return
	}
	root := machine(t, "chromium")
	dir := filepath.Join(root, "/etc/chromium/policies/managed")
	testutil.Must(t, os.MkdirAll(dir, 0o755))
	testutil.Must(t, os.Chmod(dir, 0o555))
	defer os.Chmod(dir, 0o755) // best effort: if it fails, the TempDir clean-up says so
	report, _, err := newManager(t, root).Apply(Want{})
	if err == nil || report[0].Problem == "" {
		t.Fatalf("%+v %v", report, err)
	}
}
