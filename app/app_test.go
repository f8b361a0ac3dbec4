package app

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

func TestSetupTitleSaysWhenTheServiceDidNotAnswer(t *testing.T) {
	if got := setupTitle("No Contact setup will:\n...\nThe blocking service did not answer yet. Where systemd does not run, start it by hand:\n"); got == "Blocking is set up" {
		t.Errorf("title %q for a service that did not answer", got)
	}
	if got := setupTitle("The blocking service is running.\nDone: the tray starts at your next login"); got != "Blocking is set up" {
		t.Errorf("title %q for a setup that worked", got)
	}
}

func TestLastSentence(t *testing.T) {
	if got := lastSentence("details\nnocontact: pkexec was dismissed\n"); got != "Pkexec was dismissed" {
		t.Errorf("%q", got)
	}
}

func TestEmptyPreferencesAreDropped(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("HOME", dir)
	base, _ := os.UserConfigDir()
	path := filepath.Join(base, "fyne", ID, "preferences.json")
	testutil.Must(t, os.MkdirAll(filepath.Dir(path), 0o700))
	testutil.Must(t, os.WriteFile(path, nil, 0o600))
	dropEmptyPreferences()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("an empty preferences file is still there: %v", err)
	}
	testutil.Must(t, os.WriteFile(path, []byte(`{"k":1}`+"\n"), 0o600))
	dropEmptyPreferences()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("a preferences file with content was removed: %v", err)
	}
}

func TestNoNotificationWithoutASessionBus(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("only Linux asks the session bus")
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	if canNotify() {
		t.Error("no session bus, yet a notification would be sent")
	}
}
