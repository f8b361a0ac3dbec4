package browser

import (
	"slices"
	"strings"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// nextChars are the characters that can continue a profile name. A
// Chromium URL filter matches a path prefix, so "instagram.com/jane.doe"
// also blocks /jane.doe.other; an allow entry for each possible next
// character ("instagram.com/jane.doe.", ...) is longer, so it wins, and
// only /jane.doe itself, /jane.doe/... and /jane.doe?... stay blocked.
const nextChars = "abcdefghijklmnopqrstuvwxyz0123456789._-"

// Chromium picks, for a URL, an exact-host filter (".host") over any that
// matches subdomains, then the filters of the longest host that has one
// matching, then the longest path, then the most query tokens, and an
// allow filter wins a tie (chromium.org/administrators/url-blocklist-
// filter-format; FilterTakesPrecedence). So an allow entry c can unblock a
// blocked path b in two ways, and carveOuts never writes such an entry:
//   - on the same host, when c's path begins with b's: equal, it ties,
//     which allow wins; longer, it beats b where b's own carve-outs do not
//     reach (an upper-case letter, a "/" after b's path);
//   - on a subdomain of b's host, when either path begins with the other
//     (c's host is tried first, and c matches there).
//
// A carve-out on a host blocked whole is dropped too: that host is blocked
// in every path, so there is nothing to keep open.

// carveOuts returns the allow entries that keep names beginning with a
// blocked one open, none of which unblocks a URL that paths, variants (the
// case variants the list also blocks, which get no carve-outs of their
// own) or whole block, or ok=false when they would hold more than max
// entries.
func carveOuts(paths, variants, whole []string, max int) (allow []string, ok bool) {
	all := slices.Concat(paths, variants)
	blocked := make([]hostPath, len(all)) // split once: unblocks is the inner loop
	for i, p := range all {
		blocked[i].host, blocked[i].path, blocked[i].query = api.SplitPath(p)
		blocked[i].dotHost = "." + blocked[i].host
		blocked[i].variant = i >= len(paths)
	}
	seen := map[string]bool{}
	for _, b := range blocked[:len(paths)] {
		if b.query != "" || slices.Contains(whole, b.host) {
			continue // a query entry names one page; nothing begins with it
		}
		if !addCarveOuts(b.host, b.path, blocked, seen, &allow, max) {
			return nil, false
		}
	}
	slices.Sort(allow)
	return allow, true
}

// addCarveOuts adds host+path+c for each next character c, or, where that
// would unblock a blocked path, the safe entries below it.
func addCarveOuts(host, path string, blocked []hostPath, seen map[string]bool, allow *[]string, max int) bool {
	for _, c := range nextChars {
		cand := path + string(c)
		switch unblocks(host, cand, blocked) {
		case conflictNone:
			if e := host + cand; !seen[e] {
				if len(*allow) >= max {
					return false
				}
				seen[e] = true
				*allow = append(*allow, e)
			}
		case conflictLonger:
			if !addCarveOuts(host, cand, blocked, seen, allow, max) {
				return false
			}
		}
	}
	return true
}

// hostPath is a blocked path split as api.SplitPath splits it.
type hostPath struct {
	host, path, query, dotHost string
	variant                    bool // a case variant: no carve-outs of its own
}

type conflict int

const (
	conflictNone   conflict = iota // the entry unblocks nothing blocked
	conflictDrop                   // it would: leave it out
	conflictLonger                 // it would, but entries below it may not
)

// unblocks tells what an allow entry host+path would do to the blocked
// paths: nothing, unblock one (drop it), or unblock one only through the
// names below it (try those instead).
func unblocks(host, path string, blocked []hostPath) conflict {
	worst := conflictNone
	for _, b := range blocked {
		sub := strings.HasSuffix(host, b.dotHost) // host is a subdomain of b's
		switch {
		case b.host == host && strings.HasPrefix(path, b.path) && (b.variant || !carvedBelow(path, b.path)):
			return conflictDrop
		case sub && strings.HasPrefix(path, b.path):
			return conflictDrop
		case sub && strings.HasPrefix(b.path, path):
			worst = conflictLonger
		}
	}
	return worst
}

// carvedBelow reports whether path goes on from the blocked bp with a
// character that bp's own carve-outs keep open.
func carvedBelow(path, bp string) bool {
	return len(path) > len(bp) && strings.IndexByte(nextChars, path[len(bp)]) >= 0
}
