package profile

import (
	"slices"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// ProfileOnly are the platforms of profiles blocked by their profile
// alone (the platform stays open): a DNS filter, which sees only names,
// can block such a platform on the phone only whole, so the person is
// asked, once per platform. In the catalogue's order.
func ProfileOnly(profiles []Profile) []*Platform {
	var out []*Platform
	for _, pl := range catalogue {
		if slices.ContainsFunc(profiles, func(p Profile) bool {
			return p.Platform == pl.ID && p.EffectiveReach() == ReachProfile
		}) {
			out = append(out, pl)
		}
	}
	return out
}

// PhoneChoose is c with the answer for pl: all of it on the phone (its
// hosts), or nothing.
func PhoneChoose(c api.PhoneChoice, pl *Platform, all bool) api.PhoneChoice {
	c.Whole = slices.DeleteFunc(slices.Clone(c.Whole), func(s api.PhoneSite) bool { return s.Title == pl.Name })
	c.Nothing = slices.DeleteFunc(slices.Clone(c.Nothing), func(t string) bool { return t == pl.Name })
	if all {
		c.Whole = append(c.Whole, api.PhoneSite{Title: pl.Name, Names: slices.Clone(pl.Hosts)})
	} else {
		c.Nothing = append(c.Nothing, pl.Name)
	}
	return c
}

// PhoneAnswered reports whether c answers for pl.
func PhoneAnswered(c api.PhoneChoice, pl *Platform) bool {
	return slices.ContainsFunc(c.Whole, func(s api.PhoneSite) bool { return s.Title == pl.Name }) || slices.Contains(c.Nothing, pl.Name)
}
