package profile

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// ig, fb, x... are the hostnames blocked for each platform.
var (
	igHosts = "instagram.com www.instagram.com m.instagram.com l.instagram.com i.instagram.com api.instagram.com instagr.am www.instagr.am"
	xHosts  = "x.com www.x.com mobile.x.com api.x.com twitter.com www.twitter.com mobile.twitter.com api.twitter.com t.co"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in, platform, handle string
		scope                Scope
		hosts                string // space-separated; "" to skip the check
	}{
		// Instagram
		{"https://www.instagram.com/jane.doe/", "instagram", "jane.doe", ScopePlatform, igHosts},
		{"instagram.com/jane.doe", "instagram", "jane.doe", ScopePlatform, igHosts},
		{"http://instagram.com/jane.doe?igsh=MWx0cGZ4", "instagram", "jane.doe", ScopePlatform, ""},
		{"https://m.instagram.com/jane_doe/#top", "instagram", "jane_doe", ScopePlatform, ""},
		{"https://instagr.am/jane.doe", "instagram", "jane.doe", ScopePlatform, ""},
		{"https://www.instagram.com/stories/jane.doe/3141592653/", "instagram", "jane.doe", ScopePlatform, ""},
		{"  https://www.INSTAGRAM.com/Jane.Doe  ", "instagram", "Jane.Doe", ScopePlatform, ""},
		{"www.instagram.com/jane.doe/?utm_source=ig_web_copy_link", "instagram", "jane.doe", ScopePlatform, ""},
		// Facebook
		{"https://www.facebook.com/jane.doe.12", "facebook", "jane.doe.12", ScopePlatform, ""},
		{"https://m.facebook.com/jane.doe", "facebook", "jane.doe", ScopePlatform, ""},
		{"fb.com/profile.php?id=100012345678901", "facebook", "100012345678901", ScopePlatform, ""},
		{"https://www.facebook.com/profile.php?id=100012345678901&sk=about", "facebook", "100012345678901", ScopePlatform, ""},
		{"https://www.facebook.com/people/Jane-Doe/100087654321/", "facebook", "100087654321", ScopePlatform, ""},
		{"https://web.facebook.com/janedoe", "facebook", "janedoe", ScopePlatform, ""},
		{"https://fb.me/janedoe", "facebook", "janedoe", ScopePlatform, ""},
		// Messenger
		{"https://www.messenger.com/t/jane.doe", "messenger", "jane.doe", ScopePlatform, "messenger.com www.messenger.com m.me"},
		{"https://m.me/jane.doe", "messenger", "jane.doe", ScopePlatform, ""},
		// X / Twitter
		{"https://x.com/janedoe", "x", "janedoe", ScopePlatform, xHosts},
		{"https://twitter.com/janedoe", "x", "janedoe", ScopePlatform, xHosts},
		{"https://mobile.twitter.com/janedoe/status/123", "x", "janedoe", ScopePlatform, ""},
		{"x.com/janedoe?s=21&t=abc", "x", "janedoe", ScopePlatform, ""},
		{"https://www.x.com/JaneDoe/", "x", "JaneDoe", ScopePlatform, ""},
		// Threads
		{"https://www.threads.net/@jane.doe", "threads", "jane.doe", ScopePlatform, "threads.net www.threads.net threads.com www.threads.com"},
		{"https://threads.com/@jane.doe/post/abc", "threads", "jane.doe", ScopePlatform, ""},
		// TikTok
		{"https://www.tiktok.com/@jane.doe", "tiktok", "jane.doe", ScopePlatform, "tiktok.com www.tiktok.com m.tiktok.com vm.tiktok.com vt.tiktok.com"},
		{"https://www.tiktok.com/@jane.doe/video/7234567890?lang=en", "tiktok", "jane.doe", ScopePlatform, ""},
		{"https://vm.tiktok.com/ZMabcdEFG/", "tiktok", "", ScopePlatform, ""},
		{"https://m.tiktok.com/@jane", "tiktok", "jane", ScopePlatform, ""},
		// Snapchat
		{"https://www.snapchat.com/add/janedoe", "snapchat", "janedoe", ScopePlatform, ""},
		{"snapchat.com/add/jane-doe?share_id=xyz", "snapchat", "jane-doe", ScopePlatform, ""},
		// LinkedIn
		{"https://www.linkedin.com/in/jane-doe-12345/", "linkedin", "jane-doe-12345", ScopePlatform, "linkedin.com www.linkedin.com m.linkedin.com lnkd.in"},
		{"linkedin.com/in/janedoe?originalSubdomain=uk", "linkedin", "janedoe", ScopePlatform, ""},
		{"https://lnkd.in/dXyZ123", "linkedin", "", ScopePlatform, ""},
		// Reddit
		{"https://www.reddit.com/user/jane_doe/", "reddit", "jane_doe", ScopePlatform, ""},
		{"https://old.reddit.com/u/jane_doe", "reddit", "jane_doe", ScopePlatform, ""},
		// YouTube
		{"https://www.youtube.com/@janedoe", "youtube", "janedoe", ScopePlatform, "youtube.com www.youtube.com m.youtube.com youtu.be"},
		{"https://youtube.com/channel/UC1234567890abcdefABCDEF", "youtube", "UC1234567890abcdefABCDEF", ScopePlatform, ""},
		{"https://m.youtube.com/c/JaneDoe", "youtube", "JaneDoe", ScopePlatform, ""},
		{"https://www.youtube.com/user/janedoe", "youtube", "janedoe", ScopePlatform, ""},
		// Pinterest
		{"https://www.pinterest.com/janedoe/", "pinterest", "janedoe", ScopePlatform, ""},
		{"https://pin.it/AbCdEf", "pinterest", "", ScopePlatform, ""},
		// Tumblr: own subdomain is exact, the path form is the platform
		{"https://jane.tumblr.com", "tumblr", "jane", ScopeExact, "jane.tumblr.com"},
		{"jane.tumblr.com/post/123/hello", "tumblr", "jane", ScopeExact, "jane.tumblr.com"},
		{"https://www.tumblr.com/jane", "tumblr", "jane", ScopePlatform, "tumblr.com www.tumblr.com"},
		{"tumblr.com/jane", "tumblr", "jane", ScopePlatform, ""},
		// VSCO, Strava, Venmo, Spotify, Twitch
		{"https://vsco.co/janedoe/gallery", "vsco", "janedoe", ScopePlatform, "vsco.co www.vsco.co"},
		{"https://www.strava.com/athletes/12345678", "strava", "12345678", ScopePlatform, ""},
		{"https://venmo.com/u/Jane-Doe-7", "venmo", "Jane-Doe-7", ScopePlatform, ""},
		{"https://account.venmo.com/u/janedoe", "venmo", "janedoe", ScopePlatform, ""},
		{"https://venmo.com/janedoe", "venmo", "janedoe", ScopePlatform, ""},
		{"https://open.spotify.com/user/janedoe123?si=abc", "spotify", "janedoe123", ScopePlatform, ""},
		{"https://spotify.link/AbCdE", "spotify", "", ScopePlatform, ""},
		{"https://www.twitch.tv/janedoe", "twitch", "janedoe", ScopePlatform, ""},
		{"https://m.twitch.tv/janedoe/videos", "twitch", "janedoe", ScopePlatform, ""},
		// Bluesky
		{"https://bsky.app/profile/jane.bsky.social", "bluesky", "jane.bsky.social", ScopePlatform, "bsky.app www.bsky.app public.api.bsky.app"},
		{"https://bsky.app/profile/jane.example.com", "bluesky", "jane.example.com", ScopePlatform, "bsky.app www.bsky.app public.api.bsky.app jane.example.com"},
		// Mastodon and the fediverse
		{"https://mastodon.social/@jane", "mastodon", "jane", ScopePlatform, "mastodon.social"},
		{"https://tiny.town/@jane/1098765", "mastodon", "jane", ScopePlatform, "tiny.town"},
		{"jane@mastodon.social", "mastodon", "jane", ScopePlatform, "mastodon.social"},
		{"@jane@hachyderm.io", "mastodon", "jane", ScopePlatform, "hachyderm.io"},
		// Substack, Medium, Blogspot, WordPress.com, GitHub Pages
		{"https://jane.substack.com", "substack", "jane", ScopeExact, "jane.substack.com"},
		{"jane.substack.com/p/on-leaving?utm_source=share", "substack", "jane", ScopeExact, "jane.substack.com"},
		{"https://substack.com/@jane", "substack", "jane", ScopePlatform, "substack.com www.substack.com"},
		{"https://medium.com/@jane.doe", "medium", "jane.doe", ScopePlatform, "medium.com www.medium.com"},
		{"https://janedoe.medium.com/", "medium", "janedoe", ScopeExact, "janedoe.medium.com"},
		{"https://janedoe.blogspot.com/2024/01/post.html", "blogspot", "janedoe", ScopeExact, "janedoe.blogspot.com"},
		{"janedoe.blogspot.co.uk", "blogspot", "janedoe", ScopeExact, "janedoe.blogspot.co.uk"},
		{"https://janedoe.wordpress.com", "wordpress", "janedoe", ScopeExact, "janedoe.wordpress.com"},
		{"https://janedoe.github.io/", "github-pages", "janedoe", ScopeExact, "janedoe.github.io"},
		{"JaneDoe.GitHub.io/blog", "github-pages", "janedoe", ScopeExact, "janedoe.github.io"},
		// WhatsApp, Telegram, Discord
		{"https://wa.me/15551234567", "whatsapp", "15551234567", ScopePlatform, "web.whatsapp.com whatsapp.com www.whatsapp.com api.whatsapp.com wa.me"},
		{"https://t.me/janedoe", "telegram", "janedoe", ScopePlatform, "web.telegram.org telegram.org t.me telegram.me"},
		{"https://telegram.me/janedoe", "telegram", "janedoe", ScopePlatform, ""},
		{"https://discord.com/users/123456789012345678", "discord", "123456789012345678", ScopePlatform, ""},
		// Personal websites
		{"janedoe.com", "website", "", ScopeExact, "janedoe.com www.janedoe.com"},
		{"https://www.janedoe.com/about", "website", "", ScopeExact, "janedoe.com www.janedoe.com"},
		{"http://jane-doe.photography:8080/", "website", "", ScopeExact, "jane-doe.photography www.jane-doe.photography"},
		{"https://bücher-jane.de", "website", "", ScopeExact, "xn--bcher-jane-9db.de www.xn--bcher-jane-9db.de"},
		{"blog.janedoe.net", "website", "", ScopeExact, "blog.janedoe.net www.blog.janedoe.net"},
	}
	if len(tests) < 75 {
		t.Fatalf("only %d cases", len(tests))
	}
	for _, tt := range tests {
		p, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if p.Platform != tt.platform || p.Handle != tt.handle || p.Scope != tt.scope {
			t.Errorf("Parse(%q) = %s %q %s; want %s %q %s", tt.in, p.Platform, p.Handle, p.Scope, tt.platform, tt.handle, tt.scope)
		}
		if tt.hosts != "" {
			p.Reach = ReachPlatform // the hostnames a platform reach blocks
			p.ViewersOff = true     // and no viewer sites: viewers_test.go
			if got := strings.Join(p.Hostnames(), " "); got != tt.hosts {
				t.Errorf("Parse(%q) hosts:\n got %s\nwant %s", tt.in, got, tt.hosts)
			}
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for _, in := range []string{
		"", "   ", "@jane", "jane", "https://www.instagram.com/", "https://www.instagram.com/explore/",
		"https://www.instagram.com/p/Cabc123/", "https://x.com/home", "https://x.com/i/flow/login",
		"https://www.facebook.com/groups/12345", "https://www.linkedin.com/feed/", "https://www.reddit.com/r/breakups",
		"ftp://janedoe.com", "https://127.0.0.1/", "https://[::1]/x", "http://localhost:3000", "javascript:alert(1)",
		"https://www.tiktok.com/foryou", "https://exa mple.com", "https://blogspot.com", "jane@", "@jane@bad host",
		"https://www.instagram.com/jane<script>/",
	} {
		p, err := Parse(in)
		if !errors.Is(err, ErrNotUnderstood) {
			t.Errorf("Parse(%q) = %+v, %v; want ErrNotUnderstood", in, p, err)
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "understood") || !strings.HasSuffix(msg, ".") || strings.Contains(msg, "; ") {
			t.Errorf("Parse(%q): message %q is not one plain sentence", in, msg)
		}
	}
}

func TestBareNameAsksForThePlatform(t *testing.T) {
	for _, in := range []string{"jane.doe", "@jane", "jane_doe", "Jane.Doe", "@jane.doe", "jane"} {
		_, err := Parse(in)
		if !errors.Is(err, ErrWhichPlatform) || !errors.Is(err, ErrNotUnderstood) || !strings.Contains(err.Error(), "which platform") {
			t.Errorf("Parse(%q): %v; want the platform question", in, err)
		}
	}
	for _, in := range []string{"janedoe.com", "jane.doe.co.uk", "jane-doe.photography", "jane.github.io", "jane.blogspot.com"} {
		if _, err := Parse(in); err != nil {
			t.Errorf("Parse(%q): %v; a website", in, err)
		}
	}
}

func TestFromHandle(t *testing.T) {
	tests := []struct{ platform, handle, wantID, host string }{
		{"instagram", "@jane.doe", "instagram:jane.doe", "instagram.com"},
		{"x", "janedoe", "x:janedoe", "t.co"},
		{"tiktok", "jane", "tiktok:jane", "tiktok.com"},
		{"linkedin", "jane-doe", "linkedin:jane-doe", "www.linkedin.com"},
		{"substack", "jane", "substack:jane", "jane.substack.com"},
		{"mastodon", "jane@tiny.town", "mastodon:jane@tiny.town", "tiny.town"},
		{"website", "janedoe.com", "website:janedoe.com", "janedoe.com"},
		{"bluesky", "jane.example.com", "bluesky:jane.example.com", "jane.example.com"},
	}
	for _, tt := range tests {
		p, err := FromHandle(tt.platform, tt.handle)
		p.Reach = ReachPlatform
		if err != nil || p.ID() != tt.wantID || !strings.Contains(" "+strings.Join(p.Hostnames(), " ")+" ", " "+tt.host+" ") {
			t.Errorf("FromHandle(%s, %s) = %+v (%s), %v", tt.platform, tt.handle, p, p.ID(), err)
		}
	}
	for _, bad := range [][2]string{{"myspace", "jane"}, {"instagram", "jane doe"}, {"instagram", ""}, {"mastodon", "jane"}} {
		if _, err := FromHandle(bad[0], bad[1]); !errors.Is(err, ErrNotUnderstood) {
			t.Errorf("FromHandle(%q) = %v", bad, err)
		}
	}
}

func TestHostnamesMergesAndKeepsTheWidestScope(t *testing.T) {
	a, _ := Parse("https://www.instagram.com/jane.doe/")
	b, _ := Parse("https://instagram.com/jane.other")
	c, _ := Parse("jane.substack.com")
	a.Reach, b.Reach = ReachPlatform, ReachPlatform
	entries, err := Hostnames([]Profile{a, b, c})
	if err != nil {
		t.Fatal(err)
	}
	byHost := map[string]Entry{}
	for _, e := range entries {
		byHost[e.Host] = e
	}
	if e := byHost["instagram.com"]; e.Scope != ScopePlatform || len(e.Profiles) != 2 {
		t.Errorf("instagram.com entry %+v", e)
	}
	if e := byHost["jane.substack.com"]; e.Scope != ScopeExact {
		t.Errorf("substack entry %+v", e)
	}
	if e := byHost["imginn.com"]; len(e.Profiles) != 2 { // a viewer site is each person's
		t.Errorf("viewer entry %+v", e)
	}
	if want := 9 + len(a.viewerHosts()); len(entries) != want {
		t.Errorf("%d entries, want %d", len(entries), want)
	}
}

func TestCatalogue(t *testing.T) {
	if n := len(Platforms()); n < 28 {
		t.Errorf("%d platforms, want at least 28", n)
	}
	for _, p := range Platforms() {
		if p.Name == "" || p.Category == "" {
			t.Errorf("%s: incomplete", p.ID)
		}
		for _, h := range p.Hosts {
			if _, err := Hostnames([]Profile{{Platform: p.ID, Host: h, Scope: ScopeExact}}); err != nil {
				t.Errorf("%s: host %s: %v", p.ID, h, err)
			}
		}
	}
}

func TestDescribe(t *testing.T) {
	p, _ := Parse("https://www.instagram.com/jane.doe/")
	if got := p.Describe(); got != "jane.doe on Instagram: their profile, in your browsers" {
		t.Errorf("%q", got)
	}
	p.Reach = ReachPlatform
	if got := p.Describe(); got != "jane.doe on Instagram: all of Instagram on this computer" {
		t.Errorf("%q", got)
	}
	p, _ = Parse("jane.substack.com")
	if got := p.Describe(); got != "jane on Substack: just this site" {
		t.Errorf("%q", got)
	}
}

func TestReach(t *testing.T) {
	tests := []struct {
		in    string
		reach Reach
		paths string
	}{
		{"https://www.instagram.com/Jane.Doe/", ReachProfile, "instagram.com/Jane.Doe instagram.com/jane.doe instagr.am/Jane.Doe instagr.am/jane.doe " +
			"instagram.com/stories/Jane.Doe instagram.com/stories/jane.doe instagr.am/stories/Jane.Doe instagr.am/stories/jane.doe " +
			"instagram.com/api/v1/users/web_profile_info?username=Jane.Doe instagram.com/api/v1/users/web_profile_info?username=jane.doe " +
			"instagr.am/api/v1/users/web_profile_info?username=Jane.Doe instagr.am/api/v1/users/web_profile_info?username=jane.doe"},
		{"https://www.tiktok.com/@jane", ReachProfile, "tiktok.com/@jane tiktok.com/api/user/detail?uniqueId=jane"},
		{"https://www.reddit.com/user/jane_doe", ReachProfile, "reddit.com/user/jane_doe reddit.com/u/jane_doe"},
		{"https://www.linkedin.com/in/jane-doe", ReachProfile, "linkedin.com/in/jane-doe"},
		{"fb.com/profile.php?id=100012345678901", ReachProfile, "facebook.com/profile.php?id=100012345678901 fb.com/profile.php?id=100012345678901 fb.me/profile.php?id=100012345678901 " +
			"facebook.com/100012345678901 fb.com/100012345678901 fb.me/100012345678901"},
		{"https://www.snapchat.com/add/jane", ReachProfile, "snapchat.com/add/jane snapchat.com/@jane"},
		{"https://t.me/jane", ReachPlatform, ""},
		{"jane.substack.com", "", ""},
	}
	for _, tt := range tests {
		p, err := Parse(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if p.EffectiveReach() != tt.reach {
			t.Errorf("%s: reach %q, want %q", tt.in, p.EffectiveReach(), tt.reach)
		}
		if got := strings.Join(Paths([]Profile{p}), " "); tt.reach == ReachProfile && got != sortedWords(tt.paths) {
			t.Errorf("%s: paths %q, want %q", tt.in, got, sortedWords(tt.paths))
		}
		for _, h := range p.Hostnames() {
			if tt.reach == ReachProfile && PlatformOf(h) != nil {
				t.Errorf("%s: a profile reach blocks the platform's %s", tt.in, h)
			}
		}
	}
	old := Profile{Platform: "instagram", Handle: "jane.doe", Scope: ScopePlatform} // saved before reaches
	if old.EffectiveReach() != ReachPlatform || len(old.Hostnames()) == 0 {
		t.Error("a profile saved before reaches existed must keep blocking the platform")
	}
}

func sortedWords(s string) string {
	w := strings.Fields(s)
	slices.Sort(w)
	return strings.Join(w, " ")
}

// TestBlockOf: one place turns profiles into what a block asks (the
// window and the command line both use it): a platform-wide profile gives
// names, a profile-reach one gives paths, each name says whose it is.
func TestBlockOf(t *testing.T) {
	var ps []Profile
	for _, link := range []string{"https://www.instagram.com/jane.doe/", "jane.substack.com"} {
		p, err := Parse(link)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	ps[0].ViewersOff = true // their viewer sites: TestAPersonBlocksTheirPlatformsViewerSites
	b, err := BlockOf(ps)
	if err != nil || !slices.Equal(b.Names, []string{"jane.substack.com"}) || !slices.Contains(b.Paths, "instagram.com/jane.doe") ||
		len(b.Entries) != 1 || b.Entries[0].Profiles[0] != ps[1].ID() {
		t.Errorf("BlockOf: %+v %v", b, err)
	}
}
