package words

import (
	"fmt"
	"time"
)

// momentLayout is how a moment further than a week away is written.
const momentLayout = "Mon 2 Jan 15:04"

// Moment writes t in local time as a person reads it: "Tue 10 Mar 22:00".
func Moment(t time.Time) string { return t.Local().Format(momentLayout) }

// When says a moment soon as a person would: "tonight 22:00" (after 18:00
// today), "today 14:00", "tomorrow 07:00", "Mon 22:00", or a date further
// away; days are counted in now's time zone.
func When(t, now time.Time) string {
	t = t.In(now.Location())
	clock := t.Format("15:04")
	switch days := calendarDays(now, t); {
	case days < 0:
		return t.Format(momentLayout)
	case days == 0 && t.Hour() >= 18:
		return "tonight " + clock
	case days == 0:
		return "today " + clock
	case days == 1:
		return "tomorrow " + clock
	case days < 7:
		return t.Format("Mon") + " " + clock
	}
	return t.Format(momentLayout)
}

// NextScheduled is the next start of a schedule: "Next scheduled block:
// tonight 22:00".
func NextScheduled(t, now time.Time) string { return "Next scheduled block: " + When(t, now) }

// calendarDays counts the dates from a to b, whatever the length of the
// days between (23 or 25 hours when the clocks change).
func calendarDays(a, b time.Time) int {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return int(time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC).Sub(time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

// Day is the day counter: "Day 12 without contact".
func Day(n int) string { return fmt.Sprintf("Day %d without contact", n) }
