package daemon

import (
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/sinkhole"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// TestScheduleOverTheAPI: a schedule added through the API starts its
// block when its window comes (the hosts file gets the section, the
// journal the start), a removal waits 24 h, and bad requests are refused.
func TestScheduleOverTheAPI(t *testing.T) {
	e := newEnv(t)
	e.stop()
	e.cfg.Location = time.UTC // the fake clock's noon on Friday 1 May 2026
	e.start(t)
	s, err := e.client.AddSchedule(ctx, api.ScheduleRequest{Days: "daily", From: "12:30", To: "13:00", Hostnames: []string{"instagram.com"}, Lock: api.Lock{Mode: api.LockStrict}})
	testutil.Must(t, err)
	if s.Next == nil || s.Next.Format("15:04") != "12:30" {
		t.Fatalf("next start %v", s.Next)
	}
	if strings.Contains(e.hosts(t), "instagram.com") {
		t.Fatal("blocked before its window")
	}
	e.clock.Pass(31 * time.Minute)
	e.d.nudge()
	waitFor(t, "the scheduled block's section", func() bool { return strings.Contains(e.hosts(t), "127.78.0.1 instagram.com") })
	st, err := e.client.Status(ctx)
	testutil.Must(t, err)
	if st.Session == nil || st.Session.Lock.Mode != api.LockStrict || time.Duration(st.Session.Duration) != 29*time.Minute {
		t.Fatalf("session %+v", st.Session)
	}
	events, err := e.client.Events(ctx, 0)
	testutil.Must(t, err)
	if !hasEvent(events, api.EventScheduled, "scheduled block started") {
		t.Errorf("no event for the scheduled start: %+v", events)
	}
	e.d.visits.onHit(sinkhole.Hit{Host: "instagram.com", Scheme: "https", Time: e.clock.Now()})
	if v := e.visits(t, "instagram.com", "https"); len(v) != 1 || !v[0].Scheduled {
		t.Errorf("a visit in a scheduled block is not marked: %+v", v)
	}
	r, err := e.client.RemoveSchedule(ctx, s.ID)
	if err != nil || r.RemoveAt == nil {
		t.Fatalf("remove: %+v %v", r, err)
	}
	list, err := e.client.Schedules(ctx)
	if err != nil || len(list) != 1 {
		t.Errorf("a removal took effect at once: %+v %v", list, err)
	}
	_, err = e.client.AddSchedule(ctx, api.ScheduleRequest{Days: "daily", From: "22:00", To: "07:00", Hostnames: []string{"bad name"}})
	if api.ErrorCode(err) != api.CodeInvalid {
		t.Errorf("an invalid name was accepted: %v", err)
	}
}
