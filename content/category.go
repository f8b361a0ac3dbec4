package content

import "strings"

// Category is what kind of place a blocked host is, which decides the
// passage a visit gets.
type Category string

const (
	Feed         Category = "feed"         // social feeds: their life keeps appearing
	Messaging    Category = "messaging"    // where a message would start
	Photos       Category = "photos"       // photos and memories
	Professional Category = "professional" // their network and your shared circles
	Other        Category = "other"
)

// categories maps registrable domains to categories. It is a small table
// until blocker/profile's platform catalogue exists; CategoryOf then takes
// the category from there.
var categories = map[string]Category{
	"instagram.com": Feed, "instagr.am": Feed, "cdninstagram.com": Feed,
	"facebook.com": Feed, "fb.com": Feed, "fb.me": Feed,
	"x.com": Feed, "twitter.com": Feed, "t.co": Feed,
	"threads.net": Feed, "threads.com": Feed, "tiktok.com": Feed,
	"reddit.com": Feed, "redd.it": Feed, "tumblr.com": Feed,
	"bsky.app": Feed, "mastodon.social": Feed, "pinterest.com": Feed, "pin.it": Feed,
	"youtube.com": Feed, "youtu.be": Feed, "twitch.tv": Feed,
	"substack.com": Feed, "medium.com": Feed, "blogspot.com": Feed, "wordpress.com": Feed,
	"messenger.com": Messaging, "m.me": Messaging, "whatsapp.com": Messaging, "wa.me": Messaging,
	"telegram.org": Messaging, "t.me": Messaging, "discord.com": Messaging, "discord.gg": Messaging,
	"snapchat.com": Messaging, "signal.org": Messaging,
	"vsco.co": Photos, "flickr.com": Photos, "photos.google.com": Photos, "photos.app.goo.gl": Photos,
	"linkedin.com": Professional, "lnkd.in": Professional, "github.com": Professional, "github.io": Professional,
	"strava.com": Other, "venmo.com": Other, "spotify.com": Other,
}

// CategoryOf returns the category of host (a name or any of its parent
// domains in the table), Other when unknown.
func CategoryOf(host string) Category {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	for h := host; h != ""; {
		if c, ok := categories[h]; ok {
			return c
		}
		i := strings.IndexByte(h, '.')
		if i < 0 {
			break
		}
		h = h[i+1:]
	}
	return Other
}
