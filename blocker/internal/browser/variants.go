package browser

import (
	"slices"
	"strings"
	"unicode"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// A Chromium URL filter matches a path case by case, and the platforms
// read a name in any case: /JANE.DOE is jane.doe's profile. Any mix of
// cases is more than a list can hold (2^n forms of an n-letter name), so
// the list holds, besides the path as saved and in lower case (the
// profile's Paths), the name in upper case (/JANE.DOE) and with each part
// capitalised (/Jane.Doe, /Jane.doe). A rarer mix (/jAnE.doe), an escaped
// letter (/%6Aane.doe), repeated slashes (//jane.doe) or a ";" parameter
// after a name on a host whose carve-outs keep it open are beyond what a
// URL filter can say: the extension holds those (it matches any case and
// decodes the URL first), and nothing does in a browser started with
// --disable-extensions; the window says so.

// caseVariants returns the other cases of the last segment of a blocked
// path that the list holds; none for a path with a query (a number, or a
// name in a parameter the platform's data endpoint reads).
func caseVariants(path string) []string {
	host, p, q := api.SplitPath(path)
	if q != "" {
		return nil
	}
	i := strings.LastIndexByte(p, '/')
	dir, name := p[:i+1], p[i+1:]
	var out []string
	for _, v := range []string{strings.ToUpper(name), titleParts(name), titleFirst(name)} {
		if e := host + dir + v; v != name && v != strings.ToLower(name) && e != path && !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	return out
}

// titleParts capitalises each run of letters: jane.doe is Jane.Doe.
func titleParts(s string) string {
	r := []rune(strings.ToLower(s))
	for i := range r {
		if i == 0 || !unicode.IsLetter(r[i-1]) && !unicode.IsDigit(r[i-1]) {
			r[i] = unicode.ToUpper(r[i])
		}
	}
	return string(r)
}

// titleFirst capitalises the first letter: jane.doe is Jane.doe, and
// @jane.doe is @Jane.doe.
func titleFirst(s string) string {
	r := []rune(strings.ToLower(s))
	for i := range r {
		if unicode.IsLetter(r[i]) {
			r[i] = unicode.ToUpper(r[i])
			break
		}
	}
	return string(r)
}

// withCaseVariants appends to block the case variants of paths, as many
// as fit in room entries; it reports whether all did.
func withCaseVariants(block, paths []string, room int) ([]string, bool) {
	for _, p := range paths {
		for _, v := range caseVariants(p) {
			if slices.Contains(block, v) {
				continue
			}
			if room <= 0 {
				return block, false
			}
			block, room = append(block, v), room-1
		}
	}
	return block, true
}
