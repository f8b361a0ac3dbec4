package main

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// firefoxExtScript: nocontactd on the real sinkhole ports with no block,
// which already gives Firefox ESR its extension in policies.json; then
// Firefox ESR, headless with a private profile and its WebDriver BiDi
// endpoint, held open once it has installed the extension. The test
// starts the block only then: Firefox is not restarted.
var firefoxExtScript = "mkdir -p /etc/firefox\n" + daemonUp("--browser-root / --http-port 80 --https-port 443") + `
for i in $(seq 100); do grep -q ExtensionSettings /etc/firefox/policies/policies.json 2>/dev/null && break; sleep 0.1; done
cp /etc/firefox/policies/policies.json "$T/policy-between.json" 2>/dev/null || true
mkdir -p "$T/ff" # Firefox's console (the policies' and the extension's messages) to its log, for a failure to show
printf 'user_pref("browser.policies.loglevel", "debug");\nuser_pref("devtools.console.stdout.chrome", true);\n' >"$T/ff/user.js"
HOME="$T" firefox-esr --headless --no-remote -profile "$T/ff" --remote-debugging-port "$BIDI" --remote-allow-origins http://localhost \
  about:blank >"$T/firefox.log" 2>&1 &
browser=$!
trap 'kill $browser $daemon 2>/dev/null; wait $browser $daemon 2>/dev/null' EXIT
for i in $(seq 240); do grep -q '"id":"nocontact@nocontact.app"' "$T/ff/extensions.json" 2>/dev/null && break; sleep 0.25; done
cp "$T/ff/extensions.json" "$T/extensions.json" 2>/dev/null || true
sleep 1 # the extension asks for its rules
` + holdOpen + `cp /etc/firefox/policies/policies.json "$T/policy-after.json" 2>/dev/null || true
`

// TestFirefoxESRAnswersInTheTab needs root and firefox-esr: Firefox ESR,
// running since before the block, takes it at once through No Contact's
// extension (forced in by its policy, unsigned, from the sinkhole): a
// profile, in capitals, escaped, archived, or reached by an in-page move
// from a feed, and a site blocked whole, each end on the passage in the
// tab; another person's page is served; after the block the profile is
// served again (issue 33.8).
func TestFirefoxESRAnswersInTheTab(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Firefox for about 40 s")
	}
	if _, err := exec.LookPath("firefox-esr"); err != nil {
		testutil.Missing(t, "needs firefox-esr (make deps installs it)")
	}
	checkSinkholePorts(t)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed" { // a single-page app moving to a profile without a load
			fmt.Fprint(w, `<p>feed</p><script>setTimeout(() => history.pushState({}, "", "/jane.doe"), 500)</script>`)
			return
		}
		fmt.Fprintf(w, "<p>served %s</p>", r.URL.Path)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // Firefox drops connections the extension made moot
	srv.StartTLS()
	t.Cleanup(srv.Close)
	port := fmt.Sprint(srv.Listener.Addr().(*net.TCPAddr).Port)
	dir := newScratch(t, "127.0.0.1 www.instagram.com instagram.com www.pathbook.example pathbook.example web.archive.org\n")
	h := startInNamespace(t, dir, firefoxExtScript, []string{"curl"}, "BIDI="+freePort(t))
	if !strings.Contains(dir.read("policy-between.json"), `"force_installed"`) {
		t.Fatalf("with no block, Firefox's policy does not force the extension in: %s\ndaemon log:\n%s", dir.read("policy-between.json"), dir.read("daemon.log"))
	}
	if !strings.Contains(dir.read("extensions.json"), `"id":"nocontact@nocontact.app"`) {
		t.Fatalf("Firefox did not install the extension.\nprofile's extensions.json: %.2000s\nfirefox log:\n%.3000s", dir.read("extensions.json"), dir.read("firefox.log"))
	}
	bidi := newBidi(t, h)
	c := &client.Client{Socket: filepath.Join(string(dir), "d.sock")}
	ctx := context.Background()
	if _, err := c.Start(ctx, api.StartRequest{Hostnames: []string{"x.com"}, Duration: api.Duration(time.Hour),
		Paths: []string{"instagram.com/jane.doe", "pathbook.example/jane.doe"}}); err != nil {
		t.Fatal(err)
	}
	site := "https://www.instagram.com:" + port
	const profile = "http://127.78.0.1/nocontact/blocked?host=instagram.com&path=%2Fjane.doe"
	for _, v := range []struct{ url, want string }{
		{site + "/jane.doe/", profile},
		{site + "/JANE.DOE", profile},
		{site + "/jane%2Edoe", profile},
		{"https://web.archive.org:" + port + "/web/2024/https://www.instagram.com/jane.doe/", profile},
		{"https://www.pathbook.example:" + port + "/feed", "http://127.78.0.1/nocontact/blocked?host=pathbook.example&path=%2Fjane.doe"},
		{"https://x.com/", "http://127.78.0.1/nocontact/blocked?host=x.com"},
		{site + "/other/", site + "/other/"},
	} {
		at, text := bidi.visit(t, v.url, v.want)
		switch {
		case !strings.HasPrefix(at, v.want):
			t.Errorf("%s: the tab is at %s, want %s", v.url, at, v.want)
		case strings.HasPrefix(v.want, "http://127.78.0.1/") && !quotesArticle(html.UnescapeString(text)):
			t.Errorf("%s: the tab quotes no passage of the article: %.300s", v.url, text)
		}
	}
	if ev, err := c.Events(ctx, 0); err != nil || findVisit(ev, "instagram.com", "https") == nil || findVisit(ev, "x.com", "https") == nil {
		t.Errorf("the visits in Firefox were not recorded as attempts: %+v %v", ev, err)
	}
	if err := c.Cleanup(ctx); err != nil {
		t.Fatal(err)
	}
	time.Sleep(6 * time.Second)         // the extension's rules grow old,
	bidi.visit(t, site+"/other/", site) // and are asked for again at a navigation
	if at, _ := bidi.visit(t, site+"/jane.doe/", site); !strings.HasPrefix(at, site+"/jane.doe/") {
		t.Errorf("after the block the profile is at %s", at)
	}
	bidi.Close()
	if out, err := h.stop(); err != nil {
		t.Fatalf("namespace script: %v\n%s", err, out)
	}
	if got := dir.read("policy-after.json"); !strings.Contains(got, `"force_installed"`) || strings.Contains(got, "jane.doe") {
		t.Errorf("after the block Firefox's policy is %s", got)
	}
}

// bidi is a WebDriver BiDi session with Firefox.
type bidi struct{ *wire }

func newBidi(t *testing.T, h *heldNamespace) *bidi {
	t.Helper()
	var port string
	for _, kv := range h.cmd.Env {
		if p, ok := strings.CutPrefix(kv, "BIDI="); ok {
			port = p
		}
	}
	w, err := dialWire("ws://127.0.0.1:" + port + "/session")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.call("", "session.new", map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{"acceptInsecureCerts": true}}}); err != nil {
		t.Fatal(err)
	}
	return &bidi{w}
}

// visit opens url in a new tab and waits (up to 10 s) until the tab's
// address begins with want; it returns where the tab is and its text.
func (b *bidi) visit(t *testing.T, url, want string) (at, text string) {
	t.Helper()
	res, err := b.call("", "browsingContext.create", map[string]any{"type": "tab"})
	if err != nil {
		t.Fatal(err)
	}
	tab := field(res, "context")
	defer b.call("", "browsingContext.close", map[string]any{"context": tab})
	if _, err := b.call("", "browsingContext.navigate", map[string]any{"context": tab, "url": url, "wait": "none"}); err != nil && !strings.Contains(err.Error(), "NS_BINDING_ABORTED") {
		t.Logf("%s: navigate: %v", url, err) // aborted: the extension sent the tab elsewhere
	}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		res, err := b.call("", "browsingContext.getTree", map[string]any{"root": tab, "maxDepth": 0})
		var tree struct{ Contexts []struct{ URL string } }
		if err != nil || json.Unmarshal(res, &tree) != nil || len(tree.Contexts) == 0 {
			continue
		}
		if at = tree.Contexts[0].URL; strings.HasPrefix(at, want) {
			break
		}
	}
	time.Sleep(300 * time.Millisecond) // the page's text
	res, err = b.call("", "script.evaluate", map[string]any{"expression": "document.body ? document.body.innerText : ''",
		"target": map[string]any{"context": tab}, "awaitPromise": false})
	if err == nil {
		text = field(res, "result", "value")
	}
	return at, text
}
