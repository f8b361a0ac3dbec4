package session

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/fakeclock"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

var berlin = mustZone("Europe/Berlin")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func nights() api.Schedule {
	return api.Schedule{Days: []string{"mon", "tue", "wed", "thu", "fri"}, From: "22:00", To: "07:00"}
}

func TestWindows(t *testing.T) {
	s := nights()
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, berlin) }
	for _, c := range []struct {
		t      time.Time
		in     bool
		length time.Duration
	}{
		{at(2026, 11, 30, 23, 0), true, 9 * time.Hour}, // Monday night
		{at(2026, 12, 1, 6, 59), true, 9 * time.Hour},  // Tuesday morning, Monday's window
		{at(2026, 12, 1, 7, 0), false, 0},              // its end
		{at(2026, 12, 5, 23, 0), false, 0},             // Saturday night
		{at(2026, 12, 5, 6, 0), true, 9 * time.Hour},   // Saturday morning: Friday's window
		{at(2026, 3, 27, 23, 0), true, 9 * time.Hour},  // Friday 27 March: the clocks change on Sunday, not this night
		{at(2026, 10, 23, 23, 0), true, 9 * time.Hour}, // an ordinary Friday
	} {
		start, end, ok := windowAt(s, c.t, berlin)
		if ok != c.in || (ok && end.Sub(start) != c.length) {
			t.Errorf("%s: in %v (%s to %s, %s); want %v, %s", c.t, ok, start, end, end.Sub(start), c.in, c.length)
		}
	}
	// The nights the clocks change: a window as long as the wall clock says.
	sun := api.Schedule{Days: []string{"sat", "sun"}, From: "22:00", To: "07:00"}
	if start, end, ok := windowAt(sun, at(2026, 3, 28, 23, 0), berlin); !ok || end.Sub(start) != 8*time.Hour {
		t.Errorf("spring forward: %s to %s (%s), want 8 h", start, end, end.Sub(start))
	}
	if start, end, ok := windowAt(sun, at(2026, 10, 24, 23, 0), berlin); !ok || end.Sub(start) != 10*time.Hour {
		t.Errorf("fall back: %s to %s (%s), want 10 h", start, end, end.Sub(start))
	}
	if next, ok := nextStart(s, at(2026, 12, 4, 23, 30), berlin); !ok || !next.Equal(at(2026, 12, 7, 22, 0)) {
		t.Errorf("next start after Friday night: %s", next)
	}
}

func newScheduleManager(t *testing.T, start time.Time) (*Manager, *fakeclock.Clock, *[]string) {
	t.Helper()
	clock := fakeclock.NewAt(start)
	store, err := NewStore(t.TempDir())
	testutil.Must(t, err)
	m, _ := NewManager(store, clock)
	m.SetLocation(berlin)
	var notes []string
	m.OnSchedule(func(d string) { notes = append(notes, d) })
	return m, clock, &notes
}

func addNights(t *testing.T, m *Manager, lock api.LockMode) api.Schedule {
	t.Helper()
	s, err := m.AddSchedule(api.ScheduleRequest{Days: "mon-fri", From: "22:00", To: "07:00", Hostnames: []string{"instagram.com"}, Lock: api.Lock{Mode: lock}})
	testutil.Must(t, err)
	return s
}

func TestScheduledBlockStartsAndRunsItsWindow(t *testing.T) {
	m, clock, notes := newScheduleManager(t, time.Date(2026, 11, 30, 21, 0, 0, 0, berlin)) // Monday 21:00
	s := addNights(t, m, api.LockStrict)
	if s.Next == nil || !s.Next.Equal(time.Date(2026, 11, 30, 22, 0, 0, 0, berlin)) {
		t.Fatalf("next start %v", s.Next)
	}
	clock.Pass(59 * time.Minute)
	m.Tick()
	if m.Snapshot().Active {
		t.Fatal("started before its window")
	}
	clock.Pass(2 * time.Minute)
	m.Tick()
	v := m.View()
	if v == nil || v.Lock.Mode != api.LockStrict || time.Duration(v.Duration) != 9*time.Hour-time.Minute {
		t.Fatalf("at 22:01: %+v", v)
	}
	clock.SetWall(5 * time.Hour) // the clock set forward: the block goes on
	m.Tick()
	if !m.Snapshot().Active {
		t.Fatal("setting the clock forward ended a scheduled block")
	}
	clock.Pass(9 * time.Hour)
	m.Tick()
	if m.Snapshot().Active {
		t.Fatal("the block outlived its credited length")
	}
	if !strings.Contains(strings.Join(*notes, "\n"), "scheduled block started: mon-fri 22:00 to 07:00") {
		t.Errorf("notes %q", *notes)
	}
}

func TestClockSetAcrossAStartStartsIt(t *testing.T) {
	m, clock, notes := newScheduleManager(t, time.Date(2026, 11, 30, 21, 0, 0, 0, berlin))
	addNights(t, m, api.LockCooldown)
	clock.SetWall(11 * time.Hour) // 08:00 the next day: the whole window skipped
	m.Tick()
	v := m.View()
	if v == nil || time.Duration(v.Duration) != 9*time.Hour {
		t.Fatalf("after a jump across the start: %+v", v)
	}
	if !strings.Contains(strings.Join(*notes, "\n"), "the clock was set forward across the scheduled start") {
		t.Errorf("the jump is not recorded: %q", *notes)
	}
}

func TestSuspendAcrossAStartStartsOnWake(t *testing.T) {
	m, clock, _ := newScheduleManager(t, time.Date(2026, 11, 30, 21, 0, 0, 0, berlin))
	addNights(t, m, api.LockCooldown)
	clock.Pass(3 * time.Hour) // asleep from 21:00 to 00:00
	m.Tick()
	if v := m.View(); v == nil || time.Duration(v.Duration) != 7*time.Hour {
		t.Fatalf("on wake at midnight: %+v", v)
	}
}

func TestRemovingWaits24Hours(t *testing.T) {
	m, clock, notes := newScheduleManager(t, time.Date(2026, 11, 30, 12, 0, 0, 0, berlin))
	s := addNights(t, m, api.LockCooldown)
	r, err := m.RemoveSchedule(s.ID)
	testutil.Must(t, err)
	if r.RemoveAt == nil || r.RemoveAt.Sub(clock.Now()) != api.LoosenDelay {
		t.Fatalf("removal at %v", r.RemoveAt)
	}
	clock.Pass(10*time.Hour + time.Minute) // 22:01 the same day: the window still starts
	m.Tick()
	if !m.Snapshot().Active {
		t.Fatal("a removal took effect before 24 h")
	}
	clock.Pass(20 * time.Hour) // Tuesday 18:01, past the removal
	m.Tick()
	clock.Pass(4 * time.Hour) // 22:01
	m.Tick()
	if len(m.Schedules()) != 0 || strings.Count(strings.Join(*notes, "\n"), "scheduled block started") != 1 {
		t.Errorf("schedules %v, notes %q", m.Schedules(), *notes)
	}
	if _, err := m.RemoveSchedule("nope"); api.ErrorCode(err) != api.CodeNotFound {
		t.Errorf("removing an unknown schedule: %v", err)
	}
}

func TestScheduleRequestsAreValidated(t *testing.T) {
	m, _, _ := newScheduleManager(t, time.Date(2026, 11, 30, 12, 0, 0, 0, berlin))
	for _, req := range []api.ScheduleRequest{
		{Days: "someday", From: "22:00", To: "07:00", Hostnames: []string{"x.com"}},
		{Days: "daily", From: "25:00", To: "07:00", Hostnames: []string{"x.com"}},
		{Days: "daily", From: "22:00", To: "22:00", Hostnames: []string{"x.com"}},
		{Days: "daily", From: "22:00", To: "07:00"},
		{Days: "daily", From: "22:00", To: "07:00", Hostnames: []string{"x.com\n1.2.3.4 bank.com"}},
		{Days: "daily", From: "22:00", To: "07:00", Hostnames: []string{"x.com"}, Lock: api.Lock{Mode: api.LockFriend}},
	} {
		if _, err := m.AddSchedule(req); api.ErrorCode(err) != api.CodeInvalid {
			t.Errorf("%+v accepted: %v", req, err)
		}
	}
	days, err := api.ParseDays("fri-mon")
	if err != nil || strings.Join(days, ",") != "mon,fri,sat,sun" || api.DaysText(days) != "mon,fri-sun" {
		t.Errorf("fri-mon: %v %v %s", days, err, api.DaysText(days))
	}
}

// Adding a schedule whose window runs now starts its block at once.
func TestAddingInsideAWindowStartsNow(t *testing.T) {
	m, _, _ := newScheduleManager(t, time.Date(2026, 11, 30, 23, 0, 0, 0, berlin))
	addNights(t, m, api.LockCooldown)
	if v := m.View(); v == nil || time.Duration(v.Duration) != 8*time.Hour {
		t.Fatalf("added at 23:00 inside the window: %+v", v)
	}
}

// A window's terms hold within a running block: a stronger lock, and
// private windows closed.
func TestWindowStrengthensARunningBlock(t *testing.T) {
	m, clock, _ := newScheduleManager(t, time.Date(2026, 11, 30, 21, 0, 0, 0, berlin))
	if _, _, err := m.Start(api.StartRequest{Hostnames: []string{"x.com"}, Duration: api.Duration(2 * time.Hour), AllowPrivate: true}); err != nil {
		t.Fatal(err)
	}
	addNights(t, m, api.LockStrict)
	clock.Pass(61 * time.Minute)
	m.Tick()
	v := m.View()
	if v == nil || v.Lock.Mode != api.LockStrict || !v.ClosePrivate || len(v.Hostnames) != 2 || time.Duration(v.Remaining) < 8*time.Hour {
		t.Fatalf("the running block after a strict window began: %+v", v)
	}
}

func TestZoneIdentityIgnoresDST(t *testing.T) {
	if zoneIdentity(time.Date(2026, 1, 5, 0, 0, 0, 0, berlin), berlin) != zoneIdentity(time.Date(2026, 7, 5, 0, 0, 0, 0, berlin), berlin) {
		t.Error("the clocks going forward taken for a change of zone")
	}
	if zoneIdentity(time.Date(2026, 1, 5, 0, 0, 0, 0, berlin), berlin) == zoneIdentity(time.Date(2026, 1, 5, 0, 0, 0, 0, berlin), mustZone("America/New_York")) {
		t.Error("a change of zone not seen")
	}
}

// A window that begins within a running block makes it at least as strong
// as the schedule in every term (issue 29): a friend's code, a shorter
// cool-down and an early end asked for do not survive it.
func TestWindowHoldsEveryTermOfItsSchedule(t *testing.T) {
	for _, c := range []struct {
		name    string
		lock    api.Lock
		request bool
	}{
		{"friend lock", api.Lock{Mode: api.LockFriend}, false},
		{"shorter cool-down", api.Lock{Mode: api.LockCooldown, Cooldown: api.Duration(15 * time.Minute)}, false},
		{"early end asked for", api.Lock{Mode: api.LockCooldown, Cooldown: api.Duration(24 * time.Hour)}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, clock, notes := newScheduleManager(t, time.Date(2026, 11, 30, 21, 55, 0, 0, berlin))
			if _, err := m.AddSchedule(api.ScheduleRequest{Days: "daily", From: "22:00", To: "07:00", Paths: []string{"instagram.com/jane.doe"},
				Lock: api.Lock{Mode: api.LockCooldown, Cooldown: api.Duration(24 * time.Hour)}}); err != nil {
				t.Fatal(err)
			}
			_, code, err := m.Start(api.StartRequest{Hostnames: []string{"x.com"}, Duration: api.Duration(10 * time.Minute), Lock: c.lock, AllowPrivate: true})
			testutil.Must(t, err)
			if c.request {
				_, err := m.Unlock(api.UnlockRequest, "")
				testutil.Must(t, err)
			}
			clock.Pass(6 * time.Minute) // 22:01, inside the window; the manual block has 4 min left
			m.Tick()
			if c.lock.Mode == api.LockFriend {
				if _, err := m.Unlock(api.UnlockConfirm, code); err == nil {
					t.Fatal("the friend's code ended the block, inside a window of a schedule with a 24 h cool-down")
				}
			}
			v := m.View()
			if v == nil || v.Lock.Mode != api.LockCooldown || time.Duration(v.Lock.Cooldown) != 24*time.Hour || v.Unlock.RequestedAt != nil ||
				!v.ClosePrivate || !slices.Contains(v.Paths, "instagram.com/jane.doe") {
				t.Fatalf("the running block inside the window: %+v", v)
			}
			if !strings.Contains(strings.Join(*notes, "\n"), "now holds as the schedule does") {
				t.Errorf("what changed is not recorded: %q", *notes)
			}
		})
	}
}

// A block cannot be filled to keep a schedule's person out (issue 29): the
// limits keep room for every schedule's paths and names, and a window adds
// them always.
func TestAFullBlockCannotKeepAScheduleOut(t *testing.T) {
	m, clock, _ := newScheduleManager(t, time.Date(2026, 11, 30, 21, 55, 0, 0, berlin))
	_, err := m.AddSchedule(api.ScheduleRequest{Days: "daily", From: "22:00", To: "07:00", Paths: []string{"instagram.com/jane.doe"}, Lock: api.Lock{Mode: api.LockStrict}})
	testutil.Must(t, err)
	junk := func(n int) []string {
		var out []string
		for i := range n {
			out = append(out, fmt.Sprintf("example.net/junk%d", i))
		}
		return out
	}
	_, _, err = m.Start(api.StartRequest{Paths: junk(api.MaxPaths), Duration: api.Duration(10 * time.Minute)})
	if err == nil || !strings.Contains(err.Error(), "kept for the people your schedules block") {
		t.Fatalf("a start of %d paths beside a schedule's: %v", api.MaxPaths, err)
	}
	_, _, err = m.Start(api.StartRequest{Paths: junk(api.MaxPaths - 1), Duration: api.Duration(10 * time.Minute)})
	testutil.Must(t, err)
	if _, err := m.Add(nil, []string{"example.net/more"}); err == nil {
		t.Fatal("the block was filled past the schedule's room")
	}
	if _, err := m.AddSchedule(api.ScheduleRequest{Days: "daily", From: "23:00", To: "07:00", Paths: []string{"x.com/jane.doe"}}); err == nil {
		t.Fatal("a schedule was added that does not fit beside the running block")
	}
	clock.Pass(6 * time.Minute)
	m.Tick()
	v := m.View()
	if v == nil || v.Lock.Mode != api.LockStrict || !slices.Contains(v.Paths, "instagram.com/jane.doe") {
		t.Fatalf("the full block inside the strict window: %+v", v)
	}
}
