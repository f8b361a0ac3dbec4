package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/content/profile"
)

// hostsText says who the next block would keep away, in people, in a
// line or two however many there are: the first three by name, then how
// many more; each with its reach, and the sites and pages, are behind
// Details (hostsDetails).
func hostsText(ps []profile.Profile) string {
	if len(ps) == 0 {
		return "Nothing to block yet: add a profile in the Profiles tab."
	}
	var who []string
	for i, p := range ps {
		if i == 3 && len(ps) > 4 {
			who = append(who, fmt.Sprintf("%d more (see Details)", len(ps)-3))
			break
		}
		who = append(who, p.Who())
	}
	return "A block keeps away " + andList(who) + "."
}

// hostsDetails lists each profile with its reach, then what a block would
// write: sites for every program, profile pages for the browsers.
func hostsDetails(ps []profile.Profile, entries []profile.Entry, paths []string) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Describe() + "\n")
	}
	if len(entries) > 0 {
		b.WriteString(words.Names(profile.Names(entries)) + "\n")
	}
	if len(paths) > 0 {
		b.WriteString(words.Pages(paths))
	}
	return strings.TrimSpace(b.String())
}

// blockHeadline says what a running block keeps away, in people first
// ("Not looking at jane.doe on Instagram and jane on Substack"), then how
// long and how it is locked; without saved profiles it counts sites.
func blockHeadline(ps []profile.Profile, s *api.Session) string {
	var who []string
	explained := map[string]bool{}
	for _, p := range ps {
		core := p
		core.ViewersOff = true // a block started before the viewer sites were listed still blocks the person
		hs, paths := core.Hostnames(), []string(nil)
		if p.EffectiveReach() == profile.ReachProfile {
			paths = p.Paths()
		}
		if len(hs)+len(paths) == 0 || !containsAll(s.Hostnames, hs) || !containsAll(s.Paths, paths) {
			continue
		}
		who = append(who, p.Who())
		for _, x := range slices.Concat(p.Hostnames(), paths) {
			explained[x] = true
		}
	}
	others := 0
	for _, x := range append(slices.Clone(s.Hostnames), s.Paths...) {
		if !explained[x] {
			others++
		}
	}
	left := api.HumanDuration(time.Duration(s.Remaining)) + " left · lock: " + words.Lock(s.Lock)
	switch {
	case len(who) == 0:
		return words.Session(s)
	case others == 1:
		who = append(who, "1 more site")
	case others > 1:
		who = append(who, fmt.Sprintf("%d more sites", others))
	}
	return "Not looking at " + andList(who) + "\n" + left
}

func containsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// andList writes "a", "a and b", "a, b and c".
func andList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
