// Package app wires the GUI: it owns the fyne.App and, once the daemon
// exists, the one daemon client, and hands plain values and callbacks to the
// screens in app/ui.
package app

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/nocontact-app/nocontact/app/ui"
	"github.com/nocontact-app/nocontact/blocker"
	"github.com/nocontact-app/nocontact/resources"
)

// ID is the application ID, as in FyneApp.toml and the desktop files.
const ID = "app.nocontact.NoContact"

// Run opens the main window and returns when it is closed.
func Run() {
	a := fyneapp.NewWithID(ID)
	icon := fyne.NewStaticResource("icon.png", resources.Icon)
	a.SetIcon(icon)
	w := a.NewWindow("No Contact")
	w.SetContent(ui.Create(ui.Info{Version: blocker.Version, Icon: icon}))
	w.Resize(fyne.NewSize(720, 480))
	w.SetMaster()
	w.ShowAndRun()
}
