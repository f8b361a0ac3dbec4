package profile

import "slices"

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
