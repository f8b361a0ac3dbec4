package browser

import (
	"slices"
	"strings"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// A profile can be read through a general-purpose site that shows any
// other site's pages: Google's translation proxy
// (www-instagram-com.translate.goog/jane.doe) and web archives
// (web.archive.org/web/2024/https://www.instagram.com/jane.doe/,
// archive.ph/newest/...). Such sites are never blocked whole.
//
// The translation proxy keeps the path, so its addresses are ordinary
// profile paths (api.WrappedPaths) that both browsers' lists can say. An
// archive puts the profile's URL after a capture time that varies: a
// Chromium URL filter matches a path prefix only and has no wildcard
// inside a path (chromium.org/administrators/url-blocklist-filter-format),
// so Chromium's list cannot say it and only the extension refuses those
// there; Firefox's WebsiteFilter takes match patterns, whose path is a
// glob with "*" anywhere, and it lower-cases the URL before it matches, so
// it holds every archive address of the profile in any case.

// withWrapped appends to block the profile paths on the translation
// proxy's hosts and their case variants, as many as fit in room entries
// in all; it reports whether all did.
func withWrapped(block, paths []string, room int) ([]string, bool) {
	wrapped := api.WrappedPaths(paths)
	for _, p := range wrapped {
		if slices.Contains(block, p) {
			continue
		}
		if len(block) >= room {
			return block, false
		}
		block = append(block, p)
	}
	return withCaseVariants(block, wrapped, room-len(block))
}

// firefoxWrapped appends to block the WebsiteFilter patterns of the
// profile paths on the translation proxy and in archives, as many as fit
// in room entries beside what block holds; it reports whether all did.
func firefoxWrapped(block, paths []string, room int) ([]string, bool) {
	var more []string
	for _, p := range api.WrappedPaths(paths) {
		more = append(more, firefoxPatterns(p)...)
	}
	for _, p := range paths {
		more = append(more, archivePatterns(p)...)
	}
	for _, m := range more {
		if slices.Contains(block, m) {
			continue
		}
		if len(block) >= room {
			return block, false
		}
		block = append(block, m)
	}
	return block, true
}

// archivePatterns are the WebsiteFilter patterns of a profile path inside
// an archive's address, whatever the capture's time and scheme: the
// profile's page ending the address, or followed by "/" and more; none for
// a path with a query. Firefox lower-cases the URL, so the path is written
// in lower case.
func archivePatterns(path string) []string {
	host, p, q := api.SplitPath(strings.ToLower(path))
	if q != "" {
		return nil
	}
	var out []string
	for _, a := range append([]string{api.WaybackHost + "/web"}, api.ArchiveToday...) {
		base := "*://" + a + "/*" + host + p
		out = append(out, base, base+"/*")
	}
	return out
}
