package dnsfilter_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/internal/dnsfilter"
)

func TestValidateRefuses(t *testing.T) {
	const key = "k3y"
	for _, tc := range []struct {
		why string
		a   dnsfilter.Account
	}{
		{"an unknown kind", dnsfilter.Account{Kind: "opendns", Secret: key}},
		{"no kind", dnsfilter.Account{}},
		{"NextDNS without a profile", dnsfilter.Account{Kind: dnsfilter.NextDNS, Secret: key}},
		{"NextDNS without a key", dnsfilter.Account{Kind: dnsfilter.NextDNS, Profile: "abc123"}},
		{"a profile ID with a slash", dnsfilter.Account{Kind: dnsfilter.NextDNS, Profile: "abc/../x", Secret: key}},
		{"a profile ID with a space", dnsfilter.Account{Kind: dnsfilter.ControlD, Profile: "ab c", Secret: key}},
		{"a long profile ID", dnsfilter.Account{Kind: dnsfilter.ControlD, Profile: strings.Repeat("a", 65), Secret: key}},
		{"Control D without a token", dnsfilter.Account{Kind: dnsfilter.ControlD, Profile: "abc"}},
		{"a cloud address over http", dnsfilter.Account{Kind: dnsfilter.NextDNS, URL: "http://api.example.com", Profile: "abc123", Secret: key}},
		{"Pi-hole without an address", dnsfilter.Account{Kind: dnsfilter.PiHole, Secret: key}},
		{"AdGuard Home without an address", dnsfilter.Account{Kind: dnsfilter.AdGuardHome, User: "u", Secret: key}},
		{"an address without a scheme", dnsfilter.Account{Kind: dnsfilter.PiHole, URL: "192.168.1.2", Secret: key}},
		{"an ftp address", dnsfilter.Account{Kind: dnsfilter.PiHole, URL: "ftp://192.168.1.2", Secret: key}},
		{"an address with a user", dnsfilter.Account{Kind: dnsfilter.AdGuardHome, URL: "http://admin:pw@192.168.1.2", User: "u", Secret: key}},
		{"an address with a query", dnsfilter.Account{Kind: dnsfilter.PiHole, URL: "http://192.168.1.2/?sid=x", Secret: key}},
		{"an address with a fragment", dnsfilter.Account{Kind: dnsfilter.PiHole, URL: "http://192.168.1.2/#x", Secret: key}},
		{"a profile for Pi-hole", dnsfilter.Account{Kind: dnsfilter.PiHole, URL: "http://pi.hole", Profile: "abc", Secret: key}},
		{"a user for Pi-hole", dnsfilter.Account{Kind: dnsfilter.PiHole, URL: "http://pi.hole", User: "admin", Secret: key}},
		{"a user for NextDNS", dnsfilter.Account{Kind: dnsfilter.NextDNS, Profile: "abc123", User: "me", Secret: key}},
		{"an AdGuard Home user without a password", dnsfilter.Account{Kind: dnsfilter.AdGuardHome, URL: "http://10.0.0.2:3000", User: "admin"}},
		{"a user name with a colon", dnsfilter.Account{Kind: dnsfilter.AdGuardHome, URL: "http://10.0.0.2:3000", User: "ad:min", Secret: key}},
		{"a secret with a line break", dnsfilter.Account{Kind: dnsfilter.NextDNS, Profile: "abc123", Secret: "k3y\nX-Evil: 1"}},
		{"a huge secret", dnsfilter.Account{Kind: dnsfilter.NextDNS, Profile: "abc123", Secret: strings.Repeat("k", 1025)}},
	} {
		err := tc.a.Validate()
		if err == nil {
			t.Errorf("%s: Validate = nil, want a refusal", tc.why)
			continue
		}
		if _, err2 := dnsfilter.New(tc.a, nil); err2 == nil {
			t.Errorf("%s: New accepted what Validate refuses", tc.why)
		}
		if strings.Contains(err.Error(), "k3y") {
			t.Errorf("%s: the refusal %q shows the secret", tc.why, err)
		}
	}
}

func TestValidateAccepts(t *testing.T) {
	for _, a := range []dnsfilter.Account{
		{Kind: dnsfilter.NextDNS, Profile: "abc123", Secret: "k"},
		{Kind: dnsfilter.ControlD, Profile: "12345abcdef", Secret: "api.token"},
		{Kind: dnsfilter.NextDNS, URL: "http://127.0.0.1:8080", Profile: "abc123", Secret: "k"},
		{Kind: dnsfilter.PiHole, URL: "http://192.168.1.2"},
		{Kind: dnsfilter.PiHole, URL: "https://pi.hole/admin/", Secret: "app password"},
		{Kind: dnsfilter.AdGuardHome, URL: "http://192.168.1.3:3000", User: "admin", Secret: "pw"},
		{Kind: dnsfilter.AdGuardHome, URL: "http://[fd00::3]:3000"},
	} {
		if err := a.Validate(); err != nil {
			t.Errorf("Validate(%v) = %v", a, err)
		}
	}
}

func TestKinds(t *testing.T) {
	want := []string{"NextDNS", "Control D", "Pi-hole", "AdGuard Home"}
	var got []string
	for _, k := range dnsfilter.Kinds() {
		got = append(got, k.Title())
	}
	if !slices.Equal(got, want) {
		t.Errorf("titles = %v, want %v", got, want)
	}
}

// The secret shows in no printed or logged form of an account.
func TestAccountNeverShowsItsSecret(t *testing.T) {
	const secret = "s3cret-value-do-not-print"
	a := dnsfilter.Account{Kind: dnsfilter.AdGuardHome, URL: "http://10.0.0.2:3000", User: "admin", Secret: secret}
	var logged bytes.Buffer
	for _, h := range []slog.Handler{slog.NewTextHandler(&logged, nil), slog.NewJSONHandler(&logged, nil)} {
		slog.New(h).Info("connect", "account", a, "ptr", &a)
	}
	outputs := map[string]string{
		"String": a.String(), "%v": fmt.Sprintf("%v", a), "%+v": fmt.Sprintf("%+v", a),
		"%#v": fmt.Sprintf("%#v", a), "%s": fmt.Sprint(a), "pointer %v": fmt.Sprintf("%v", &a),
		"slog": logged.String(), "Public": fmt.Sprintf("%#v", a.Public()),
	}
	for how, out := range outputs {
		if strings.Contains(out, secret) {
			t.Errorf("%s shows the secret: %s", how, out)
		}
	}
	if !strings.Contains(logged.String(), "REDACTED") || !strings.Contains(logged.String(), "admin") {
		t.Errorf("the log should name the user and say the secret is redacted: %s", logged.String())
	}
	if a.Public().Secret != "" || a.Secret != secret {
		t.Error("Public must clear the copy's secret and leave the account's")
	}
}
