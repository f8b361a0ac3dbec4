package ui

import (
	"github.com/nocontact-app/nocontact/content/profile"
)

// The question a bare name ("jane.doe") asks: which platform is it on?

// onPlatformChosen reads the bare name as a name on the chosen platform.
func (p *Profiles) onPlatformChosen(name string) {
	pl := platformByName(name)
	if pl == nil {
		return
	}
	pr, err := profile.FromHandle(pl.ID, p.Link.Text)
	if err != nil {
		showText(p.Preview, err.Error())
		p.Save.Disable()
		return
	}
	p.use(pr)
}

// platformNames are the platforms a name can be on, as the window lists
// them: those whose people have names (not the websites).
func platformNames() []string {
	var out []string
	for _, pl := range profile.Platforms() {
		switch pl.ID {
		case "website", "mastodon", "blogspot", "wordpress", "github-pages": // a site, or a name with its server
		default:
			out = append(out, pl.Name)
		}
	}
	return out
}

func platformByName(name string) *profile.Platform {
	for _, pl := range profile.Platforms() {
		if pl.Name == name {
			return pl
		}
	}
	return nil
}
