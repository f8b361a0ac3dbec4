//go:build !windows

package extension

import (
	"encoding/json"
	"os/exec"
	"regexp"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// TestCanonicalWithNode runs src/canon.js, the extension's canonical form
// of a URL, under Node.js, and matches what it gives against the rules'
// patterns: every way of writing a blocked profile that the platform
// serves as the profile is matched; other people are not (issue 29.3).
func TestCanonicalWithNode(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		testutil.Missing(t, "needs node (make deps installs nodejs) to run the extension's canon.js")
	}
	cases := map[string]bool{
		"https://www.instagram.com/jane%2Edoe/":                                        true,
		"https://www.instagram.com/%6Aane.doe":                                         true,
		"https://www.instagram.com/%4Aane.DOE":                                         true,
		"https://www.instagram.com/jane%2edoe;x?a=1":                                   true,
		"https://www.instagram.com//jane.doe":                                          true,
		"https://www.instagram.com/jane.doe;x":                                         true,
		"https://www.instagram.com/Jane.Doe":                                           true,
		"https://www.instagram.com/stories/JANE.DOE/":                                  true,
		"https://www.instagram.com/jane%2Fdoe":                                         false, // an escaped slash is not decoded
		"https://www.instagram.com/jane.doe%2Eother":                                   false,
		"https://www.instagram.com/someone.else":                                       false,
		"https://www.instagram.com/api/v1/users/web_profile_info/?username=jane%2Edoe": true,
		"https://www.instagram.com/api/v1/users/web_profile_info/?username=jane.doe2":  false,
	}
	var urls []string
	for u := range cases {
		urls = append(urls, u)
	}
	in, _ := json.Marshal(urls)
	script := `const {canonical} = require("./src/canon.js"); console.log(JSON.stringify(` + string(in) + `.map(canonical)))`
	cmd := exec.Command(node, "-e", script)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var canon []string
	testutil.Must(t, json.Unmarshal(out, &canon))
	var res []*regexp.Regexp
	for _, p := range []string{"instagram.com/jane.doe", "instagram.com/stories/jane.doe", "instagram.com/api/v1/users/web_profile_info?username=jane.doe"} {
		res = append(res, regexp.MustCompile("(?i)"+PathRegex(p)))
	}
	for i, u := range urls {
		got := false
		for _, re := range res {
			got = got || re.MatchString(canon[i])
		}
		if got != cases[u] {
			t.Errorf("%s (canonical %s): blocked %v, want %v", u, canon[i], got, cases[u])
		}
	}
}
