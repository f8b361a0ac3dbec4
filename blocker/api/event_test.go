package api

import (
	"testing"
	"time"
)

func TestCountingVisits(t *testing.T) {
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.Local)
	events := []Event{
		{Kind: EventVisit, Count: 3, Time: now.Add(-10 * time.Minute)},
		{Kind: EventVisit, Count: 2, Time: now.Add(-2 * time.Hour)},
		{Kind: EventTamper, Time: now.Add(-time.Minute)},
		{Kind: EventVisit, Count: 4, Time: now.Add(-24 * time.Hour)},
		{Kind: EventVisit, Time: now.Add(-40 * 24 * time.Hour)},
	}
	if h, d := CountVisits(events, now); h != 1 || d != 2 {
		t.Errorf("CountVisits = %d, %d; want 1, 2 (an event is one attempt, whatever its count)", h, d)
	}
	per := VisitsPerDay(events, now, 30)
	if len(per) != 30 || per[29] != 2 || per[28] != 1 || per[0] != 0 {
		t.Errorf("VisitsPerDay = %v", per)
	}
}

// A burst of requests to one site within a minute is one attempt, over
// http and https, with and without www.; the same site a minute later,
// or another site within it, is another.
func TestABurstIsOneAttempt(t *testing.T) {
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.Local)
	burst := []Event{
		{Kind: EventVisit, Host: "www.instagram.com", Scheme: "https", Count: 1, Time: now.Add(-5 * time.Minute)},
		{Kind: EventVisit, Host: "instagram.com", Scheme: "http", Count: 1, Time: now.Add(-5*time.Minute + time.Second)},
		{Kind: EventVisit, Host: "www.instagram.com", Scheme: "http", Count: 3, Time: now.Add(-5*time.Minute + 2*time.Second)},
	}
	if h, d := CountVisits(burst, now); h != 1 || d != 1 {
		t.Errorf("a burst of 3: CountVisits = %d, %d; want 1, 1", h, d)
	}
	more := append(burst,
		Event{Kind: EventVisit, Host: "www.tiktok.com", Scheme: "https", Time: now.Add(-5*time.Minute + 3*time.Second)},
		Event{Kind: EventVisit, Host: "instagram.com", Scheme: "https", Time: now.Add(-3 * time.Minute)})
	if h, d := CountVisits(more, now); h != 3 || d != 3 {
		t.Errorf("CountVisits = %d, %d; want 3, 3", h, d)
	}
	if a := Attempts(more); len(a) != 3 || a[0].Host != "www.instagram.com" || a[1].Host != "www.tiktok.com" {
		t.Errorf("Attempts = %+v", a)
	}
}

// GroupAttempts puts the later events of a burst with its first, and its
// firsts are Attempts.
func TestGroupAttempts(t *testing.T) {
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.Local)
	events := []Event{
		{Seq: 1, Kind: EventVisit, Host: "instagram.com", Scheme: "http", Time: now},
		{Seq: 2, Kind: EventVisit, Host: "tiktok.com", Scheme: "https", Time: now.Add(time.Second)},
		{Seq: 3, Kind: EventTamper, Time: now.Add(2 * time.Second)},
		{Seq: 4, Kind: EventVisit, Host: "www.instagram.com", Scheme: "https", Path: "/jane.doe", Time: now.Add(3 * time.Second)},
		{Seq: 5, Kind: EventVisit, Host: "m.instagram.com", Scheme: "https", Time: now.Add(AttemptWindow)},
	}
	g := GroupAttempts(events)
	if len(g) != 3 || len(g[0]) != 2 || g[0][1].Seq != 4 || g[1][0].Seq != 2 || g[2][0].Seq != 5 {
		t.Fatalf("GroupAttempts = %+v", g)
	}
	if a := Attempts(events); len(a) != 3 || a[0].Seq != 1 || a[1].Seq != 2 || a[2].Seq != 5 {
		t.Errorf("Attempts = %+v", a)
	}
	if Site("www.instagram.com") != "instagram.com" || Site("m.me") != "m.me" {
		t.Errorf("Site: %q %q", Site("www.instagram.com"), Site("m.me"))
	}
}
