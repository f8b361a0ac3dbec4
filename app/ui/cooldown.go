package ui

import (
	"fmt"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/content"
)

// renderCooldown shows, while a cool-down runs, a countdown that moves
// every second and a passage of the article for the moment.
func (t *Today) renderCooldown(s *api.Session) {
	t.cooldownSeq++
	if s.Unlock.State == api.UnlockReady {
		showText(t.Countdown, readyText(s))
		t.Passage.Hide()
		t.runBox.Refresh()
		return
	}
	if s.Unlock.State != api.UnlockWaiting {
		t.Countdown.Hide()
		t.Passage.Hide()
		t.runBox.Refresh()
		return
	}
	readyAt := t.d.Now().Add(time.Duration(s.Unlock.ReadyIn))
	t.tickCountdown(readyAt)
	t.Countdown.Show()
	if a, err := content.Load(); err == nil {
		e := a.Pick(content.Moment{Trigger: content.UnlockRequested, Time: t.d.Now(), Seq: uint64(readyAt.Unix() / 60)})
		t.Passage.SetText(fmt.Sprintf("%s\n\n“%s”\n— from “%s”", e.Reason, e.Text, e.Title))
		t.Passage.Show()
	}
	t.runBox.Refresh() // lay out again: the two labels just appeared
	seq := t.cooldownSeq
	t.d.Every(time.Second, func() bool {
		return seq != t.cooldownSeq || t.tickCountdown(readyAt)
	})
}

// tickCountdown shows the time left and reports whether it is over.
func (t *Today) tickCountdown(readyAt time.Time) bool {
	left := readyAt.Sub(t.d.Now()).Round(time.Second)
	if left <= 0 {
		t.Countdown.SetText("Your cool-down is over. You can end the block in the next 10 minutes, or keep it.")
		t.Refresh()
		return true
	}
	t.Countdown.SetText("Cool-down: " + countdown(left) + " left. The block holds until then, and you can keep it at any moment.")
	return false
}

// countdown writes a time left to the second in the units used everywhere
// else ("29 min 57 s", "1 h 5 min 3 s").
func countdown(d time.Duration) string {
	h, m, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	switch {
	case h > 0:
		return fmt.Sprintf("%d h %d min %d s", h, m, s)
	case m > 0:
		return fmt.Sprintf("%d min %d s", m, s)
	}
	return fmt.Sprintf("%d s", s)
}
