package session

import (
	"fmt"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// setBackHold is how long schedules keep the time the clock showed before
// it was set back: long enough for the window it was set back across (a
// day), not so long that a clock put right stays wrong for schedules.
const setBackHold = 24 * time.Hour

// maxSetBack bounds the amount remembered: the schedules' calendar looks
// at most 15 days back (windowsStarting).
const maxSetBack = 15 * 24 * time.Hour

// setBackLocked sees the wall clock set back in this boot (it ran behind
// the boot clock since the last credit by more than jumpSlack): the
// schedules then keep the time the clock would show (now plus the amount
// set back, State.SetBack) for setBackHold, and a window that starts by
// that time starts with its whole length, recorded; so setting the clock
// back at 21:59 does not put off the 22:00 window. A clock set forward
// again gives the amount back first. elapsed is the boot clock's time
// since the last credit.
func (m *Manager) setBackLocked(prev State, now time.Time, elapsed time.Duration) {
	wallDelta := now.Sub(prev.Wall)
	switch back, fwd := elapsed-wallDelta, wallDelta-elapsed; {
	case back > jumpSlack:
		m.st.SetBack = min(m.st.SetBack+back, maxSetBack)
		m.st.SetBackSince = now.Add(m.st.SetBack)
		if len(m.st.Schedules) > 0 {
			m.notes = append(m.notes, fmt.Sprintf("the clock was set back by %s; for a day, schedules keep the time it showed before, so a window it was set back across still starts when it was due",
				api.HumanDuration(back)))
		}
	case fwd > jumpSlack && m.st.SetBack > 0:
		m.st.SetBack -= min(fwd, m.st.SetBack)
	}
	if m.st.SetBack <= 0 {
		m.st.SetBack, m.st.SetBackSince = 0, time.Time{}
		return
	}
	steadyPrev, steadyNow := prev.Wall.Add(prev.SetBack), now.Add(m.st.SetBack)
	if steadyPrev.Before(prev.Wall) {
		steadyPrev = prev.Wall
	}
	m.runWholeLocked(steadyPrev, steadyNow, now, "the scheduled start of %s at %s came while the clock was set back; its block runs its whole %s from now")
	if steadyNow.Sub(m.st.SetBackSince) > setBackHold {
		m.st.SetBack, m.st.SetBackSince = 0, time.Time{}
	}
}

// missedLocked records each window that started and ended between the last
// credit and now without being started: the computer was off or asleep
// through it, or its clock was moved across a restart (which the daemon
// cannot tell apart). It is never called expired, and is recorded once.
func (m *Manager) missedLocked(from, now time.Time) {
	m.eachUnstartedLocked(from, now, func(s *ScheduleRecord, start, end time.Time) {
		if end.After(now) {
			return // running now: runSchedulesLocked starts it
		}
		s.LastStart = start
		m.notes = append(m.notes, fmt.Sprintf("the window of %s from %s to %s passed while the computer was off or asleep, or its clock was moved across a restart: it was not blocked",
			s.Text(), start.In(m.location()).Format("Mon 2 Jan 15:04"), end.In(m.location()).Format("15:04")))
	})
}
