// Package app wires the GUI: it owns the fyne.App, the one daemon client
// and the vault, hands them to the screens in app/ui, and keeps one GUI
// process per user (package single): a second `nocontact` or `nocontact
// excerpt` hands its request to the running one. While it runs it answers
// attempts with the pop-up as the tray does, one pop-up per event however
// many ask for it.
package app

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/single"
	"github.com/nocontact-app/nocontact/app/tray"
	"github.com/nocontact-app/nocontact/app/ui"
	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/resources"
)

// ID is the application ID, as in FyneApp.toml and the desktop files.
const ID = "app.nocontact.NoContact"

// refreshEvery is how often the main window re-reads the daemon's status.
const refreshEvery = 30 * time.Second

// Run opens what req asks for (the main window, or the pop-up for an
// event), or hands req to the GUI process already running. It returns when
// the last window closes.
func Run(req single.Request) {
	path := single.Path()
	if single.Send(path, req) == nil {
		return
	}
	dropEmptyPreferences()
	c := &client.Client{}
	g := newGUI(fyneapp.NewWithID(ID), c, openVault())
	g.a.Settings().SetTheme(ui.NewTheme())
	g.a.SetIcon(fyne.NewStaticResource("icon.png", resources.Icon))
	if stop, err := single.Listen(path, func(r single.Request) { fyne.Do(func() { g.handle(r) }) }); err == nil {
		defer stop()
	}
	g.handle(req)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		after, _ := c.Newest(ctx) // without it, the throttle's Since keeps old events out
		g.follow(ctx, after)
	}()
	g.a.Run()
}

// gui is the running GUI process: its app, its open main window, and
// the pop-ups it has opened.
type gui struct {
	a    fyne.App
	c    *client.Client
	deps ui.Deps
	win  fyne.Window
	m    *ui.Main

	// Used on Fyne's thread only.
	popups   map[uint64]fyne.Window // by event: its pop-up, nil once closed
	throttle tray.Throttle          // the tray's rule: one new pop-up a minute
}

// newGUI is the GUI process's state, its screens reaching the daemon
// through c and the person's data through v.
func newGUI(a fyne.App, c *client.Client, v *vault.Vault) *gui {
	return &gui{a: a, c: c, deps: ui.Deps{Daemon: c, Vault: v, Async: func(f func()) { go f() }}, popups: map[uint64]fyne.Window{},
		throttle: tray.Throttle{Since: time.Now()}}
}

func (g *gui) handle(r single.Request) {
	if r.Open == "popup" {
		g.openPopup(r.Event)
		return
	}
	g.openMain(r.Tab)
	if r.EndEarly {
		g.m.Today.EndEarlyWhenReady()
	}
	if r.Extend {
		g.m.Today.ExtendWhenReady()
	}
}

// openMain shows the main window, opening it if needed.
func (g *gui) openMain(tab string) {
	if g.win == nil {
		// The window appears first, saying it is opening; then its screens
		// are built and laid out (a quarter of a second), and filled in
		// when the vault and the daemon answer (the keyring may first ask
		// for its password).
		g.win = g.a.NewWindow("No Contact")
		g.win.SetContent(ui.Opening())
		g.win.Resize(fyne.NewSize(900, 620))
		g.win.SetOnClosed(func() {
			if g.m != nil {
				g.m.Close()
			}
			g.win, g.m = nil, nil
		})
		g.win.Show()
		deps := g.deps
		deps.Setup = func() { runSetup(g.win, g.m.Keys, g.m.Refresh) }
		g.m = ui.Create(deps)
		g.win.SetContent(g.m.Tabs)
		g.m.BindKeys(g.win.Canvas())
		g.m.Refresh()
		m := g.m
		go func() {
			for range time.Tick(refreshEvery) {
				fyne.Do(func() {
					if g.m == m {
						m.Refresh()
					}
				})
			}
		}()
	}
	for i, t := range single.Tabs {
		if tab == t {
			g.m.Tabs.SelectIndex(i)
		}
	}
	g.win.Show()
	g.win.RequestFocus()
}

func openVault() *vault.Vault {
	dir, err := vault.DefaultDir()
	if err != nil {
		dir = os.TempDir()
	}
	return vault.Open(dir, vault.Keyring{})
}

// runSetup runs `nocontact setup` (pkexec asks for the password in its
// own dialog) and shows what it said: on failure the one sentence the
// command ends with, and everything else behind Details.
func runSetup(w fyne.Window, k *ui.Keys, done func()) {
	self, err := os.Executable()
	if err != nil {
		dialog.ShowError(err, w)
		return
	}
	progress := dialog.NewCustomWithoutButtons("Setting up blocking", widget.NewProgressBarInfinite(), w)
	progress.Show()
	go func() {
		var stdout, stderr strings.Builder
		cmd := exec.Command(self, "setup")
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		fyne.Do(func() {
			progress.Hide()
			if err == nil {
				k.Message(setupTitle(stdout.String()), strings.TrimSpace(stdout.String()), "")
			} else {
				k.Message("Setup did not finish", lastSentence(stderr.String()), strings.TrimSpace(stdout.String()+"\n"+stderr.String()))
			}
			done()
		})
	}()
}

// lastSentence is what the command said last, without its name: the
// sentence a person can act on.
func lastSentence(stderr string) string {
	i := strings.LastIndex(stderr, "nocontact: ")
	if i < 0 {
		return "Setup stopped without saying why; the details below are what it printed."
	}
	s := strings.TrimSpace(stderr[i+len("nocontact: "):])
	return strings.ToUpper(s[:1]) + s[1:]
}

// setupTitle is the heading for what a finished setup printed: it says
// so when the service it installed did not answer (yet).
func setupTitle(stdout string) string {
	if strings.Contains(stdout, "did not answer") {
		return "Set up, but the blocking service did not answer yet"
	}
	return "Blocking is set up"
}
