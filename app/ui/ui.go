// Package ui builds No Contact's Fyne screens from plain values, an
// interface to the daemon and the vault. It does no I/O of its own: the
// caller (package app) hands in the daemon client and the vault, so every
// screen can be driven headless with fyne.io/fyne/v2/test.
package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/blocker/api"
)

// Daemon is what the screens ask of nocontactd; *client.Client has it.
type Daemon interface {
	Status(ctx context.Context) (*api.Status, error)
	Start(ctx context.Context, req api.StartRequest) (*api.SessionResponse, error)
	Extend(ctx context.Context, by time.Duration) (*api.Session, error)
	Add(ctx context.Context, names, paths []string) (*api.Session, error)
	Unlock(ctx context.Context, action api.UnlockAction, code string) (*api.UnlockResponse, error)
	Events(ctx context.Context, after uint64) ([]api.Event, error)
	Schedules(ctx context.Context) ([]api.Schedule, error)
	AddSchedule(ctx context.Context, req api.ScheduleRequest) (*api.Schedule, error)
	RemoveSchedule(ctx context.Context, id string) (*api.Schedule, error)
	KeepSchedule(ctx context.Context, id string) (*api.Schedule, error)
	ConnectPhone(ctx context.Context, req api.PhoneConnect) (*api.PhoneStatus, error)
	DisconnectPhone(ctx context.Context) (*api.PhoneStatus, error)
	ChoosePhone(ctx context.Context, choice api.PhoneChoice) (*api.PhoneStatus, error)
}

// Store is the vault; *vault.Vault has it.
type Store interface {
	Load() (*vault.Data, error)
	Update(change func(*vault.Data) error) error
}

// Deps are what the screens need from their caller.
type Deps struct {
	Daemon Daemon
	Vault  Store
	Now    func() time.Time // default time.Now
	// Async runs slow work (daemon and keyring calls) off the UI thread;
	// its results reach widgets through fyne.Do. Default: a goroutine.
	Async func(func())
	// Setup runs the "Set up blocking" flow (nocontact setup).
	Setup func()
	// Every calls f on the UI thread every d until it returns true.
	// Default: a goroutine with a ticker and fyne.Do.
	Every func(d time.Duration, f func() bool)
}

func (d *Deps) fill() {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Async == nil {
		d.Async = func(f func()) { go f() }
	}
	if d.Setup == nil {
		d.Setup = func() {}
	}
	if d.Every == nil {
		d.Every = every
	}
}

// openingText is what the screens say until the vault answers: the
// keyring may take a moment, or first ask for its password.
const openingText = "Opening your profiles…"

// Opening is the main window's content for the moment before its screens
// are built, so that the window can appear at once. It is one line in the
// regular face: each other face (a bold heading) is a font file to parse
// before the window shows.
func Opening() fyne.CanvasObject {
	return container.NewCenter(widget.NewLabel(openingText))
}

// Main is the main window's content: the rail and its screens.
type Main struct {
	Tabs     *Rail
	Keys     *Keys
	Today    *Today
	Profiles *Profiles
	Read     *Reader
	Progress *Progress
	Help     *Help

	d        Deps
	restored bool // the reader is where it was left (UI thread only)
	// The screens that scroll, each with its scroll, for the focus to
	// follow; focus is the widget that had it at the last look.
	scrolls map[*container.TabItem][]*container.Scroll
	focus   fyne.Focusable
	closed  bool
}

// Create builds the main window's content.
func Create(d Deps) *Main {
	d.fill()
	k := &Keys{}
	m := &Main{d: d, Keys: k, Today: newToday(d, k), Profiles: newProfiles(d, k), Read: newReader(d), Progress: newProgress(d), Help: newHelp()}
	m.Profiles.onChange = m.Today.Refresh
	m.Tabs = newRail(
		container.NewTabItemWithIcon("Today", theme.HomeIcon(), m.Today.content),
		container.NewTabItemWithIcon("Profiles", theme.AccountIcon(), m.Profiles.content),
		container.NewTabItemWithIcon("Read", theme.DocumentIcon(), m.Read.content),
		container.NewTabItemWithIcon("Progress", theme.HistoryIcon(), m.Progress.content),
		container.NewTabItemWithIcon("Help", theme.HelpIcon(), m.Help.content),
	)
	m.scrolls = map[*container.TabItem][]*container.Scroll{}
	for _, it := range m.Tabs.Items {
		if s, ok := it.Content.(*container.Scroll); ok {
			m.scrolls[it] = []*container.Scroll{s}
		}
	}
	m.Tabs.OnSelected = func(t *container.TabItem) {
		if t.Content == m.Read.content {
			m.Read.Load()
		}
	}
	return m
}

// BindKeys gives the window's keyboard to the screens: Escape and Enter
// for their dialogs, Ctrl+1..5 for the rail; and from then on the screen
// scrolls to show the widget the focus moves to.
func (m *Main) BindKeys(c fyne.Canvas) {
	m.Keys.Bind(c)
	m.Tabs.bindShortcuts(c)
	m.d.Every(focusPoll, m.followFocus)
}

// Refresh reloads every screen from the daemon and the vault. The vault
// is read once for all of them (each read asks the keyring for the key),
// and the first read that works also opens the reader where it was left.
func (m *Main) Refresh() {
	m.d.Async(func() {
		data, err := m.d.Vault.Load()
		m.Today.update(data, err)
		m.Profiles.update(data, err)
		m.Progress.update(data, err)
		if err == nil {
			fyne.Do(func() { m.restoreReading(data.Settings) })
		}
	})
}

// restoreReading opens the reader where it was left, once.
func (m *Main) restoreReading(s vault.Settings) {
	if m.restored {
		return
	}
	m.restored = true
	if sec := m.Read.article.Find(s.ReadSection); sec != nil {
		m.Read.Text.ParseMarkdown(sec.Markdown())
	}
	if s.TextScale > 0 {
		m.Read.Size.SetValue(s.TextScale)
	}
}

func ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 10*time.Second)
}

func every(d time.Duration, f func() bool) {
	go func() {
		tick := time.NewTicker(d)
		defer tick.Stop()
		for range tick.C {
			done := make(chan bool, 1)
			fyne.Do(func() { done <- f() })
			if <-done {
				return
			}
		}
	}()
}
