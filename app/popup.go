package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/ui"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/content"
)

// openPopup opens the pop-up for the daemon event seq, with a desktop
// notification of its first sentence.
func (g *gui) openPopup(seq uint64) {
	w := g.a.NewWindow("No Contact")
	size := fyne.NewSize(560, 240)
	info, err := popupInfo(seq)
	if err != nil {
		l := widget.NewLabel("This attempt could not be shown: " + err.Error())
		l.Wrapping = fyne.TextWrapWord
		w.SetContent(l)
	} else {
		p := ui.NewPopup(g.deps, info, func(title string) {
			g.openMain("read")
			g.m.Read.ShowTitle(title)
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

// popupInfo fetches the event and picks its passage.
func popupInfo(seq uint64) (ui.PopupInfo, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	events, err := (&client.Client{}).Events(ctx, 0)
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
	now := time.Now()
	hour, today := api.CountVisits(events, now)
	a, err := content.Load()
	if err != nil {
		return ui.PopupInfo{}, err
	}
	m := content.Moment{Trigger: content.Trigger(ev.Kind), Host: ev.Host, Time: ev.Time.Local(), AttemptsHour: hour, AttemptsToday: today, Seq: seq}
	return ui.PopupInfo{Event: *ev, Excerpt: a.Pick(m), Today: today}, nil
}

func firstSentence(text string) string {
	if s := content.Sentences(text); len(s) > 0 {
		return s[0]
	}
	return strings.TrimSpace(text)
}
