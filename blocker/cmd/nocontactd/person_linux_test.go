package main

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
	"github.com/nocontact-app/nocontact/content/profile"
)

// personScript starts a block of $PATHS (a JSON list) through the API,
// adds $MORE to it as the owner would, and asks headless Chromium (a fresh
// profile, without the extension) for each URL in $URLS; each answer goes
// to $T/page-N. Private windows are closed by default: the policy file is
// kept for the test, and looked for again after the block.
var personScript = daemonUp("--browser-root / --http-port 0 --https-port 0") + `fetch() {
  timeout 60 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --ignore-certificate-errors --user-data-dir="$(mktemp -d)" --dump-dom "$1" >"$2" 2>&1 || true
}
api -X POST -H 'Content-Type: application/json' -d "{\"hostnames\":[],\"paths\":$PATHS,\"duration\":\"1h\"}" http://d/v1/session >"$T/start.json"
api -X POST -H 'Content-Type: application/json' -d "{\"add\":[],\"paths\":$MORE}" http://d/v1/session/hostnames >"$T/add.json"
cp /etc/chromium/policies/managed/nocontact.json "$T/policy.json" 2>/dev/null || true
api http://d/v1/status >"$T/status.json"
n=0
for u in $URLS; do fetch "$u" "$T/page-$n"; n=$((n+1)); done
api -X POST http://d/v1/cleanup >"$T/cleanup.json"
cat /etc/chromium/policies/managed/nocontact.json >"$T/after-policy" 2>&1 || true
`

// TestChromiumRefusesEveryFormOfAPerson needs root and Chromium: blocking
// a person on Instagram, X, TikTok and Facebook (profile reach) refuses
// every URL form of theirs in a browser without the extension, on the
// platforms' own names (pointed at a local server); another person's page
// on the same site is served; and adding example.net/jane.do to a block
// of example.net/jane.doe leaves jane.doe blocked (the carve-outs of the
// shorter name never unblock the longer).
func TestChromiumRefusesEveryFormOfAPerson(t *testing.T) {
	if _, err := exec.LookPath("chromium"); err != nil {
		testutil.Missing(t, "needs chromium (make deps installs it)")
	}
	var paths []string
	for _, link := range []string{"https://www.instagram.com/jane.doe/", "https://x.com/jane.doe", "https://www.tiktok.com/@jane.doe", "https://www.facebook.com/profile.php?id=100012345"} {
		p, err := profile.Parse(link)
		if err != nil || p.EffectiveReach() != profile.ReachProfile {
			t.Fatalf("%s: %+v %v", link, p, err)
		}
		paths = append(paths, p.Paths()...)
	}
	paths = append(paths, "example.net/jane.doe")
	// HTTPS stand-ins: Instagram and Facebook are on Chromium's HSTS
	// preload list, so a plain http:// link to them is upgraded anyway.
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprintf(w, "<p>served %s</p>", r.URL.RequestURI()) }))
	t.Cleanup(srv.Close)
	port := fmt.Sprint(srv.Listener.Addr().(*net.TCPAddr).Port)
	blocked := []string{"/jane.doe", "/stories/jane.doe/31415", "/jane.doe/tagged/", "/jane.doe/reels/", "/@jane.doe", "/@jane.doe/video/1",
		"/profile.php?id=100012345", "/profile.php?sk=about&id=100012345", "/100012345"}
	hostsFor := map[string]string{"/@jane.doe": "www.tiktok.com", "/@jane.doe/video/1": "www.tiktok.com",
		"/profile.php?id=100012345": "www.facebook.com", "/profile.php?sk=about&id=100012345": "www.facebook.com", "/100012345": "m.facebook.com"}
	var urls, want []string
	add := func(host, path, answer string) {
		urls = append(urls, fmt.Sprintf("https://%s:%s%s", host, port, path))
		want = append(want, answer)
	}
	for _, p := range blocked {
		host := hostsFor[p]
		if host == "" {
			host = "www.instagram.com"
		}
		add(host, p, "ERR_BLOCKED_BY_ADMINISTRATOR")
	}
	add("instagr.am", "/jane.doe", "ERR_BLOCKED_BY_ADMINISTRATOR")
	add("mobile.x.com", "/jane.doe/status/1", "ERR_BLOCKED_BY_ADMINISTRATOR")
	add("twitter.com", "/jane.doe", "ERR_BLOCKED_BY_ADMINISTRATOR")
	add("www.instagram.com", "/someone.else", "served /someone.else")
	add("www.instagram.com", "/jane.doe.other", "served /jane.doe.other")
	add("www.facebook.com", "/profile.php?id=1000123456", "served /profile.php?id=1000123456")
	add("x.com", "/friend", "served /friend")
	add("example.net", "/jane.doe", "ERR_BLOCKED_BY_ADMINISTRATOR")
	add("example.net", "/jane.do", "ERR_BLOCKED_BY_ADMINISTRATOR")
	add("example.net", "/jane.dox", "served /jane.dox")
	// Issue 29.3: the forms the platform serves as the profile that a URL
	// list can say (the rest, escapes and doubled slashes, are the
	// extension's: TestExtensionAnswersInTheTab).
	for _, p := range []string{"/JANE.DOE", "/Jane.Doe", "/stories/JANE.DOE/", "/jane.doe;x", "/api/v1/users/web_profile_info/?username=jane.doe"} {
		add("www.instagram.com", p, "ERR_BLOCKED_BY_ADMINISTRATOR")
	}
	// Issue 34: Google Translate's copy of the profile is refused by the
	// list too; nobody else's is. An archive's copy is the extension's
	// (a URL list has no wildcard inside a path): logged.
	add("www-instagram-com.translate.goog", "/jane.doe", "ERR_BLOCKED_BY_ADMINISTRATOR")
	add("www-instagram-com.translate.goog", "/JANE.DOE/", "ERR_BLOCKED_BY_ADMINISTRATOR")
	add("instagram-com.translate.goog", "/jane.doe", "ERR_BLOCKED_BY_ADMINISTRATOR")
	add("www-instagram-com.translate.goog", "/someone.else", "served /someone.else")
	add("web.archive.org", "/web/2024/https://www.instagram.com/other/", "served /web/2024/https://www.instagram.com/other/")
	urls = append(urls, fmt.Sprintf("https://web.archive.org:%s/web/2024/https://www.instagram.com/jane.doe/", port))
	want = append(want, "")
	for _, p := range []string{"/jane%2Edoe", "/%6Aane.doe", "//jane.doe"} { // what the list alone does: logged, for the README
		urls = append(urls, fmt.Sprintf("https://www.instagram.com:%s%s", port, p))
		want = append(want, "")
	}

	names := "www.instagram.com instagram.com instagr.am x.com mobile.x.com twitter.com www.tiktok.com www.facebook.com m.facebook.com example.net " +
		"www-instagram-com.translate.goog instagram-com.translate.goog web.archive.org"
	dir := newScratch(t, "127.0.0.1 "+names+"\n")
	pathsJSON, _ := json.Marshal(paths)
	out, err := inNamespace(t, string(dir), personScript, []string{"curl"},
		"PORT="+port, "PATHS="+string(pathsJSON), `MORE=["example.net/jane.do"]`, "URLS="+strings.Join(urls, " "))
	if err != nil {
		t.Fatalf("namespace script: %v\n%s\ndaemon log:\n%s", err, out, dir.read("daemon.log"))
	}
	if !strings.Contains(dir.read("add.json"), "jane.do") {
		t.Fatalf("adding example.net/jane.do: %s", dir.read("add.json"))
	}
	for i, u := range urls {
		got := dir.read(fmt.Sprintf("page-%d", i))
		if want[i] == "" {
			t.Logf("%s, with the URL list alone: blocked %v", strings.Replace(u, ":"+port, "", 1), strings.Contains(got, "ERR_BLOCKED_BY_ADMINISTRATOR"))
			continue
		}
		if !strings.Contains(got, want[i]) {
			t.Errorf("%s: want %q in the page, got ...%q", u, want[i], got[max(0, len(got)-400):])
		}
	}
	if pol := dir.read("policy.json"); !strings.Contains(pol, `"IncognitoModeAvailability": 1`) {
		t.Errorf("private windows are not closed during the block: %s", pol)
	}
	if !strings.Contains(dir.read("status.json"), `"close_private":true`) {
		t.Errorf("status does not say private windows are closed: %s", dir.read("status.json"))
	}
	if after := dir.read("after-policy"); strings.Contains(after, "Incognito") {
		t.Errorf("private windows still closed after the block: %s", after)
	}
}
