package main

import (
	"fmt"
	"net/http"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// firefoxScript is browserScript's twin for Firefox, which reads its
// policies only at start (so every load is a new Firefox) and shows no
// text a headless run can print: what it asked for is read from the test
// server's log instead.
var firefoxScript = daemonUp("--browser-root / --http-port 0 --https-port 0") + `fetch() {
  HOME="$T" timeout 30 firefox-esr --headless -no-remote -profile "$(mktemp -d)" --screenshot "$T/shot.png" "$1" >/dev/null 2>&1 || true
}
api -X POST -H 'Content-Type: application/json' \
  -d '{"hostnames":[],"paths":["pathbook.example/jane.doe"],"duration":"1h"}' http://d/v1/session >"$T/start.json"
cp /etc/firefox/policies/policies.json "$T/policies.json" 2>/dev/null || true
fetch "http://www.pathbook.example:$PORT/jane.doe?during"
fetch "http://www.pathbook.example:$PORT/friend?during"
fetch "http://www.pathbook.example:$PORT/JANE.DOE?during"
fetch "http://www.pathbook.example:$PORT/Jane.Doe?during"
fetch "http://www.pathbook.example:$PORT/jane%2Edoe?during"
fetch "http://web.archive.org:$PORT/web/2024/https://www.pathbook.example/jane.doe/?during"
fetch "http://web.archive.org:$PORT/web/2024/https://www.pathbook.example/friend/?during"
fetch "http://www-pathbook-example.translate.goog:$PORT/jane.doe?translated"
api -X POST http://d/v1/cleanup >"$T/cleanup.json"
ls /etc/firefox/policies >"$T/after-ls" 2>&1 || true
fetch "http://www.pathbook.example:$PORT/jane.doe?after"
`

// TestFirefoxBlocksTheProfilePathOnly needs root (a mount namespace) and
// firefox-esr: during the session Firefox never asks for the profile but
// does ask for another page; after it, it asks for the profile again.
func TestFirefoxBlocksTheProfilePathOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Firefox three times")
	}
	if _, err := exec.LookPath("firefox-esr"); err != nil {
		testutil.Missing(t, "needs firefox-esr (make deps installs it)")
	}
	var mu sync.Mutex
	var asked []string
	port := serve(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked = append(asked, r.URL.RequestURI())
		mu.Unlock()
		fmt.Fprint(w, "<p>served</p>")
	})
	dir := newScratch(t, "127.0.0.1 www.pathbook.example pathbook.example web.archive.org www-pathbook-example.translate.goog\n")
	read := dir.read
	script := "mkdir -p /etc/firefox\n" + firefoxScript // /etc is the namespace's private copy
	out, err := inNamespace(t, string(dir), script, []string{"curl"}, "PORT="+port)
	if err != nil {
		t.Fatalf("namespace script: %v\n%s\ndaemon log:\n%s", err, out, read("daemon.log"))
	}
	mu.Lock()
	defer mu.Unlock()
	t.Logf("Firefox asked the server for %q", asked)
	if !strings.Contains(read("policies.json"), `"*://*.pathbook.example/jane.doe"`) {
		t.Fatalf("the policy was not written: %s", read("policies.json"))
	}
	// Issue 34: in any letter case, in an archive's copy and in Google
	// Translate's; another person's archived page is served. An escaped
	// letter is logged: Firefox matches the URL as typed, lower-cased.
	for _, p := range []string{"/jane.doe?during", "/JANE.DOE?during", "/Jane.Doe?during", "/jane.doe?translated",
		"/web/2024/https://www.pathbook.example/jane.doe/?during"} {
		if slices.ContainsFunc(asked, func(a string) bool { return strings.EqualFold(a, p) }) {
			t.Errorf("Firefox loaded %s during the session", p)
		}
	}
	if !slices.Contains(asked, "/web/2024/https://www.pathbook.example/friend/?during") {
		t.Error("Firefox did not load another person's archived page during the session")
	}
	t.Logf("/jane%%2Edoe during the session: loaded %v", slices.Contains(asked, "/jane%2Edoe?during"))
	if !slices.Contains(asked, "/friend?during") {
		t.Error("Firefox did not load another page of the site during the session")
	}
	if !slices.Contains(asked, "/jane.doe?after") {
		t.Error("Firefox did not load the profile after the session")
	}
	if strings.Contains(read("after-ls"), "policies.json") {
		t.Error("policies.json, which did not exist, is left after the session")
	}
}
