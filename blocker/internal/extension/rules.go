package extension

import (
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// Rules is what the extension fetches from the sinkhole: redirect rules
// for declarativeNetRequest (a top-level visit to a blocked name or
// profile) and the profile patterns it checks in-page navigations against.
type Rules struct {
	DNR   []Rule      `json:"dnr"`
	Paths []PathMatch `json:"paths"`
}

// Rule is one declarativeNetRequest rule.
type Rule struct {
	ID        int       `json:"id"`
	Priority  int       `json:"priority"`
	Action    Action    `json:"action"`
	Condition Condition `json:"condition"`
}

// Action redirects to a URL.
type Action struct {
	Type     string            `json:"type"`
	Redirect map[string]string `json:"redirect"`
}

// Condition matches top-level navigations by domain or by URL pattern.
type Condition struct {
	RequestDomains []string `json:"requestDomains,omitempty"`
	RegexFilter    string   `json:"regexFilter,omitempty"`
	CaseSensitive  *bool    `json:"isUrlFilterCaseSensitive,omitempty"`
	ResourceTypes  []string `json:"resourceTypes"`
}

// PathMatch is a profile's pattern and where its page is.
type PathMatch struct {
	Regex    string `json:"regex"`
	Redirect string `json:"redirect"`
}

// BlockedURL is the sinkhole's page for a redirected visit.
func BlockedURL(sinkhole, host, path string) string {
	q := url.Values{"host": {host}}
	if path != "" {
		q.Set("path", path)
	}
	return sinkhole + "/nocontact/blocked?" + q.Encode()
}

// PathRegex matches a profile path ("instagram.com/jane.doe") on the host
// and its subdomains, any port, and nothing but the profile itself, pages
// below it, a query or a fragment: never /jane.doe.other. A path with a
// query ("facebook.com/profile.php?id=4") matches that page with the
// key=value among its parameters, never id=45. It matches the path as the
// platforms serve it, not only the bytes typed: repeated slashes
// (//jane.doe) and ";" parameters after a segment (/jane.doe;x) are
// ignored, and rules are applied without regard to case. Percent-escapes
// of unreserved characters (/jane%2Edoe) are decoded before a URL is
// matched by the extension's canonical (src/canon.js); a
// declarativeNetRequest rule sees the URL as typed, so such a URL reaches
// the page, where the extension sends the tab to the passage.
func PathRegex(path string) string {
	return `^https?://` + hostAndPath(path)
}

// hostAndPath is PathRegex without its scheme: the host and its
// subdomains, any port, the path and query.
func hostAndPath(path string) string {
	host, p, q := api.SplitPath(path)
	var b strings.Builder
	b.WriteString(`([^/?#]+\.)?` + regexp.QuoteMeta(host) + `(:[0-9]+)?`)
	for _, seg := range strings.Split(strings.TrimPrefix(p, "/"), "/") {
		b.WriteString(`/+` + regexp.QuoteMeta(seg) + `(;[^/?#]*)?`)
	}
	if q != "" {
		b.WriteString(`/*\?([^#]*&)?` + regexp.QuoteMeta(q) + `(&|#|$)`)
	} else {
		b.WriteString(`([/?#]|$)`)
	}
	return b.String()
}

// RulesFor turns a session's hostnames and profile paths (validated by
// the daemon) into the extension's rules; sinkhole is "http://127.78.0.1".
// Each path is also refused on the translation proxy's hosts
// (api.WrappedPaths) and inside a web archive's address (ArchiveRegexes).
func RulesFor(sinkhole string, hostnames, paths []string) []byte {
	r := Rules{DNR: []Rule{}, Paths: []PathMatch{}}
	mainFrame := []string{"main_frame"}
	no := false
	for _, h := range hostnames {
		r.DNR = append(r.DNR, Rule{ID: len(r.DNR) + 1, Priority: 1,
			Action:    Action{Type: "redirect", Redirect: map[string]string{"url": BlockedURL(sinkhole, h, "")}},
			Condition: Condition{RequestDomains: []string{h}, ResourceTypes: mainFrame}})
	}
	add := func(p, re string) {
		host, rest, _ := strings.Cut(p, "/")
		to := BlockedURL(sinkhole, host, "/"+rest)
		r.DNR = append(r.DNR, Rule{ID: len(r.DNR) + 1, Priority: 2,
			Action:    Action{Type: "redirect", Redirect: map[string]string{"url": to}},
			Condition: Condition{RegexFilter: re, CaseSensitive: &no, ResourceTypes: mainFrame}})
		r.Paths = append(r.Paths, PathMatch{Regex: re, Redirect: to})
	}
	for _, p := range paths {
		add(p, PathRegex(p))
	}
	for _, p := range paths { // the page in the tab names the person, not the proxy
		for _, w := range api.WrappedPaths([]string{p}) {
			if !slices.Contains(paths, w) {
				add(p, PathRegex(w))
			}
		}
	}
	for _, p := range archived(paths) {
		for _, re := range ArchiveRegexes(p) {
			add(p, re)
		}
	}
	b, _ := json.Marshal(r)
	return b
}
