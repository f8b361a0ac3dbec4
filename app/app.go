// Package app wires the GUI: it owns the fyne.App, the one daemon client
// and the vault, and hands them to the screens in app/ui.
package app

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/ui"
	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/blocker/daemon"
	"github.com/nocontact-app/nocontact/resources"
)

// ID is the application ID, as in FyneApp.toml and the desktop files.
const ID = "app.nocontact.NoContact"

// refreshEvery is how often the window re-reads the daemon's status.
const refreshEvery = 30 * time.Second

// Run opens the main window and returns when it is closed.
func Run() {
	a := fyneapp.NewWithID(ID)
	a.SetIcon(fyne.NewStaticResource("icon.png", resources.Icon))
	w := a.NewWindow("No Contact")
	deps := ui.Deps{Daemon: &daemon.Client{}, Vault: openVault()}
	var m *ui.Main
	deps.Setup = func() { runSetup(w, func() { m.Refresh() }) }
	m = ui.Create(deps)
	w.SetContent(m.Tabs)
	w.Resize(fyne.NewSize(900, 620))
	w.SetMaster()
	m.Refresh()
	m.RestoreReading(deps)
	go func() {
		for range time.Tick(refreshEvery) {
			m.Refresh()
		}
	}()
	w.ShowAndRun()
}

func openVault() *vault.Vault {
	dir, err := vault.DefaultDir()
	if err != nil {
		dir = os.TempDir()
	}
	return vault.Open(dir, vault.Keyring{})
}

// runSetup runs `nocontact setup` (pkexec asks for the password in its
// own dialog) and shows what it said.
func runSetup(w fyne.Window, done func()) {
	self, err := os.Executable()
	if err != nil {
		dialog.ShowError(err, w)
		return
	}
	progress := dialog.NewCustomWithoutButtons("Setting up blocking", widget.NewProgressBarInfinite(), w)
	progress.Show()
	go func() {
		out, err := exec.Command(self, "setup").CombinedOutput()
		fyne.Do(func() {
			progress.Hide()
			msg := strings.TrimSpace(string(out))
			if err != nil {
				msg = fmt.Sprintf("Setup did not finish (%v).\n\n%s", err, msg)
			}
			dialog.ShowInformation("Set up blocking", msg, w)
			done()
		})
	}()
}
