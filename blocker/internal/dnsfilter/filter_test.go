package dnsfilter_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/internal/dnsfilter"
	"github.com/nocontact-app/nocontact/blocker/internal/dnsfiltertest"
)

// each runs fn against a fresh fake of every service, with its filter.
func each(t *testing.T, fn func(t *testing.T, fake *dnsfiltertest.Fake, f dnsfilter.Filter)) {
	t.Helper()
	for _, fake := range dnsfiltertest.All(t) {
		t.Run(string(fake.Kind()), func(t *testing.T) {
			fn(t, fake, open(t, fake.Account))
		})
	}
}

func open(t *testing.T, a dnsfilter.Account) dnsfilter.Filter {
	t.Helper()
	f, err := dnsfilter.New(a, nil)
	if err != nil {
		t.Fatalf("New(%v): %v", a, err)
	}
	return f
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return c
}

// marks reports whether the service can carry our mark.
func marks(k dnsfilter.Kind) bool { return k != dnsfilter.NextDNS }

func names(es []dnsfilter.Entry, ours bool) []string {
	var out []string
	for _, e := range es {
		if e.Ours || !ours {
			out = append(out, e.Name)
		}
	}
	return out
}

func TestCheck(t *testing.T) {
	each(t, func(t *testing.T, fake *dnsfiltertest.Fake, f dnsfilter.Filter) {
		if err := f.Check(ctx(t)); err != nil {
			t.Fatalf("Check: %v", err)
		}
		wrong := fake.Account
		wrong.Secret = "wrong-" + wrong.Secret
		err := open(t, wrong).Check(ctx(t))
		if !errors.Is(err, dnsfilter.ErrUnauthorized) {
			t.Fatalf("Check with a wrong secret = %v, want ErrUnauthorized", err)
		}
		t.Logf("the sentence: %v", err)
	})
}

func TestAddThenDenied(t *testing.T) {
	each(t, func(t *testing.T, fake *dnsfiltertest.Fake, f dnsfilter.Filter) {
		want := []string{"instagram.com", "www.instagram.com"}
		for range 2 { // twice: the second adds nothing
			if err := f.Add(ctx(t), want); err != nil {
				t.Fatalf("Add: %v", err)
			}
		}
		es, err := f.Denied(ctx(t))
		if err != nil {
			t.Fatalf("Denied: %v", err)
		}
		if got := names(es, false); !slices.Equal(got, want) {
			t.Errorf("Denied = %v, want %v", got, want)
		}
		if got := fake.Denied(); !slices.Equal(got, want) {
			t.Errorf("the fake denies %v, want %v", got, want)
		}
		if marks(fake.Kind()) {
			if got := names(es, true); !slices.Equal(got, want) {
				t.Errorf("Denied's ours = %v, want %v", got, want)
			}
			if got := fake.Ours(); !slices.Equal(got, want) {
				t.Errorf("the fake marks %v as ours, want %v", got, want)
			}
		}
	})
}

func TestAddLeavesTheUsersOwnEntry(t *testing.T) {
	each(t, func(t *testing.T, fake *dnsfiltertest.Fake, f dnsfilter.Filter) {
		fake.AddOwn("own.example")
		if err := f.Add(ctx(t), []string{"own.example", "new.example"}); err != nil {
			t.Fatalf("Add: %v", err)
		}
		if got, want := fake.Denied(), []string{"new.example", "own.example"}; !slices.Equal(got, want) {
			t.Errorf("the fake denies %v, want %v (no duplicate)", got, want)
		}
		es, err := f.Denied(ctx(t))
		if err != nil {
			t.Fatalf("Denied: %v", err)
		}
		if i := slices.IndexFunc(es, func(e dnsfilter.Entry) bool { return e.Name == "own.example" }); i < 0 || es[i].Ours {
			t.Errorf("Denied = %+v: own.example must be there and not ours", es)
		}
		if marks(fake.Kind()) && !slices.Equal(fake.Ours(), []string{"new.example"}) {
			t.Errorf("the fake marks %v as ours, want only new.example", fake.Ours())
		}
	})
}

func TestRemoveLiftsOnlyOurs(t *testing.T) {
	each(t, func(t *testing.T, fake *dnsfiltertest.Fake, f dnsfilter.Filter) {
		if !marks(fake.Kind()) {
			t.Skip("NextDNS entries carry no mark: Remove lifts what it is given, and the daemon's ledger says what is ours")
		}
		fake.AddOwn("own.example")
		if err := f.Add(ctx(t), []string{"a.example", "b.example"}); err != nil {
			t.Fatalf("Add: %v", err)
		}
		if err := f.Remove(ctx(t), []string{"a.example", "b.example", "own.example", "absent.example"}); err != nil {
			t.Fatalf("Remove: %v", err)
		}
		if got := fake.Denied(); !slices.Equal(got, []string{"own.example"}) {
			t.Errorf("after Remove the fake denies %v, want only the user's own.example", got)
		}
	})
}

func TestRemoveLiftsWhatItIsGiven(t *testing.T) {
	each(t, func(t *testing.T, fake *dnsfiltertest.Fake, f dnsfilter.Filter) {
		if err := f.Add(ctx(t), []string{"a.example", "b.example"}); err != nil {
			t.Fatalf("Add: %v", err)
		}
		fake.RemoveByHand("b.example")
		if err := f.Remove(ctx(t), []string{"a.example", "b.example"}); err != nil {
			t.Fatalf("Remove with b.example already gone: %v", err)
		}
		if got := fake.Denied(); len(got) != 0 {
			t.Errorf("after Remove the fake denies %v, want nothing", got)
		}
		if err := f.Remove(ctx(t), []string{"never.example"}); err != nil {
			t.Errorf("Remove of a name never added: %v", err)
		}
	})
}

func TestRefusesWhatIsNotAHostName(t *testing.T) {
	each(t, func(t *testing.T, fake *dnsfiltertest.Fake, f dnsfilter.Filter) {
		for _, bad := range []string{"Instagram.com", "instagram.com/ex", "||x.com^", "x.com\n||y.com^", "localhost", ""} {
			if err := f.Add(ctx(t), []string{bad}); err == nil {
				t.Errorf("Add(%q) = nil, want a refusal", bad)
			}
		}
		if fake.Requests() != 0 {
			t.Errorf("%d requests were sent for names that are not host names", fake.Requests())
		}
	})
}

// TestQueries reads the blocked queries for the names asked, in one
// request however many names are asked: a query let through (before the
// block), a blocked query for another name, and one before since are not
// theirs.
func TestQueries(t *testing.T) {
	each(t, func(t *testing.T, fake *dnsfiltertest.Fake, f dnsfilter.Filter) {
		since := time.Now().Add(-time.Hour).Truncate(time.Second)
		fake.Query("www.instagram.com", "Pixel 8", since.Add(5*time.Minute)) // not blocked yet
		fake.AddOwn("ads.example")
		names := []string{"instagram.com", "www.instagram.com", "notinstagram.com"}
		if err := f.Add(ctx(t), names[:2]); err != nil {
			t.Fatal(err)
		}
		fake.Query("instagram.com", "Old phone", since.Add(-time.Minute)) // before since
		fake.Query("www.instagram.com", "Pixel 8", since.Add(10*time.Minute))
		fake.Query("notinstagram.com", "Pixel 8", since.Add(11*time.Minute))
		fake.Query("ads.example", "Pixel 8", since.Add(12*time.Minute))
		fake.Query("instagram.com", "192.168.1.50", since.Add(20*time.Minute))
		before := fake.Requests()
		got, err := f.Queries(ctx(t), since, names)
		if fake.Kind() == dnsfilter.ControlD {
			if !errors.Is(err, dnsfilter.ErrNoQueryLog) {
				t.Fatalf("Queries = %v, %v; want ErrNoQueryLog", got, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("Queries: %v", err)
		}
		// One request; Pi-hole may log in first, in a second.
		if n := fake.Requests() - before; (n != 1 && fake.Kind() != dnsfilter.PiHole) || n > 2 {
			t.Errorf("Queries for %d names sent %d requests, want one reading", len(names), n)
		}
		want := []dnsfilter.Query{
			{Time: since.Add(10 * time.Minute), Name: "www.instagram.com", Client: "Pixel 8"},
			{Time: since.Add(20 * time.Minute), Name: "instagram.com", Client: "192.168.1.50"},
		}
		if !slices.EqualFunc(got, want, func(a, b dnsfilter.Query) bool {
			return a.Time.Equal(b.Time) && a.Name == b.Name && a.Client == b.Client
		}) {
			t.Errorf("Queries = %+v,\nwant %+v", got, want)
		}
	})
}

func TestOutageIsUnreachable(t *testing.T) {
	each(t, func(t *testing.T, fake *dnsfiltertest.Fake, f dnsfilter.Filter) {
		fake.SetDown(true)
		calls := map[string]func() error{
			"Check":  func() error { return f.Check(ctx(t)) },
			"Denied": func() error { _, err := f.Denied(ctx(t)); return err },
			"Add":    func() error { return f.Add(ctx(t), []string{"a.example"}) },
			"Remove": func() error { return f.Remove(ctx(t), []string{"a.example"}) },
		}
		if fake.Kind() != dnsfilter.ControlD {
			calls["Queries"] = func() error { _, err := f.Queries(ctx(t), time.Now(), []string{"a.example"}); return err }
		}
		for name, call := range calls {
			if err := call(); !errors.Is(err, dnsfilter.ErrUnreachable) {
				t.Errorf("%s during an outage = %v, want ErrUnreachable", name, err)
			}
		}
		fake.SetDown(false)
		if err := f.Add(ctx(t), []string{"a.example"}); err != nil {
			t.Errorf("Add after the outage: %v", err)
		}
	})
}

func TestNoServerIsUnreachable(t *testing.T) {
	for _, fake := range dnsfiltertest.All(t) {
		a := fake.Account
		a.URL = "http://127.0.0.1:1" // nothing listens on port 1
		err := open(t, a).Check(ctx(t))
		if !errors.Is(err, dnsfilter.ErrUnreachable) {
			t.Errorf("%s: Check with nothing listening = %v, want ErrUnreachable", fake.Kind(), err)
		}
	}
}

func TestControlDSetsNoExpiry(t *testing.T) {
	fake := dnsfiltertest.ControlD(t)
	if err := open(t, fake.Account).Add(ctx(t), []string{"a.example"}); err != nil {
		t.Fatalf("Add: %v", err)
	}
	if ttl := fake.TTLs(); len(ttl) != 0 {
		t.Errorf("rules %v were given an expiry; the daemon lifts them itself", ttl)
	}
}
