package session

import (
	"slices"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// Crediting time, and what the witness found at load.

// LastKnown is what the state said at its last save, as its witness kept
// it; ok is false without a witness.
func (m *Manager) LastKnown() (w Witness, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.b.witness, !m.b.witness.Wall.IsZero()
}

// Disagreements says, in words, how the state loaded at start weakens the
// block beyond what its witness and the clocks allow: a state edited or
// deleted while the daemon was stopped.
func (m *Manager) Disagreements() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.b.findings)
}

// Expiry says how a session's credited time ran out.
type Expiry int

const (
	// ExpiredInTime: the clocks of a running computer counted it out.
	ExpiredInTime Expiry = iota
	// ExpiredForged: the session was the one loaded at start from a state
	// found edited; its end came early.
	ExpiredForged
	// ExpiredAcrossRestart: its last part was counted by the wall clock
	// across a restart (the computer off, or its clock set forward while it
	// was off: the daemon cannot tell which).
	ExpiredAcrossRestart
)

// OnExpire sets a function called when a session ends because its credited
// time ran out, whichever method noticed, with how. It is called with the
// manager's lock held: it must not call the manager.
func (m *Manager) OnExpire(f func(how Expiry)) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.b.onExpire = f
}

// restartGap is the wall-clock time across a restart beyond which the end
// of a block is said to have come while the computer was off: a restart
// itself takes seconds; longer, the wall clock counted time no boot clock
// saw.
const restartGap = time.Minute

// credit credits elapsed time; a session that has run its course
// ends here (and OnExpire's function is called). It reports whether that
// happened. It also lapses an unconfirmed cool-down.
func (b *book) credit() (expired bool) {
	prev := b.st
	now, boot, id := b.clock.Now(), b.clock.Boottime(), b.clock.BootID()
	d := credit(b.st.Wall, b.st.Boot, b.st.BootID, now, boot, id)
	b.st.Wall, b.st.Boot, b.st.BootID = now, boot, id
	how := ExpiredInTime
	if r := b.st.Session; r != nil {
		expired = b.creditSession(r, d)
		switch {
		case expired && !b.forgedStart.IsZero() && r.Started.Equal(b.forgedStart):
			how = ExpiredForged
		case expired && prev.BootID != id && !prev.Wall.IsZero() && d > restartGap:
			how = ExpiredAcrossRestart
		}
	}
	b.schedule(prev, now, boot, id) // after an end: a window may start the next block
	if expired {
		// A failed save here is made good by the next commit; until then the
		// state on disk still holds the block, which a restart ends again as
		// its credited time says.
		_ = b.save()
		if b.onExpire != nil {
			b.onExpire(how)
		}
	}
	return expired
}

// creditSession credits d to the running session, lapses an
// unconfirmed cool-down and ends the session when its time has run out.
func (b *book) creditSession(r *Record, d time.Duration) (expired bool) {
	r.Credited += d
	if r.UnlockRequestedAt != nil && r.Credited >= *r.UnlockRequestedAt+time.Duration(r.Lock.Cooldown)+api.ConfirmWindow {
		r.UnlockRequestedAt, r.UnlockWall = nil, time.Time{}
	}
	if r.Credited < r.Duration {
		return false
	}
	b.st.Session = nil
	return true
}
