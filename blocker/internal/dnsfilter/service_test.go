package dnsfilter_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/internal/dnsfilter"
	"github.com/nocontact-app/nocontact/blocker/internal/dnsfiltertest"
)

// Through AdGuard Home's API, the user's own lines come back byte for
// byte after a block is published and lifted.
func TestAdGuardHomeKeepsTheUsersLines(t *testing.T) {
	fake := dnsfiltertest.AdGuardHome(t)
	own := []string{"! mine", "", "||own.example^", "  @@||ok.example^ ", "# other comment", "||x.example^$important"}
	fake.SetRules(own)
	f := open(t, fake.Account)
	if err := f.Add(ctx(t), []string{"a.example", "own.example"}); err != nil {
		t.Fatalf("Add: %v", err)
	}
	fake.AddOwn("later.example") // typed in the dashboard during the block
	if err := f.Remove(ctx(t), []string{"a.example", "own.example", "later.example"}); err != nil {
		t.Fatalf("Remove: %v", err)
	}
	want := append(slices.Clone(own), "||later.example^")
	if got := fake.Rules(); !slices.Equal(got, want) {
		t.Errorf("rules after the block:\n%q\nwant\n%q", got, want)
	}
}

// An expired Pi-hole session is opened again once, without the caller
// seeing it.
func TestPiHoleLogsInAgain(t *testing.T) {
	fake := dnsfiltertest.PiHole(t)
	f := open(t, fake.Account)
	if err := f.Add(ctx(t), []string{"a.example"}); err != nil {
		t.Fatalf("Add: %v", err)
	}
	fake.ExpireSessions()
	if _, err := f.Denied(ctx(t)); err != nil {
		t.Fatalf("Denied after the session expired: %v", err)
	}
	if got := fake.Logins(); got != 2 {
		t.Errorf("%d logins, want 2 (one session, then one more after it expired)", got)
	}
}

// A Pi-hole with no password gives a session without an id, and works.
func TestPiHoleWithoutPassword(t *testing.T) {
	fake := dnsfiltertest.PiHoleNoPassword(t)
	f := open(t, fake.Account)
	if err := f.Check(ctx(t)); err != nil {
		t.Fatalf("Check: %v", err)
	}
	if err := f.Add(ctx(t), []string{"a.example"}); err != nil {
		t.Fatalf("Add: %v", err)
	}
	if got := fake.Ours(); !slices.Equal(got, []string{"a.example"}) {
		t.Errorf("ours = %v", got)
	}
}

// The dashboard's address (ending in /admin) reaches the API beside it.
func TestPiHoleAdminAddress(t *testing.T) {
	fake := dnsfiltertest.PiHole(t)
	a := fake.Account
	a.URL += "/admin/"
	if err := open(t, a).Check(ctx(t)); err != nil {
		t.Fatalf("Check at %s: %v", a.URL, err)
	}
}

func TestSetup(t *testing.T) {
	nd := dnsfilter.Setup(dnsfilter.Account{Kind: dnsfilter.NextDNS, Profile: "abc123", Secret: "k"})
	if nd.PrivateDNS != "abc123.dns.nextdns.io" || nd.AppleProfile != "https://apple.nextdns.io/?profile=abc123" || nd.Home != "" {
		t.Errorf("NextDNS set-up = %+v", nd)
	}
	ph := dnsfilter.Setup(dnsfilter.Account{Kind: dnsfilter.PiHole, URL: "http://192.168.1.2/admin"})
	if ph.PrivateDNS != "" || ph.AppleProfile != "" || ph.Home == "" || !strings.Contains(ph.Home, "192.168.1.2") {
		t.Errorf("Pi-hole set-up = %+v", ph)
	}
	cd := dnsfilter.Setup(dnsfilter.Account{Kind: dnsfilter.ControlD, Profile: "p1", Secret: "t"})
	if cd.PrivateDNS != "" || cd.Note == "" {
		t.Errorf("Control D set-up without a look-up = %+v", cd)
	}
	fake := dnsfiltertest.ControlD(t)
	got, err := dnsfilter.LookupSetup(ctx(t), fake.Account, open(t, fake.Account))
	if err != nil || got.PrivateDNS != "a1b2c3d4.dns.controld.com" {
		t.Errorf("Control D LookupSetup = %+v, %v", got, err)
	}
	fake2 := dnsfiltertest.NextDNS(t)
	got, err = dnsfilter.LookupSetup(ctx(t), fake2.Account, open(t, fake2.Account))
	if err != nil || got != dnsfilter.Setup(fake2.Account) || fake2.Requests() != 0 {
		t.Errorf("NextDNS LookupSetup = %+v, %v after %d requests; want Setup's, asking nothing", got, err, fake2.Requests())
	}
}
