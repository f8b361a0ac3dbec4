package main

import (
	"fmt"
	"net/http"
	"os/exec"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// browserScript runs nocontactd in a private mount namespace whose /etc
// is a copy (so the policy written to /etc/chromium never reaches the real
// one), starts a session blocking one profile path through the API, and
// asks headless Chromium for that profile, a profile whose name begins
// with it, and another page of the same site; then ends the session and
// asks again. Each answer goes to a file in $T.
var browserScript = daemonUp("--browser-root / --http-port 0 --https-port 0") + `fetch() {
  timeout 60 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" --dump-dom "$1" >"$2" 2>&1 || true
}
api -X POST -H 'Content-Type: application/json' \
  -d '{"hostnames":[],"paths":["pathbook.example/jane.doe"],"duration":"1h"}' http://d/v1/session >"$T/start.json"
cp /etc/chromium/policies/managed/nocontact.json "$T/policy.json" 2>/dev/null || true
api http://d/v1/status >"$T/status.json"
fetch "http://www.pathbook.example:$PORT/jane.doe" "$T/during-profile"
fetch "http://www.pathbook.example:$PORT/jane.doe/" "$T/during-below"
fetch "http://www.pathbook.example:$PORT/jane.doe.other" "$T/during-prefix"
fetch "http://www.pathbook.example:$PORT/friend" "$T/during-other"
fetch "chrome://policy" "$T/chrome-policy"
api -X POST http://d/v1/cleanup >"$T/cleanup.json"
ls /etc/chromium/policies/managed >"$T/after-ls" 2>&1 || true
fetch "http://www.pathbook.example:$PORT/jane.doe" "$T/after-profile"
fetch "http://www.pathbook.example:$PORT/friend" "$T/after-other"
`

// TestChromiumBlocksTheProfilePathOnly needs root (a mount namespace) and
// Chromium: the profile path is refused, the rest of the site is served,
// and after the session both are served.
func TestChromiumBlocksTheProfilePathOnly(t *testing.T) {
	if _, err := exec.LookPath("chromium"); err != nil {
		testutil.Missing(t, "needs chromium (make deps installs it)")
	}
	port := serve(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprintf(w, "<p>served %s</p>", r.URL.Path) })
	dir := newScratch(t, "127.0.0.1 www.pathbook.example pathbook.example\n")
	read := dir.read
	out, err := inNamespace(t, string(dir), browserScript, []string{"curl"}, "PORT="+port)
	if err != nil {
		t.Fatalf("namespace script: %v\n%s\ndaemon log:\n%s", err, out, read("daemon.log"))
	}
	t.Logf("policy written:\n%s", read("policy.json"))
	for _, c := range []struct{ file, want string }{
		{"during-profile", "ERR_BLOCKED_BY_ADMINISTRATOR"},
		{"during-below", "ERR_BLOCKED_BY_ADMINISTRATOR"},
		{"during-prefix", "served /jane.doe.other"},
		{"during-other", "served /friend"},
		{"after-profile", "served /jane.doe"},
		{"after-other", "served /friend"},
	} {
		if got := read(c.file); !strings.Contains(got, c.want) {
			t.Errorf("%s: want %q in the page, got %.300q", c.file, c.want, got)
		}
	}
	if !strings.Contains(read("status.json"), `"covered":true`) {
		t.Errorf("status does not list Chromium as covered: %s", read("status.json"))
	}
	if !strings.Contains(read("policy.json"), `"DnsOverHttpsMode": "off"`) {
		t.Errorf("DnsOverHttpsMode is not off in the policy: %s", read("policy.json"))
	}
	if !strings.Contains(read("chrome-policy"), "DnsOverHttpsMode") {
		t.Log("chrome://policy did not render headless; the policy file was checked")
	}
	if ls := read("after-ls"); strings.Contains(ls, "nocontact.json") {
		t.Errorf("the policy is still there after the session: %s", ls)
	}
}
