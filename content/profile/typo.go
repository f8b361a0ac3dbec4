package profile

import (
	"strings"

	"golang.org/x/net/publicsuffix"
)

// LookAlike is a platform whose domain a website's looks like a typo of:
// "instagam.com" for Instagram.
type LookAlike struct {
	Platform *Platform
	Typed    string // the registrable domain as typed: "instagam.com"
	Domain   string // the platform's: "instagram.com"
}

// LookAlike reports the known platform whose domain p's site is a small
// edit away from (at most two letters changed, missing, added or swapped
// in the name before the suffix; one for names of four or five letters;
// none for shorter ones, where every word is near some name), so that a
// typo is asked about rather than saved as a site no one visits.
func (p Profile) LookAlike() (LookAlike, bool) {
	if p.Platform != "website" || p.Host == "" {
		return LookAlike{}, false
	}
	typed, err := publicsuffix.EffectiveTLDPlusOne(p.Host)
	if err != nil {
		return LookAlike{}, false
	}
	label, _, _ := strings.Cut(typed, ".")
	best, bestDist := LookAlike{}, 3
	for _, pl := range catalogue {
		for _, d := range pl.Domains {
			theirs, _, _ := strings.Cut(d, ".")
			if d == typed || len(theirs) < 4 {
				continue
			}
			limit := 2
			if len(theirs) < 6 {
				limit = 1
			}
			if dist := editDistance(label, theirs); dist <= limit && dist < bestDist {
				best, bestDist = LookAlike{Platform: pl, Typed: typed, Domain: d}, dist
			}
		}
	}
	return best, best.Platform != nil
}

// Fix is input with the typed domain replaced by the platform's:
// "instagam.com/jane.doe" becomes "instagram.com/jane.doe".
func (l LookAlike) Fix(input string) string {
	i := strings.Index(strings.ToLower(input), l.Typed)
	if i < 0 {
		return input
	}
	return input[:i] + l.Domain + input[i+len(l.Typed):]
}

// editDistance is the Damerau-Levenshtein distance of a and b (optimal
// string alignment: a swap of two neighbouring letters counts one), in
// bytes: domain labels are ASCII once normalised (punycode).
func editDistance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
