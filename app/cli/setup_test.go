package cli

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

func TestSetupUserParts(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	code, out, errs := runCLI("setup", "--no-system")
	if code != ExitOK || !strings.Contains(out, "asks for your password") {
		t.Fatalf("setup: %d %q %q", code, out, errs)
	}
	paths := userPaths()
	if len(paths) != 7 {
		t.Fatalf("%d user paths", len(paths))
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil || fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: %v %v", p, fi, err)
		}
	}
	launcher, _ := os.ReadFile(paths[0])
	self, _ := os.Executable()
	if !strings.Contains(string(launcher), "Exec="+filepath.Join(filepath.Dir(self), "nocontact")+"\n") {
		t.Errorf("launcher:\n%s", launcher)
	}
	if _, err := exec.LookPath("desktop-file-validate"); err == nil {
		out, err := exec.Command("desktop-file-validate", paths[0], paths[1]).CombinedOutput()
		if err != nil || len(out) > 0 {
			t.Errorf("desktop-file-validate: %v %s", err, out)
		}
	}
	if code, _, errs := runCLI("setup", "--remove", "--no-system"); code != ExitOK {
		t.Fatalf("remove: %s", errs)
	}
	for _, p := range paths {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s left behind", p)
		}
	}
}

func TestSystemCommand(t *testing.T) {
	none := func(string) (string, error) { return "", errors.New("not found") }
	found := func(string) (string, error) { return "/usr/bin/pkexec", nil }
	args := []string{"install", "--owner-uid", "1000", "--root", "/"}
	if _, _, err := systemCommand(1000, t.TempDir(), none, args); err == nil || !strings.Contains(err.Error(), "sudo "+installedDaemon+" install --owner-uid 1000") {
		t.Errorf("without pkexec: %v", err)
	}
	name, argv, err := systemCommand(1000, t.TempDir(), found, args)
	if err != nil || name != "/usr/bin/pkexec" || argv[0] != installedDaemon || argv[1] != "install" {
		t.Errorf("with pkexec: %s %q %v", name, argv, err)
	}
	bin := t.TempDir()
	testutil.Must(t, os.WriteFile(filepath.Join(bin, "nocontactd"), []byte("#!/bin/sh\n"), 0o755))
	if name, argv, _ := systemCommand(0, bin, none, args); name != filepath.Join(bin, "nocontactd") || argv[0] != "install" {
		t.Errorf("as root: %s %q", name, argv)
	}
}

// TestPkexecFailuresAreSentences: what pkexec's exit says becomes a
// sentence with the way forward, never "exit status 127".
func TestPkexecFailuresAreSentences(t *testing.T) {
	run := func(code int) error {
		return exec.Command("sh", "-c", fmt.Sprintf("exit %d", code)).Run()
	}
	argv := []string{"/usr/local/libexec/nocontact/nocontactd", "install", "--owner-uid", "1000"}
	for _, c := range []struct {
		code         int
		stderr, want string
	}{
		{126, "", "was not given"},
		{127, "Error getting authority: Error initializing authority: Could not connect: No such file or directory", "no program running that asks for an administrator password"},
		{1, "", "could not be installed as administrator"},
	} {
		err := pkexecError(run(c.code), c.stderr, argv)
		if !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "sudo /usr/local/libexec/nocontact/nocontactd install --owner-uid 1000") {
			t.Errorf("exit %d: %v", c.code, err)
		}
		if strings.Contains(err.Error(), "Error getting authority") {
			t.Errorf("exit %d: the raw message reaches the person: %v", c.code, err)
		}
	}
}
