package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Day is 24 hours of credited time. Durations in JSON and on the command
// line are Go durations extended with days: "30d", "1d12h", "90m".
const Day = 24 * time.Hour

// ParseDuration parses "30d", "1d12h", "90m", "1h30m" and every other Go
// duration. Negative durations are refused.
func ParseDuration(s string) (time.Duration, error) {
	in := s
	s = strings.TrimSpace(s)
	var days int64
	if i := strings.IndexByte(s, 'd'); i >= 0 {
		n, err := strconv.ParseInt(s[:i], 10, 32)
		if err != nil || n < 0 {
			return 0, fmt.Errorf("duration %q: the days must be a whole number, as in 30d or 1d12h", in)
		}
		days, s = n, s[i+1:]
	}
	var rest time.Duration
	if s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			return 0, fmt.Errorf("duration %q: use forms like 30d, 1d12h, 90m", in)
		}
		rest = d
	} else if days == 0 {
		return 0, fmt.Errorf("duration %q: use forms like 30d, 1d12h, 90m", in)
	}
	if rest < 0 {
		return 0, fmt.Errorf("duration %q is negative", in)
	}
	if days > int64((1<<63-1-rest)/Day) {
		return 0, fmt.Errorf("duration %q is too long", in)
	}
	return time.Duration(days)*Day + rest, nil
}

// FormatDuration writes d as days, hours, minutes and seconds, leaving out
// zero parts: "30d", "17d4h", "1h30m", "45s", "0s".
func FormatDuration(d time.Duration) string {
	if d <= 0 {
		return "0s"
	}
	var b strings.Builder
	for _, u := range []struct {
		unit time.Duration
		name string
	}{{Day, "d"}, {time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}} {
		if n := d / u.unit; n > 0 {
			fmt.Fprintf(&b, "%d%s", n, u.name)
			d -= n * u.unit
		}
	}
	if b.Len() == 0 {
		return "0s"
	}
	return b.String()
}

// Duration is a time.Duration that reads and writes JSON as a string in the
// form ParseDuration accepts.
type Duration time.Duration

// MarshalJSON writes the duration as FormatDuration does.
func (d Duration) MarshalJSON() ([]byte, error) {
	return json.Marshal(FormatDuration(time.Duration(d)))
}

// UnmarshalJSON reads a duration string; a number is refused.
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return errors.New(`a duration must be a string such as "30d" or "90m"`)
	}
	v, err := ParseDuration(s)
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}

// HumanDuration writes d for people at a glance, with its two largest
// units: "18 d 5 h", "23 h 59 min", "45 min", "1 min 30 s" (to the second
// under 10 minutes: 90 s is not "2 min"), "30 s". It rounds up to the
// smaller unit shown, as a countdown does: a block with 1 d 23 h 59 min 59 s
// left reads "2 d", not "1 d 23 h".
func HumanDuration(d time.Duration) string {
	switch {
	case d <= 0:
		return "0 s"
	case d > Day:
		d = ceil(d, time.Hour)
	case d > 10*time.Minute:
		d = ceil(d, time.Minute)
	default:
		d = ceil(d, time.Second)
	}
	switch {
	case d >= Day:
		return twoUnits(d/Day, "d", (d%Day)/time.Hour, "h")
	case d >= time.Hour:
		return twoUnits(d/time.Hour, "h", (d%time.Hour)/time.Minute, "min")
	case d >= time.Minute:
		return twoUnits(d/time.Minute, "min", (d%time.Minute)/time.Second, "s") // 1 min 30 s is not 2 min
	}
	return fmt.Sprintf("%d s", d/time.Second)
}

func ceil(d, unit time.Duration) time.Duration { return (d + unit - 1) / unit * unit }

func twoUnits(a time.Duration, ua string, b time.Duration, ub string) string {
	if b == 0 {
		return fmt.Sprintf("%d %s", a, ua)
	}
	return fmt.Sprintf("%d %s %d %s", a, ua, b, ub)
}
