package session

import (
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// Issue 29.7: the clock moved around a window's start, and windows that
// pass unseen, are recorded and, where the clocks allow, kept.
func TestClockTricksAroundAWindow(t *testing.T) {
	t.Run("set back 6 h at 21:59", func(t *testing.T) {
		m, clock, notes := newScheduleManager(t, time.Date(2026, 11, 30, 21, 59, 0, 0, berlin))
		addNights(t, m, api.LockCooldown)
		m.Tick()
		clock.SetWall(-6 * time.Hour) // 15:59 on the wall
		m.Tick()
		clock.Pass(2 * time.Minute) // 22:01 in truth, 16:01 on the wall
		m.Tick()
		v := m.View()
		if v == nil || time.Duration(v.Remaining) < 8*time.Hour+50*time.Minute {
			t.Fatalf("at 22:01 with the clock set back: %+v", v)
		}
		all := strings.Join(*notes, "\n")
		if !strings.Contains(all, "the clock was set back by 6 h") || !strings.Contains(all, "came while the clock was set back; its block runs its whole 9 h") {
			t.Errorf("not recorded: %q", *notes)
		}
		n := len(*notes)
		clock.Pass(6 * time.Hour) // the wall reaches 22:01
		m.Tick()
		if strings.Contains(strings.Join((*notes)[n:], "\n"), "scheduled block started") {
			t.Errorf("the same window started twice: %q", (*notes)[n:])
		}
	})
	t.Run("set forward to 06:59 at 21:59", func(t *testing.T) {
		m, clock, notes := newScheduleManager(t, time.Date(2026, 11, 30, 21, 59, 0, 0, berlin))
		addNights(t, m, api.LockCooldown)
		m.Tick()
		clock.SetWall(9 * time.Hour) // 06:59: the window has a minute left
		m.Tick()
		if v := m.View(); v == nil || time.Duration(v.Remaining) < 8*time.Hour+59*time.Minute {
			t.Fatalf("after the jump into the window's last minute: %+v", v)
		}
		if !strings.Contains(strings.Join(*notes, "\n"), "the clock was set forward across the scheduled start") {
			t.Errorf("the jump is not recorded: %q", *notes)
		}
	})
	t.Run("a restart with the clock past the window", func(t *testing.T) {
		m, clock, notes := newScheduleManager(t, time.Date(2026, 11, 30, 21, 0, 0, 0, berlin))
		addNights(t, m, api.LockCooldown)
		m.Tick()
		clock.Reboot(11 * time.Hour) // 08:00 the next day, in another boot
		m.Tick()
		if v := m.View(); v != nil {
			t.Fatalf("a block started for a window that passed: %+v", v)
		}
		all := strings.Join(*notes, "\n")
		if !strings.Contains(all, "passed while the computer was off or asleep, or its clock was moved across a restart: it was not blocked") {
			t.Errorf("the missed window is not recorded: %q", *notes)
		}
		n := len(*notes)
		clock.Pass(time.Minute)
		m.Tick()
		if len(*notes) != n {
			t.Errorf("recorded twice: %q", (*notes)[n:])
		}
	})
}

// A block whose time runs out across a restart is not said to have
// simply expired: the wall clock counted its last part (issue 29.8).
func TestExpiryAcrossARestartIsSaid(t *testing.T) {
	m, clock, _ := newTestManager(t)
	var got []Expiry
	m.OnExpire(func(how Expiry) { got = append(got, how) })
	start(t, m, time.Hour, api.Lock{})
	clock.Reboot(2 * time.Hour)
	m.Tick()
	start(t, m, time.Hour, api.Lock{})
	clock.Pass(2 * time.Hour)
	m.Tick()
	if len(got) != 2 || got[0] != ExpiredAcrossRestart || got[1] != ExpiredInTime {
		t.Errorf("expiries %v, want across a restart, then in time", got)
	}
}

// Waking inside a window records the windows missed before it (the review
// of issue 29), and a restart forgets a clock set back before it.
func TestMissedWindowsBeforeOneRunning(t *testing.T) {
	m, clock, notes := newScheduleManager(t, time.Date(2026, 11, 30, 21, 0, 0, 0, berlin)) // Monday
	addNights(t, m, api.LockCooldown)
	m.Tick()
	clock.Pass(50 * time.Hour) // asleep until Wednesday 23:00
	m.Tick()
	all := strings.Join(*notes, "\n")
	if strings.Count(all, "passed while the computer was off or asleep") != 2 {
		t.Errorf("Monday's and Tuesday's windows are not both recorded: %q", *notes)
	}
	if v := m.View(); v == nil {
		t.Error("Wednesday's window did not start on waking")
	}
}

func TestARestartForgetsASetBack(t *testing.T) {
	m, clock, _ := newScheduleManager(t, time.Date(2026, 11, 30, 18, 0, 0, 0, berlin))
	addNights(t, m, api.LockCooldown)
	m.Tick()
	clock.SetWall(-3 * time.Hour)
	m.Tick()
	clock.Reboot(time.Minute) // the clock put right at boot would be 18:01; it shows 15:01 here
	clock.SetWall(3 * time.Hour)
	m.Tick()
	clock.Pass(3*time.Hour + 30*time.Minute) // 21:31: not yet the window
	m.Tick()
	if v := m.View(); v != nil {
		t.Errorf("a set-back from before the restart started the window early: %+v", v)
	}
}
