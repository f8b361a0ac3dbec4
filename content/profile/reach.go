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

// pathForms are where a platform shows a person's profile, as paths with
// the handle in place of %s.
var pathForms = map[string][]string{
	"instagram": {"/%s"},
	"facebook":  {"/%s"},
	"x":         {"/%s"},
	"threads":   {"/@%s"},
	"tiktok":    {"/@%s"},
	"linkedin":  {"/in/%s"},
	"reddit":    {"/user/%s", "/u/%s"},
	"youtube":   {"/@%s"},
	"medium":    {"/@%s"},
	"pinterest": {"/%s"},
	"vsco":      {"/%s"},
	"twitch":    {"/%s"},
}

// linkDomains are a platform's domains that only redirect to posts or
// videos: a profile path there blocks nothing.
var linkDomains = []string{"t.co", "redd.it", "youtu.be"}

// CanBlockPath reports whether the profile has pages of its own under a
// platform's address that a browser policy can block.
func (p Profile) CanBlockPath() bool {
	if p.Scope != ScopePlatform || p.Handle == "" || pathForms[p.Platform] == nil {
		return false
	}
	if p.Platform == "facebook" && strings.Trim(p.Handle, "0123456789") == "" {
		return false // profile.php?id=N: a query, not a path
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
// the profile's pages on every domain of its platform, validated: the
// handle as written and in lower case (paths are matched case by case).
func (p Profile) Paths() []string {
	pl := Lookup(p.Platform)
	if pl == nil || p.Handle == "" {
		return nil
	}
	var out []string
	for _, d := range pl.Domains {
		if slices.Contains(pl.shortHosts, d) || slices.Contains(linkDomains, d) {
			continue // a short-link domain shows no profile page
		}
		for _, form := range pathForms[p.Platform] {
			for _, h := range []string{p.Handle, strings.ToLower(p.Handle)} {
				if n, err := api.NormalizePath(d + fmt.Sprintf(form, h)); err == nil && !slices.Contains(out, n) {
					out = append(out, n)
				}
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
