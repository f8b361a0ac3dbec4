package api

import "time"

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
	Count  int       `json:"count,omitempty"`
	Detail string    `json:"detail,omitempty"` // e.g. how a session ended: "expired", "unlocked", "cleanup"
	// Scheduled marks a visit during a block a schedule started (or in a
	// schedule's window), so attempts in the risky hours can be told apart.
	Scheduled bool `json:"scheduled,omitempty"`
}

// CountVisits sums the visits (with their coalesced counts) among events in
// the hour before now and since local midnight.
func CountVisits(events []Event, now time.Time) (hour, today int) {
	midnight := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	for _, e := range events {
		if e.Kind != EventVisit {
			continue
		}
		n := max(1, e.Count)
		if !e.Time.Before(midnight) {
			today += n
		}
		if now.Sub(e.Time) < time.Hour {
			hour += n
		}
	}
	return hour, today
}

// VisitsPerDay sums visits (with their counts) per local day for the days
// days up to and including now's, oldest first.
func VisitsPerDay(events []Event, now time.Time, days int) []int {
	out := make([]int, days)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	first := today.AddDate(0, 0, -(days - 1))
	for _, e := range events {
		if e.Kind != EventVisit {
			continue
		}
		t := e.Time.In(now.Location())
		day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, now.Location())
		if day.Before(first) || day.After(today) {
			continue
		}
		i := int(day.Sub(first).Hours()/24 + 0.5)
		if i >= 0 && i < days {
			out[i] += max(1, e.Count)
		}
	}
	return out
}
