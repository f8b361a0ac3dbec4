package session

import (
	"slices"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// A scheduled window always adds its names and profile paths to a running
// block, so a block can never be filled to keep a schedule's person out:
// the limits of a block (api.MaxHostnames, api.MaxPaths) count every
// schedule's names and paths in advance. A start, an addition or a new
// schedule that would leave no room for them is refused, in words.

// room checks that a block of names and paths, with every
// schedule's (and extra's, a schedule about to be added) merged in, fits
// the limits of a block.
func (b *book) room(names, paths []string, extra *api.Schedule) error {
	allNames, allPaths := slices.Clone(names), slices.Clone(paths)
	schedNames, schedPaths := 0, 0
	add := func(s api.Schedule) {
		for _, n := range s.Hostnames {
			if !slices.Contains(allNames, n) {
				allNames, schedNames = append(allNames, n), schedNames+1
			}
		}
		for _, p := range s.Paths {
			if !slices.Contains(allPaths, p) {
				allPaths, schedPaths = append(allPaths, p), schedPaths+1
			}
		}
	}
	for _, s := range b.st.Schedules {
		add(s.Schedule)
	}
	if extra != nil {
		add(*extra)
	}
	if len(allPaths) <= api.MaxPaths && len(allNames) <= api.MaxHostnames {
		return nil
	}
	if extra != nil {
		return api.Errorf(api.CodeInvalid, "this schedule does not fit: with the running block and your other schedules, a block would hold %d sites and %d profile pages, and at most %d and %d fit",
			len(allNames), len(allPaths), api.MaxHostnames, api.MaxPaths)
	}
	if len(allPaths) > api.MaxPaths {
		return api.Errorf(api.CodeInvalid, "a block holds at most %d profile pages, and %d of them are kept for the people your schedules block: block at most %d profile pages of your own",
			api.MaxPaths, schedPaths, max(0, api.MaxPaths-schedPaths))
	}
	return api.Errorf(api.CodeInvalid, "a block holds at most %d sites, and %d of them are kept for the sites your schedules block: block at most %d sites of your own",
		api.MaxHostnames, schedNames, max(0, api.MaxHostnames-schedNames))
}
