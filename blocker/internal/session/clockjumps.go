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

// setBack sees the wall clock set back in this boot (it ran behind
// the boot clock since the last credit by more than jumpSlack): the
// schedules then keep the time the clock would show (now plus the amount
// set back, State.SetBack) for setBackHold, and a window that starts by
// that time starts with its whole length, recorded; so setting the clock
// back at 21:59 does not put off the 22:00 window. A clock set forward
// again gives the amount back first. elapsed is the boot clock's time
// since the last credit.
func (b *book) setBack(prev State, now time.Time, elapsed time.Duration) {
	wallDelta := now.Sub(prev.Wall)
	switch back, fwd := elapsed-wallDelta, wallDelta-elapsed; {
	case back > jumpSlack:
		b.st.SetBack = min(b.st.SetBack+back, maxSetBack)
		b.st.SetBackSince = now.Add(b.st.SetBack)
		if len(b.st.Schedules) > 0 {
			b.notes = append(b.notes, fmt.Sprintf("the clock was set back by %s; for a day, schedules keep the time it showed before, so a window it was set back across still starts when it was due",
				api.HumanDuration(back)))
		}
	case fwd > jumpSlack && b.st.SetBack > 0:
		b.st.SetBack -= min(fwd, b.st.SetBack)
	}
	if b.st.SetBack <= 0 {
		b.st.SetBack, b.st.SetBackSince = 0, time.Time{}
		return
	}
	steadyPrev, steadyNow := prev.Wall.Add(prev.SetBack), now.Add(b.st.SetBack)
	if steadyPrev.Before(prev.Wall) {
		steadyPrev = prev.Wall
	}
	b.runWhole(steadyPrev, steadyNow, now, "the scheduled start of %s at %s came while the clock was set back; its block runs its whole %s from now")
	if steadyNow.Sub(b.st.SetBackSince) > setBackHold {
		b.st.SetBack, b.st.SetBackSince = 0, time.Time{}
	}
}

// missed records each window that started and ended between the last
// credit and now without being started: the computer was off or asleep
// through it, or its clock was moved across a restart (which the daemon
// cannot tell apart). It is never called expired, and is recorded once.
func (b *book) missed(from, now time.Time) {
	b.eachUnstarted(from, now, func(s *ScheduleRecord, start, end time.Time) {
		if end.After(now) {
			return // running now: runSchedules starts it
		}
		s.LastStart = start
		b.notes = append(b.notes, fmt.Sprintf("the window of %s from %s to %s passed while the computer was off or asleep, or its clock was moved across a restart: it was not blocked",
			s.Text(), start.In(b.location()).Format("Mon 2 Jan 15:04"), end.In(b.location()).Format("15:04")))
	})
}
