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
	if h, d := CountVisits(events, now); h != 3 || d != 5 {
		t.Errorf("CountVisits = %d, %d; want 3, 5", h, d)
	}
	per := VisitsPerDay(events, now, 30)
	if len(per) != 30 || per[29] != 5 || per[28] != 4 || per[0] != 0 {
		t.Errorf("VisitsPerDay = %v", per)
	}
}
