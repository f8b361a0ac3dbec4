package extension

import (
	"encoding/json"
	"regexp"
	"testing"
)

// A blocked profile is refused inside an archive's address and on the
// translation proxy, in any case, and nobody else is.
func TestArchivesAndTranslationCarryOnlyThePerson(t *testing.T) {
	var r Rules
	if err := json.Unmarshal(RulesFor("http://127.78.0.1", nil, []string{"instagram.com/jane.doe"}), &r); err != nil {
		t.Fatal(err)
	}
	var res []*regexp.Regexp
	for _, p := range r.Paths {
		res = append(res, regexp.MustCompile("(?i)"+p.Regex))
	}
	matches := func(url string) bool {
		for _, re := range res {
			if re.MatchString(url) {
				return true
			}
		}
		return false
	}
	for url, want := range map[string]bool{
		"https://web.archive.org/web/2024/https://www.instagram.com/jane.doe/":        true,
		"https://web.archive.org/web/20240101000000id_/http://instagram.com/jane.doe": true,
		"https://web.archive.org/web/*/instagram.com/jane.doe*":                       true,
		"https://web.archive.org/web/2024/https:/www.instagram.com/JANE.DOE":          true, // as canon.js collapses slashes
		"https://web.archive.org/web/2024/https://www.instagram.com/other/":           false,
		"https://web.archive.org/web/2024/https://www.instagram.com/jane.doe.other/":  false,
		"https://web.archive.org/web/2024/https://notinstagram.com/jane.doe/":         false,
		"https://web.archive.org/":                                                   false,
		"https://archive.ph/newest/https://www.instagram.com/jane.doe/":              true,
		"http://web.archive.org:8080/web/2024/https://www.instagram.com/jane.doe/":   true,
		"https://archive.ph:443/https://www.instagram.com/jane.doe/":                 true,
		"https://archive.is/https://instagram.com/jane.doe":                          true,
		"https://archive.today/2024.01.01-000000/https://www.instagram.com/Jane.Doe": true,
		"https://archive.ph/AbCdE":                                                   false,
		"https://www-instagram-com.translate.goog/jane.doe?_x_tr_sl=auto":            true,
		"https://instagram-com.translate.goog/JANE.DOE/":                             true,
		"https://www-instagram-com.translate.goog/other":                             false,
		"https://www-instagram-com.translate.goog/jane.doe.other":                    false,
	} {
		if matches(url) != want {
			t.Errorf("%s: refused %v, want %v", url, !want, want)
		}
	}
}

// The page in the tab names the person, not the archive or the proxy.
func TestWrappedRulesRedirectToThePerson(t *testing.T) {
	var r Rules
	if err := json.Unmarshal(RulesFor("http://127.78.0.1", nil, []string{"instagram.com/jane.doe"}), &r); err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Paths {
		if p.Redirect != BlockedURL("http://127.78.0.1", "instagram.com", "/jane.doe") {
			t.Errorf("%s redirects to %s", p.Regex, p.Redirect)
		}
	}
}
