package extension

import (
	"regexp"
	"slices"
	"strings"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// archivePrefixes match the start of an archive's address that carries
// another site's URL, up to where the archived URL begins: the Wayback
// Machine's /web/TIMESTAMP/ (any timestamp, "*", "2024id_"), and
// archive.today's /, /newest/, /oldest/ or /TIMESTAMP/ on each of its
// names (api.ArchiveToday); any port. Two patterns, not one: each stays within the
// memory a browser's regex engine allows a rule.
var archivePrefixes = func() []string {
	var tlds []string
	for _, h := range api.ArchiveToday {
		tlds = append(tlds, regexp.QuoteMeta(strings.TrimPrefix(h, "archive.")))
	}
	return []string{
		`^https?://` + regexp.QuoteMeta(api.WaybackHost) + `(:[0-9]+)?/+web/+[^/]*/+(https?:/+)?`,
		`^https?://(www\.)?archive\.(` + strings.Join(tlds, "|") + `)(:[0-9]+)?/+((newest|oldest|[0-9][0-9.-]*)/+)?(https?:/+)?`,
	}
}()

// ArchiveRegexes match a profile path inside an archive's address,
// whatever the capture's time and with or without the archived URL's
// scheme: web.archive.org/web/2024/https://www.instagram.com/jane.doe/,
// archive.ph/newest/instagram.com/jane.doe; never .../jane.doe.other or
// another person. The Wayback Machine's search for addresses that begin
// with the profile's (web.archive.org/web/*/instagram.com/jane.doe*) is
// refused too. They are applied without regard to case, as PathRegex.
func ArchiveRegexes(path string) []string {
	re := hostAndPath(path)
	if end := `([/?#]|$)`; strings.HasSuffix(re, end) {
		re = strings.TrimSuffix(re, end) + `([/?#*]|$)`
	}
	var out []string
	for _, p := range archivePrefixes {
		out = append(out, p+re)
	}
	return out
}

// archived are the paths an archive can show: those without a query (a
// data endpoint's query is not archived under a person's address), each
// once whatever its case (the rules ignore case).
func archived(paths []string) []string {
	var out, seen []string
	for _, p := range paths {
		if _, _, q := api.SplitPath(p); q != "" || slices.Contains(seen, strings.ToLower(p)) {
			continue
		}
		seen = append(seen, strings.ToLower(p))
		out = append(out, p)
	}
	return out
}
