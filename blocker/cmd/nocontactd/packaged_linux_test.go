package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/internal/daemon"
)

func TestOwnerIsRecordedAndRead(t *testing.T) {
	root := t.TempDir()
	dir := under(root, daemon.DefaultStateDir)
	if uid, err := readOwner(dir); uid != -1 || err != nil {
		t.Fatalf("no owner file: %d %v", uid, err)
	}
	code, out, errs := runCLI("owner", "--owner-uid", "1234", "--root", root)
	if code != exitOK || !strings.Contains(out, "recorded uid 1234") {
		t.Fatalf("owner: %d %q %q", code, out, errs)
	}
	if fi, err := os.Stat(filepath.Join(dir, ownerFile)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("owner file: %v %v", fi, err)
	}
	if uid, err := readOwner(dir); uid != 1234 || err != nil {
		t.Fatalf("read back: %d %v", uid, err)
	}
	if code, _, _ := runCLI("owner", "--root", root); code != exitUsage {
		t.Errorf("owner without --owner-uid: exit %d, want %d", code, exitUsage)
	}
	if err := os.WriteFile(filepath.Join(dir, ownerFile), []byte("jane\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := readOwner(dir); err == nil || !strings.Contains(err.Error(), "nocontactd owner") {
		t.Errorf("a damaged owner file: %v", err)
	}
}

func TestBeforeRemoveLiftsAStaleSectionWithoutADaemon(t *testing.T) {
	dir := t.TempDir()
	hostsFile := filepath.Join(dir, "hosts")
	stale := "127.0.0.1 localhost\n# BEGIN NOCONTACT (managed by nocontactd; restored if edited during a block session)\n127.78.0.1 x.com\n:: x.com\n# END NOCONTACT\n"
	if err := os.WriteFile(hostsFile, []byte(stale), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI("before-remove", "--hosts-file", hostsFile, "--state-dir", filepath.Join(dir, "state"),
		"--socket", filepath.Join(dir, "none.sock"))
	if code != exitOK || !strings.Contains(out, "no block is running") {
		t.Fatalf("before-remove: %d %q %q", code, out, errs)
	}
	if b, _ := os.ReadFile(hostsFile); string(b) != "127.0.0.1 localhost\n" {
		t.Errorf("hosts after before-remove:\n%s", b)
	}
}

func TestInstallRefusesBesideAPackage(t *testing.T) {
	root := t.TempDir()
	if err := writeFile(under(root, packagedUnit), []byte("[Unit]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"install", "--owner-uid", "1000"}, {"uninstall"}} {
		code, _, errs := runCLI(append(args, "--root", root)...)
		if code != exitFailed || !strings.Contains(errs, "package") {
			t.Errorf("%s beside a package: %d %q", args[0], code, errs)
		}
	}
}
