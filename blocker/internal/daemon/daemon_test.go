package daemon

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/blocker/internal/fakeclock"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

const userHosts = "127.0.0.1 localhost\n::1 localhost\n"

// env is a daemon running in-process on temporary files.
type env struct {
	cfg    Config
	clock  *fakeclock.Clock
	client *client.Client
	d      *Daemon
	stop   func()
}

func newEnv(t testing.TB, opts ...func(*Config)) *env {
	t.Helper()
	dir := t.TempDir()
	hostsPath := filepath.Join(dir, "etc", "hosts")
	testutil.Must(t, os.MkdirAll(filepath.Dir(hostsPath), 0o755))
	if err := os.WriteFile(hostsPath, []byte(userHosts), 0o644); err != nil {
		t.Fatal(err)
	}
	e := &env{clock: fakeclock.New(), cfg: Config{
		HostsFile: hostsPath, StateDir: filepath.Join(dir, "state"),
		NSSwitch: filepath.Join(dir, "etc", "nsswitch.conf"), HostConf: filepath.Join(dir, "etc", "host.conf"), Socket: filepath.Join(dir, "run", "d.sock"),
		OwnerUID: -1, GuardSettle: 20 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}}
	e.cfg.Clock = e.clock
	for _, o := range opts {
		o(&e.cfg)
	}
	e.client = &client.Client{Socket: e.cfg.Socket}
	e.start(t)
	t.Cleanup(func() { e.stop() })
	return e
}

// start runs a daemon on the env's files (again, after stop: a restart).
func (e *env) start(t testing.TB) {
	t.Helper()
	d, err := New(e.cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); d.Run(ctx) }()
	e.d = d
	e.stop = func() { cancel(); wg.Wait() }
	waitFor(t, "the socket answers", func() bool { _, err := e.client.Status(context.Background()); return err == nil })
}

func waitFor(t testing.TB, what string, ok func() bool) {
	t.Helper()
	testutil.WaitFor(t, what, 5*time.Second, ok)
}

// waitTick nudges the tick loop and waits until an iteration begun after
// the call has completed. The loop may be in the middle of one begun
// earlier, so it waits for two completions, nudging again after the first
// (a nudge made during an iteration is kept for the next one).
func (e *env) waitTick(t testing.TB) {
	t.Helper()
	n := e.d.ticks.Load()
	for i := int64(1); i <= 2; i++ {
		e.d.nudge()
		waitFor(t, "a tick", func() bool { return e.d.ticks.Load() >= n+i })
	}
}

func (e *env) hosts(t testing.TB) string {
	t.Helper()
	b, _ := os.ReadFile(e.cfg.HostsFile)
	return string(b)
}

func (e *env) startSession(t *testing.T, d time.Duration, lock api.Lock) *api.SessionResponse {
	t.Helper()
	resp, err := e.client.Start(context.Background(), api.StartRequest{
		Hostnames: []string{"instagram.com", "www.instagram.com"}, Duration: api.Duration(d), Lock: lock})
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

var ctx = context.Background()

func TestSessionLifecycle(t *testing.T) {
	e := newEnv(t)
	resp := e.startSession(t, time.Hour, api.Lock{})
	if len(resp.Session.Hostnames) != 2 || resp.FriendCode != "" {
		t.Fatalf("start: %+v", resp)
	}
	if h := e.hosts(t); !strings.HasPrefix(h, userHosts) || !strings.Contains(h, "127.78.0.1 instagram.com instagram.com.\n:: instagram.com instagram.com.\n") {
		t.Fatalf("hosts after start:\n%s", h)
	}
	_, err := e.client.Start(ctx, api.StartRequest{Hostnames: []string{"x.com"}, Duration: api.Duration(time.Hour)})
	if api.ErrorCode(err) != api.CodeSessionActive {
		t.Fatalf("second start: %v", err)
	}
	if _, err := e.client.Add(ctx, []string{"x.com"}, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.hosts(t), "127.78.0.1 x.com x.com.\n") {
		t.Error("added name not in the hosts file")
	}
	if _, err := e.client.Extend(ctx, time.Hour); err != nil {
		t.Fatal(err)
	}
	st, _ := e.client.Status(ctx)
	if !st.Hosts.Intact || time.Duration(st.Session.Remaining) != 2*time.Hour {
		t.Fatalf("status %+v", st)
	}

	e.clock.SetWall(40 * api.Day) // the clock forward: nothing ends
	e.waitTick(t)
	if st, _ := e.client.Status(ctx); st.Session == nil {
		t.Fatal("setting the clock forward ended the session")
	}
	e.clock.Pass(2 * time.Hour)
	e.d.nudge()
	waitFor(t, "the section is lifted", func() bool { return e.hosts(t) == userHosts })
	events, _ := e.client.Events(ctx, 0)
	if !hasEvent(events, api.EventSessionEnded, "expired") || !hasEvent(events, api.EventSessionStarted, "") {
		t.Errorf("events %+v", events)
	}
}

func hasEvent(events []api.Event, kind api.EventKind, detail string) bool {
	for _, e := range events {
		if e.Kind == kind && strings.Contains(e.Detail, detail) {
			return true
		}
	}
	return false
}

func TestFriendUnlockThroughAPI(t *testing.T) {
	e := newEnv(t)
	resp := e.startSession(t, time.Hour, api.Lock{Mode: api.LockFriend})
	if resp.FriendCode == "" {
		t.Fatal("no friend code")
	}
	if _, err := e.client.Unlock(ctx, api.UnlockConfirm, "nope"); api.ErrorCode(err) != api.CodeWrongCode {
		t.Fatalf("wrong code: %v", err)
	}
	u, err := e.client.Unlock(ctx, api.UnlockConfirm, resp.FriendCode)
	if err != nil || !u.Ended {
		t.Fatalf("right code: %+v %v", u, err)
	}
	waitFor(t, "the section is lifted", func() bool { return e.hosts(t) == userHosts })
}

func TestCooldownUnlockThroughAPI(t *testing.T) {
	e := newEnv(t)
	e.startSession(t, 10*time.Hour, api.Lock{Mode: api.LockCooldown, Cooldown: api.Duration(15 * time.Minute)})
	if _, err := e.client.Unlock(ctx, api.UnlockRequest, ""); err != nil {
		t.Fatal(err)
	}
	st, _ := e.client.Status(ctx)
	if st.Session.Unlock.State != api.UnlockWaiting || time.Duration(st.Session.Unlock.ReadyIn) != 15*time.Minute {
		t.Fatalf("unlock %+v", st.Session.Unlock)
	}
	if _, err := e.client.Unlock(ctx, api.UnlockConfirm, ""); api.ErrorCode(err) != api.CodeLocked {
		t.Fatalf("early confirm: %v", err)
	}
	e.clock.Pass(15 * time.Minute)
	if u, err := e.client.Unlock(ctx, api.UnlockConfirm, ""); err != nil || !u.Ended {
		t.Fatalf("confirm: %+v %v", u, err)
	}
	events, _ := e.client.Events(ctx, 0)
	for _, k := range []api.EventKind{api.EventUnlockRequested, api.EventUnlockCompleted, api.EventSessionEnded} {
		if !hasEvent(events, k, "") {
			t.Errorf("no %s event", k)
		}
	}
}

func TestStrictRefusesEarlyEnd(t *testing.T) {
	e := newEnv(t)
	e.startSession(t, time.Hour, api.Lock{Mode: api.LockStrict})
	if _, err := e.client.Unlock(ctx, api.UnlockRequest, ""); api.ErrorCode(err) != api.CodeLocked {
		t.Fatalf("strict: %v", err)
	}
}

func TestRestartKeepsTheBlock(t *testing.T) {
	e := newEnv(t)
	e.startSession(t, time.Hour, api.Lock{})
	e.clock.Pass(10 * time.Minute)
	e.stop()
	// While the daemon is down someone strips the file; a restart re-applies.
	testutil.Must(t, os.WriteFile(e.cfg.HostsFile, []byte(userHosts), 0o644))
	e.clock.Pass(5 * time.Minute)
	e.start(t)
	waitFor(t, "the section is back", func() bool { return strings.Contains(e.hosts(t), "instagram.com") })
	st, _ := e.client.Status(ctx)
	if st.Session == nil || time.Duration(st.Session.Remaining) != 45*time.Minute {
		t.Fatalf("after restart: %+v", st.Session)
	}
}

func TestTamperIsRestoredAndRecorded(t *testing.T) {
	e := newEnv(t)
	e.startSession(t, time.Hour, api.Lock{})
	good := e.hosts(t)
	tamper := map[string]func(t *testing.T){
		"removed": func(t *testing.T) { testutil.Must(t, os.WriteFile(e.cfg.HostsFile, []byte(userHosts), 0o644)) },
		"commented out": func(t *testing.T) {
			testutil.Must(t, os.WriteFile(e.cfg.HostsFile, []byte(strings.ReplaceAll(good, "127.78", "#127.78")), 0o644))
		},
		"renamed over": func(t *testing.T) {
			tmp := e.cfg.HostsFile + ".new"
			testutil.Must(t, os.WriteFile(tmp, []byte(userHosts), 0o644))
			testutil.Must(t, os.Rename(tmp, e.cfg.HostsFile))
		},
		"deleted": func(t *testing.T) { testutil.Must(t, os.Remove(e.cfg.HostsFile)) },
	}
	for name, do := range tamper {
		before, _ := e.client.Events(ctx, 0)
		do(t)
		waitFor(t, name+" is restored", func() bool { return e.hosts(t) == good })
		waitFor(t, name+" is recorded", func() bool {
			after, _ := e.client.Events(ctx, 0)
			return len(after) > len(before) && hasEvent(after[len(before):], api.EventTamper, "")
		})
	}
	if st, _ := e.client.Status(ctx); st.Hosts.LastTamper == nil || !st.Hosts.Intact {
		t.Errorf("status after tamper: %+v", st.Hosts)
	}
}

// TestBrokenStateKeepsTheFile damages both state generations, with and
// without a section in the hosts file: the daemon keeps the file as it is,
// refuses new sessions, says so, and cleanup still works.
func TestBrokenStateKeepsTheFile(t *testing.T) {
	for _, withSection := range []bool{true, false} {
		t.Run(fmt.Sprint("section=", withSection), func(t *testing.T) {
			e := newEnv(t)
			if withSection {
				e.startSession(t, time.Hour, api.Lock{Mode: api.LockStrict})
			}
			before := e.hosts(t)
			e.stop()
			for _, f := range []string{"state.json", "state.prev.json"} {
				testutil.Must(t, os.WriteFile(filepath.Join(e.cfg.StateDir, f), []byte("{truncated"), 0o600))
			}
			e.start(t)
			// Start-up is done once the socket answers; then the tick loop
			// and the guard each do their first round.
			e.waitTick(t)
			waitFor(t, "the guard's first check", func() bool { return e.d.checks.Load() > 0 })
			if e.hosts(t) != before {
				t.Fatalf("the hosts file changed with an unreadable state:\n%s", e.hosts(t))
			}
			st, _ := e.client.Status(ctx)
			if !strings.Contains(st.Daemon.Problem, "could not be read") {
				t.Errorf("status problem %q", st.Daemon.Problem)
			}
			_, err := e.client.Start(ctx, api.StartRequest{Hostnames: []string{"x.com"}, Duration: api.Duration(time.Hour)})
			if api.ErrorCode(err) != api.CodeStateBroken {
				t.Errorf("start with a broken state: %v", err)
			}
			if err := e.d.Cleanup(); err != nil {
				t.Fatal(err)
			}
			if e.hosts(t) != userHosts {
				t.Errorf("after cleanup: %q", e.hosts(t))
			}
			if _, err := e.client.Start(ctx, api.StartRequest{Hostnames: []string{"x.com"}, Duration: api.Duration(time.Hour)}); err != nil {
				t.Errorf("start after cleanup: %v", err)
			}
		})
	}
}
