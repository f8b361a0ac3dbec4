package browser

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// A model of Chromium's URLBlocklist/URLAllowlist matching, as its filter
// format documents it: the filters of the longest host that has a match
// decide (a filter without a leading dot also matches subdomains), among
// them the longest path, then the most query tokens, and allow wins a tie.

type filter struct {
	exact      bool
	host, path string
	query      []string // "key=value"
	allow      bool
}

func parseFilter(s string, allow bool) filter {
	f := filter{allow: allow}
	if strings.HasPrefix(s, ".") {
		f.exact, s = true, s[1:]
	}
	host, rest, _ := strings.Cut(s, "/")
	f.host = host
	if rest != "" || strings.Contains(s, "/") {
		p, q, _ := strings.Cut("/"+rest, "?")
		f.path = p
		if q != "" {
			f.query = strings.Split(q, "&")
		}
	}
	return f
}

type modelURL struct {
	host, path string
	query      []string
}

func (f filter) matches(level string, u modelURL) bool {
	if f.host != level || (f.exact && level != u.host) || !strings.HasPrefix(u.path, f.path) {
		return false
	}
	for _, q := range f.query {
		if !slices.Contains(u.query, q) {
			return false
		}
	}
	return true
}

// blockedByModel says whether Chromium would refuse u under the lists.
func blockedByModel(block, allow []string, u modelURL) bool {
	var filters []filter
	for _, b := range block {
		filters = append(filters, parseFilter(b, false))
	}
	for _, a := range allow {
		filters = append(filters, parseFilter(a, true))
	}
	for level := u.host; level != ""; {
		var best *filter
		for i, f := range filters {
			if !f.matches(level, u) {
				continue
			}
			if best == nil || better(f, *best) {
				best = &filters[i]
			}
		}
		if best != nil {
			return !best.allow
		}
		_, level, _ = strings.Cut(level, ".")
	}
	return false
}

func better(f, than filter) bool {
	switch {
	case len(f.path) != len(than.path):
		return len(f.path) > len(than.path)
	case len(f.query) != len(than.query):
		return len(f.query) > len(than.query)
	}
	return f.allow && !than.allow
}

// lists returns the URLBlocklist and URLAllowlist chromiumPolicy writes.
func lists(t *testing.T, w Want) (block, allow []string) {
	t.Helper()
	b, _, _ := chromiumPolicy(Target{}, w, true, nil)
	var p struct{ URLBlocklist, URLAllowlist []string }
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatalf("policy is not JSON: %v\n%s", err, b)
	}
	return p.URLBlocklist, p.URLAllowlist
}

func TestModelOfChromiumMatching(t *testing.T) {
	block := []string{"example.net/jane.doe", ".exact.org", "facebook.com/profile.php?id=4"}
	allow := []string{"example.net/jane.doea"}
	for _, c := range []struct {
		u    modelURL
		want bool
	}{
		{modelURL{"example.net", "/jane.doe", nil}, true},
		{modelURL{"www.example.net", "/jane.doe/x", nil}, true},
		{modelURL{"example.net", "/jane.doea", nil}, false},
		{modelURL{"example.net", "/jane.doeB", nil}, true},
		{modelURL{"example.net", "/other", nil}, false},
		{modelURL{"exact.org", "/", nil}, true},
		{modelURL{"www.exact.org", "/", nil}, false},
		{modelURL{"facebook.com", "/profile.php", []string{"x=1", "id=4"}}, true},
		{modelURL{"facebook.com", "/profile.php", []string{"id=5"}}, false},
	} {
		if got := blockedByModel(block, allow, c.u); got != c.want {
			t.Errorf("%v: blocked %v, want %v", c.u, got, c.want)
		}
	}
}

// The reported case: with example.net/jane.doe blocked, adding
// example.net/jane.do made its carve-out "example.net/jane.doe" (an allow
// entry as long as the block, which wins the tie) unblock jane.doe.
func TestAddingAPathNeverUnblocksReportedCase(t *testing.T) {
	block, allow := lists(t, Want{Paths: []string{"example.net/jane.do", "example.net/jane.doe"}})
	for _, u := range []modelURL{{"example.net", "/jane.doe", nil}, {"example.net", "/jane.doe/", nil}, {"www.example.net", "/jane.doe", nil}, {"example.net", "/jane.do", nil}} {
		if !blockedByModel(block, allow, u) {
			t.Errorf("%s%s is not blocked; allow list %q", u.host, u.path, allow)
		}
	}
	if slices.Contains(allow, "example.net/jane.doe") {
		t.Errorf("the allow list holds a blocked path: %q", allow)
	}
	if !slices.Contains(allow, "example.net/jane.doex") || !slices.Contains(allow, "example.net/jane.dox") {
		t.Errorf("the carve-outs are gone too: %q", allow)
	}
}

// TestAddingNeverUnblocks is the property: for random sets of paths P (and
// names blocked whole) and any added path q, every URL blocked under P is
// still blocked under P plus q.
func TestAddingNeverUnblocks(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 26))
	hosts := []string{"example.net", "www.example.net", "m.www.example.net"}
	for round := range 400 {
		var paths []string
		for range 1 + rng.IntN(4) {
			paths = append(paths, randomPath(rng, hosts))
		}
		var whole []string
		if round%5 == 0 {
			whole = append(whole, hosts[rng.IntN(len(hosts))])
		}
		q := randomPath(rng, hosts)
		b1, a1 := lists(t, Want{Paths: uniq(paths), Hosts: whole})
		b2, a2 := lists(t, Want{Paths: uniq(append(slices.Clone(paths), q)), Hosts: whole})
		for _, u := range probeURLs(append(slices.Clone(paths), q), hosts) {
			if blockedByModel(b1, a1, u) && !blockedByModel(b2, a2, u) {
				t.Fatalf("adding %q to %q (whole %q) unblocks %s%s%v\nallow before %q\nallow after %q", q, paths, whole, u.host, u.path, u.query, a1, a2)
			}
		}
		for _, p := range paths {
			h, path, _ := api.SplitPath(p)
			if !blockedByModel(b1, a1, modelURL{h, path, nil}) {
				t.Fatalf("%q does not block itself under %q: allow %q", p, paths, a1)
			}
		}
	}
}

func uniq(in []string) []string {
	out := slices.Clone(in)
	slices.Sort(out)
	return slices.Compact(out)
}

// randomPath draws a valid path from a small alphabet, so that prefixes,
// case and subdomains collide often.
func randomPath(rng *rand.Rand, hosts []string) string {
	for {
		var b strings.Builder
		for range 1 + rng.IntN(5) {
			b.WriteByte("abA./"[rng.IntN(5)])
		}
		if p, err := api.NormalizePath(hosts[rng.IntN(len(hosts))] + "/" + b.String()); err == nil {
			return p
		}
	}
}

// probeURLs are the URLs where a carve-out could matter: each path, its
// prefixes, and each followed by every character that can follow.
func probeURLs(paths, hosts []string) []modelURL {
	var out []modelURL
	for _, p := range paths {
		_, path, _ := api.SplitPath(p)
		for i := 2; i <= len(path); i++ {
			for _, tail := range []string{"", "a", "b", "A", ".", "/", "/a", "x", "?id=1"} {
				for _, h := range hosts {
					out = append(out, modelURL{h, path[:i] + tail, nil})
				}
			}
		}
	}
	return out
}
