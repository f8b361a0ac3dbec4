package session

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/fakeclock"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// TestScheduleSoakMonth runs two schedules (weeknights 22:00 to 07:00,
// strict; weekend afternoons 13:00 to 18:00, cool-down) through a
// simulated month of a laptop's life in Berlin across the night the
// clocks go back (25 October 2026): ticks, suspends, reboots, the wall
// clock set forward (across starts too), daemon restarts, and the weekend
// schedule removed half-way. It checks that whenever the wall clock is in
// a window of a schedule in force, a block runs; that a block never gets
// shorter; that no window starts twice; that a removal applies no sooner
// than 24 h after it was asked; and that every jump across a start is
// recorded.
func TestScheduleSoakMonth(t *testing.T) {
	for seed := range uint64(*soakSeeds) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { scheduleSoak(t, seed, *soakSteps) })
	}
}

func scheduleSoak(t *testing.T, seed uint64, steps int) {
	rng := rand.New(rand.NewPCG(seed, 0x5c4e))
	dir := t.TempDir()
	clock := fakeclock.NewAt(time.Date(2026, 10, 10, 12, 0, 0, 0, berlin))
	var notes []string
	open := func() *Manager {
		store, err := NewStore(dir)
		testutil.Must(t, err)
		m, _ := NewManager(store, clock)
		m.SetLocation(berlin)
		m.OnSchedule(func(d string) { notes = append(notes, d) })
		return m
	}
	m := open()
	nights, err := m.AddSchedule(api.ScheduleRequest{Days: "mon-fri", From: "22:00", To: "07:00", Hostnames: []string{"instagram.com"}, Lock: api.Lock{Mode: api.LockStrict}})
	testutil.Must(t, err)
	weekends, err := m.AddSchedule(api.ScheduleRequest{Days: "weekends", From: "13:00", To: "18:00", Hostnames: []string{"x.com"}, Lock: api.Lock{Mode: api.LockCooldown}})
	testutil.Must(t, err)
	var removeAt time.Time
	var lastEnd time.Time        // the running block's end, which may only move later
	started := map[string]bool{} // windows started, by schedule and start
	for i := 0; i < steps && clock.Now().Before(time.Date(2026, 11, 10, 0, 0, 0, 0, berlin)); i++ {
		jumpedFrom := time.Time{}
		switch r := rng.IntN(100); {
		case r < 70:
			clock.Pass(time.Duration(rng.Int64N(int64(20 * time.Minute))))
		case r < 82:
			clock.Pass(time.Duration(rng.Int64N(int64(7 * time.Hour)))) // a suspend
		case r < 87:
			jumpedFrom = clock.Now()
			clock.SetWall(time.Duration(rng.Int64N(int64(14 * time.Hour)))) // set forward
		case r < 91:
			clock.Reboot(time.Duration(rng.Int64N(int64(3 * time.Hour))))
		case r < 96:
			m = open() // the daemon restarted
		default:
			if removeAt.IsZero() && clock.Now().After(time.Date(2026, 10, 24, 0, 0, 0, 0, berlin)) {
				s, err := m.RemoveSchedule(weekends.ID)
				testutil.Must(t, err)
				removeAt = *s.RemoveAt
				if removeAt.Sub(clock.Now()) < api.LoosenDelay-time.Second { // truncated to the second
					t.Fatalf("seed %d: a removal at %s, sooner than 24 h", seed, removeAt)
				}
			}
		}
		before := len(notes)
		if _, err := m.Tick(); err != nil {
			t.Fatal(err)
		}
		checkScheduleInvariants(t, seed, m, clock.Now(), nights, weekends, removeAt, jumpedFrom, &lastEnd)
		checkStarts(t, seed, clock.Now(), notes[before:], weekends, removeAt, started)
	}
	if !strings.Contains(strings.Join(notes, "\n"), "scheduled block started") {
		t.Errorf("seed %d: no scheduled block in a month", seed)
	}
}

// checkStarts checks the starts a tick recorded: none twice, none of the
// weekend schedule for a window from its removal on.
func checkStarts(t *testing.T, seed uint64, now time.Time, news []string, weekends api.Schedule, removeAt time.Time, started map[string]bool) {
	t.Helper()
	for _, n := range news {
		if !strings.HasPrefix(n, "scheduled block started: ") {
			continue
		}
		what := strings.TrimPrefix(n, "scheduled block started: ")
		if started[what] {
			t.Fatalf("seed %d: a window started twice: %s", seed, what)
		}
		started[what] = true
		if start, _, in := windowAt(weekends, now, berlin); in && strings.HasPrefix(what, weekends.Text()) && !removeAt.IsZero() && !start.Before(removeAt) {
			t.Fatalf("seed %d: the removed schedule started the window of %s", seed, start)
		}
	}
}

func checkScheduleInvariants(t *testing.T, seed uint64, m *Manager, now time.Time, nights, weekends api.Schedule, removeAt, jumpedFrom time.Time, lastEnd *time.Time) {
	t.Helper()
	v := m.View()
	for _, s := range []api.Schedule{nights, weekends} {
		start, _, in := windowAt(s, now, berlin)
		inForce := s.ID == nights.ID || removeAt.IsZero() || start.Before(removeAt)
		if in && inForce && v == nil {
			t.Fatalf("seed %d: at %s, inside the window of %s from %s, no block runs", seed, now, s.Text(), start)
		}
	}
	if v == nil {
		*lastEnd = time.Time{}
	} else {
		end := v.Started.Add(time.Duration(v.Duration))
		if !lastEnd.IsZero() && end.Before(*lastEnd) {
			t.Fatalf("seed %d: the block's length shrank (end %s, was %s)", seed, end, *lastEnd)
		}
		*lastEnd = end
	}
	if !jumpedFrom.IsZero() {
		for _, s := range []api.Schedule{nights, weekends} {
			starts, ends := windowsStarting(s, jumpedFrom, now, berlin)
			if len(starts) > 0 && ends[len(ends)-1].Before(now) && (s.ID == nights.ID || removeAt.IsZero()) && v == nil {
				t.Fatalf("seed %d: the clock set forward across %s's start at %s, and no block runs", seed, s.Text(), starts[0])
			}
		}
	}
}
