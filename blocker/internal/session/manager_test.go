package session

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/atomicfile"
	"github.com/nocontact-app/nocontact/blocker/internal/fakeclock"
)

func newTestManager(t *testing.T) (*Manager, *fakeclock.Clock, string) {
	t.Helper()
	dir := t.TempDir()
	store, err := NewStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	clock := fakeclock.New()
	m, _ := NewManager(store, clock)
	return m, clock, dir
}

func start(t *testing.T, m *Manager, d time.Duration, lock api.Lock, names ...string) string {
	t.Helper()
	if len(names) == 0 {
		names = []string{"instagram.com", "www.instagram.com"}
	}
	_, code, err := m.Start(api.StartRequest{Hostnames: names, Duration: api.Duration(d), Lock: lock})
	if err != nil {
		t.Fatal(err)
	}
	return code
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := api.ErrorCode(err); got != code {
		t.Fatalf("error %v (code %q), want code %q", err, got, code)
	}
}

func TestStartValidatesAndRefusesSecond(t *testing.T) {
	m, _, _ := newTestManager(t)
	for _, req := range []api.StartRequest{
		{Hostnames: []string{"x.com"}, Duration: api.Duration(30 * time.Second)},
		{Hostnames: []string{"x.com"}, Duration: api.Duration(366 * api.Day)},
		{Hostnames: nil, Duration: api.Duration(time.Hour)},
		{Hostnames: []string{"bad name"}, Duration: api.Duration(time.Hour)},
		{Hostnames: []string{"x.com"}, Duration: api.Duration(time.Hour), Lock: api.Lock{Mode: "cooldown", Cooldown: api.Duration(time.Minute)}},
		{Hostnames: []string{"x.com"}, Duration: api.Duration(time.Hour), Lock: api.Lock{Mode: "party"}},
	} {
		_, _, err := m.Start(req)
		wantCode(t, err, api.CodeInvalid)
	}
	start(t, m, time.Hour, api.Lock{})
	v := m.View()
	if v.Lock.Mode != api.LockCooldown || time.Duration(v.Lock.Cooldown) != api.DefaultCooldown {
		t.Errorf("default lock %+v", v.Lock)
	}
	_, _, err := m.Start(api.StartRequest{Hostnames: []string{"x.com"}, Duration: api.Duration(time.Hour)})
	wantCode(t, err, api.CodeSessionActive)
}

func TestOnlyStronger(t *testing.T) {
	m, _, _ := newTestManager(t)
	start(t, m, time.Hour, api.Lock{Mode: api.LockStrict})
	added, err := m.Add([]string{"X.com", "instagram.com"}, nil)
	if err != nil || strings.Join(added, ",") != "x.com" {
		t.Fatalf("added %q, %v", added, err)
	}
	if got := strings.Join(m.Snapshot().Hostnames, ","); got != "instagram.com,www.instagram.com,x.com" {
		t.Errorf("hostnames %s", got)
	}
	wantCode(t, m.Extend(-time.Hour), api.CodeInvalid)
	wantCode(t, m.Extend(366*api.Day), api.CodeInvalid)
	if err := m.Extend(24 * time.Hour); err != nil {
		t.Fatal(err)
	}
	if r := m.View().Remaining; time.Duration(r) != 25*time.Hour {
		t.Errorf("remaining %v", r)
	}
}

func TestCreditedTime(t *testing.T) {
	m, clock, _ := newTestManager(t)
	start(t, m, 2*time.Hour, api.Lock{})
	clock.SetWall(31 * api.Day) // the user sets the clock a month forward
	if ended, _ := m.Tick(); ended {
		t.Fatal("setting the wall clock forward ended the session")
	}
	clock.SetWall(-40 * api.Day) // and back, far
	m.Tick()
	clock.Pass(time.Hour) // suspend or run: boot time counts
	m.Tick()
	if got := time.Duration(m.View().Credited); got != time.Hour {
		t.Fatalf("credited %v, want 1h", got)
	}
	clock.Reboot(30 * time.Minute) // powered off for 30 min
	m.Tick()
	if got := time.Duration(m.View().Credited); got != 90*time.Minute {
		t.Fatalf("after reboot credited %v, want 1h30m", got)
	}
	clock.Pass(30 * time.Minute)
	if ended, err := m.Tick(); !ended || err != nil {
		t.Fatalf("session did not end when its credited time ran out: %v", err)
	}
	if m.Snapshot().Active {
		t.Error("still active")
	}
}

func TestCooldownLock(t *testing.T) {
	m, clock, _ := newTestManager(t)
	start(t, m, 10*time.Hour, api.Lock{Mode: api.LockCooldown, Cooldown: api.Duration(15 * time.Minute)})
	_, err := m.Unlock(api.UnlockConfirm, "")
	wantCode(t, err, api.CodeLocked)
	if _, err := m.Unlock(api.UnlockRequest, ""); err != nil {
		t.Fatal(err)
	}
	clock.SetWall(time.Hour) // no skipping the cool-down by the clock
	_, err = m.Unlock(api.UnlockConfirm, "")
	wantCode(t, err, api.CodeLocked)
	clock.Pass(15 * time.Minute)
	if u := m.View().Unlock; u.State != api.UnlockReady {
		t.Fatalf("unlock %+v", u)
	}
	clock.Pass(11 * time.Minute) // missed the confirm window: it lapses
	if u := m.View().Unlock; u.State != api.UnlockNone {
		t.Fatalf("unlock did not lapse: %+v", u)
	}
	_, err = m.Unlock(api.UnlockConfirm, "")
	wantCode(t, err, api.CodeLocked)
	m.Unlock(api.UnlockRequest, "")
	if _, err := m.Unlock(api.UnlockCancel, ""); err != nil {
		t.Fatal(err)
	}
	m.Unlock(api.UnlockRequest, "")
	clock.Pass(16 * time.Minute)
	if ended, err := m.Unlock(api.UnlockConfirm, ""); !ended || err != nil {
		t.Fatalf("confirm after the cool-down: %v %v", ended, err)
	}
}

func TestFriendLock(t *testing.T) {
	m, clock, dir := newTestManager(t)
	code := start(t, m, 10*time.Hour, api.Lock{Mode: api.LockFriend})
	if len(code) != 11 || code[5] != '-' {
		t.Fatalf("code %q", code)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, currentFile))
	if strings.Contains(string(raw), code) || strings.Contains(string(raw), strings.ReplaceAll(code, "-", "")) {
		t.Fatal("the friend code is stored in the clear")
	}
	for i := 0; i < freeWrongCodes; i++ {
		_, err := m.Unlock(api.UnlockConfirm, "WRONG-CODE")
		wantCode(t, err, api.CodeWrongCode)
	}
	_, err := m.Unlock(api.UnlockConfirm, code) // after three wrong ones even the right code waits
	wantCode(t, err, api.CodeRateLimited)
	clock.Pass(time.Minute)
	_, err = m.Unlock(api.UnlockConfirm, "WRONG-AGAIN")
	wantCode(t, err, api.CodeWrongCode)
	clock.Pass(time.Minute) // the wait doubled to 2m
	_, err = m.Unlock(api.UnlockConfirm, code)
	wantCode(t, err, api.CodeRateLimited)
	clock.Pass(2 * time.Minute)
	if ended, err := m.Unlock(api.UnlockConfirm, strings.ToLower(strings.ReplaceAll(code, "-", " "))); !ended || err != nil {
		t.Fatalf("right code: %v %v", ended, err)
	}
}

func TestStrictLock(t *testing.T) {
	m, _, _ := newTestManager(t)
	start(t, m, time.Hour, api.Lock{Mode: api.LockStrict})
	for _, a := range []api.UnlockAction{api.UnlockRequest, api.UnlockConfirm, api.UnlockCancel} {
		_, err := m.Unlock(a, "")
		wantCode(t, err, api.CodeLocked)
	}
	if had, err := m.Cleanup(); !had || err != nil || m.Snapshot().Active {
		t.Fatalf("cleanup: %v %v", had, err)
	}
}

func TestNoSession(t *testing.T) {
	m, _, _ := newTestManager(t)
	wantCode(t, m.Extend(time.Hour), api.CodeNoSession)
	_, err := m.Add([]string{"x.com"}, nil)
	wantCode(t, err, api.CodeNoSession)
	_, err = m.Unlock(api.UnlockRequest, "")
	wantCode(t, err, api.CodeNoSession)
	if m.View() != nil {
		t.Error("a view without a session")
	}
}

// TestExtendCannotOverflow is the regression test for an extension so large
// that remaining+by overflowed, turned negative and ended the block at once.
func TestExtendCannotOverflow(t *testing.T) {
	for _, by := range []string{"106751d23h47m16s", "106751d", "2562047h47m16s", "366d", "365d"} {
		t.Run(by, func(t *testing.T) {
			m, _, _ := newTestManager(t)
			start(t, m, 30*api.Day, api.Lock{Mode: api.LockStrict})
			d, err := api.ParseDuration(by)
			if err != nil {
				t.Fatal(err)
			}
			wantCode(t, m.Extend(d), api.CodeInvalid)
			if !m.Snapshot().Active || time.Duration(m.View().Remaining) != 30*api.Day {
				t.Fatalf("after a refused extend by %s: active %v, view %+v", by, m.Snapshot().Active, m.View())
			}
		})
	}
}

// FuzzExtend checks that no extension ever shortens a block: it is either
// refused with nothing changed, or adds exactly by and stays within 365d.
func FuzzExtend(f *testing.F) {
	for _, by := range []int64{1, int64(time.Hour), int64(335 * api.Day), math.MaxInt64, math.MaxInt64 - int64(30*api.Day), -1} {
		f.Add(by, int64(30*api.Day))
	}
	f.Fuzz(func(t *testing.T, by, length int64) {
		length = max(int64(api.MinSessionDuration), min(int64(api.MaxSessionDuration), length))
		if length < 0 {
			length = int64(time.Hour)
		}
		m, _, _ := newTestManager(t)
		start(t, m, time.Duration(length), api.Lock{Mode: api.LockStrict})
		before := time.Duration(m.View().Remaining)
		err := m.Extend(time.Duration(by))
		after := time.Duration(m.View().Remaining)
		if !m.Snapshot().Active {
			t.Fatalf("extend by %d ended the block", by)
		}
		if err != nil && after != before {
			t.Fatalf("refused extend by %d changed remaining %s -> %s", by, before, after)
		}
		if err == nil && (after != before+time.Duration(by) || after > api.MaxSessionDuration) {
			t.Fatalf("extend by %d: remaining %s -> %s", by, before, after)
		}
	})
}

// TestUnsavedChangesChangeNothing: with the state's disk full, every call
// that changes the session is refused with not_saved and leaves the session
// exactly as it was, in memory and after a restart.
func TestUnsavedChangesChangeNothing(t *testing.T) {
	m, clock, dir := newTestManager(t)
	start(t, m, 30*api.Day, api.Lock{Mode: api.LockCooldown, Cooldown: api.Duration(30 * time.Minute)})
	before := m.View()
	full := func(path string, _ []byte, _ os.FileMode) error {
		return &os.PathError{Op: "write", Path: path, Err: syscall.ENOSPC}
	}
	m.b.store.write = full
	_, err := m.Add([]string{"x.com", "t.co"}, nil)
	wantCode(t, err, api.CodeNotSaved)
	if !strings.Contains(err.Error(), "disk holding the daemon's state is full") {
		t.Errorf("message %q does not say the disk is full", err)
	}
	wantCode(t, m.Extend(api.Day), api.CodeNotSaved)
	_, err = m.Unlock(api.UnlockRequest, "")
	wantCode(t, err, api.CodeNotSaved)
	if got := m.View(); !slices.Equal(got.Hostnames, before.Hostnames) || got.Remaining != before.Remaining || got.Unlock != before.Unlock {
		t.Fatalf("a change that was not saved shows: %+v, was %+v", got, before)
	}
	m.b.store.write = atomicfile.Write
	store, _ := NewStore(dir)
	again, _ := NewManager(store, clock)
	if got := again.View(); !slices.Equal(got.Hostnames, before.Hostnames) || got.Remaining != before.Remaining {
		t.Fatalf("after a restart: %+v, was %+v", got, before)
	}
}

func TestNoSessionStartsWithoutItsState(t *testing.T) {
	m, _, _ := newTestManager(t)
	m.b.store.write = func(path string, _ []byte, _ os.FileMode) error {
		return &os.PathError{Op: "write", Path: path, Err: syscall.EROFS}
	}
	_, _, err := m.Start(api.StartRequest{Hostnames: []string{"x.com"}, Duration: api.Duration(time.Hour)})
	wantCode(t, err, api.CodeNotSaved)
	if m.Snapshot().Active {
		t.Fatal("a session whose state could not be written runs")
	}
}
