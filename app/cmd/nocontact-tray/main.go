// Command nocontact-tray is No Contact's tray icon, started at login. It
// shows the quick check (the day counter, the block, the hosts file, the
// last attempt), offers the common actions, and follows the daemon's event
// stream to open the excerpt pop-up on every attempt, at most one new
// pop-up a minute. It uses fyne.io/systray (the StatusNotifierItem
// protocol over D-Bus on Linux, no GTK) and never Fyne's GUI, so that it
// stays a small process.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"fyne.io/systray"

	"github.com/nocontact-app/nocontact/blocker/api"
)

func main() {
	if len(os.Args) > 1 && (os.Args[1] == "version" || os.Args[1] == "--version") {
		fmt.Println("nocontact-tray", api.Version)
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	t := newTrayApp()
	systray.Run(func() { t.onReady(ctx) }, func() {})
}
