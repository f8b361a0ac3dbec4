package profile

import (
	"net/url"
	"slices"
	"strings"
)

// A form is one way a link shows one person on a platform:
//   - a path on each of the platform's profile domains: "/stories/{h}";
//   - a path on one domain of its own: "m.me/{h}";
//   - a host of the person's own: "{h}.medium.com" (blocked by name).
//
// In a path, {h} is the handle, @{h} the handle after an "@", {n} a
// handle of digits only, {_} any one segment (read, never blocked: a
// browser's URL list cannot say "any"), and "?key={n}" a query parameter.
// A link may go on below a form (/jane.doe/tagged is jane.doe's).
type form string

// isHost reports whether the form is a host of the person's own.
func (f form) isHost() bool { return strings.HasPrefix(string(f), "{h}.") }

// domainAndPath splits "m.me/{h}" into "m.me" and "/{h}"; a plain path
// has no domain.
func (f form) domainAndPath() (domain, path string) {
	if strings.HasPrefix(string(f), "/") {
		return "", string(f)
	}
	d, p, _ := strings.Cut(string(f), "/")
	return d, "/" + p
}

// read returns the handle a link at host (without site prefix), with
// path segments segs and query q, shows under the form.
func (f form) read(bare string, segs []string, q url.Values, reserved []string) (string, bool) {
	if f.isHost() {
		return "", false // host forms are read by subdomainProfile
	}
	domain, path := f.domainAndPath()
	if domain != "" && bare != domain {
		return "", false
	}
	tpath, tquery, _ := strings.Cut(path, "?")
	tsegs := segments(tpath)
	if len(segs) < len(tsegs) {
		return "", false
	}
	handle := ""
	for i, t := range tsegs {
		h, ok := matchSegment(t, segs[i])
		if !ok || (i == 0 && strings.HasPrefix(t, "{") && slices.Contains(reserved, strings.ToLower(segs[0]))) {
			return "", false
		}
		if h != "" {
			handle = h
		}
	}
	if tquery != "" {
		key, t, _ := strings.Cut(tquery, "=")
		h, ok := matchSegment(t, q.Get(key))
		if !ok {
			return "", false
		}
		handle = h
	}
	return handle, handle != ""
}

// matchSegment matches one template segment against a link's segment and
// returns the handle it names, if any.
func matchSegment(t, seg string) (string, bool) {
	switch t {
	case "{_}":
		return "", seg != ""
	case "{h}":
		return seg, validHandle(seg)
	case "@{h}":
		h, ok := strings.CutPrefix(seg, "@")
		return h, ok && validHandle(h)
	case "{n}":
		return seg, allDigits(seg)
	}
	return "", strings.EqualFold(t, seg)
}

// fill writes the form's path for handle h, or false when the form cannot
// be blocked (a wildcard) or does not apply (digits only, h is not).
func (f form) fill(h string) (string, bool) {
	if f.isHost() || strings.Contains(string(f), "{_}") {
		return "", false
	}
	if strings.Contains(string(f), "{n}") {
		if !allDigits(h) {
			return "", false
		}
		return strings.ReplaceAll(string(f), "{n}", h), true
	}
	return strings.ReplaceAll(string(f), "{h}", h), true
}

// allDigits reports whether s is a number: a {n} handle.
func allDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// readForms returns the handle the first of the platform's forms that
// matches the link reads.
func (pl *Platform) readForms(bare string, segs []string, q url.Values) (string, bool) {
	for _, f := range pl.forms {
		if h, ok := f.read(bare, segs, q, pl.reserved); ok {
			return h, true
		}
	}
	return "", false
}

// profileDomains are the domains a path form applies on: the platform's
// domains but its short links and redirectors, which show no profile.
func (pl *Platform) profileDomains() []string {
	var out []string
	for _, d := range pl.Domains {
		if !slices.Contains(pl.shortHosts, d) && !slices.Contains(pl.linkDomains, d) {
			out = append(out, d)
		}
	}
	return out
}
