package profile

import (
	"fmt"
	"slices"
	"strings"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// Reach says through which layer a profile on a platform is blocked.
type Reach string

const (
	// ReachProfile blocks just their profile's pages, in the browsers
	// (managed policies); the rest of the platform stays open.
	ReachProfile Reach = "profile"
	// ReachPlatform blocks every hostname of the platform, for every
	// program on this computer (the hosts file). Profiles saved before
	// reaches existed have this one.
	ReachPlatform Reach = "platform"
)

// CanBlockPath reports whether the profile has pages of its own under a
// platform's address that a browser policy can block, on a platform that
// offers a block of just the person.
func (p Profile) CanBlockPath() bool {
	pl := Lookup(p.Platform)
	if p.Scope != ScopePlatform || p.Handle == "" || pl == nil || !pl.profileReach {
		return false
	}
	return len(p.Paths()) > 0
}

// EffectiveReach is the profile's reach as it is blocked: the platform
// for a profile whose pages cannot be told apart (or that was saved
// before reaches existed), "" for a profile with its own hostname.
func (p Profile) EffectiveReach() Reach {
	switch {
	case p.Scope == ScopeExact:
		return ""
	case p.Reach == ReachProfile && p.CanBlockPath():
		return ReachProfile
	}
	return ReachPlatform
}

// Paths returns the browser paths ("instagram.com/jane.doe") that block
// every page form of the profile a browser's list can say (not the {_}
// ones) on every domain of its platform,
// validated: the handle as written and in lower case (a browser's URL list
// matches paths case by case; every platform here reads names in any
// case).
func (p Profile) Paths() []string {
	pl := Lookup(p.Platform)
	if pl == nil || p.Handle == "" {
		return nil
	}
	domains := pl.profileDomains()
	if p.Platform == "mastodon" {
		domains = []string{p.Host}
	}
	var out []string
	add := func(s string) {
		if n, err := api.NormalizePath(s); err == nil && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	for _, f := range pl.forms {
		for _, h := range []string{p.Handle, strings.ToLower(p.Handle)} {
			path, ok := f.fill(h)
			if !ok {
				continue
			}
			if d, _ := f.domainAndPath(); d != "" {
				add(path)
				continue
			}
			for _, d := range domains {
				add(d + path)
			}
		}
	}
	return out
}

// ownHosts are the hostnames of the person's own under the platform
// (jane.medium.com), blocked by name with a profile reach.
func (p Profile) ownHosts() []string {
	var out []string
	for _, f := range Lookup(p.Platform).forms {
		if f.isHost() {
			if n, err := api.NormalizeHostname(strings.Replace(string(f), "{h}", p.Handle, 1)); err == nil {
				out = append(out, n)
			}
		}
	}
	return out
}

// ReachWords says the profile's reach as a person would.
func (p Profile) ReachWords() string {
	pl := Lookup(p.Platform)
	switch p.EffectiveReach() {
	case ReachProfile:
		return "their profile, in your browsers"
	case ReachPlatform:
		name := pl.Name
		if p.Platform == "mastodon" {
			name = p.Host
		}
		return "all of " + name + " on this computer"
	}
	return "just this site"
}

// Paths returns every path the profiles block in browsers, sorted.
func Paths(profiles []Profile) []string {
	var out []string
	for _, p := range profiles {
		if p.EffectiveReach() == ReachProfile {
			for _, path := range p.Paths() {
				if !slices.Contains(out, path) {
					out = append(out, path)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// ParseReach reads "profile" or "platform".
func ParseReach(s string) (Reach, error) {
	switch Reach(s) {
	case ReachProfile, ReachPlatform:
		return Reach(s), nil
	}
	return "", fmt.Errorf("reach %q: choose profile (their profile, in your browsers) or platform (all of the platform, everywhere)", s)
}

// Blocks says what blocking p blocks, by layer: the browser paths for a
// profile reach, else the hostnames.
func (p Profile) Blocks() string {
	if p.EffectiveReach() == ReachProfile {
		return "in your browsers: " + strings.Join(p.Paths(), " ")
	}
	return strings.Join(p.Hostnames(), " ")
}

// Who is the person's name on the platform, as a person says it:
// "jane.doe on Instagram", "janedoe.com".
func (p Profile) Who() string {
	pl := Lookup(p.Platform)
	switch {
	case p.Platform == "website":
		return p.Host
	case p.Handle != "":
		return p.Handle + " on " + pl.Name
	case p.Host != "":
		return p.Host + " on " + pl.Name
	}
	return "a profile on " + pl.Name + " behind a short link"
}

// Block is what blocking a set of profiles asks of the daemon: the names
// for the hosts file (each Entry says which profiles need it) and the
// profile paths for the browsers. The window and the command line both
// start a block from it.
type Block struct {
	Entries []Entry
	Names   []string
	Paths   []string
}

// BlockOf returns the block of profiles, or an error naming a profile
// whose hostname is invalid.
func BlockOf(profiles []Profile) (Block, error) {
	entries, err := Hostnames(profiles)
	if err != nil {
		return Block{}, err
	}
	return Block{Entries: entries, Names: Names(entries), Paths: Paths(profiles)}, nil
}
