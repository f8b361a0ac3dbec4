package content

import "github.com/nocontact-app/nocontact/content/profile"

// place is what kind of place a blocked site is, which decides the
// sections a visit there is offered and our line about it.
type place string

const (
	feedPlace         place = "feed"         // their pictures and days: Instagram, Facebook
	postsPlace        place = "posts"        // their words in public: X, Threads, Reddit
	videoPlace        place = "video"        // made to keep you watching: TikTok, YouTube
	photosPlace       place = "photos"       // photos and memories: VSCO, Pinterest
	messagingPlace    place = "messaging"    // where a message to them would start
	professionalPlace place = "professional" // their network and your shared circles
	blogPlace         place = "blog"         // their writing
	moneyPlace        place = "money"        // who they pay, and who pays them
	otherPlace        place = "other"        // a site of their own, or anything else
)

// fromCategory maps the platform catalogue's categories to places.
var fromCategory = map[profile.Category]place{
	profile.Feed:         feedPlace,
	profile.Video:        videoPlace,
	profile.Messaging:    messagingPlace,
	profile.Photos:       photosPlace,
	profile.Professional: professionalPlace,
	profile.Blog:         blogPlace,
	profile.Payments:     moneyPlace,
}

// postsPlatforms are feeds of words more than pictures.
var postsPlatforms = map[string]bool{"x": true, "threads": true, "bluesky": true, "mastodon": true, "reddit": true}

// placeOf returns the kind of place host is, and the name to call it by
// ("Instagram"; the host itself for a site of no known platform).
func placeOf(host string) (place, string) {
	pl := profile.PlatformOf(host)
	switch {
	case pl == nil && host == "":
		return otherPlace, "this site"
	case pl == nil:
		return otherPlace, host
	case postsPlatforms[pl.ID]:
		return postsPlace, pl.Name
	case pl.ID == "pinterest":
		return photosPlace, pl.Name
	case pl.ID == "tiktok": // a feed in the catalogue, but of videos made to keep you watching
		return videoPlace, pl.Name
	}
	if k, ok := fromCategory[pl.Category]; ok {
		return k, pl.Name
	}
	return otherPlace, pl.Name
}
