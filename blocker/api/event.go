package api

import (
	"strings"
	"time"
)

// EventKind is what an event records.
type EventKind string

// Event kinds.
const (
	EventVisit           EventKind = "visit"
	EventTamper          EventKind = "tamper"
	EventConflict        EventKind = "conflict"
	EventSessionStarted  EventKind = "session_started"
	EventSessionExtended EventKind = "session_extended"
	EventSessionEnded    EventKind = "session_ended"
	EventUnlockRequested EventKind = "unlock_requested"
	EventUnlockCancelled EventKind = "unlock_cancelled"
	EventUnlockCompleted EventKind = "unlock_completed"
	EventCleanup         EventKind = "cleanup"
	EventHostnamesAdded  EventKind = "hostnames_added"
	EventHeartbeat       EventKind = "heartbeat" // on the stream only, never stored
)

// Event is one thing that happened, as the API and the event log carry it.
type Event struct {
	Seq    uint64    `json:"seq"`
	Time   time.Time `json:"time"`
	Kind   EventKind `json:"kind"`
	Host   string    `json:"host,omitempty"`
	Scheme string    `json:"scheme,omitempty"`
	// Path is the profile a visit asked for ("/jane.doe"), when the tab
	// was sent to the passage for a profile of the running block; "" for
	// a site blocked whole.
	Path   string `json:"path,omitempty"`
	Count  int    `json:"count,omitempty"`
	Detail string `json:"detail,omitempty"` // e.g. how a session ended: "expired", "unlocked", "cleanup"
	// Scheduled marks a visit during a block a schedule started (or in a
	// schedule's window), so attempts in the risky hours can be told apart.
	Scheduled bool `json:"scheduled,omitempty"`
	// Device names where a visit came from when it was not this computer:
	// the phone, as the DNS filter names it (its name, else its address).
	Device string `json:"device,omitempty"`
}

// FromPhone reports whether a visit came from the phone, through its DNS
// filter.
func (e Event) FromPhone() bool { return e.Device != "" }

// CountVisits counts the attempts (see Attempts) among events in the hour
// before now and since local midnight.
func CountVisits(events []Event, now time.Time) (hour, today int) {
	midnight := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	for _, e := range Attempts(events) {
		if !e.Time.Before(midnight) {
			today++
		}
		if now.Sub(e.Time) < time.Hour {
			hour++
		}
	}
	return hour, today
}

// VisitsPerDay counts the attempts (see Attempts) per local day for the
// days days up to and including now's, oldest first.
func VisitsPerDay(events []Event, now time.Time, days int) []int {
	out := make([]int, days)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	first := today.AddDate(0, 0, -(days - 1))
	for _, e := range Attempts(events) {
		t := e.Time.In(now.Location())
		day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, now.Location())
		if day.Before(first) || day.After(today) {
			continue
		}
		i := int(day.Sub(first).Hours()/24 + 0.5)
		if i >= 0 && i < days {
			out[i]++
		}
	}
	return out
}

// AttemptWindow is how long requests to one site count as one attempt,
// from the first of them.
const AttemptWindow = time.Minute

// Attempts are the visit events as a person counts them, the one count
// the tab, the pop-up, the tray and Progress all show: the requests to
// one site from one device (any scheme, with or without www.) within AttemptWindow of
// the first are one attempt, however many a browser sends. Each attempt
// is its first event; events are in the order they happened.
func Attempts(events []Event) []Event {
	groups := GroupAttempts(events)
	out := make([]Event, len(groups))
	for i, g := range groups {
		out[i] = g[0]
	}
	return out
}

// GroupAttempts is Attempts with all of each attempt's visit events, its
// first event first: what says which attempt a later event of a burst
// (the https request after the http one) belongs to.
func GroupAttempts(events []Event) [][]Event {
	var out [][]Event
	open := map[string]int{} // site -> index in out of its latest attempt
	for _, e := range events {
		if e.Kind != EventVisit {
			continue
		}
		site := e.Device + " " + Site(e.Host) // the phone and this computer are two attempts
		if i, ok := open[site]; ok {
			if t := out[i][0].Time; e.Time.Sub(t) < AttemptWindow && !e.Time.Before(t) {
				out[i] = append(out[i], e)
				continue
			}
		}
		open[site] = len(out)
		out = append(out, []Event{e})
	}
	return out
}

// Site is host without the prefixes that name the same site
// ("www.instagram.com" and "m.instagram.com" are "instagram.com"): the
// site an attempt is counted for.
func Site(host string) string {
	for _, p := range []string{"www.", "m.", "mobile."} {
		if rest, ok := strings.CutPrefix(host, p); ok && strings.Contains(rest, ".") {
			return rest
		}
	}
	return host
}
