package session

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// editStored rewrites both generations of the state in dir, as root could
// while the daemon is stopped.
func editStored(t *testing.T, dir string, edit func(st *State)) {
	t.Helper()
	for _, f := range []string{currentFile, previousFile} {
		p := filepath.Join(dir, f)
		b, err := os.ReadFile(p)
		if os.IsNotExist(err) {
			continue
		}
		testutil.Must(t, err)
		var st State
		testutil.Must(t, json.Unmarshal(b, &st))
		edit(&st)
		b, err = json.Marshal(st)
		testutil.Must(t, err)
		testutil.Must(t, os.WriteFile(p, b, 0o600))
	}
}

// Every term of a block and of each schedule is witnessed: a state edited
// to weaken one while the daemon was stopped is put back at the next start
// and the edit is said in words (issue 29.6).
func TestEveryTermIsWitnessed(t *testing.T) {
	at := time.Date(2026, 11, 30, 20, 0, 0, 0, berlin) // Monday 20:00
	for _, c := range []struct {
		name  string
		lock  api.Lock
		edit  func(st *State)
		check func(v *api.Session, sched []api.Schedule) bool
		words string
	}{
		{"paths swapped for another person's", api.Lock{}, func(st *State) { st.Session.Paths = []string{"instagram.com/someone.else"} },
			func(v *api.Session, _ []api.Schedule) bool { return slices.Contains(v.Paths, "instagram.com/jane.doe") }, "profile pages were taken out or replaced"},
		{"x.com replaced", api.Lock{}, func(st *State) { st.Session.Hostnames = []string{"example.org"} },
			func(v *api.Session, _ []api.Schedule) bool { return slices.Contains(v.Hostnames, "x.com") }, "sites were taken out or replaced"},
		{"private windows reopened", api.Lock{}, func(st *State) { st.Session.ClosePrivate = false },
			func(v *api.Session, _ []api.Schedule) bool { return v.ClosePrivate }, "private windows were opened again"},
		{"cool-down cut from 24 h to 15 min", api.Lock{Mode: api.LockCooldown, Cooldown: api.Duration(24 * time.Hour)},
			func(st *State) { st.Session.Lock.Cooldown = api.Duration(15 * time.Minute) },
			func(v *api.Session, _ []api.Schedule) bool { return time.Duration(v.Lock.Cooldown) == 24*time.Hour }, "its lock was changed from cool-down 1 d to cool-down 15 min"},
		{"friend's code replaced", api.Lock{Mode: api.LockFriend}, func(st *State) {
			st.Session.FriendSalt, st.Session.FriendHash = []byte("salt"), hashCode([]byte("salt"), "MYOWNCODE1")
		}, nil, "its friend's code was replaced by another"},
		{"an early end planted an hour back", api.Lock{Mode: api.LockCooldown, Cooldown: api.Duration(15 * time.Minute)}, func(st *State) {
			at := time.Duration(0)
			st.Session.UnlockRequestedAt, st.Session.UnlockWall = &at, st.Wall.Add(-time.Hour)
		}, func(v *api.Session, _ []api.Schedule) bool { return v.Unlock.RequestedAt == nil }, "an early end was written into it"},
		{"last start set to tonight", api.Lock{}, func(st *State) {
			st.Schedules[0].LastStart = time.Date(2026, 11, 30, 22, 0, 0, 0, berlin)
		}, func(_ *api.Session, s []api.Schedule) bool {
			return s[0].Next != nil && s[0].Next.Hour() == 22 && s[0].Next.Day() == 30
		}, "its last start was moved"},
		{"removal brought into the past", api.Lock{}, func(st *State) {
			past := st.Wall.Add(-time.Hour)
			st.Schedules[0].RemoveAt = &past
		}, func(_ *api.Session, s []api.Schedule) bool { return len(s) == 1 && s[0].RemoveAt == nil }, "its removal was brought forward"},
		{"schedule's lock cut to 15 min", api.Lock{}, func(st *State) {
			st.Schedules[0].Lock = api.Lock{Mode: api.LockCooldown, Cooldown: api.Duration(15 * time.Minute)}
		},
			func(_ *api.Session, s []api.Schedule) bool { return s[0].Lock.Mode == api.LockStrict }, "its days, hours, sites, lock or private windows were changed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, clock, _ := newScheduleManager(t, at)
			dir := m.b.store.dir
			_, err := m.AddSchedule(api.ScheduleRequest{Days: "daily", From: "22:00", To: "07:00", Hostnames: []string{"reddit.com"}, Lock: api.Lock{Mode: api.LockStrict}})
			testutil.Must(t, err)
			_, code, err := m.Start(api.StartRequest{Hostnames: []string{"x.com"}, Paths: []string{"instagram.com/jane.doe"}, Duration: api.Duration(time.Hour), Lock: c.lock})
			testutil.Must(t, err)
			clock.Pass(10 * time.Minute)
			m.Tick()
			editStored(t, dir, c.edit)

			store, err := NewStore(dir)
			testutil.Must(t, err)
			m2, _ := NewManager(store, clock)
			m2.SetLocation(berlin)
			found := strings.Join(m2.Disagreements(), "\n")
			if !strings.Contains(found, c.words) {
				t.Errorf("the edit is not said: %q", found)
			}
			v := m2.View()
			if v == nil {
				t.Fatal("the block is gone")
			}
			if c.check != nil && !c.check(v, m2.Schedules()) {
				t.Errorf("not put back: %+v %+v", v, m2.Schedules())
			}
			if c.lock.Mode == api.LockFriend {
				if _, err := m2.Unlock(api.UnlockConfirm, "MYOWNCODE1"); err == nil {
					t.Error("the planted code ended the block")
				}
				if ended, err := m2.Unlock(api.UnlockConfirm, code); !ended || err != nil {
					t.Errorf("the friend's own code: %v %v", ended, err)
				}
			}
		})
	}
}

// An honest restart, and a schedule removed as asked, are not edits.
func TestHonestChangesAreNotEdits(t *testing.T) {
	m, clock, _ := newScheduleManager(t, time.Date(2026, 11, 30, 20, 0, 0, 0, berlin))
	s, err := m.AddSchedule(api.ScheduleRequest{Days: "daily", From: "22:00", To: "07:00", Hostnames: []string{"reddit.com"}})
	testutil.Must(t, err)
	_, _, err = m.Start(api.StartRequest{Hostnames: []string{"x.com"}, Duration: api.Duration(30 * time.Hour), Lock: api.Lock{Mode: api.LockCooldown}})
	testutil.Must(t, err)
	_, err = m.RemoveSchedule(s.ID)
	testutil.Must(t, err)
	clock.Pass(3 * time.Hour) // the window starts at 22:00
	m.Tick()
	_, err = m.Unlock(api.UnlockRequest, "")
	testutil.Must(t, err)
	clock.Pass(time.Minute)
	m.Tick()
	store, err := NewStore(m.b.store.dir)
	testutil.Must(t, err)
	m2, _ := NewManager(store, clock)
	if d := m2.Disagreements(); len(d) > 0 {
		t.Fatalf("an honest restart was called an edit: %q", d)
	}
}

// A clock set back while the daemon runs is not a state edited while it
// was stopped (issue 29.8): the witness follows the clock.
func TestClockSetBackWhileRunningIsNotAnEdit(t *testing.T) {
	m, clock, dir := newTestManager(t)
	start(t, m, 24*time.Hour, api.Lock{Mode: api.LockStrict})
	clock.Pass(10 * time.Minute)
	m.Tick()
	clock.SetWall(-9 * time.Hour)
	m.Tick()
	clock.Pass(time.Minute)
	m.Tick()
	store, err := NewStore(dir)
	testutil.Must(t, err)
	m2, _ := NewManager(store, clock)
	if d := m2.Disagreements(); len(d) > 0 {
		t.Errorf("a clock set back while running was called an edit: %q", d)
	}
}

// Schedules written in while the daemon was stopped cannot take the place
// of the witnessed ones; one whose removal came due stays gone.
func TestScheduleEditsAgainstTheWitness(t *testing.T) {
	m, clock, _ := newScheduleManager(t, time.Date(2026, 11, 30, 12, 0, 0, 0, berlin))
	keep := addNights(t, m, api.LockStrict)
	_, err := m.AddSchedule(api.ScheduleRequest{Days: "sat", From: "10:00", To: "11:00", Hostnames: []string{"x.com"}})
	testutil.Must(t, err)
	gone, err := m.AddSchedule(api.ScheduleRequest{Days: "sun", From: "10:00", To: "11:00", Hostnames: []string{"x.com"}})
	testutil.Must(t, err)
	_, err = m.RemoveSchedule(gone.ID)
	testutil.Must(t, err)
	editStored(t, m.b.store.dir, func(st *State) {
		st.Schedules = nil
		for i := range api.MaxSchedules {
			s := ScheduleRecord{Schedule: api.Schedule{ID: fmt.Sprintf("dummy%d", i), Days: []string{"mon"}, From: "03:00", To: "03:01", Hostnames: []string{"example.org"}, Lock: api.Lock{Mode: api.LockCooldown, Cooldown: api.Duration(15 * time.Minute)}}}
			st.Schedules = append(st.Schedules, s)
		}
	})
	clock.Pass(25 * time.Hour) // the removal came due while stopped
	store, err := NewStore(m.b.store.dir)
	testutil.Must(t, err)
	m2, _ := NewManager(store, clock)
	var ids []string
	for _, s := range m2.Schedules() {
		ids = append(ids, s.ID)
	}
	if len(ids) != 2 || !slices.Contains(ids, keep.ID) || slices.Contains(ids, gone.ID) {
		t.Errorf("schedules after the edit: %v", ids)
	}
	if found := strings.Join(m2.Disagreements(), "\n"); !strings.Contains(found, "20 schedules the daemon never saved") {
		t.Errorf("not said: %q", found)
	}
}

// A block whose edited credit was put back ends at its honest time as an
// expiry, not as tampering.
func TestARestoredBlockEndsHonestly(t *testing.T) {
	m, clock, dir := newTestManager(t)
	start(t, m, time.Hour, api.Lock{Mode: api.LockStrict})
	clock.Pass(10 * time.Minute)
	m.Tick()
	editStored(t, dir, func(st *State) { st.Wall = st.Wall.Add(-6 * time.Hour) })
	store, err := NewStore(dir)
	testutil.Must(t, err)
	m2, _ := NewManager(store, clock)
	var how []Expiry
	m2.OnExpire(func(h Expiry) { how = append(how, h) })
	clock.Pass(51 * time.Minute)
	m2.Tick()
	if len(how) != 1 || how[0] != ExpiredInTime {
		t.Errorf("the block's end: %v, want in time", how)
	}
}
