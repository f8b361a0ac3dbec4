package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"sync"
	"time"

	"fyne.io/systray"

	"github.com/nocontact-app/nocontact/app/tray"
	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/resources"
)

// refreshEvery is how often the labels are refreshed besides on events.
const refreshEvery = time.Minute

// trayApp binds the menu model to fyne.io/systray.
type trayApp struct {
	client    *client.Client
	nocontact string // the nocontact binary

	mu       sync.Mutex
	items    map[string]*systray.MenuItem
	visits   []api.Event // the last two days' visits, for the last attempt and today's count
	throttle tray.Throttle
	refreshC chan struct{}
	keepErr  string // why the last "Keep the block" did not work
	keepAt   time.Time
}

func newTrayApp() *trayApp {
	t := &trayApp{client: &client.Client{}, nocontact: "nocontact", items: map[string]*systray.MenuItem{}, refreshC: make(chan struct{}, 1),
		throttle: tray.Throttle{Since: time.Now()}}
	if self, err := os.Executable(); err == nil {
		if sib := siblingPath(self, "nocontact"); sib != "" {
			t.nocontact = sib
		}
	}
	return t
}

// allItems is every item in menu order; Menu decides which show.
var allItems = []string{tray.IDDay, tray.IDBlock, tray.IDHosts, tray.IDLast, tray.IDNext, "", tray.IDStart24h, tray.IDStartLonger,
	tray.IDExtend, tray.IDEnd, tray.IDKeep, tray.IDSet, "", tray.IDOpen, tray.IDRead, "", tray.IDQuit}

func (t *trayApp) onReady(ctx context.Context) {
	systray.SetIcon(resources.TrayIdle)
	systray.SetTitle("No Contact")
	systray.SetTooltip("No Contact")
	clicks := make(chan string, 16)
	for _, id := range allItems {
		if id == "" {
			systray.AddSeparator()
			continue
		}
		it := systray.AddMenuItem(id, "")
		t.items[id] = it
		// The systray drops clicks nobody receives: every item has
		// a goroutine that always receives.
		go func(id string, it *systray.MenuItem) {
			for range it.ClickedCh {
				clicks <- id
			}
		}(id, it)
	}
	t.refresh()
	go t.follow(ctx)
	go t.loop(ctx, clicks)
}

// loop handles clicks, refreshes and shutdown.
func (t *trayApp) loop(ctx context.Context, clicks <-chan string) {
	tick := time.NewTicker(refreshEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			systray.Quit()
			return
		case id := <-clicks:
			t.click(id)
		case <-tick.C:
			t.refresh()
		case <-t.refreshC:
			t.refresh()
		}
	}
}

// state gathers the menu's inputs.
func (t *trayApp) state() tray.State {
	s := tray.State{Now: time.Now()}
	t.mu.Lock()
	if time.Since(t.keepAt) < 2*time.Minute {
		s.KeepFailed = t.keepErr
	}
	t.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s.Status, s.DaemonErr = t.client.Status(ctx)
	if s.DaemonErr != nil {
		s.Status = nil
	}
	if dir, err := vault.DefaultDir(); err == nil {
		if d, err := vault.Open(dir, vault.Keyring{}).Load(); err == nil {
			s.HasProfiles = len(d.Profiles) > 0
			s.HasDay = d.LastContact != nil
			s.DaysClean = d.DaysWithoutContact(s.Now)
		}
	}
	t.mu.Lock()
	s.Visits = slices.Clone(t.visits)
	t.mu.Unlock()
	return s
}

// refresh applies the menu model.
func (t *trayApp) refresh() {
	s := t.state()
	shown := map[string]bool{}
	for _, it := range tray.Menu(s) {
		mi := t.items[it.ID]
		shown[it.ID] = true
		mi.SetTitle(it.Label)
		if it.Enabled {
			mi.Enable()
		} else {
			mi.Disable()
		}
		mi.Show()
	}
	for id, mi := range t.items {
		if !shown[id] {
			mi.Hide()
		}
	}
	icon := map[string][]byte{tray.IconBlocking: resources.TrayBlocking, tray.IconIdle: resources.TrayIdle, tray.IconProblem: resources.TrayProblem}
	systray.SetIcon(icon[tray.Icon(s)])
}

func (t *trayApp) nudge() {
	select {
	case t.refreshC <- struct{}{}:
	default:
	}
}

// follow reads the event stream, reconnecting with backoff when the daemon
// restarts, and opens pop-ups.
func (t *trayApp) follow(ctx context.Context) {
	t.client.Follow(ctx, t.catchUp(ctx), t.onEvent, func(err error, retry time.Duration) {
		fmt.Fprintln(os.Stderr, "nocontact-tray: event stream:", err, "; reconnecting in", retry)
	})
}

// catchUp returns the newest seq (old events open no pop-up) and notes the
// last visit.
func (t *trayApp) catchUp(ctx context.Context) uint64 {
	events, err := t.client.Events(ctx, 0)
	if err != nil || len(events) == 0 {
		return 0
	}
	t.mu.Lock()
	for _, e := range events {
		t.noteVisit(e)
	}
	t.mu.Unlock()
	return events[len(events)-1].Seq
}

// visitsKept is how far back the tray keeps visits: today's, and the
// last attempt's when it was yesterday.
const visitsKept = 48 * time.Hour

// noteVisit keeps a visit event, or its update (the same seq with a new
// count); t.mu is held.
func (t *trayApp) noteVisit(e api.Event) {
	if e.Kind != api.EventVisit {
		return
	}
	if i := slices.IndexFunc(t.visits, func(v api.Event) bool { return v.Seq == e.Seq }); i >= 0 {
		t.visits[i] = e
		return
	}
	t.visits = append(t.visits, e)
	cut := time.Now().Add(-visitsKept)
	t.visits = slices.DeleteFunc(t.visits, func(v api.Event) bool { return v.Time.Before(cut) })
}

func (t *trayApp) onEvent(e api.Event) {
	t.mu.Lock()
	t.noteVisit(e)
	open := t.throttle.Allow(e, time.Now())
	t.mu.Unlock()
	if open {
		t.launch("excerpt", "--event", fmt.Sprint(e.Seq))
	}
	t.nudge()
}

// click runs a menu action.
func (t *trayApp) click(id string) {
	switch id {
	case tray.IDStart24h:
		t.launch("start", "--for", "24h")
	case tray.IDStartLonger:
		t.launch("open", "today") // the window asks before a long block
	case tray.IDExtend:
		t.launch("open", "extend") // the window asks: an extension cannot be undone
	case tray.IDKeep:
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		_, err := t.client.Unlock(ctx, api.UnlockCancel, "")
		cancel()
		t.mu.Lock()
		t.keepErr, t.keepAt = tray.Reason(err), time.Now()
		t.mu.Unlock()
	case tray.IDRead:
		t.launch("open", "read")
	case tray.IDEnd:
		t.launch("open", "end-early") // straight to the pause, not a button away
	case tray.IDOpen, tray.IDSet:
		t.launch("open", "today")
	case tray.IDQuit:
		systray.Quit()
		return
	}
	t.nudge()
}

// launch runs nocontact with args in the background.
func (t *trayApp) launch(args ...string) {
	cmd := exec.Command(t.nocontact, args...)
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "nocontact-tray: run nocontact:", err)
		return
	}
	go cmd.Wait()
}
