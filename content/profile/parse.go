package profile

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/publicsuffix"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// ErrNotUnderstood wraps every error of Parse and FromHandle.
var ErrNotUnderstood = errors.New("profile not understood")

// ErrWhichPlatform is wrapped (beside ErrNotUnderstood) when the input is
// a name without a platform ("jane.doe", "@jane"): ask which platform it
// is on and use FromHandle.
var ErrWhichPlatform = errors.New("which platform is this name on")

// prefixes that mean the same site.
var sitePrefixes = []string{"www.", "m.", "mobile.", "web.", "touch.", "mbasic.", "open.", "old.", "new.", "np.", "account."}

// reservedSubdomains are not profiles on subdomain platforms.
var reservedSubdomains = []string{"www", "m", "api", "help", "support", "blog", "app", "cdn", "static", "mail", "status", "open"}

// Parse reads what a person pastes: a link with or without scheme (query
// and fragment ignored), "jane@mastodon.social", or a bare domain.
// A bare "@jane" needs a platform: use FromHandle.
func Parse(input string) (Profile, error) {
	in := strings.TrimSpace(input)
	if in == "" {
		return Profile{}, notUnderstood("Paste a link to the profile, such as https://www.instagram.com/NAME/.")
	}
	if bareHandle(in) {
		return Profile{}, whichPlatform(input, strings.TrimPrefix(in, "@"))
	}
	if p, ok, err := fediverseHandle(in); ok {
		p.Input = input
		return p, err
	}
	u, host, err := parseURL(repairScheme(in))
	if err != nil {
		return Profile{}, notUnderstood(fmt.Sprintf("%q is not a link: copy the address from your browser's address bar and paste it here.", in))
	}
	p, err := fromURL(u, host)
	p.Input = input
	return p, err
}

// parseURL accepts links with or without scheme and returns the URL and
// its normalised host (lower case, punycode, no port).
func parseURL(in string) (*url.URL, string, error) {
	if !strings.Contains(in, "://") {
		in = "https://" + in
	}
	u, err := url.Parse(in)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, "", errors.New("not a web link")
	}
	host, err := api.NormalizeHostname(u.Hostname())
	if err != nil {
		return nil, "", err
	}
	return u, host, nil
}

func fromURL(u *url.URL, host string) (Profile, error) {
	segs := segments(u.Path)
	bare := trimSitePrefix(host)
	for _, pl := range catalogue {
		if pl.Subdomain != "" {
			if name, ok := subdomainProfile(host, pl.Subdomain); ok {
				return Profile{Platform: pl.ID, Handle: name, Host: host, Scope: ScopeExact}, nil
			}
		}
		if !matchesDomain(bare, pl.Domains) {
			continue
		}
		if slices.Contains(pl.shortHosts, host) {
			return Profile{Platform: pl.ID, Scope: ScopePlatform, Host: ""}, nil // a short link hides the handle
		}
		return pathProfile(pl, u, segs)
	}
	if h, ok := form("/@{h}").read(bare, segs, nil, nil); ok { // a fediverse server
		return mastodon(h, host)
	}
	return Profile{Platform: "website", Host: bare, Scope: ScopeExact}, nil
}

// pathProfile reads the handle from the path of a platform link.
func pathProfile(pl *Platform, u *url.URL, segs []string) (Profile, error) {
	if pl.forms == nil {
		return Profile{}, notUnderstood(fmt.Sprintf("That is %s itself, not someone's site: paste their own address, such as https://NAME.%s.", pl.Name, pl.Subdomain))
	}
	h, ok := pl.readForms(trimSitePrefix(u.Hostname()), segs, u.Query())
	if !ok {
		return Profile{}, notUnderstood(fmt.Sprintf("That is %s, but not someone's profile: open their profile and paste its address.", pl.Name))
	}
	return handleProfile(pl, h), nil
}

// handleProfile is the profile of handle h on a path platform, blocked
// with profile reach where the platform allows it.
func handleProfile(pl *Platform, h string) Profile {
	p := Profile{Platform: pl.ID, Handle: h, Scope: ScopePlatform}
	if p.CanBlockPath() {
		p.Reach = ReachProfile // the default where the platform allows it
	}
	if pl.ID == "bluesky" && strings.Contains(h, ".") && !strings.HasSuffix(strings.ToLower(h), ".bsky.social") {
		if n, err := api.NormalizeHostname(h); err == nil {
			p.Extra = []string{n} // a custom-domain handle is their own site too
		}
	}
	return p
}

// fediverseHandle reads "jane@mastodon.social" or "@jane@mastodon.social".
func fediverseHandle(in string) (Profile, bool, error) {
	s := strings.TrimPrefix(in, "@")
	name, inst, ok := strings.Cut(s, "@")
	if !ok || strings.ContainsAny(s, "/:") || strings.Contains(inst, "@") {
		return Profile{}, false, nil
	}
	host, err := api.NormalizeHostname(inst)
	if err != nil {
		return Profile{}, true, notUnderstood(fmt.Sprintf("%q has no server that can be read: write it as NAME@server.example.", in))
	}
	p, err := mastodon(name, host)
	return p, true, err
}

func mastodon(handle, instance string) (Profile, error) {
	if !validHandle(handle) {
		return Profile{}, notUnderstood(fmt.Sprintf("%q is not a Mastodon name: write it as NAME@server.example.", handle))
	}
	return Profile{Platform: "mastodon", Handle: handle, Host: instance, Scope: ScopePlatform}, nil
}

// FromHandle builds a profile from a platform ID and a handle.
func FromHandle(platform, handle string) (Profile, error) {
	pl := Lookup(strings.ToLower(platform))
	if pl == nil {
		return Profile{}, notUnderstood(fmt.Sprintf("No Contact does not know the platform %q: choose one of %s.", platform, strings.Join(platformIDs(), ", ")))
	}
	handle = strings.TrimPrefix(strings.TrimSpace(handle), "@")
	switch {
	case pl.ID == "mastodon":
		p, _, err := fediverseHandle(handle)
		if err != nil || p.Handle == "" {
			return Profile{}, notUnderstood("A Mastodon name needs its server: write it as NAME@server.example.")
		}
		return p, nil
	case pl.ID == "website":
		return Parse(handle)
	case pl.Subdomain != "":
		return Parse(handle + "." + pl.Subdomain)
	case !validHandle(handle):
		return Profile{}, notUnderstood(fmt.Sprintf("%q is not a %s name: give the name as it appears in their profile's address.", handle, pl.Name))
	}
	return handleProfile(pl, handle), nil
}

func platformIDs() []string {
	var ids []string
	for _, p := range catalogue {
		ids = append(ids, p.ID)
	}
	return ids
}

func segments(path string) []string {
	var out []string
	for _, s := range strings.Split(path, "/") {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func trimSitePrefix(host string) string {
	for _, p := range sitePrefixes {
		if rest, ok := strings.CutPrefix(host, p); ok && strings.Contains(rest, ".") {
			return rest
		}
	}
	return host
}

// matchesDomain reports whether host is one of domains or under one.
func matchesDomain(host string, domains []string) bool {
	for _, d := range domains {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

// subdomainProfile reads NAME from NAME.<suffix> (also NAME.blogspot.co.uk
// style country variants for Blogspot).
func subdomainProfile(host, suffix string) (string, bool) {
	name, ok := strings.CutSuffix(host, "."+suffix)
	if !ok && suffix == "blogspot.com" {
		if i := strings.Index(host, ".blogspot."); i > 0 {
			name, ok = host[:i], true
		}
	}
	if !ok || strings.Contains(name, ".") || slices.Contains(reservedSubdomains, name) {
		return "", false
	}
	return name, true
}

// validHandle accepts the characters handles are made of on every
// platform in the catalogue.
func validHandle(h string) bool {
	if h == "" || len(h) > 100 {
		return false
	}
	for _, r := range h {
		if !api.NameChar(r) {
			return false
		}
	}
	return true
}

// bareHandle reports whether in is a name on some platform rather than a
// website: "@jane", "jane_doe", or "jane.doe", whose last part is not a
// public suffix (the Public Suffix List, through x/net/publicsuffix).
func bareHandle(in string) bool {
	name := strings.TrimPrefix(in, "@")
	if strings.ContainsAny(name, "@/:") || !validHandle(name) {
		return false
	}
	if strings.HasPrefix(in, "@") || !strings.Contains(name, ".") {
		return true
	}
	host, err := api.NormalizeHostname(name)
	if err != nil {
		return true
	}
	suffix, icann := publicsuffix.PublicSuffix(host)
	return !icann && !strings.Contains(suffix, ".") // not on the list: the default rule's last label
}

func whichPlatform(input, name string) error {
	return &parseError{fmt.Sprintf("%q is a name, not a link: say which platform it is on, such as --platform instagram --handle %s.", strings.TrimSpace(input), name),
		[]error{ErrNotUnderstood, ErrWhichPlatform}}
}

// notUnderstood is a refusal of Parse or FromHandle: one plain sentence
// that says what to paste instead.
func notUnderstood(sentence string) error {
	return &parseError{sentence, []error{ErrNotUnderstood}}
}

// parseError is a sentence for people that still answers errors.Is for
// its sentinels, without their words in front of it.
type parseError struct {
	msg   string
	kinds []error
}

func (e *parseError) Error() string   { return e.msg }
func (e *parseError) Unwrap() []error { return e.kinds }

// repairScheme mends the scheme of a link copied by hand ("https//",
// "https:/", "https:///"), so it reads as the link it was meant to be.
func repairScheme(in string) string {
	if m := brokenScheme.FindStringSubmatch(in); m != nil {
		return strings.ToLower(m[1]) + "://" + in[len(m[0]):]
	}
	return in
}

var brokenScheme = regexp.MustCompile(`^(?i)(https?):?/+`)
