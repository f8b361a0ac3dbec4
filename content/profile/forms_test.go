package profile

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

// formCases are, per platform, links in every form that shows one person
// (all of them jane.doe's, or her number's), and links of the platform
// that are not a person.
var formCases = map[string]formCase{
	"instagram": {[]string{"https://www.instagram.com/jane.doe/", "https://www.instagram.com/stories/jane.doe/3141592653/", "https://www.instagram.com/jane.doe/tagged/",
		"https://www.instagram.com/jane.doe/reels/", "https://instagr.am/jane.doe", "https://m.instagram.com/Jane.Doe",
		"https://www.instagram.com/api/v1/users/web_profile_info/?username=jane.doe"},
		[]string{"https://www.instagram.com/p/Cabc123/", "https://www.instagram.com/explore/"}, nil},
	"facebook": {[]string{"https://www.facebook.com/jane.doe", "https://m.facebook.com/jane.doe/about", "https://fb.com/jane.doe"},
		[]string{"https://www.facebook.com/groups/123", "https://www.facebook.com/profile.php"}, nil},
	"messenger": {[]string{"https://www.messenger.com/t/jane.doe", "https://m.me/jane.doe"}, []string{"https://www.messenger.com/"}, nil},
	"x":         {[]string{"https://x.com/jane.doe", "https://twitter.com/jane.doe/status/1", "https://mobile.x.com/jane.doe", "https://mobile.twitter.com/Jane.Doe"}, []string{"https://x.com/home", "https://x.com/i/flow/login"}, nil},
	"threads":   {[]string{"https://www.threads.net/@jane.doe", "https://www.threads.com/@jane.doe/post/1"}, []string{"https://www.threads.net/search"}, nil},
	"tiktok":    {[]string{"https://www.tiktok.com/@jane.doe", "https://m.tiktok.com/@jane.doe/video/1", "https://www.tiktok.com/api/user/detail/?uniqueId=jane.doe"}, []string{"https://www.tiktok.com/foryou"}, nil},
	"snapchat":  {[]string{"https://www.snapchat.com/add/jane.doe", "https://www.snapchat.com/@jane.doe", "https://story.snapchat.com/@jane.doe"}, []string{"https://www.snapchat.com/download"}, nil},
	"linkedin":  {[]string{"https://www.linkedin.com/in/jane.doe/", "https://m.linkedin.com/in/jane.doe"}, []string{"https://www.linkedin.com/feed/"}, nil},
	"reddit":    {[]string{"https://www.reddit.com/user/jane.doe/", "https://www.reddit.com/u/jane.doe", "https://old.reddit.com/user/jane.doe/comments"}, []string{"https://www.reddit.com/r/breakups"}, nil},
	"youtube": {[]string{"https://www.youtube.com/@jane.doe", "https://www.youtube.com/c/jane.doe", "https://www.youtube.com/user/jane.doe/videos", "https://m.youtube.com/channel/jane.doe"},
		[]string{"https://www.youtube.com/watch?v=abc"}, nil},
	"pinterest": {[]string{"https://www.pinterest.com/jane.doe/", "https://pinterest.com/jane.doe/boards"}, []string{"https://www.pinterest.com/pin/123/"}, nil},
	"tumblr":    {[]string{"https://www.tumblr.com/jane.doe", "https://www.tumblr.com/blog/view/jane.doe"}, []string{"https://www.tumblr.com/dashboard"}, nil},
	"vsco":      {[]string{"https://vsco.co/jane.doe/gallery", "https://vsco.co/jane.doe"}, []string{"https://vsco.co/feed"}, nil},
	"strava":    {[]string{"https://www.strava.com/athletes/jane.doe"}, []string{"https://www.strava.com/dashboard"}, nil},
	"venmo":     {[]string{"https://venmo.com/u/jane.doe", "https://account.venmo.com/u/jane.doe", "https://venmo.com/jane.doe"}, []string{"https://venmo.com/signup"}, nil},
	"spotify":   {[]string{"https://open.spotify.com/user/jane.doe", "https://open.spotify.com/user/jane.doe/playlists"}, []string{"https://open.spotify.com/track/abc"}, nil},
	"twitch":    {[]string{"https://www.twitch.tv/jane.doe", "https://m.twitch.tv/jane.doe/videos"}, []string{"https://www.twitch.tv/directory"}, nil},
	"bluesky":   {[]string{"https://bsky.app/profile/jane.doe", "https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=jane.doe"}, []string{"https://bsky.app/search"}, nil},
	// On a server not known to be Mastodon, /users/NAME is too common a
	// path to take for a person; blocking one blocks it all the same.
	"mastodon":     {[]string{"https://tiny.town/@jane.doe", "https://tiny.town/@jane.doe/1098765"}, []string{"https://tiny.town/about"}, []string{"https://tiny.town/users/jane.doe", "https://tiny.town/api/v1/accounts/lookup?acct=jane.doe"}},
	"substack":     {[]string{"https://substack.com/@jane.doe"}, []string{"https://substack.com/inbox"}, nil},
	"medium":       {[]string{"https://medium.com/@jane.doe", "https://medium.com/@jane.doe/a-post-1", "https://medium.com/feed/@jane.doe"}, []string{"https://medium.com/tag/love"}, nil},
	"whatsapp":     {[]string{"https://wa.me/15551234567", "https://api.whatsapp.com/send?phone=15551234567"}, []string{"https://www.whatsapp.com/download"}, nil},
	"telegram":     {[]string{"https://t.me/jane.doe", "https://telegram.me/jane.doe"}, []string{"https://t.me/joinchat/abc"}, nil},
	"discord":      {[]string{"https://discord.com/users/123456789012345678"}, []string{"https://discord.com/channels/1/2"}, nil},
	"blogspot":     {[]string{"https://jane.blogspot.com/"}, []string{"https://blogspot.com/"}, nil},
	"wordpress":    {[]string{"https://jane.wordpress.com/"}, []string{"https://wordpress.com/"}, nil},
	"github-pages": {[]string{"https://jane.github.io/"}, []string{"https://github.io/"}, nil},
}

type formCase struct {
	person, notPerson []string
	alsoBlocked       []string // blocked, though a link to it alone is not read as the person
}

// TestEveryFormPerPlatform: every form of every platform resolves to the
// person, and blocking the person blocks every form of theirs (by a path
// in the browsers, or by name).
func TestEveryFormPerPlatform(t *testing.T) {
	for _, pl := range Platforms() {
		if pl.ID == "website" {
			continue
		}
		c, ok := formCases[pl.ID]
		if !ok {
			t.Errorf("%s: no cases: every platform has its forms tested here", pl.ID)
			continue
		}
		t.Run(pl.ID, func(t *testing.T) {
			if pl.Source == "" {
				t.Error("no source for its URL forms")
			}
			var first Profile
			for i, link := range c.person {
				p, err := Parse(link)
				if err != nil || p.Platform != pl.ID {
					t.Fatalf("%s: %+v, %v", link, p, err)
				}
				if i == 0 {
					first = p
				} else if p.ID() != first.ID() {
					t.Errorf("%s is %s, not %s", link, p.ID(), first.ID())
				}
			}
			for _, link := range c.notPerson {
				if p, err := Parse(link); err == nil && p.Scope == ScopePlatform {
					t.Errorf("%s taken for the person %q", link, p.Handle)
				}
			}
			for _, link := range slices.Concat(c.person, c.alsoBlocked) {
				if !blocks(first, link) {
					t.Errorf("blocking %s (%s) does not block %s: paths %q, names %q", first.Who(), first.EffectiveReach(), link, first.Paths(), first.Hostnames())
				}
			}
		})
	}
}

// blocks says whether blocking p blocks link, as the hosts file (exact
// names) and the extension's rules (host and subdomains, path prefix at a
// boundary, the query's key=value, any case) would. A browser's own URL
// list matches the path's case: it holds the handle as saved and in lower
// case (TestReach).
func blocks(p Profile, link string) bool {
	u, _ := url.Parse(link)
	host := strings.ToLower(u.Hostname())
	if slices.Contains(p.Hostnames(), host) {
		return true
	}
	if p.EffectiveReach() != ReachProfile {
		return false
	}
	for _, path := range p.Paths() {
		h, rest, _ := strings.Cut(path, "/")
		pp, q, _ := strings.Cut("/"+rest, "?")
		if host != h && !strings.HasSuffix(host, "."+h) {
			continue
		}
		tail, ok := strings.CutPrefix(strings.ToLower(u.Path), strings.ToLower(pp))
		if !ok || (tail != "" && tail[0] != '/') {
			continue
		}
		if k, v, _ := strings.Cut(q, "="); q == "" || u.Query().Get(k) == v {
			return true
		}
	}
	return false
}

func TestOwnHostsWithProfileReach(t *testing.T) {
	p, err := Parse("https://medium.com/@jane")
	if err != nil || p.EffectiveReach() != ReachProfile {
		t.Fatalf("%+v %v", p, err)
	}
	p.ViewersOff = true // the viewer sites: viewers_test.go
	if got := p.Hostnames(); !slices.Equal(got, []string{"jane.medium.com"}) {
		t.Errorf("blocking jane on Medium blocks names %q, want her own subdomain", got)
	}
}
