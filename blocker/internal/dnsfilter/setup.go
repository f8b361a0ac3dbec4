package dnsfilter

import (
	"context"
	"fmt"
	"net/url"
)

// PhoneSetup is what the phone needs to use the filter, from the
// services' own set-up guides.
type PhoneSetup struct {
	// PrivateDNS is the host name for Android's Private DNS setting
	// (DNS over TLS); empty for home filters and where a look-up is
	// needed first (Control D: see LookupSetup).
	PrivateDNS string
	// AppleProfile is a URL an iPhone opens to install the configuration
	// profile; empty where there is none.
	AppleProfile string
	// Home is, for a home filter, one plain sentence on pointing the
	// phone at it.
	Home string
	// Note is, where the set-up is done in the service's dashboard, one
	// plain sentence saying where.
	Note string
}

// Setup returns what the phone needs for a, from what a holds alone:
// NextDNS's Private DNS host name (ID.dns.nextdns.io) and its profile
// page (apple.nextdns.io/?profile=ID); for Control D, whose resolvers
// belong to an endpoint and not to the profile, only a note (LookupSetup
// finds the endpoint); for home filters a sentence.
func Setup(a Account) PhoneSetup {
	switch a.Kind {
	case NextDNS:
		return PhoneSetup{
			PrivateDNS:   a.Profile + ".dns.nextdns.io",
			AppleProfile: "https://apple.nextdns.io/?profile=" + url.QueryEscape(a.Profile),
		}
	case ControlD:
		return PhoneSetup{Note: controlDNote(a.Profile)}
	case PiHole, AdGuardHome:
		host := a.URL
		if u, err := url.Parse(a.URL); err == nil && u.Hostname() != "" {
			host = u.Hostname()
		}
		return PhoneSetup{Home: fmt.Sprintf("Set your phone's Wi-Fi DNS to this %s (%s), or have your router hand it out by DHCP; on mobile data the phone does not use it.", a.Kind.Title(), host)}
	}
	return PhoneSetup{}
}

func controlDNote(profile string) string {
	return fmt.Sprintf("In the Control D dashboard, open Endpoints, add or pick the phone's endpoint with profile %s, and follow its set-up guide for Android or iPhone.", profile)
}

// SetupLooker is implemented by filters whose phone set-up is found by
// asking the service (Control D).
type SetupLooker interface {
	LookupSetup(ctx context.Context) (PhoneSetup, error)
}

// LookupSetup returns Setup(a), completed by asking the service where f
// can: for Control D, the Private DNS host name of an endpoint that
// enforces the profile.
func LookupSetup(ctx context.Context, a Account, f Filter) (PhoneSetup, error) {
	if l, ok := f.(SetupLooker); ok {
		return l.LookupSetup(ctx)
	}
	return Setup(a), nil
}
