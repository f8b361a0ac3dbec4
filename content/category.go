package content

import "github.com/nocontact-app/nocontact/content/profile"

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

// fromPlatform maps the platform catalogue's categories to the rules'.
var fromPlatform = map[profile.Category]Category{
	profile.Feed:         Feed,
	profile.Video:        Feed,
	profile.Messaging:    Messaging,
	profile.Photos:       Photos,
	profile.Professional: Professional,
}

// CategoryOf returns the category of host from content/profile's platform
// catalogue, Other for hosts of no known platform (a personal site, a blog).
func CategoryOf(host string) Category {
	if p := profile.PlatformOf(host); p != nil {
		if c, ok := fromPlatform[p.Category]; ok {
			return c
		}
	}
	return Other
}
