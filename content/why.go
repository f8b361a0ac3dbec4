package content

import (
	"fmt"
	"strings"
	"time"

	"github.com/nocontact-app/nocontact/content/attempt"
)

// line returns our line for a passage chosen for c's tier: the tier's
// lines (a section's own when nothing but the day's variety chose it),
// starting where the rotation says and skipping those the day has shown.
func line(m Moment, c candidate, rot uint64) string {
	var lines []string
	switch c.tier.sit {
	case sitPlace:
		k, _ := placeOf(m.Host)
		lines = placeLines[k]
	case sitSection:
		lines = sectionLines[c.section.Title]
	default:
		lines = situationLines[c.tier.sit]
	}
	used := map[string]bool{}
	for _, e := range m.Before {
		used[e.Reason] = true
	}
	n := len(lines)
	first := ""
	for i := range n {
		l := fill(lines[(i+int(rot%uint64(n))+len(m.Before))%n], m, c)
		if first == "" {
			first = l
		}
		if !used[l] {
			return l
		}
	}
	return first
}

// fill puts the moment's facts into a line's placeholders.
func fill(l string, m Moment, c candidate) string {
	_, name := placeOf(m.Host)
	nth := m.AttemptsToday
	if c.tier.sit == sitManyHour {
		nth = m.AttemptsHour
	}
	return strings.NewReplacer("{place}", name, "{nth}", Ordinal(max(nth, 1)),
		"{quiet}", days(m.Quiet), "{motive}", motiveWords[c.tier.motive]).Replace(l)
}

// days says a long quiet in whole days: "2 days".
func days(d time.Duration) string {
	n := int(d / (24 * time.Hour))
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

// maxReplay bounds how many of a day's attempts a pick replays: past it,
// the oldest are left out (a day of more is a script, not a person).
const maxReplay = 100

// ForAttempt returns the passage for the last of day (a day's attempts
// in order, as attempt.Day gives them), each earlier one picked first so
// that the last knows what the day already got. motives are the
// person's journal motives, weightiest first: the user side has them,
// the root daemon passes nil.
func (a *Article) ForAttempt(day []attempt.Attempt, motives []string) Excerpt {
	if len(day) > maxReplay {
		day = day[len(day)-maxReplay:]
	}
	ms := make([]Moment, len(day))
	for i, at := range day {
		ms[i] = Moment{Trigger: Visit, Host: at.Host, Time: at.Time, AttemptsHour: at.InHour, AttemptsToday: at.Nth,
			Quiet: at.Quiet, Scheduled: at.Scheduled, Motives: motives}
	}
	return a.PickDay(ms)
}
