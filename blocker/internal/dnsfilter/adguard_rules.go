package dnsfilter

import (
	"slices"
	"strings"
)

// The comment lines around our rules in AdGuard Home's custom rules
// (a line starting with '!' is a comment there).
const (
	agBegin = "! BEGIN NO CONTACT"
	agEnd   = "! END NO CONTACT"
)

// agRules is AdGuard Home's list of custom rules split around our block:
// the lines before it and after it are the user's, kept byte for byte.
type agRules struct {
	before, after []string
	ours          []string // the names of our ||name^ lines, in order
	other         []string // any other line found inside our block, kept there
	block         bool     // the list has our block
}

// parseAGRules splits rules around the first BEGIN line and the first END
// line after it. A BEGIN with no END (the END deleted by hand) takes the
// block to the end of the list; the END is written back next time.
func parseAGRules(rules []string) agRules {
	b := slices.Index(rules, agBegin)
	if b < 0 {
		return agRules{before: rules}
	}
	r := agRules{before: rules[:b], block: true}
	inside := rules[b+1:]
	if e := slices.Index(inside, agEnd); e >= 0 {
		r.after = inside[e+1:]
		inside = inside[:e]
	}
	for _, l := range inside {
		if name, ok := agDenyName(l); ok {
			r.ours = append(r.ours, name)
		} else if strings.TrimSpace(l) != "" {
			r.other = append(r.other, l)
		}
	}
	return r
}

// agDenyName returns the host name of a whole-domain deny rule
// "||name^", the only form of line this package writes or counts.
func agDenyName(line string) (string, bool) {
	name, ok := strings.CutPrefix(line, "||")
	if !ok {
		return "", false
	}
	name, ok = strings.CutSuffix(name, "^")
	if !ok || name == "" || strings.ContainsAny(name, "|^$/*@# \t") {
		return "", false
	}
	return name, true
}

// userDenied returns the names the user's own lines deny.
func (r agRules) userDenied() map[string]bool {
	m := make(map[string]bool)
	for _, part := range [][]string{r.before, r.after} {
		for _, l := range part {
			if n, ok := agDenyName(l); ok {
				m[n] = true
			}
		}
	}
	return m
}

// withOurs returns the whole list with our block holding exactly names
// (and any other line found in it), and whether that differs from
// before. With no names and nothing else in the block, the block goes,
// so a list we only added to is given back as it was.
func (r agRules) withOurs(names []string) ([]string, bool) {
	if slices.Equal(names, r.ours) && (r.block || len(names) == 0) {
		return nil, false
	}
	out := slices.Clone(r.before)
	if len(names) > 0 || len(r.other) > 0 {
		out = append(out, agBegin)
		for _, n := range names {
			out = append(out, "||"+n+"^")
		}
		out = append(out, r.other...)
		out = append(out, agEnd)
	}
	return append(out, r.after...), true
}

// addAG returns rules with names added to our block, except those the
// user's own lines already deny.
func addAG(rules, names []string) ([]string, bool) {
	r := parseAGRules(rules)
	own := r.userDenied()
	next := slices.Clone(r.ours)
	for _, n := range names {
		if !own[n] && !slices.Contains(next, n) {
			next = append(next, n)
		}
	}
	return r.withOurs(next)
}

// removeAG returns rules with names taken out of our block; the user's
// own lines are never touched.
func removeAG(rules, names []string) ([]string, bool) {
	r := parseAGRules(rules)
	drop := setOf(names)
	next := slices.DeleteFunc(slices.Clone(r.ours), func(n string) bool { return drop[n] })
	return r.withOurs(next)
}
