package api

import (
	"slices"
	"strings"
)

// General-purpose sites that can show any page of another site: web
// archives, archive.today and Google's translation proxy. They are never
// blocked whole; only the addresses that carry a blocked profile are.
//
//   - The Wayback Machine: web.archive.org/web/TIMESTAMP/URL, where
//     TIMESTAMP is any digits, "*" (the list of captures) or digits with a
//     suffix such as id_ (web.archive.org's own help, "Using the Wayback
//     Machine").
//   - archive.today and its mirror names (archive.ph, .is, .li, .vn, .fo,
//     .md): archive.ph/URL (the captures of URL), archive.ph/newest/URL,
//     archive.ph/oldest/URL, archive.ph/TIMESTAMP/URL (archive.ph's FAQ). A
//     capture's short id (archive.ph/AbCdE) does not carry the person.
//   - Google Translate's proxy: www.instagram.com is served as
//     www-instagram-com.translate.goog with the same path (each "-" in the
//     name doubled, each "." a "-").
//
// Google's search cache (webcache.googleusercontent.com) was shut down in
// 2024 and is not listed.
var (
	WaybackHost  = "web.archive.org"
	ArchiveToday = []string{"archive.today", "archive.ph", "archive.is", "archive.li", "archive.vn", "archive.fo", "archive.md"}
	// TranslateSuffix is the domain of Google Translate's proxy hosts.
	TranslateSuffix = "translate.goog"
)

// generalPurpose are the domains whose sites are never blocked whole.
var generalPurpose = append([]string{"archive.org", TranslateSuffix, "translate.google.com",
	"googleusercontent.com", "google.com", "bing.com", "bingj.com", "yandex.com", "yandex.ru"}, ArchiveToday...)

// GeneralPurpose reports whether host is, or is under, a site that shows
// any other site's pages (an archive, a cache, a translator): such a site
// is never blocked whole.
func GeneralPurpose(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	for _, d := range generalPurpose {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

// TranslateHosts returns the names Google's translation proxy serves host
// (and its www.) under: instagram.com is instagram-com.translate.goog and
// www-instagram-com.translate.goog.
func TranslateHosts(host string) []string {
	enc := func(h string) string {
		return strings.ReplaceAll(strings.ReplaceAll(h, "-", "--"), ".", "-") + "." + TranslateSuffix
	}
	out := []string{enc(host)}
	if !strings.HasPrefix(host, "www.") {
		out = append(out, enc("www."+host))
	}
	return out
}

// WrappedPaths returns, for profile paths, the same paths on the
// translation proxy's hosts (www-instagram-com.translate.goog/jane.doe):
// ordinary paths a browser's list and the extension's rules can say. A
// path with a query (a platform's data endpoint) has none; paths already
// in paths, or too long to be valid, are left out.
func WrappedPaths(paths []string) []string {
	var out []string
	for _, p := range paths {
		host, path, q := SplitPath(p)
		if q != "" || strings.HasSuffix(host, "."+TranslateSuffix) {
			continue
		}
		for _, th := range TranslateHosts(host) {
			if n, err := NormalizePath(th + path); err == nil && !slices.Contains(paths, n) && !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}
