package main

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// restartScript: a block of her profile and stories, Chromium started once
// to install the extension and let it fetch its rules, then quit; then
// started again with her stories as the page it opens, and where that
// first navigation ended up.
var restartScript = daemonUp("--browser-root / --http-port 80 --https-port 443") + `api -X POST -H 'Content-Type: application/json' \
  -d '{"hostnames":[],"paths":["instagram.com/jane.doe","instagram.com/stories/jane.doe"],"duration":"1h"}' http://d/v1/session >"$T/start.json"
run() { chromium --headless=new --no-sandbox --disable-gpu --no-first-run --remote-debugging-port=$DEVTOOLS --user-data-dir="$T/profile" "$@" >>"$T/chromium.log" 2>&1 & browser=$!; }
dev() { curl -s --max-time 5 "http://127.0.0.1:$DEVTOOLS$@"; }
run about:blank
trap 'kill $browser $daemon 2>/dev/null; wait $browser $daemon 2>/dev/null' EXIT
for i in $(seq 120); do dev /json/list | grep -q 'chrome-extension://.*background.js' && break; sleep 0.5; done
sleep 3 # its rules
kill $browser; wait $browser 2>/dev/null
run https://www.instagram.com/stories/jane.doe/
for i in $(seq 40); do dev /json/list | grep -q '"url": "http://127.78.0.1/nocontact/blocked' && break; sleep 0.25; done
dev /json/list >"$T/targets.json"
`

// TestFirstNavigationAfterABrowserStart needs root and Chromium: after a
// browser restart, the very first page it opens (her stories) goes to the
// passage, not to the network (issue 20.3).
func TestFirstNavigationAfterABrowserStart(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Chromium twice")
	}
	if _, err := exec.LookPath("chromium"); err != nil {
		testutil.Missing(t, "needs chromium (make deps installs it)")
	}
	checkSinkholePorts(t)
	dir := newScratch(t, "")
	out, err := inNamespace(t, string(dir), restartScript, []string{"curl"}, "DEVTOOLS="+freePort(t))
	if err != nil {
		t.Fatalf("namespace script: %v\n%s\ndaemon log:\n%s", err, out, dir.read("daemon.log"))
	}
	got := dir.read("targets.json")
	if !strings.Contains(got, `"url": "http://127.78.0.1/nocontact/blocked?host=instagram.com`) || !strings.Contains(got, `path=%2Fstories%2Fjane.doe"`) {
		t.Errorf("the first navigation after a restart was not answered with the passage:\n%s", got)
	}
}
