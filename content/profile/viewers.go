package profile

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/net/publicsuffix"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// viewer is one catalogue entry: a host and the ID of its source.
type viewer struct{ host, source string }

// ViewerSource is where viewer sites were learned.
type ViewerSource struct {
	ID, Where string
	Commit    string // the commit read, when the source is a repository
	Date      string // the source's date (its commit's)
	Licence   string
}

// Viewer is a site that shows a platform's people without an account,
// as the window lists it.
type Viewer struct {
	Host    string
	Source  ViewerSource
	Checked string // the day it was read in its source
	Own     bool   // added by the person for this profile ("another site where I watch them")
}

// String is the site as a person's list shows it: its name, marked when
// the person added it.
func (v Viewer) String() string {
	if v.Own {
		return v.Host + " (added by you)"
	}
	return v.Host
}

// ViewerSources returns where the catalogue's viewer sites come from.
func ViewerSources() []ViewerSource { return slices.Clone(viewerSources) }

// Viewers returns the catalogue's viewer sites of a platform.
func Viewers(platformID string) []Viewer {
	var out []Viewer
	for _, v := range viewerSites[platformID] {
		out = append(out, Viewer{Host: v.host, Source: sourceOf(v.source), Checked: CatalogueChecked})
	}
	return out
}

func sourceOf(id string) ViewerSource {
	for _, s := range viewerSources {
		if s.ID == id {
			return s
		}
	}
	return ViewerSource{ID: id}
}

// HasViewers reports whether the profile is a person under a platform's
// address (scope platform) on a platform that third-party sites show
// without an account, or one the person added a site of their own to:
// the details screen shows the switch. A site of the person's own
// (jane.medium.com) has none.
func (p Profile) HasViewers() bool {
	return p.person() && (len(viewerSites[p.Platform]) > 0 || len(p.Watch) > 0)
}

// person reports whether p is a person under a platform's address.
func (p Profile) person() bool { return p.Handle != "" && p.Scope == ScopePlatform }

// ViewerList returns the viewer sites of the profile: the catalogue's for
// its platform, then the ones the person added.
func (p Profile) ViewerList() []Viewer {
	if !p.person() {
		return nil
	}
	out := Viewers(p.Platform)
	for _, h := range p.Watch {
		out = append(out, Viewer{Host: h, Own: true, Source: ViewerSource{ID: "own", Where: "added by you"}})
	}
	return out
}

// viewerHosts are the names blocking the profile blocks whole for its
// viewer sites: none when the switch is off; a registrable name with its
// www.
func (p Profile) viewerHosts() []string {
	if p.ViewersOff {
		return nil
	}
	var out []string
	for _, v := range p.ViewerList() {
		out = append(out, wholeSite(v.Host)...)
	}
	return out
}

// wholeSite returns host and, when host is a registrable name
// (imginn.com), its www.: the names that block the site whole.
func wholeSite(host string) []string {
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil && d == host {
		return []string{host, "www." + host}
	}
	return []string{host}
}

// NormalizeViewer reads "another site where I watch them" as typed (a
// link or a name) and returns its host, or an error a person can act on:
// not a valid name, a platform's own name, a general-purpose site
// (archives, caches, translators: only the person's addresses there are
// refused, and that already happens), or a bare public suffix.
func NormalizeViewer(s string) (string, error) {
	in := strings.TrimSpace(s)
	if i := strings.Index(in, "://"); i >= 0 {
		in = in[i+3:]
	}
	in, _, _ = strings.Cut(in, "/")
	in = strings.TrimPrefix(strings.ToLower(in), "www.")
	h, err := api.NormalizeHostname(in)
	if err != nil {
		return "", fmt.Errorf("%q is not a site's name: type its address, such as imginn.com", s)
	}
	if _, err := publicsuffix.EffectiveTLDPlusOne(h); err != nil {
		return "", fmt.Errorf("%q is a whole domain ending, not a site", s)
	}
	if pl := PlatformOf(h); pl != nil {
		return "", fmt.Errorf("%s is %s itself: block their profile there instead", h, pl.Name)
	}
	if api.GeneralPurpose(h) {
		return "", fmt.Errorf("%s is used for much else: only their addresses there are refused, and they already are", h)
	}
	return h, nil
}
