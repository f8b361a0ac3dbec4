package ui

import (
	"time"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"

	"fyne.io/fyne/v2"
)

func (t *Today) onLock(label string) {
	for _, l := range lockChoices {
		if l.label == label {
			t.LockHelp.SetText(l.help)
		}
	}
}

func (t *Today) onSetContact() {
	day, err := vault.ParseLastContact(t.LastContact.Text, t.d.Now())
	if err != nil {
		t.say(t.DayError, "Write the day of your last contact as YYYY-MM-DD (2026-11-01), or today.", t.dayRow)
		return
	}
	showText(t.DayError, "")
	t.LastContact.SetText("") // the counter above now says it; a second Set would count again from today
	t.run(func() error {
		return t.d.Vault.Update(func(d *vault.Data) error { d.SetLastContact(day); return nil })
	}, "Saved. "+words.StreaksKept)
}

// request builds the start request from the card.
func (t *Today) request() api.StartRequest {
	req := api.StartRequest{Hostnames: t.names, Paths: t.paths, Duration: api.Duration(7 * api.Day), AllowPrivate: !t.ClosePrivate.Checked}
	for _, p := range presets {
		if p.label == t.Duration.Selected {
			req.Duration = api.Duration(p.d)
		}
	}
	for _, l := range lockChoices {
		if l.label == t.Lock.Selected {
			req.Lock.Mode = l.mode
		}
	}
	return req
}

// onStart starts the block, asking once first when it is strict or a
// week or more long: what it means, in one sentence, before it holds.
func (t *Today) onStart() {
	req := t.request()
	d := time.Duration(req.Duration)
	if !words.AsksFirst(req.Lock.Mode, d) {
		t.start(req)
		return
	}
	text := words.Weight(req.Lock, t.d.Now().Add(d))
	heading := "Start a block of " + t.Duration.Selected + "?"
	if req.Lock.Mode == api.LockStrict {
		heading = "Start a strict block of " + t.Duration.Selected + "?"
	}
	t.Ask = newAsk(t.keys, heading, text, "Start the block", "Not now",
		func() { t.start(req) }, func() {})
}

func (t *Today) start(req api.StartRequest) {
	t.Start.Disable()
	t.d.Async(func() {
		c, cancel := ctx()
		resp, err := t.d.Daemon.Start(c, req)
		cancel()
		fyne.Do(func() {
			if err != nil {
				t.say(t.Notice, "The block did not start. "+reason(err), t.Start)
				t.Start.Enable()
				return
			}
			showText(t.Notice, "Block started. "+words.ReloadTabs)
			if resp.FriendCode != "" {
				t.Friend = newFriendCode(t.keys, resp.FriendCode)
			}
		})
		t.Refresh()
	})
}

// ExtendWhenReady asks whether to extend the block by 24 hours (the tray's
// "Extend by 24 h…"), as soon as the running block is known.
func (t *Today) ExtendWhenReady() {
	if t.session != nil {
		t.onExtend()
		return
	}
	t.extendPending = true
}

// onExtend makes the block 24 hours longer, asking first: it cannot be
// undone.
func (t *Today) onExtend() {
	t.Ask = newAsk(t.keys, "Extend the block by 24 hours?", words.ExtendForGood, "Extend by 24 h", "Not now", t.extend, func() {})
}

func (t *Today) extend() {
	t.run(func() error {
		c, cancel := ctx()
		defer cancel()
		_, err := t.d.Daemon.Extend(c, 24*time.Hour)
		return err
	}, "Extended by 24 hours.")
}

// run does work off the UI thread, then shows ok or the error and
// refreshes.
func (t *Today) run(work func() error, ok string) {
	t.d.Async(func() {
		err := work()
		fyne.Do(func() {
			if err != nil {
				showText(t.Notice, err.Error())
				return
			}
			showText(t.Notice, ok)
		})
		t.Refresh()
	})
}

// onAddSaved adds the saved profiles' hostnames to the running block.
func (t *Today) onAddSaved() {
	names, paths := t.names, t.paths
	t.run(func() error {
		c, cancel := ctx()
		defer cancel()
		_, err := t.d.Daemon.Add(c, names, paths)
		return err
	}, "Added to the running block. Tabs already open on those sites keep working until reloaded.")
}
