package attempt

import (
	"strings"

	"github.com/nocontact-app/nocontact/content/profile"
)

// What names what the attempt opened, as the page in the tab and the
// pop-up both say it: "jane.doe’s profile on Instagram" for a profile,
// the platform's name for its site blocked whole ("Instagram"), a
// person's own site by its name ("jane.substack.com", "janedoe.com").
func (a Attempt) What() string {
	if p, err := profile.Parse("https://" + a.Host + a.Path); err == nil && p.Handle != "" && (a.Path != "" || p.Scope == profile.ScopeExact) {
		return p.Handle + "’s profile on " + placeName(p)
	}
	if a.Path != "" {
		return a.Host + a.Path
	}
	return a.Place()
}

// Place is where the attempt was: the platform's name, or the site's.
func (a Attempt) Place() string {
	if pl := profile.PlatformOf(a.Host); pl != nil && pl.ID != "mastodon" && isPlatformHost(pl, a.Host) {
		return pl.Name
	}
	if a.Host == "" {
		return "a blocked site"
	}
	return a.Host
}

// placeName is the platform a profile is on; a Mastodon server by its
// name, since Mastodon is many servers.
func placeName(p profile.Profile) string {
	if p.Platform == "mastodon" {
		return p.Host
	}
	return profile.Lookup(p.Platform).Name
}

// isPlatformHost reports whether host is the platform's own site rather
// than a person's site on one of its subdomains.
func isPlatformHost(pl *profile.Platform, host string) bool {
	host = strings.TrimPrefix(host, "www.")
	return pl.Subdomain == "" || host == pl.Subdomain || !strings.HasSuffix(host, "."+pl.Subdomain)
}

// Heading says what happened: "You tried to open jane.doe’s profile on
// Instagram".
func (a Attempt) Heading() string {
	if a.Device != "" {
		return "You tried to open " + a.What() + " " + OnPhone(a.Device)
	}
	return "You tried to open " + a.What()
}

// OnPhone says where an attempt came from when it was the phone: "on your
// phone (Pixel-7)", or "on your phone" when its filter gave no name.
func OnPhone(device string) string {
	if device == "" || device == "phone" {
		return "on your phone"
	}
	return "on your phone (" + device + ")"
}

// Count says the how-manieth attempt of its day it was: "Your first
// attempt today", "3rd attempt today".
func (a Attempt) Count() string {
	if a.Nth <= 1 {
		return "Your first attempt today"
	}
	return Ordinal(a.Nth) + " attempt today"
}
