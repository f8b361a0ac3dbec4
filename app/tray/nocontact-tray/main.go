// Command nocontact-tray is No Contact's tray icon, started at login. It
// uses getlantern/systray and never Fyne: the two collide on macOS.
//
// This first version shows the icon and a menu that opens the app and
// quits; the quick check of the block follows with the daemon's API.
package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"

	"github.com/getlantern/systray"

	"github.com/nocontact-app/nocontact/blocker"
	"github.com/nocontact-app/nocontact/resources"
)

func main() {
	if len(os.Args) > 1 && (os.Args[1] == "version" || os.Args[1] == "--version") {
		fmt.Println("nocontact-tray", blocker.Version)
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	systray.Run(func() { onReady(ctx) }, func() {})
}

func onReady(ctx context.Context) {
	systray.SetIcon(resources.TrayIdle)
	systray.SetTitle("No Contact")
	systray.SetTooltip("No Contact")
	header := systray.AddMenuItem("No Contact "+blocker.Version, "")
	header.Disable()
	systray.AddSeparator()
	open := systray.AddMenuItem("Open No Contact", "Open the main window")
	quit := systray.AddMenuItem("Quit tray", "Remove the icon until the next login")
	// getlantern/systray drops clicks nobody receives: one goroutine always
	// receives every item's ClickedCh.
	go func() {
		for {
			select {
			case <-open.ClickedCh:
				openApp()
			case <-quit.ClickedCh:
				systray.Quit()
				return
			case <-ctx.Done():
				systray.Quit()
				return
			}
		}
	}()
}

// openApp starts the main window; the GUI keeps a single instance itself.
func openApp() {
	cmd := exec.Command("nocontact")
	if self, err := os.Executable(); err == nil {
		if sib := siblingPath(self, "nocontact"); sib != "" {
			cmd = exec.Command(sib)
		}
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "nocontact-tray: open the app:", err)
		return
	}
	go cmd.Wait()
}
