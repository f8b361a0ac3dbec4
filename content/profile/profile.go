// Package profile turns what a person knows about someone ("her Instagram
// link", "@jane on TikTok", "janedoe.com") into the exact hostnames to block,
// with an honest scope: a profile that has its own hostname is blocked
// alone (scope exact); one that lives under a path of a platform can only
// be blocked with the whole platform (scope platform), because a hosts
// file blocks names, never paths.
package profile

import (
	"fmt"
	"slices"
	"strings"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// Scope says what blocking a profile blocks.
type Scope string

const (
	ScopeExact    Scope = "exact"    // only this person's own hostname(s)
	ScopePlatform Scope = "platform" // every web hostname of the platform
)

// Category is the kind of platform; the excerpt rules use it.
type Category string

const (
	Feed         Category = "feed"
	Messaging    Category = "messaging"
	Photos       Category = "photos"
	Professional Category = "professional"
	Video        Category = "video"
	Payments     Category = "payments"
	Blog         Category = "blog"
	Other        Category = "other"
)

// Platform is one entry of the catalogue.
type Platform struct {
	ID, Name  string
	Category  Category
	Domains   []string // registrable domains that identify it in a link
	Hosts     []string // web hostnames blocked for platform scope
	Subdomain string   // profiles at NAME.<Subdomain> have their own host (scope exact)
	Source    string   // where the URL forms come from

	forms        []form   // the URL forms that show one person, most specific first
	reserved     []string // first path segments that are the platform's own pages, not people
	shortHosts   []string // short-link hosts: the link names no handle
	linkDomains  []string // domains that only redirect to posts or videos: no profile there
	profileReach bool     // a block of just the person's profile is offered
}

// Profile is one saved profile.
type Profile struct {
	Platform string   `json:"platform"`         // Platform.ID
	Handle   string   `json:"handle,omitempty"` // "" when a short link hides it
	Host     string   `json:"host,omitempty"`   // own hostname (exact scope) or the Mastodon instance
	Scope    Scope    `json:"scope"`
	Reach    Reach    `json:"reach,omitempty"` // for a platform scope; "" (older data) is ReachPlatform
	Extra    []string `json:"extra,omitempty"` // further exact hostnames (a Bluesky custom-domain handle)
	Input    string   `json:"input,omitempty"` // what was pasted
	// ViewersOff turns off the block of the sites that show the person
	// without an account (their platform's viewer sites and Watch): on
	// by default, so older data has it on.
	ViewersOff bool `json:"viewers_off,omitempty"`
	// Watch are sites the person added where they watch this profile
	// ("another site where I watch them"): blocked like the catalogue's
	// viewer sites for the platform.
	Watch []string `json:"watch,omitempty"`
}

// ID identifies the profile among the saved ones.
func (p Profile) ID() string {
	switch {
	case p.Handle != "" && p.Platform == "mastodon":
		return "mastodon:" + strings.ToLower(p.Handle) + "@" + p.Host
	case p.Handle != "":
		return p.Platform + ":" + strings.ToLower(p.Handle)
	case p.Host != "":
		return p.Platform + ":" + p.Host
	}
	return p.Platform + ":" + strings.ToLower(p.Input)
}

// Describe says in words what the profile is and what blocking it blocks.
func (p Profile) Describe() string {
	pl := Lookup(p.Platform)
	who := p.Handle
	if who == "" {
		who = p.Host
	}
	if who == "" {
		who = "a profile behind a short link"
	}
	return fmt.Sprintf("%s on %s: %s", who, pl.Name, p.ReachWords())
}

// Platforms returns the catalogue.
func Platforms() []*Platform { return slices.Clone(catalogue) }

// Lookup returns the platform with id, or nil.
func Lookup(id string) *Platform {
	for _, p := range catalogue {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Hostnames returns the names blocking p blocks, validated.
func (p Profile) Hostnames() []string {
	names := p.viewerHosts()
	if p.EffectiveReach() == ReachProfile {
		return append(append(names, p.ownHosts()...), p.Extra...) // their own sites, if any; the platform stays open
	}
	if p.Scope == ScopePlatform {
		names = append(names, Lookup(p.Platform).Hosts...)
		if p.Platform == "mastodon" {
			names = append(names, p.Host)
		}
	} else if p.Host != "" {
		names = append(names, p.Host)
		if p.Platform == "website" && !strings.HasPrefix(p.Host, "www.") {
			names = append(names, "www."+p.Host)
		}
	}
	return append(names, p.Extra...)
}

// Entry is one hostname to block, with the profiles that need it and the
// widest scope among them.
type Entry struct {
	Host     string   `json:"host"`
	Scope    Scope    `json:"scope"`
	Reach    Reach    `json:"reach,omitempty"` // for a platform scope; "" (older data) is ReachPlatform
	Profiles []string `json:"profiles"`
}

// Hostnames returns the validated, de-duplicated, sorted set of names that
// blocking profiles blocks.
func Hostnames(profiles []Profile) ([]Entry, error) {
	byHost := map[string]*Entry{}
	for _, p := range profiles {
		for _, h := range p.Hostnames() {
			n, err := api.NormalizeHostname(h)
			if err != nil {
				return nil, fmt.Errorf("profile %s: %w", p.ID(), err)
			}
			e := byHost[n]
			if e == nil {
				e = &Entry{Host: n, Scope: ScopeExact}
				byHost[n] = e
			}
			if p.Scope == ScopePlatform {
				e.Scope = ScopePlatform
			}
			if !slices.Contains(e.Profiles, p.ID()) {
				e.Profiles = append(e.Profiles, p.ID())
			}
		}
	}
	out := make([]Entry, 0, len(byHost))
	for _, e := range byHost {
		out = append(out, *e)
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Host, b.Host) })
	return out, nil
}

// Names returns just the hostnames of entries.
func Names(entries []Entry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Host
	}
	return out
}

// PlatformOf returns the platform a hostname belongs to (one of its hosts,
// or under one of its domains or profile subdomains), or nil.
func PlatformOf(host string) *Platform {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	for _, p := range catalogue {
		if slices.Contains(p.Hosts, host) || matchesDomain(host, p.Domains) {
			return p
		}
		if p.Subdomain != "" {
			if _, ok := subdomainProfile(host, p.Subdomain); ok {
				return p
			}
		}
	}
	return nil
}
