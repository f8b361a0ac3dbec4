package app

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/ui"
	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/content"
)

// follow answers the daemon's events after the seq after while the GUI
// process runs, as the tray does: with the window open and no tray (a
// desktop whose panel shows no tray icons, or the tray quit), an attempt on
// the phone is still answered.
func (g *gui) follow(ctx context.Context, after uint64) {
	g.c.Follow(ctx, after, func(e api.Event) { fyne.Do(func() { g.answer(e) }) }, func(err error, retry time.Duration) {
		fmt.Fprintln(os.Stderr, "nocontact: event stream:", err, "; reconnecting in", retry)
	})
}

// answer opens the pop-up for e where the tray's rule would: a visit,
// tampering or an early end asked for since the process started, at most
// one new pop-up a minute counting those the tray asked for, and never
// twice for one event (its updates, and the tray's request for it, come
// too).
func (g *gui) answer(e api.Event) {
	if _, seen := g.popups[e.Seq]; seen || !g.throttle.Allow(e, time.Now()) {
		return
	}
	g.openPopup(e.Seq)
}

// openPopup opens the pop-up for the daemon event seq, with a desktop
// notification of its first sentence: once per event, whoever asks (a
// pop-up still open is brought to the front). The window is made at once
// and shown when the daemon and the vault have answered, away from
// Fyne's thread.
func (g *gui) openPopup(seq uint64) {
	if w, seen := g.popups[seq]; seen {
		if w != nil {
			w.RequestFocus()
		}
		return
	}
	g.throttle.Opened(time.Now())
	w := g.a.NewWindow("No Contact")
	g.popups[seq] = w
	w.SetOnClosed(func() { g.popups[seq] = nil })
	g.deps.Async(func() {
		info, err := popupInfo(g.c, seq, g.deps.Vault)
		fyne.Do(func() { g.fillPopup(w, info, err) })
	})
}

// fillPopup shows the pop-up for info in w, or why it cannot.
func (g *gui) fillPopup(w fyne.Window, info ui.PopupInfo, err error) {
	size := fyne.NewSize(560, 240)
	if err != nil {
		l := widget.NewLabel("This attempt could not be shown: " + err.Error())
		l.Wrapping = fyne.TextWrapWord
		w.SetContent(l)
	} else {
		p := ui.NewPopup(g.deps, info, func(e content.Excerpt) {
			g.openMain("read")
			g.m.Read.ShowPassage(e)
		}, w.Close)
		w.SetContent(p.Content())
		p.BindKeys(w.Canvas())
		p.OnResize = func(s fyne.Size) { w.Resize(s) }
		size = p.FitSize(560, 720)
		if canNotify() {
			g.a.SendNotification(fyne.NewNotification(info.Heading(), firstSentence(info.Excerpt.Text)))
		}
	}
	w.Resize(size)
	w.Show()
	w.RequestFocus()
}

// popupInfo fetches the event and picks its passage: for a visit, the
// attempt as the page in the tab tells it, and the passage the one
// chooser gives it knowing the day's earlier attempts and, beyond what the
// daemon knows, the person's journal motives.
func popupInfo(c *client.Client, seq uint64, v ui.Store) (ui.PopupInfo, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	events, err := c.Events(ctx, 0)
	if err != nil {
		return ui.PopupInfo{}, err
	}
	var ev *api.Event
	for i := range events {
		if events[i].Seq == seq {
			ev = &events[i]
		}
	}
	if ev == nil {
		return ui.PopupInfo{}, fmt.Errorf("event %d is not in the daemon's log", seq)
	}
	a, err := content.Load()
	if err != nil {
		return ui.PopupInfo{}, err
	}
	var data *vault.Data
	if v != nil {
		data, _ = v.Load() // without the journal, the passage is the tab's
	}
	return ui.NewPopupInfo(a, events, *ev, ui.JournalMotives(data, time.Now())), nil
}

func firstSentence(text string) string {
	if s := content.Sentences(text); len(s) > 0 {
		return s[0]
	}
	return strings.TrimSpace(text)
}
