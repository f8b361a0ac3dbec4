package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/session"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

func TestInstallIntoRoot(t *testing.T) {
	root := t.TempDir()
	code, out, errs := runCLI("install", "--root", root, "--owner-uid", "1000")
	if code != exitOK {
		t.Fatalf("install: %d %s %s", code, out, errs)
	}
	bin := filepath.Join(root, libexecDir, "nocontactd")
	if fi, err := os.Stat(bin); err != nil || fi.Mode().Perm() != 0o755 {
		t.Fatalf("binary: %v %v", fi, err)
	}
	unit, err := os.ReadFile(filepath.Join(root, unitPath))
	if err != nil || !strings.Contains(string(unit), "ExecStart="+libexecDir+"/nocontactd run --owner-uid 1000") {
		t.Fatalf("unit: %s %v", unit, err)
	}
	for _, want := range []string{"ProtectSystem=strict", "ReadWritePaths=/etc", "NoNewPrivileges=yes", "StateDirectory=nocontact"} {
		if !strings.Contains(string(unit), want) {
			t.Errorf("unit lacks %s", want)
		}
	}
	verifyUnit(t, string(unit), bin)
	if policy, err := os.ReadFile(filepath.Join(root, policyPath)); err != nil || !strings.Contains(string(policy), libexecDir+"/nocontactd") {
		t.Errorf("polkit policy: %v", err)
	}

	// A running session (in the state) makes uninstall refuse.
	store, _ := session.NewStore(filepath.Join(root, "var/lib/nocontact"))
	m, _ := session.NewManager(store, session.SystemClock{})
	m.Start(api.StartRequest{Hostnames: []string{"x.com"}, Duration: api.Duration(time.Hour)})
	if code, _, errs := runCLI("uninstall", "--root", root); code != exitBlocked || !strings.Contains(errs, "session is running") {
		t.Fatalf("uninstall during a session: %d %s", code, errs)
	}
	m.Cleanup()
	if code, _, errs := runCLI("uninstall", "--root", root); code != exitOK {
		t.Fatalf("uninstall: %d %s", code, errs)
	}
	for _, p := range []string{bin, filepath.Join(root, unitPath), filepath.Join(root, policyPath)} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s left behind", p)
		}
	}
	// The state and history stay for a later install, unless asked.
	state := filepath.Join(root, "var/lib/nocontact")
	if _, err := os.Stat(state); err != nil {
		t.Errorf("uninstall took the state and history: %v", err)
	}
	if code, _, errs := runCLI("uninstall", "--root", root, "--remove-data"); code != exitOK {
		t.Fatalf("uninstall --remove-data: %d %s", code, errs)
	}
	if _, err := os.Stat(state); !os.IsNotExist(err) {
		t.Errorf("uninstall --remove-data left the state: %v", err)
	}
}

func TestInstallNeedsOwner(t *testing.T) {
	if code, _, _ := runCLI("install", "--root", t.TempDir()); code != exitUsage {
		t.Errorf("exit %d", code)
	}
}

// verifyUnit runs systemd-analyze verify on the unit, pointed at the
// installed binary.
func verifyUnit(t *testing.T, unit, bin string) {
	t.Helper()
	if _, err := exec.LookPath("systemd-analyze"); err != nil {
		t.Log("systemd-analyze not installed: unit not verified")
		return
	}
	p := filepath.Join(t.TempDir(), "nocontactd.service")
	testutil.Must(t, os.WriteFile(p, []byte(strings.ReplaceAll(unit, libexecDir+"/nocontactd", bin)), 0o644))
	out, err := exec.Command("systemd-analyze", "verify", p).CombinedOutput()
	for _, line := range strings.Split(string(out), "\n") {
		// Without a running systemd it complains about the system, not the unit.
		if strings.Contains(line, "nocontactd.service") {
			t.Errorf("systemd-analyze: %s", line)
		}
	}
	if err != nil && strings.Contains(string(out), "nocontactd.service") {
		t.Errorf("systemd-analyze verify: %v", err)
	}
}
