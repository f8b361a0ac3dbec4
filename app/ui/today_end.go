package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"
)

// onEndEarly moves the early end forward as the lock allows: with the
// cool-down lock it opens the pause (no request yet) or, once the
// cool-down is over, the confirm step; with the friend lock it tries the
// code.
// EndEarlyWhenReady opens the pause before an early end as soon as the
// running block is known (the window may still be reading it): the tray's
// "End early…" meets the person, not a button.
func (t *Today) EndEarlyWhenReady() {
	if t.session != nil && !t.EndEarly.Disabled() {
		t.onEndEarly()
		return
	}
	t.endEarlyPending = true
}

func (t *Today) onEndEarly() {
	s := t.session
	if s == nil {
		return
	}
	switch {
	case s.Lock.Mode == api.LockFriend:
		t.endWithCode(t.Code.Text)
	case s.Lock.Mode == api.LockStrict, s.Unlock.State == api.UnlockWaiting:
		// the button is disabled
	case s.Unlock.State == api.UnlockReady:
		t.openLeaving(s, t.openConfirm)
	default:
		t.openLeaving(s, t.openPause)
	}
}

// openLeaving gathers the day count, the attempts and the journal off the
// UI thread, then opens the pause or the confirm step with them.
func (t *Today) openLeaving(s *api.Session, open func(leavingFacts)) {
	t.EndEarly.Disable() // no second dialog from a double click
	t.d.Async(func() {
		f := gatherLeaving(t.d, s)
		fyne.Do(func() { open(f) })
	})
}

func (t *Today) openPause(f leavingFacts) {
	t.Pause = newPause(t.d, t.keys, f, t.keptBlock, func() {
		t.unlock(api.UnlockRequest, "", "Cool-down started. The block holds until it is over, and you can keep it at any moment before you confirm.")
	})
}

func (t *Today) openConfirm(f leavingFacts) {
	t.Confirm = newConfirm(t.keys, f, t.onKeep, t.endNow)
}

// keptBlock closes a pause without asking the daemon anything: nothing
// was requested.
func (t *Today) keptBlock() {
	showText(t.Notice, "You kept the block. That took something: well done.")
	t.EndEarly.Enable()
}

// onKeep withdraws a requested early end (during the cool-down or after).
func (t *Today) onKeep() {
	t.unlock(api.UnlockCancel, "", words.Kept)
}

// endNow ends the block, then writes the person's answer to the journal
// (only then: an entry "why you ended a block early" for a block that did
// not end would be untrue). A journal that cannot be written does not
// undo an end they chose: the notice says their words were not saved.
func (t *Today) endNow(why string) {
	e := vault.Entry{Time: t.d.Now(), What: why, Kind: vault.KindEndedEarly}
	t.d.Async(func() {
		c, cancel := ctx()
		_, err := t.d.Daemon.Unlock(c, api.UnlockConfirm, "")
		cancel()
		var jerr error
		if err == nil {
			jerr = t.d.Vault.Update(func(d *vault.Data) error { d.Journal = append(d.Journal, e); return nil })
		}
		fyne.Do(func() { showText(t.Notice, endedText(err, jerr)) })
		t.Refresh()
	})
}

// endedText says how an early end went, and where the person's words are.
func endedText(err, jerr error) string {
	switch {
	case err != nil:
		return "The block did not end, and goes on; your words were not saved. " + reason(err)
	case jerr != nil:
		return words.Ended + " Your words could not be saved to the journal. " + reason(jerr)
	}
	return words.Ended + " Your words are in your journal. Be gentle with yourself; you can start a new block any time."
}

// endWithCode ends a friend-locked block with the code typed; a code
// that does not match, or too many of them, is said under the field.
func (t *Today) endWithCode(code string) {
	if strings.TrimSpace(code) == "" {
		showText(t.CodeMsg, "Type the code your friend keeps for you, then End with friend's code.")
		return
	}
	t.d.Async(func() {
		c, cancel := ctx()
		_, err := t.d.Daemon.Unlock(c, api.UnlockConfirm, code)
		cancel()
		fyne.Do(func() {
			switch {
			case api.ErrorCode(err) == api.CodeWrongCode:
				showText(t.CodeMsg, words.WrongCode)
			case err != nil:
				showText(t.CodeMsg, reason(err))
			default:
				showText(t.CodeMsg, "")
				t.Code.SetText("")
				showText(t.Notice, words.Ended)
			}
		})
		t.Refresh()
	})
}

// unlock sends one unlock action, then shows ok or the error.
func (t *Today) unlock(action api.UnlockAction, code, ok string) {
	t.run(func() error {
		c, cancel := ctx()
		defer cancel()
		_, err := t.d.Daemon.Unlock(c, action, code)
		return err
	}, ok)
}

// endButton sets the end-early button and the keep button for s.
func (t *Today) endButton(s *api.Session) {
	t.KeepBlock.Hide()
	switch {
	case s.Lock.Mode == api.LockStrict:
		t.EndEarly.SetText("Strict lock: this block runs its course")
		t.EndEarly.Disable()
	case s.Lock.Mode == api.LockFriend:
		t.EndEarly.SetText("End with friend's code")
		t.Code.Show()
	case s.Unlock.State == api.UnlockWaiting:
		t.EndEarly.SetText("Cool-down running") // the countdown below says how long, in one place
		t.EndEarly.Disable()
		t.KeepBlock.Show()
	case s.Unlock.State == api.UnlockReady:
		t.EndEarly.SetText("End the block now…")
		t.KeepBlock.Show()
	default:
		t.EndEarly.SetText("End early…")
	}
}

// readyText is what the countdown line says once the cool-down is over.
func readyText(s *api.Session) string {
	return "Your cool-down is over. You can end the block in the next " + api.HumanDuration(time.Duration(s.Unlock.ExpiresIn)) +
		", or keep it. If you do nothing, the block simply goes on."
}
