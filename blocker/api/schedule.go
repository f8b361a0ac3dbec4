package api

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Limits of schedules.
const (
	MaxSchedules = 20
	// LoosenDelay is how long a loosening change (removing a schedule)
	// waits before it applies: the night it was made in keeps its block.
	LoosenDelay = 24 * time.Hour
)

// EventScheduled is a scheduled block starting, a schedule added or
// removed, the clock set across a start, or the time zone changed.
const EventScheduled EventKind = "schedule"

// Weekdays are the day names schedules use, Sunday first as time.Weekday.
var Weekdays = []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// Schedule is a recurring block: on Days, from From to To (local wall
// clock, in the zone the machine is set to; To before From crosses
// midnight), blocking Hostnames and Paths with Lock.
type Schedule struct {
	ID           string     `json:"id"`
	Days         []string   `json:"days"` // "mon".."sun", in week order
	From         string     `json:"from"` // "22:00"
	To           string     `json:"to"`   // "07:00"
	Hostnames    []string   `json:"hostnames"`
	Paths        []string   `json:"paths,omitempty"`
	Lock         Lock       `json:"lock"`
	AllowPrivate bool       `json:"allow_private,omitempty"`
	Added        time.Time  `json:"added"`
	RemoveAt     *time.Time `json:"remove_at,omitempty"` // removal asked: it applies then
	Next         *time.Time `json:"next,omitempty"`      // in views: the next start
}

// ScheduleRequest is POST /v1/schedules.
type ScheduleRequest struct {
	Days         string   `json:"days"` // "mon-fri", "sat,sun", "daily", "weekdays", "weekends"
	From         string   `json:"from"`
	To           string   `json:"to"`
	Hostnames    []string `json:"hostnames"`
	Paths        []string `json:"paths,omitempty"`
	Lock         Lock     `json:"lock"`
	AllowPrivate bool     `json:"allow_private,omitempty"`
}

// ParseDays reads "mon-fri", "sat,sun", "mon,wed-fri", "daily",
// "weekdays" or "weekends" into day names in week order (Monday first).
func ParseDays(s string) ([]string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "daily", "every day", "everyday":
		s = "mon-sun"
	case "weekdays":
		s = "mon-fri"
	case "weekends", "weekend":
		s = "sat,sun"
	}
	on := map[int]bool{}
	for _, part := range strings.Split(s, ",") {
		a, b, isRange := strings.Cut(strings.TrimSpace(part), "-")
		from, to := dayIndex(a), dayIndex(b)
		if !isRange {
			to = from
		}
		if from < 0 || to < 0 {
			return nil, fmt.Errorf("days %q: write them as mon-fri, sat,sun, daily, weekdays or weekends", s)
		}
		for d := from; ; d = (d + 1) % 7 { // mon-sun, or fri-mon across the week's end
			on[d] = true
			if d == to {
				break
			}
		}
	}
	var out []string
	for _, d := range []int{1, 2, 3, 4, 5, 6, 0} {
		if on[d] {
			out = append(out, Weekdays[d])
		}
	}
	return out, nil
}

func dayIndex(s string) int {
	s = strings.TrimSpace(s)
	if len(s) >= 3 {
		s = s[:3]
	}
	return slices.Index(Weekdays, s)
}

// ParseClock reads a wall-clock time "22:00" (or "7:30") into minutes
// after midnight.
func ParseClock(s string) (int, error) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || hh < 0 || hh > 23 || mm < 0 || mm > 59 || len(m) != 2 {
		return 0, fmt.Errorf("time %q: write it as HH:MM, such as 22:00", s)
	}
	return hh*60 + mm, nil
}

// FormatClock writes minutes after midnight as "07:00".
func FormatClock(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// Text writes the schedule compactly, its days as ParseDays reads them
// and its window: "mon-fri 22:00 to 07:00". The daemon's notes and the
// command line name a schedule so.
func (s Schedule) Text() string {
	return fmt.Sprintf("%s %s to %s", DaysText(s.Days), s.From, s.To)
}

// DaysText writes day names back compactly: "mon-fri", "sat,sun",
// "daily".
func DaysText(days []string) string {
	if len(days) == 7 {
		return "daily"
	}
	order := []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	var parts []string
	for i := 0; i < 7; i++ {
		if !slices.Contains(days, order[i]) {
			continue
		}
		j := i
		for j+1 < 7 && slices.Contains(days, order[j+1]) {
			j++
		}
		if j-i >= 2 {
			parts = append(parts, order[i]+"-"+order[j])
		} else {
			parts = append(parts, order[i:j+1]...)
		}
		i = j
	}
	return strings.Join(parts, ",")
}
