package profile

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/publicsuffix"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// Every viewer site is a valid host name under a public suffix (never a
// suffix itself), belongs to exactly one platform, is none of the
// platforms' own names and no general-purpose site, and names a source
// that exists; every source is used.
func TestViewerSitesAreValidAndBelongToOnePlatform(t *testing.T) {
	owner := map[string]string{}
	perSource := map[string]int{}
	for id, list := range viewerSites {
		if Lookup(id) == nil {
			t.Errorf("viewer sites for %q, which the catalogue does not have", id)
		}
		for _, v := range list {
			if n, err := api.NormalizeHostname(v.host); err != nil || n != v.host {
				t.Errorf("%s: %q is not a normalised host name (%v)", id, v.host, err)
			}
			if d, err := publicsuffix.EffectiveTLDPlusOne(v.host); err != nil || !strings.HasSuffix("."+v.host, "."+d) {
				t.Errorf("%s: %q has no registrable name under a public suffix (%v)", id, v.host, err)
			}
			for other, o := range owner {
				if other == v.host || strings.HasSuffix(v.host, "."+other) || strings.HasSuffix(other, "."+v.host) {
					t.Errorf("%q (%s) and %q (%s): one site, two entries", v.host, id, other, o)
				}
			}
			owner[v.host] = id
			if pl := PlatformOf(v.host); pl != nil {
				t.Errorf("%s: %q is %s's own", id, v.host, pl.ID)
			}
			if api.GeneralPurpose(v.host) {
				t.Errorf("%s: %q is a general-purpose site, never blocked whole", id, v.host)
			}
			if sourceOf(v.source).Where == "" {
				t.Errorf("%s: %q names source %q, which is not listed", id, v.host, v.source)
			}
			perSource[v.source]++
		}
	}
	for _, s := range viewerSources {
		if perSource[s.ID] == 0 {
			t.Errorf("source %s gives no entry", s.ID)
		}
		if s.Date == "" || s.Licence == "" {
			t.Errorf("source %s has no date or licence", s.ID)
		}
		t.Logf("%-12s %3d entries (%s)", s.ID, perSource[s.ID], s.Licence)
	}
	t.Logf("%d entries on %d platforms", len(owner), len(viewerSites))
}

// A person saved on a platform blocks its viewer sites whole (a
// registrable name with its www.), whatever the reach; the switch off
// blocks none; the person's own sites go with the catalogue's.
func TestAPersonBlocksTheirPlatformsViewerSites(t *testing.T) {
	for id := range viewerSites {
		p := Profile{Platform: id, Handle: "jane.doe", Scope: ScopePlatform}
		for _, reach := range []Reach{ReachPlatform, ReachProfile} {
			p.Reach = reach
			names := p.Hostnames()
			for _, v := range Viewers(id) {
				if !slices.Contains(names, v.Host) {
					t.Errorf("%s (%s): %s is not blocked", id, reach, v.Host)
				}
			}
		}
		p.ViewersOff = true
		for _, v := range Viewers(id) {
			if slices.Contains(p.Hostnames(), v.Host) {
				t.Errorf("%s with the switch off still blocks %s", id, v.Host)
			}
		}
	}
	p := Profile{Platform: "instagram", Handle: "jane.doe", Scope: ScopePlatform, Reach: ReachProfile, Watch: []string{"ig.example.net"}}
	names := p.Hostnames()
	for _, want := range []string{"imginn.com", "www.imginn.com", "kg.meowing.de", "ig.example.net"} {
		if !slices.Contains(names, want) {
			t.Errorf("jane.doe on Instagram does not block %s: %v", want, names)
		}
	}
	if slices.Contains(names, "www.kg.meowing.de") || slices.Contains(names, "instagram.com") {
		t.Errorf("an instance got a www., or the profile reach blocked the platform: %v", names)
	}
	if !p.HasViewers() || len(p.ViewerList()) != len(Viewers("instagram"))+1 || !p.ViewerList()[len(p.ViewerList())-1].Own {
		t.Error("the person's own site is not listed after the catalogue's")
	}
	if (Profile{Platform: "website", Host: "janedoe.com", Scope: ScopeExact}).HasViewers() {
		t.Error("a website has viewer sites")
	}
}

func TestNormalizeViewer(t *testing.T) {
	for in, want := range map[string]string{
		"imginn.com": "imginn.com", " https://www.Picuki.com/profile/jane.doe ": "picuki.com", "ig.example.net/x": "ig.example.net",
		"instagram.com": "", "web.archive.org": "", "www-instagram-com.translate.goog": "", "co.uk": "", "a b": "", "localhost": "",
	} {
		got, err := NormalizeViewer(in)
		if got != want || (want == "") != (err != nil) {
			t.Errorf("NormalizeViewer(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}
