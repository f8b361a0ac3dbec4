package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// TestSetupBesidePackageRecordsOwnerOnly: where a package installed No
// Contact, setup installs no second copy and only asks the packaged
// daemon to record the user.
func TestSetupBesidePackageRecordsOwnerOnly(t *testing.T) {
	if os.Geteuid() != 0 {
		testutil.Missing(t, "root (setup runs the daemon directly only as root; else through pkexec)")
		return
	}
	root := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(root, "home-data"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(root, "home-config"))
	if packagedInstall(root) {
		t.Fatal("an empty root holds a package")
	}
	argsFile := filepath.Join(root, "args")
	fake := "#!/bin/sh\necho \"$@\" > " + argsFile + "\n"
	for p, body := range map[string]string{packagedDaemon: fake, packagedUnit: "[Unit]\n"} {
		if err := os.MkdirAll(filepath.Dir(underRoot(root, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(underRoot(root, p), []byte(body), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if !packagedInstall(root) {
		t.Fatal("the package is not seen")
	}
	code, out, errs := runCLI("setup", "--root", root)
	if code != ExitOK || !strings.Contains(out, "installed from a package") {
		t.Fatalf("setup: %d %q %q", code, out, errs)
	}
	got, _ := os.ReadFile(argsFile)
	if want := "owner --owner-uid 0 --root " + root + "\n"; string(got) != want {
		t.Errorf("the daemon was asked %q, want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(root, "home-data")); err == nil {
		t.Error("setup wrote the user's launcher or icons beside the package's")
	}
	if code, _, errs := runCLI("setup", "--remove", "--root", root); code == ExitOK || !strings.Contains(errs, "package manager") {
		t.Errorf("setup --remove beside a package: %d %q", code, errs)
	}
}
