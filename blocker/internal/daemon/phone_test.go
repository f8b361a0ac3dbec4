package daemon

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/dnsfilter"
	"github.com/nocontact-app/nocontact/blocker/internal/dnsfiltertest"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// fastPhone reads the filter back every 50 ms instead of every minute.
func fastPhone(c *Config) { c.PhoneEvery = 50 * time.Millisecond }

// connectPhone connects the daemon of e to f.
func connectPhone(t *testing.T, e *env, f *dnsfiltertest.Fake) {
	t.Helper()
	a := f.Account
	if _, err := e.client.ConnectPhone(ctx, api.PhoneConnect{Kind: api.FilterKind(a.Kind), URL: a.URL, Profile: a.Profile, User: a.User, Secret: a.Secret}); err != nil {
		t.Fatalf("connect %s: %v", f.Kind(), err)
	}
}

var blockNames = []string{"instagram.com", "www.instagram.com"}

func has(list []string, names ...string) bool {
	for _, n := range names {
		if !slices.Contains(list, n) {
			return false
		}
	}
	return true
}

func hasNone(list []string, names ...string) bool {
	return !slices.ContainsFunc(names, func(n string) bool { return slices.Contains(list, n) })
}

// TestPhoneBlockOnEachFilter: a strict block adds exactly our names to
// each filter, leaves the person's own entries alone, and removes exactly
// ours at its end, across a restart of the daemon mid-block and an outage
// of the filter at the end.
func TestPhoneBlockOnEachFilter(t *testing.T) {
	for _, f := range dnsfiltertest.All(t) {
		t.Run(string(f.Kind()), func(t *testing.T) {
			f.AddOwn("own.example")
			f.AddOwn("www.instagram.com") // the person's own entry, also a name of the block
			e := newEnv(t, fastPhone)
			connectPhone(t, e, f)
			e.startSession(t, time.Hour, api.Lock{Mode: api.LockStrict})
			waitFor(t, "the block on the filter", func() bool { return has(f.Denied(), blockNames...) })
			if !has(f.Ours(), "instagram.com") && len(f.Ours()) > 0 {
				t.Errorf("ours on the filter: %v", f.Ours())
			}
			if slices.Contains(f.Ours(), "www.instagram.com") {
				t.Errorf("the person's own entry was marked ours: %v", f.Ours())
			}

			e.stop()
			e.start(t)
			waitFor(t, "the block still on the filter after a restart", func() bool { return has(f.Denied(), blockNames...) })

			f.SetDown(true)
			e.clock.Pass(time.Hour)
			e.waitTick(t)
			waitFor(t, "the outage said in status", func() bool {
				st, err := e.client.Phone(ctx)
				return err == nil && st.Pending && st.Problem != ""
			})
			f.SetDown(false)
			waitFor(t, "our names off the filter, and status clear", func() bool {
				st, err := e.client.Phone(ctx)
				return err == nil && hasNone(f.Denied(), "instagram.com") && !st.Pending && len(st.Published) == 0 && st.Problem == ""
			})
			if !has(f.Denied(), "own.example", "www.instagram.com") {
				t.Errorf("the person's own entries were touched: %v", f.Denied())
			}
		})
	}
}

// TestPhoneEntryRemovedByHandIsPutBack: an entry of ours deleted in the
// filter's dashboard during a block is back within a reading and
// recorded as tampering.
func TestPhoneEntryRemovedByHandIsPutBack(t *testing.T) {
	for _, f := range dnsfiltertest.All(t) {
		t.Run(string(f.Kind()), func(t *testing.T) {
			e := newEnv(t, fastPhone)
			connectPhone(t, e, f)
			e.startSession(t, time.Hour, api.Lock{})
			waitFor(t, "the block on the filter", func() bool { return has(f.Denied(), blockNames...) })
			f.RemoveByHand("instagram.com")
			waitFor(t, "the entry back", func() bool { return has(f.Denied(), "instagram.com") })
			waitFor(t, "a tamper event", func() bool {
				evs, _ := e.client.Events(ctx, 0)
				return slices.ContainsFunc(evs, func(ev api.Event) bool {
					return ev.Kind == api.EventTamper && strings.Contains(ev.Detail, "removed from "+api.FilterKind(f.Kind()).Title())
				})
			})
		})
	}
}

// TestPhoneQueriesAreAttempts: a phone's query for a blocked name in the
// filter's log is an attempt from the phone in the event stream.
func TestPhoneQueriesAreAttempts(t *testing.T) {
	for _, f := range dnsfiltertest.All(t) {
		t.Run(string(f.Kind()), func(t *testing.T) {
			e := newEnv(t, fastPhone)
			connectPhone(t, e, f)
			st, _ := e.client.Phone(ctx)
			if !st.QueryLog {
				if f.Kind() != dnsfilter.ControlD {
					t.Fatalf("%s says it has no query log", f.Kind())
				}
				return // Control D's API has none; status says so (QueryLog false), and the window
			}
			e.startSession(t, time.Hour, api.Lock{})
			waitFor(t, "the block on the filter", func() bool { return has(f.Denied(), blockNames...) })
			f.Query("www.instagram.com", "Pixel-7", e.clock.Now())
			f.Query("www.instagram.com", "Pixel-7", e.clock.Now().Add(time.Second))
			f.Query("unrelated.example", "Pixel-7", e.clock.Now())
			waitFor(t, "the phone's attempt", func() bool {
				evs, _ := e.client.Events(ctx, 0)
				var phone []api.Event
				for _, ev := range evs {
					if ev.FromPhone() {
						phone = append(phone, ev)
					}
				}
				return len(phone) == 1 && phone[0].Device == "Pixel-7" && phone[0].Host == "www.instagram.com" && phone[0].Count == 2
			})
		})
	}
}

// TestPhoneProfileOnlyIsAllOrNothing: a person blocked by profile puts
// their platform on the phone only when "all" was chosen; choosing
// "nothing" during the block takes effect at its end.
func TestPhoneProfileOnlyIsAllOrNothing(t *testing.T) {
	f := dnsfiltertest.NextDNS(t)
	e := newEnv(t, fastPhone)
	connectPhone(t, e, f)
	insta := api.PhoneSite{Title: "Instagram", Names: []string{"instagram.com", "www.instagram.com", "cdninstagram.com"}}
	if _, err := e.client.ChoosePhone(ctx, api.PhoneChoice{Whole: []api.PhoneSite{insta}}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.client.Start(ctx, api.StartRequest{Hostnames: []string{"viewer.example"}, Paths: []string{"instagram.com/jane.doe"}, Duration: api.Duration(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "all of Instagram on the phone", func() bool { return has(f.Denied(), "viewer.example", "cdninstagram.com") })
	if _, err := e.client.ChoosePhone(ctx, api.PhoneChoice{Nothing: []string{"Instagram"}}); err != nil {
		t.Fatal(err)
	}
	e.d.phone.nudge()
	time.Sleep(200 * time.Millisecond) // several readings
	if !has(f.Denied(), "cdninstagram.com") {
		t.Fatalf("a loosening took effect during the block: %v", f.Denied())
	}
	e.clock.Pass(time.Hour)
	e.waitTick(t)
	waitFor(t, "everything of ours off at the end", func() bool { return len(f.Denied()) == 0 })
}

// TestPhoneConnectChecksAndHidesTheSecret: a wrong key is refused at once
// and nothing is kept; a right one is kept where only root reads it, and
// neither status nor the log above debug ever shows it.
func TestPhoneConnectChecksAndHidesTheSecret(t *testing.T) {
	f := dnsfiltertest.PiHole(t)
	var logs syncBuffer
	e := newEnv(t, fastPhone, func(c *Config) { c.Logger = slog.New(slog.NewTextHandler(&logs, nil)) })
	bad := f.Account
	bad.Secret = "wrong-" + bad.Secret
	_, err := e.client.ConnectPhone(ctx, api.PhoneConnect{Kind: api.FilterKind(bad.Kind), URL: bad.URL, Secret: bad.Secret})
	if err == nil || strings.Contains(err.Error(), bad.Secret) {
		t.Fatalf("a wrong password: %v", err)
	}
	if _, err := os.Stat(filepath.Join(e.cfg.StateDir, phoneFile)); err == nil {
		t.Fatal("a refused connection was kept")
	}
	connectPhone(t, e, f)
	e.startSession(t, time.Hour, api.Lock{})
	waitFor(t, "the block on the filter", func() bool { return has(f.Denied(), blockNames...) })
	fi, err := os.Stat(filepath.Join(e.cfg.StateDir, phoneFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the connection's file: %v %v", fi, err)
	}
	st, _ := e.client.Status(ctx)
	if st.Phone == nil || !st.Phone.Connected {
		t.Fatalf("status has no phone: %+v", st.Phone)
	}
	if _, err := e.client.DisconnectPhone(ctx); err == nil {
		t.Error("disconnect was allowed during a block")
	}
	e.stop()
	for _, where := range []string{logs.String(), mustJSON(t, st)} {
		if strings.Contains(where, f.Account.Secret) {
			t.Fatalf("the secret shows: %s", where)
		}
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	testutil.Must(t, err)
	return string(b)
}

// TestPhoneBlockOnRealAdGuardHome: the same with the real AdGuard Home:
// exactly our names added during a block, the phone's query counted, and
// at the end the person's own rules as they were, byte for byte.
func TestPhoneBlockOnRealAdGuardHome(t *testing.T) {
	agh := dnsfiltertest.RealAdGuardHome(t)
	e := newEnv(t, fastPhone)
	a := agh.Account
	if _, err := e.client.ConnectPhone(ctx, api.PhoneConnect{Kind: api.FilterAdGuardHome, URL: a.URL, User: a.User, Secret: a.Secret}); err != nil {
		t.Fatal(err)
	}
	e.startSession(t, time.Hour, api.Lock{Mode: api.LockStrict})
	waitFor(t, "our rules in AdGuard Home", func() bool {
		rules := agh.Rules(t)
		return has(rules, "||instagram.com^", "||www.instagram.com^") && has(rules, dnsfiltertest.OwnRules...)
	})
	agh.Lookup(t, "www.instagram.com")
	testutil.WaitFor(t, "the phone's query as an attempt", 15*time.Second, func() bool {
		evs, _ := e.client.Events(ctx, 0)
		return slices.ContainsFunc(evs, func(ev api.Event) bool { return ev.FromPhone() && ev.Host == "www.instagram.com" })
	})
	e.clock.Pass(time.Hour)
	e.waitTick(t)
	waitFor(t, "the person's own rules alone again", func() bool { return slices.Equal(agh.Rules(t), dnsfiltertest.OwnRules) })
}
