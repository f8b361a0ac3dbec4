package dnsfilter_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/internal/dnsfilter"
	"github.com/nocontact-app/nocontact/blocker/internal/dnsfiltertest"
)

// TestAdGuardHomeReal runs the real AdGuard Home (the binary named by
// $NOCONTACT_ADGUARDHOME; scripts/adguardhome.sh builds one) on a
// loopback address and publishes, reads, logs and lifts against it.
func TestAdGuardHomeReal(t *testing.T) {
	agh := dnsfiltertest.RealAdGuardHome(t)
	a := agh.Account
	f := open(t, a)

	wrong := a
	wrong.Secret = "wrong"
	if err := open(t, wrong).Check(ctx(t)); !errors.Is(err, dnsfilter.ErrUnauthorized) {
		t.Errorf("Check with a wrong password = %v, want ErrUnauthorized", err)
	}
	since := time.Now().Add(-time.Second)
	if err := f.Add(ctx(t), []string{"a.example", "own.example"}); err != nil {
		t.Fatalf("Add: %v", err)
	}
	es, err := f.Denied(ctx(t))
	if err != nil {
		t.Fatalf("Denied: %v", err)
	}
	if want := []dnsfilter.Entry{{Name: "a.example", Ours: true}, {Name: "own.example"}}; !slices.Equal(es, want) {
		t.Errorf("Denied = %+v, want %+v", es, want)
	}
	agh.Lookup(t, "www.a.example")
	checkLogged(t, f, since, "www.a.example")
	if err := f.Remove(ctx(t), []string{"a.example", "own.example"}); err != nil {
		t.Fatalf("Remove: %v", err)
	}
	if got := agh.Rules(t); !slices.Equal(got, dnsfiltertest.OwnRules) {
		t.Errorf("rules after Remove:\n%q\nwant the user's own, byte for byte:\n%q", got, dnsfiltertest.OwnRules)
	}
}

// checkLogged waits for the query to reach the query log.
func checkLogged(t *testing.T, f dnsfilter.Filter, since time.Time, name string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		qs, err := f.Queries(ctx(t), since, []string{"a.example"})
		if err != nil {
			t.Fatalf("Queries: %v", err)
		}
		if i := slices.IndexFunc(qs, func(q dnsfilter.Query) bool { return q.Name == name }); i >= 0 {
			t.Logf("logged: %+v", qs[i])
			if qs[i].Client == "" || qs[i].Time.Before(since) {
				t.Errorf("logged query = %+v, want a client and a time after %v", qs[i], since)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("Queries = %+v: %s not logged within 10 s", qs, name)
		}
	}
}
