package tray

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

var now = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

func labels(items []Item) string {
	var b strings.Builder
	for _, it := range items {
		mark := " "
		if it.Enabled {
			mark = "*"
		}
		b.WriteString(mark + it.Label + "\n")
	}
	return b.String()
}

func running(lock api.LockMode) *api.Session {
	return &api.Session{Hostnames: make([]string, 14), Remaining: api.Duration(18*api.Day + 4*time.Hour),
		Lock: api.Lock{Mode: lock, Cooldown: api.Duration(30 * time.Minute)}}
}

func TestMenuForEveryState(t *testing.T) {
	tampered := now.Add(-2 * time.Minute)
	visits := []api.Event{{Kind: api.EventVisit, Host: "instagram.com", Time: now.Add(-2 * time.Hour)}}
	tests := []struct {
		name string
		s    State
		want string
		icon string
	}{
		{"no daemon", State{DaemonErr: errors.New("down"), HasDay: true, DaysClean: 12, Now: now},
			" Day 12 without contact\n Blocking is not set up (the daemon is not running)\n*Set up blocking…\n*Open No Contact\n*Read the article\n*Quit tray\n", IconProblem},
		{"idle", State{Status: &api.Status{Hosts: api.HostsStatus{Intact: true}}, Now: now, HasProfiles: true},
			" No Contact\n No block running\n Nothing is blocked now\n No attempts noticed\n*Start block: 24 h\n*Start a longer block…\n Extend by 24 h…\n End early…\n*Open No Contact\n*Read the article\n*Quit tray\n", IconIdle},
		{"blocking", State{Status: &api.Status{Session: running(api.LockCooldown), Hosts: api.HostsStatus{Intact: true}}, HasDay: true, DaysClean: 1, Visits: visits, Now: now},
			" Day 1 without contact\n Blocking 14 sites · 18 d 4 h left\n The block is in place and guarded\n Last attempt: Instagram, 2 h ago (1st today)\n Start block: 24 h\n Start a longer block…\n*Extend by 24 h…\n*End early…\n*Open No Contact\n*Read the article\n*Quit tray\n", IconBlocking},
		{"tampered", State{Status: &api.Status{Session: running(api.LockStrict), Hosts: api.HostsStatus{Intact: true, LastTamper: &tampered}}, Now: now},
			" No Contact\n Blocking 14 sites · 18 d 4 h left\n The block was changed 2 min ago and put back\n No attempts noticed\n Start block: 24 h\n Start a longer block…\n*Extend by 24 h…\n End early…\n*Open No Contact\n*Read the article\n*Quit tray\n", IconBlocking},
		{"cool-down running", State{Status: &api.Status{Session: func() *api.Session {
			s := running(api.LockCooldown)
			s.Unlock = api.UnlockStatus{State: api.UnlockWaiting, ReadyIn: api.Duration(20 * time.Minute)}
			return s
		}(), Hosts: api.HostsStatus{Intact: true}}, Now: now},
			" No Contact\n Blocking 14 sites · 18 d 4 h left\n The block is in place and guarded\n No attempts noticed\n Start block: 24 h\n Start a longer block…\n*Extend by 24 h…\n Cool-down: 20 min left\n*Keep the block\n*Open No Contact\n*Read the article\n*Quit tray\n", IconBlocking},
		{"cool-down over", State{Status: &api.Status{Session: func() *api.Session {
			s := running(api.LockCooldown)
			s.Unlock = api.UnlockStatus{State: api.UnlockReady, ExpiresIn: api.Duration(8 * time.Minute)}
			return s
		}(), Hosts: api.HostsStatus{Intact: true}}, Now: now, KeepFailed: "no block is running"},
			" No Contact\n Blocking 14 sites · 18 d 4 h left\n The block is in place and guarded\n No attempts noticed\n Start block: 24 h\n Start a longer block…\n*Extend by 24 h…\n*End the block now…\n*Keep the block (did not work: no block is running)\n*Open No Contact\n*Read the article\n*Quit tray\n", IconBlocking},
		{"hosts problem", State{Status: &api.Status{Session: running(api.LockFriend), Hosts: api.HostsStatus{Error: "read-only file system"}}, Now: now},
			" No Contact\n Blocking 14 sites · 18 d 4 h left\n The block has a problem (open No Contact)\n No attempts noticed\n Start block: 24 h\n Start a longer block…\n*Extend by 24 h…\n*End early…\n*Open No Contact\n*Read the article\n*Quit tray\n", IconProblem},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := labels(Menu(tt.s)); got != tt.want {
				t.Errorf("menu:\n%s\nwant:\n%s", got, tt.want)
			}
			if got := Icon(tt.s); got != tt.icon {
				t.Errorf("icon %s, want %s", got, tt.icon)
			}
		})
	}
}

func TestStartNeedsProfiles(t *testing.T) {
	items := Menu(State{Status: &api.Status{}, Now: now})
	for _, it := range items {
		if strings.HasPrefix(it.ID, "start") && it.Enabled {
			t.Errorf("%s enabled without saved profiles", it.ID)
		}
	}
}

func TestThrottle(t *testing.T) {
	var th Throttle
	visit := api.Event{Kind: api.EventVisit}
	if !th.Allow(visit, now) {
		t.Fatal("first pop-up refused")
	}
	if th.Allow(visit, now.Add(30*time.Second)) {
		t.Error("second pop-up within a minute")
	}
	if !th.Allow(api.Event{Kind: api.EventTamper}, now.Add(61*time.Second)) {
		t.Error("pop-up after a minute refused")
	}
	if th.Allow(api.Event{Kind: api.EventSessionExtended}, now.Add(time.Hour)) {
		t.Error("a pop-up for an extension")
	}
	late := Throttle{Since: now}
	if late.Allow(api.Event{Kind: api.EventVisit, Time: now.Add(-time.Hour)}, now.Add(time.Minute)) {
		t.Error("a pop-up for an attempt from before the follower started")
	}
}

// Extend asks before it acts (it cannot be undone): its item opens the
// window's question, and says so with an ellipsis.
func TestExtendAsksFirst(t *testing.T) {
	s := State{Status: &api.Status{Session: running(api.LockStrict)}, Now: time.Now()}
	for _, it := range Menu(s) {
		if it.ID == IDExtend && it.Label != "Extend by 24 h…" {
			t.Errorf("extend item %q", it.Label)
		}
	}
	if Reason(errors.New("dial unix: timeout")) != "the daemon did not answer" || Reason(nil) != "" {
		t.Error("reasons")
	}
}

func TestMenuSaysTheNextScheduledBlock(t *testing.T) {
	now := time.Date(2026, 11, 30, 17, 0, 0, 0, time.Local)
	next := time.Date(2026, 11, 30, 22, 0, 0, 0, time.Local)
	s := State{Status: &api.Status{NextScheduled: &next}, Now: now}
	found := false
	for _, it := range Menu(s) {
		if it.ID == IDNext {
			found = it.Label == "Next scheduled block: tonight 22:00" && !it.Enabled
		}
	}
	if !found {
		t.Errorf("no 'Next scheduled block: tonight 22:00' line: %+v", Menu(s))
	}
	s.Status.NextScheduled = nil
	for _, it := range Menu(s) {
		if it.ID == IDNext {
			t.Errorf("a next-block line without a schedule: %+v", it)
		}
	}
}
