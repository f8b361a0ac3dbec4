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
		showText(t.Notice, "Write the day of your last contact as YYYY-MM-DD (2026-11-01), or today.")
		return
	}
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

func (t *Today) onStart() {
	req := t.request()
	t.Start.Disable()
	t.d.Async(func() {
		c, cancel := ctx()
		resp, err := t.d.Daemon.Start(c, req)
		cancel()
		fyne.Do(func() {
			if err != nil {
				showText(t.Notice, "The block did not start: "+err.Error())
				t.Start.Enable()
				return
			}
			showText(t.Notice, "Block started. "+words.ReloadTabs)
			if resp.FriendCode != "" {
				t.FriendCode.SetText(words.FriendCode(resp.FriendCode, "until you close this window"))
				t.FriendCode.Show()
			}
		})
		t.Refresh()
	})
}

func (t *Today) onExtend() {
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
