// Package attempt tells one attempt to open a blocked site or profile the
// same way wherever it is shown: the page in the tab (the root daemon),
// the pop-up, the tray and Progress (the user side). An Attempt is made
// from the daemon's visit events alone, counted as api.Attempts counts
// them, and says what was opened, when, and the how-manieth of its day it
// was.
//
// It is domain, like content: it imports only the wire vocabulary and the
// platform catalogue, so both sides use it; it links no article, so the
// tray stays small.
package attempt

import (
	"fmt"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// Attempt is one attempt as a person counts it: the visit events of one
// site within api.AttemptWindow of the first.
type Attempt struct {
	Seq       uint64        // its first event
	Host      string        // the site, as its first event names it
	Path      string        // the profile asked for ("/jane.doe"), "" for a site blocked whole
	Time      time.Time     // when it began, in the location the list was made in
	Nth       int           // the how-manieth attempt of its local day, from 1
	InHour    int           // attempts in the hour up to it, itself included
	Quiet     time.Duration // since the attempt before it, or since the oldest event known when none
	Scheduled bool          // during a block a schedule started
	Device    string        // the phone, as its DNS filter names it; "" for this computer
}

// List returns the attempts among events, oldest first, with their counts
// by the days of loc.
func List(events []api.Event, loc *time.Location) []Attempt {
	groups := api.GroupAttempts(events)
	out := make([]Attempt, 0, len(groups))
	var oldest time.Time
	if len(events) > 0 {
		oldest = events[0].Time
	}
	for i, g := range groups {
		a := Attempt{Seq: g[0].Seq, Host: g[0].Host, Time: g[0].Time.In(loc), Nth: 1, InHour: 1, Scheduled: g[0].Scheduled, Device: g[0].Device}
		for _, e := range g {
			if a.Path == "" {
				a.Path = e.Path
			}
		}
		a.Quiet = a.Time.Sub(oldest)
		if i > 0 {
			prev := out[i-1]
			a.Quiet = a.Time.Sub(prev.Time)
			if sameDay(prev.Time, a.Time) {
				a.Nth = prev.Nth + 1
			}
			for j := i - 1; j >= 0 && a.Time.Sub(out[j].Time) < time.Hour; j-- {
				a.InHour++
			}
		}
		out = append(out, a)
	}
	return out
}

// Of returns the attempt that the event seq is part of, and the
// attempts of its day up to it (the last is it): what a chooser needs to
// know what that day already got.
func Of(events []api.Event, seq uint64, loc *time.Location) (Attempt, []Attempt, bool) {
	list := List(events, loc)
	for i, g := range api.GroupAttempts(events) {
		for _, e := range g {
			if e.Seq == seq {
				return list[i], Day(list, list[i]), true
			}
		}
	}
	return Attempt{}, nil, false
}

// At returns the attempt that a request for host (and the profile at
// path, if any) at now is, the open attempt of its site or a new one, and
// the attempts of its day up to it: the page in the tab is made before
// its request is recorded.
func At(events []api.Event, host, path string, now time.Time) (Attempt, []Attempt) {
	all := append(events[:len(events):len(events)], api.Event{Kind: api.EventVisit, Host: host, Path: path, Time: now})
	list := List(all, now.Location())
	a := list[len(list)-1]
	if a.Path == "" {
		a.Path = path
	}
	day := Day(list, a)
	day[len(day)-1] = a
	return a, day
}

// Last returns the newest attempt of list, false when there is none.
func Last(list []Attempt) (Attempt, bool) {
	if len(list) == 0 {
		return Attempt{}, false
	}
	return list[len(list)-1], true
}

// Day returns the attempts of a's day in list up to and including a,
// oldest first: what a chooser needs to know what that day already got.
func Day(list []Attempt, a Attempt) []Attempt {
	var out []Attempt
	for _, b := range list {
		if b.Seq == a.Seq && b.Time.Equal(a.Time) {
			return append(out, a)
		}
		if sameDay(b.Time, a.Time) && b.Time.Before(a.Time) {
			out = append(out, b)
		}
	}
	return append(out, a) // a is the one a request makes now
}

// Today counts the attempts on now's local day, the count Progress shows.
func Today(list []Attempt, now time.Time) int {
	n := 0
	for _, a := range list {
		if sameDay(a.Time.In(now.Location()), now) {
			n++
		}
	}
	return n
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// Ordinal returns 1st, 2nd, 3rd, 4th...
func Ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}
