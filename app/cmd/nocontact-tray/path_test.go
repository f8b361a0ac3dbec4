package main

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// The tray finds the nocontact program beside itself (nocontact.exe on
// Windows), to open the pop-up and the window.
func TestSiblingPath(t *testing.T) {
	dir := t.TempDir()
	name := "nocontact"
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	self := filepath.Join(dir, "nocontact-tray")
	if got := siblingPath(self, "nocontact"); got != "" {
		t.Errorf("found %q where there is none", got)
	}
	if err := os.WriteFile(filepath.Join(dir, name), nil, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := siblingPath(self, "nocontact"); got != filepath.Join(dir, name) {
		t.Errorf("got %q, want %s beside the tray", got, name)
	}
}
