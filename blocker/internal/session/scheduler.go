package session

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// jumpSlack is how far the wall clock may run ahead of the boot clock
// between two credits before it counts as set forward.
const jumpSlack = time.Minute

// schedule runs after each credit: it notes a change of time zone,
// drops schedules whose removal is due, and starts the block of a window
// that began since. A window the wall clock was set forward across starts
// with its whole length, the one running now too; a window the clock was
// set back across starts when it was due (clockjumps.go); a window that
// passed while the computer was off, asleep or its clock moved across a
// restart is recorded as missed. Each jump is recorded. prev is the state
// before the credit.
func (b *book) schedule(prev State, now time.Time, boot time.Duration, bootID string) {
	zone := zoneIdentity(now, b.location())
	if b.st.Zone != "" && b.st.Zone != zone && len(b.st.Schedules) > 0 {
		b.notes = append(b.notes, fmt.Sprintf("the time zone changed from %s to %s; schedules follow the machine's zone", b.st.Zone, zone))
	}
	b.st.Zone = zone
	b.dropRemoved(now)
	sameBoot := !prev.Wall.IsZero() && prev.BootID == bootID
	jumped := sameBoot && now.Sub(prev.Wall)-(boot-prev.Boot) > jumpSlack
	if sameBoot {
		b.setBack(prev, now, boot-prev.Boot)
	} else {
		b.st.SetBack, b.st.SetBackSince = 0, time.Time{} // a restart: the clock may have been put right
	}
	if jumped {
		b.runSkipped(prev.Wall, now)
	}
	if !prev.Wall.IsZero() {
		b.missed(prev.Wall, now) // before the window running now marks its start
	}
	b.runSchedules(now)
}

// runSchedules starts the block of every window now falls in that
// has not started yet.
func (b *book) runSchedules(now time.Time) {
	for i := range b.st.Schedules {
		s := &b.st.Schedules[i]
		start, end, ok := windowAt(s.Schedule, now, b.location())
		if !ok || s.LastStart.Equal(start) || (s.RemoveAt != nil && !start.Before(*s.RemoveAt)) {
			continue
		}
		s.LastStart = start
		b.blockFor(s.Schedule, end.Sub(now), now)
		b.notes = append(b.notes, fmt.Sprintf("scheduled block started: %s, until %s", s.Text(), end.In(b.location()).Format("Mon 2 Jan 15:04")))
	}
}

// runSkipped starts, with their whole length, the windows the wall
// clock was set forward across (between the last credit and now), the one
// running now too (its start was jumped over: 21:59 set to 06:59 gives the
// whole night, not the minute left).
func (b *book) runSkipped(from, now time.Time) {
	b.runWhole(from, now, now, "the clock was set forward across the scheduled start of %s at %s; its block runs its whole %s from now")
}

// runWhole starts, with their whole length from now, the windows
// that start in (from, to] and have not started, saying each with why
// (a format of the schedule, its start and its length).
func (b *book) runWhole(from, to, now time.Time, why string) {
	b.eachUnstarted(from, to, func(s *ScheduleRecord, start, end time.Time) {
		s.LastStart = start
		b.blockFor(s.Schedule, end.Sub(start), now)
		b.notes = append(b.notes, fmt.Sprintf(why, s.Text(), start.In(b.location()).Format("Mon 15:04"), api.HumanDuration(end.Sub(start))))
	})
}

// eachUnstarted calls f for each window of each schedule that starts
// in (from, to], has not started (LastStart) and starts before the
// schedule's removal, oldest first per schedule.
func (b *book) eachUnstarted(from, to time.Time, f func(s *ScheduleRecord, start, end time.Time)) {
	for i := range b.st.Schedules {
		s := &b.st.Schedules[i]
		starts, ends := windowsStarting(s.Schedule, from, to, b.location())
		for j, start := range starts {
			if s.LastStart.Before(start) && (s.RemoveAt == nil || start.Before(*s.RemoveAt)) {
				f(s, start, ends[j])
			}
		}
	}
}

// blockFor makes the session block s's names for at least d from
// now: a new block, or the running one made at least as strong as s's
// window in every term (holdTerms) and its end moved later if need
// be (a block is never shortened).
func (b *book) blockFor(s api.Schedule, d time.Duration, now time.Time) {
	d = min(max(d, api.MinSessionDuration), api.MaxSessionDuration)
	r := b.st.Session
	if r == nil {
		b.st.Session = &Record{Hostnames: slices.Clone(s.Hostnames), Paths: slices.Clone(s.Paths), ClosePrivate: !s.AllowPrivate,
			Started: now, Duration: d, Lock: s.Lock, Schedule: s.ID}
		return
	}
	if left := r.Remaining(); left < d && r.Duration+d-left <= maxStoredDuration {
		r.Duration += d - left
	} else if left < d {
		b.notes = append(b.notes, "the running block is as long as a block can be: it was not made longer for "+s.Text())
	}
	b.holdTerms(r, s)
}

// holdTerms makes the running block r at least as strong as the
// window of s in every term, and records what changed in words: s's names
// and paths are added (the limits keep room for them: room), its
// lock holds if the block's is weaker (a friend's code never survives a
// schedule, a shorter cool-down takes the schedule's), an early end asked
// for is withdrawn, and private windows close if s closes them.
func (b *book) holdTerms(r *Record, s api.Schedule) {
	var changed []string
	if names, paths := missing(r.Hostnames, s.Hostnames), missing(r.Paths, s.Paths); len(names)+len(paths) > 0 {
		r.Hostnames, r.Paths = merge(r.Hostnames, names), merge(r.Paths, paths)
		changed = append(changed, fmt.Sprintf("its %d names and profile pages were added", len(names)+len(paths)))
	}
	if !r.Lock.AtLeast(s.Lock) {
		if r.Lock.Mode == api.LockFriend {
			changed = append(changed, "the friend's code no longer ends it")
		}
		r.Lock = s.Lock
		r.FriendSalt, r.FriendHash, r.WrongCodes, r.RetryAfterCredited = nil, nil, 0, 0
		changed = append(changed, "its lock is now the schedule's ("+lockWords(s.Lock)+")")
	}
	if r.UnlockRequestedAt != nil {
		r.UnlockRequestedAt, r.UnlockWall = nil, time.Time{}
		changed = append(changed, "the early end that was asked for is withdrawn")
	}
	if !s.AllowPrivate && !r.ClosePrivate {
		r.ClosePrivate = true
		changed = append(changed, "private windows are closed")
	}
	if len(changed) > 0 {
		b.notes = append(b.notes, fmt.Sprintf("the window of %s began within the running block, which now holds as the schedule does: %s", s.Text(), strings.Join(changed, "; ")))
	}
}

// dropRemoved removes the schedules whose removal is due, unless
// one of their windows runs now (it ends first).
func (b *book) dropRemoved(now time.Time) {
	b.st.Schedules = slices.DeleteFunc(b.st.Schedules, func(s ScheduleRecord) bool {
		if s.RemoveAt == nil || now.Before(*s.RemoveAt) {
			return false
		}
		if _, _, running := windowAt(s.Schedule, now, b.location()); running && s.LastStart.Before(*s.RemoveAt) && !s.LastStart.IsZero() {
			return false
		}
		b.notes = append(b.notes, "schedule removed, as asked 24 h before: "+s.Text())
		return true
	})
}

// flushNotes hands the notes of a saved change to OnSchedule's
// function; dropNotes forgets those of a change put back.
func (b *book) flushNotes() {
	notes := b.notes
	b.notes = nil
	if b.onSchedule != nil {
		for _, n := range notes {
			b.onSchedule(n)
		}
	}
}

func (b *book) dropNotes() { b.notes = nil }

// zoneIdentity names a zone by its winter and summer time this year, so
// that the clocks going forward or back is not taken for a change of zone:
// "CET (UTC+01:00) / CEST (UTC+02:00)".
func zoneIdentity(now time.Time, loc *time.Location) string {
	var parts []string
	for _, month := range []time.Month{time.January, time.July} {
		name, off := time.Date(now.Year(), month, 1, 12, 0, 0, 0, loc).Zone()
		if p := fmt.Sprintf("%s (UTC%+03d:%02d)", name, off/3600, abs(off%3600)/60); !slices.Contains(parts, p) {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " / ")
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
