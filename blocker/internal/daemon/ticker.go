package daemon

import (
	"context"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/session"
)

// maxLiftBackoff bounds the wait between attempts to lift an ended block.
const maxLiftBackoff = 5 * time.Minute

// tickLoop credits time every CreditEvery (sooner when the session is about
// to end), ends an expired session and lifts its section, retrying a failed
// lift with backoff until it succeeds.
func (d *Daemon) tickLoop(ctx context.Context) {
	backoff := time.Duration(0)
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
		case <-d.wake:
		}
		d.tick()
		d.applySchedules()
		next := d.cfg.CreditEvery
		if v := d.mgr.View(); v != nil {
			next = min(next, time.Duration(v.Remaining)+50*time.Millisecond)
		}
		if at := d.mgr.NextScheduled(); at != nil {
			next = min(next, max(0, at.Sub(d.cfg.Clock.Now()))+50*time.Millisecond)
		}
		if d.liftDue.Load() {
			if err := d.lift(); err != nil {
				backoff = min(maxLiftBackoff, max(time.Second, 2*backoff))
				d.log.Error("lifting the block failed; retrying", "in", backoff, "err", err)
				next = min(next, backoff)
			} else {
				backoff = 0
				d.liftDue.Store(false)
			}
		}
		timer.Reset(next)
		d.ticks.Add(1)
	}
}

// tick credits time; an expired session ends in the manager, which calls
// sessionExpired.
func (d *Daemon) tick() {
	if _, err := d.mgr.Tick(); err != nil {
		d.log.Error("saving the session state failed", "err", err)
	}
}

// sessionExpired runs (under the manager's lock) when a session's time ran
// out: record it (as tampering when it was the block loaded from a state
// found edited) and have the section lifted.
func (d *Daemon) sessionExpired(how session.Expiry) {
	switch how {
	case session.ExpiredForged:
		d.log.Warn("session ended early: its state was changed while the daemon was stopped")
		d.record(api.Event{Kind: api.EventSessionEnded, Detail: "ended early: its state was changed while the daemon was stopped"})
		d.tamper.note("the block ended earlier than its credited time allows, because its state was changed while the daemon was stopped")
	case session.ExpiredAcrossRestart:
		d.log.Info("session ended: its time ran out across a restart")
		d.record(api.Event{Kind: api.EventSessionEnded, Detail: "its time ran out while the computer was off, counted by the wall clock (a clock set forward while it was off counts the same)"})
	default:
		d.log.Info("session ended: its time ran out")
		d.record(api.Event{Kind: api.EventSessionEnded, Detail: "expired"})
	}
	d.requestLift()
}

// requestLift asks the tick loop to lift the section now.
func (d *Daemon) requestLift() {
	d.liftDue.Store(true)
	d.nudge()
}

func (d *Daemon) nudge() {
	d.phone.nudge()
	select {
	case d.wake <- struct{}{}:
	default:
	}
}
