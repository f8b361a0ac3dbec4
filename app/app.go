// Package app wires the GUI: it owns the fyne.App, the one daemon client
// and the vault, and hands them to the screens in app/ui.
package app

import (
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"

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
	deps.Setup = func() { showSetup(w) }
	m := ui.Create(deps)
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

// showSetup says how to install the daemon; `nocontact setup` (with
// pkexec) is not part of this build yet.
func showSetup(w fyne.Window) {
	dialog.ShowInformation("Set up blocking", fmt.Sprintf(
		"Blocking needs the No Contact daemon, which runs as root.\n\nIn a terminal, from the No Contact folder:\n\n"+
			"    sudo bin/nocontactd install --owner-uid %d\n\n"+
			"Where systemd does not run (containers, WSL), start it by hand:\n\n"+
			"    sudo bin/nocontactd run --owner-uid %d", os.Getuid(), os.Getuid()), w)
}
