package main

import (
	"fmt"
	"html"
	"net/http"
	"os/exec"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// extensionScript: nocontactd on the real sinkhole ports in a private
// /etc, a session blocking a hostname and a profile path, and Chromium
// (headless, with its DevTools endpoint) left running long enough to
// force-install the extension from the sinkhole; then a tab for the
// profile and one for the blocked name, and where each ended up.
var extensionScript = daemonUp("--browser-root / --http-port 80 --https-port 443") + `api -X POST -H 'Content-Type: application/json' \
  -d '{"hostnames":["x.com","www.x.com"],"paths":["instagram.com/jane.doe","instagram.com/stories/jane.doe","pathbook.example/jane.doe"],"duration":"1h"}' http://d/v1/session >"$T/start.json"
cp /etc/chromium/policies/managed/nocontact.json "$T/policy.json" 2>/dev/null || true
chromium --headless=new --no-sandbox --disable-gpu --no-first-run --remote-debugging-port=$DEVTOOLS \
  --user-data-dir="$T/profile" about:blank >"$T/chromium.log" 2>&1 &
browser=$!
# Chromium's helpers (crashpad, the zygote) outlive it for a moment and go
# on writing its profile: wait for them too, or the clean-up races them.
trap 'kill $browser $daemon 2>/dev/null; wait $browser $daemon 2>/dev/null; pkill -f -- "--user-data-dir=$T/profile" || true; for i in $(seq 50); do pgrep -f -- "$T/profile" >/dev/null || break; sleep 0.1; done' EXIT
dev() { curl -s --max-time 5 "http://127.0.0.1:$DEVTOOLS$@"; }
for i in $(seq 120); do dev /json/list | grep -q 'chrome-extension://.*background.js' && break; sleep 0.5; done
dev /json/list >"$T/targets-before.json"
sleep 2 # the extension fetches its rules
for u in https://x.com/ https://www.instagram.com/jane.doe/ https://www.instagram.com/other/ https://www.instagram.com/stories/jane.doe/3141/ \
    "http://www.pathbook.example:$PORT/feed" "http://www.pathbook.example:$PORT/jane.doe.other" \
    https://www.instagram.com/jane%2Edoe/ https://www.instagram.com/%6Aane.doe https://www.instagram.com//jane.doe \
    "http://www.pathbook.example:$PORT/%6Aane.doe" "http://www.pathbook.example:$PORT//jane.doe;x" "http://www.pathbook.example:$PORT/JANE.DOE" \
    "http://web.archive.org:$PORT/web/2024/https://www.instagram.com/jane.doe/" "http://web.archive.org:$PORT/web/2024/https://www.instagram.com/other/" \
    https://www-instagram-com.translate.goog/jane.doe https://www.instagram.com/JANE.DOE/; do
  dev "/json/new?$u" -X PUT >/dev/null
done
sleep 5
dev /json/list >"$T/targets.json"
curl -s --max-time 5 'http://127.78.0.1/nocontact/blocked?host=instagram.com&path=%2Fjane.doe' >"$T/page.html"
api 'http://d/v1/events' >"$T/events.json"
api -X POST http://d/v1/cleanup >/dev/null
ls /etc/chromium/policies/managed >"$T/after-ls" 2>&1 || true
sleep 6 # Chromium sees the policy go
dev "/json/new?http://www.pathbook.example:$PORT/jane.doe" -X PUT >/dev/null
sleep 3
dev /json/list >"$T/targets-after.json"
`

// TestExtensionAnswersInTheTab needs root and Chromium: the daemon's own
// extension, force-installed from the sinkhole, sends a tab for a blocked
// profile or name to the passage, and leaves other pages alone.
func TestExtensionAnswersInTheTab(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Chromium for about 20 s")
	}
	if _, err := exec.LookPath("chromium"); err != nil {
		testutil.Missing(t, "needs chromium (make deps installs it)")
	}
	checkSinkholePorts(t)
	port := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed" { // a single-page app moving to a profile without a load
			fmt.Fprint(w, `<p>feed</p><script>setTimeout(() => history.pushState({}, "", "/jane.doe"), 500)</script>`)
			return
		}
		fmt.Fprintf(w, "<p>served %s</p>", r.URL.Path)
	})
	dir := newScratch(t, "127.0.0.1 www.pathbook.example pathbook.example web.archive.org\n")
	read := dir.read
	out, err := inNamespace(t, string(dir), extensionScript, []string{"curl"}, "PORT="+port, "DEVTOOLS="+freePort(t))
	if err != nil {
		t.Fatalf("namespace script: %v\n%s\ndaemon log:\n%s", err, out, read("daemon.log"))
	}
	if !strings.Contains(read("policy.json"), "ExtensionInstallForcelist") {
		t.Fatalf("the policy does not force-install the extension: %s", read("policy.json"))
	}
	if !strings.Contains(read("targets-before.json"), "chrome-extension://") {
		t.Fatalf("Chromium did not install the extension from the sinkhole.\npolicy: %s\ntargets: %s\nchromium log:\n%.3000s",
			read("policy.json"), read("targets-before.json"), read("chromium.log"))
	}
	targets := read("targets.json")
	for _, want := range []string{
		"http://127.78.0.1/nocontact/blocked?host=x.com",                                         // a name, over HTTPS
		"http://127.78.0.1/nocontact/blocked?host=instagram.com\u0026path=%2Fjane.doe",           // a profile, over HTTPS
		"http://127.78.0.1/nocontact/blocked?host=instagram.com\u0026path=%2Fstories%2Fjane.doe", // their stories
		"http://127.78.0.1/nocontact/blocked?host=pathbook.example\u0026path=%2Fjane.doe",        // an in-page move to it
		"https://www.instagram.com/other/",                                                       // the rest of the platform: not redirected
		"/jane.doe.other",                                                                        // a name that begins with the profile's
		"/web/2024/https://www.instagram.com/other/",                                             // another person in the archive: served
	} {
		if !strings.Contains(targets, `"url": "`+want) && !strings.Contains(targets, want+`"`) {
			t.Errorf("no tab at %s", want)
		}
	}
	// Issue 29.3: escaped letters, doubled slashes, a ";" parameter and
	// capitals reach the passage too, on a page that fails to load (the
	// platform's own name, without DNS here) and on one that is served.
	// Issue 34: and so do the archive's and Google Translate's copies and
	// /JANE.DOE (7 in all), each page naming the person.
	for want, n := range map[string]int{"host=instagram.com\u0026path=%2Fjane.doe\"": 7, "host=pathbook.example\u0026path=%2Fjane.doe\"": 4} {
		if got := strings.Count(targets, want); got < n {
			t.Errorf("%d tabs at %s, want %d (one per form of the profile)", got, want, n)
		}
	}
	if t.Failed() {
		t.Logf("tabs: %s", targets)
	}
	if page := html.UnescapeString(read("page.html")); !quotesArticle(page) || !namesPerson(page) {
		t.Errorf("the page a blocked tab shows quotes no passage of the article, or does not name the person: %.300s", page)
	}
	ev := read("events.json")
	for _, want := range []string{`"host":"x.com","scheme":"https"`, `"host":"instagram.com","scheme":"https"`} {
		if !strings.Contains(ev, want) {
			t.Errorf("no visit %s recorded: %s", want, ev)
		}
	}
	if strings.Contains(read("after-ls"), "nocontact.json") {
		t.Error("the policy (and with it the extension) is still there after the session")
	}
	profile := `"url": "http://www.pathbook.example:` + port + `/jane.doe"`
	if after := read("targets-after.json"); !strings.Contains(after, profile) {
		t.Errorf("after the session the profile is still redirected: %s", after)
	}
}

// namesPerson reports whether a page in the tab names the person, as the
// platform's profile or as the stand-in's address (a site the catalogue
// does not know is named by its address).
func namesPerson(page string) bool {
	return strings.Contains(page, "You tried to open jane.doe\u2019s profile on Instagram") ||
		strings.Contains(page, "You tried to open pathbook.example/jane.doe")
}
