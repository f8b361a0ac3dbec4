package session

import (
	"slices"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// The windows of a schedule, in local wall-clock time. A window that
// spans a change of the clocks (a DST night) is as long as the wall clock
// says: 22:00 to 07:00 is 8 h the night the clocks go forward, 10 h the
// night they go back.

// window returns the window of s that starts on the date of day (in loc),
// and whether s runs on that weekday.
func window(s api.Schedule, day time.Time, loc *time.Location) (start, end time.Time, ok bool) {
	day = day.In(loc)
	if !slices.Contains(s.Days, api.Weekdays[day.Weekday()]) {
		return time.Time{}, time.Time{}, false
	}
	from, err1 := api.ParseClock(s.From)
	to, err2 := api.ParseClock(s.To)
	if err1 != nil || err2 != nil {
		return time.Time{}, time.Time{}, false
	}
	y, m, d := day.Date()
	start = time.Date(y, m, d, from/60, from%60, 0, 0, loc)
	if to <= from {
		d++ // crosses midnight
	}
	end = time.Date(y, m, d, to/60, to%60, 0, 0, loc)
	return start, end, end.After(start)
}

// windowAt returns the window of s that t falls in, if any.
func windowAt(s api.Schedule, t time.Time, loc *time.Location) (start, end time.Time, ok bool) {
	for _, back := range []int{0, 1} { // today's, or yesterday's crossing midnight
		day := t.In(loc).AddDate(0, 0, -back)
		if start, end, ok := window(s, day, loc); ok && !t.Before(start) && t.Before(end) {
			return start, end, true
		}
	}
	return time.Time{}, time.Time{}, false
}

// nextStart returns the first start of s after t (within two weeks).
func nextStart(s api.Schedule, t time.Time, loc *time.Location) (time.Time, bool) {
	for i := 0; i <= 14; i++ {
		if start, _, ok := window(s, t.In(loc).AddDate(0, 0, i), loc); ok && start.After(t) {
			return start, true
		}
	}
	return time.Time{}, false
}

// windowsStarting returns the windows of s that start in (a, b], oldest
// first (those of the last 15 days at most).
func windowsStarting(s api.Schedule, a, b time.Time, loc *time.Location) (starts, ends []time.Time) {
	if !b.After(a) {
		return nil, nil
	}
	if b.Sub(a) > 15*24*time.Hour {
		a = b.Add(-15 * 24 * time.Hour)
	}
	for day := a.In(loc).AddDate(0, 0, -1); !day.After(b.In(loc).AddDate(0, 0, 1)); day = day.AddDate(0, 0, 1) {
		if start, end, ok := window(s, day, loc); ok && start.After(a) && !start.After(b) {
			starts, ends = append(starts, start), append(ends, end)
		}
	}
	return starts, ends
}

// lockWords names a lock in the daemon's own notes and events.
func lockWords(l api.Lock) string {
	switch l.Mode {
	case api.LockFriend:
		return "friend's code"
	case api.LockStrict:
		return "strict"
	}
	return "cool-down " + api.HumanDuration(time.Duration(l.Cooldown))
}
