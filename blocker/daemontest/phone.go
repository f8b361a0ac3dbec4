package daemontest

import (
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/dnsfiltertest"
)

// PhoneFake is a DNS filter for the user side's tests, which cannot reach
// the daemon's internal packages.
type PhoneFake struct {
	Connect api.PhoneConnect          // the request that connects it
	Denied  func() []string           // what it denies now
	Query   func(name, client string) // a phone's query for name, in its log
}

// PhoneFilters are the fake NextDNS, Control D, Pi-hole and AdGuard Home
// (each as its API description says) and the real AdGuard Home (skipped,
// or failed in CI, where its binary is missing).
func PhoneFilters(t testing.TB) []PhoneFake {
	t.Helper()
	var out []PhoneFake
	for _, f := range dnsfiltertest.All(t) {
		out = append(out, fakeOf(f))
	}
	agh := dnsfiltertest.RealAdGuardHome(t)
	a := agh.Account
	return append(out, PhoneFake{Connect: connectOf(a.Kind, a.URL, a.Profile, a.User, a.Secret),
		Denied: func() []string { return ruleNames(agh.Rules(t)) }, Query: func(name, _ string) { agh.Lookup(t, name) }})
}

// PhoneFilter is the fake NextDNS alone.
func PhoneFilter(t testing.TB) PhoneFake {
	t.Helper()
	return fakeOf(dnsfiltertest.NextDNS(t))
}

// fakeOf is f as the user side's tests use it.
func fakeOf(f *dnsfiltertest.Fake) PhoneFake {
	a := f.Account
	return PhoneFake{Connect: connectOf(a.Kind, a.URL, a.Profile, a.User, a.Secret), Denied: f.Denied,
		Query: func(name, client string) { f.Query(name, client, time.Now()) }}
}

func connectOf[K ~string](kind K, url, profile, user, secret string) api.PhoneConnect {
	return api.PhoneConnect{Kind: api.FilterKind(kind), URL: url, Profile: profile, User: user, Secret: secret}
}

// ruleNames are the names AdGuard Home rules "||name^" deny.
func ruleNames(rules []string) []string {
	var out []string
	for _, r := range rules {
		if name, ok := strings.CutPrefix(r, "||"); ok && strings.HasSuffix(name, "^") {
			out = append(out, strings.TrimSuffix(name, "^"))
		}
	}
	return out
}
