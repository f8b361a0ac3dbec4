package main

import (
	"encoding/json"
	"html"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/content"
)

// sinkholeScript runs in a private mount namespace with a temporary file
// bind-mounted over /etc/hosts: nocontactd on the real ports 80 and 443 of
// 127.78.0.1, a session for instagram.com and www.instagram.com, then curl
// and Chromium as a user would use them. Results go to files in $T.
var sinkholeScript = daemonUp("--browser-root off --http-port 80 --https-port 443") + `api -X POST -H 'Content-Type: application/json' \
  -d '{"hostnames":["instagram.com","www.instagram.com"],"duration":"1h"}' http://d/v1/session >"$T/start.json"
curl -s --max-time 5 -o "$T/page.html" -w '%{http_code}' http://instagram.com/jane.doe >"$T/page.code" || true
start=$(date +%s%N)
curl -s --max-time 5 -o /dev/null https://www.instagram.com/ && echo 0 >"$T/https.rc" || echo $? >"$T/https.rc"
echo $(( ($(date +%s%N) - start) / 1000000 )) >"$T/https.ms"
api 'http://d/v1/events' >"$T/after-curl.json"
if command -v chromium >/dev/null; then
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d)" --dump-dom https://www.instagram.com/ >/dev/null 2>"$T/chromium.log" || true
  api 'http://d/v1/events' >"$T/after-chromium.json"
fi
for i in $(seq 20); do curl -s --max-time 5 -o /dev/null http://www.instagram.com/; done
api -N --max-time 2 'http://d/v1/events/stream?after=0' >"$T/stream.ndjson" || true
`

// TestSinkholeEndToEnd needs root (mount namespace, ports 80 and 443).
func TestSinkholeEndToEnd(t *testing.T) {
	dir := newScratch(t, "")
	if out, err := inNamespace(t, string(dir), sinkholeScript, []string{"curl"}); err != nil {
		t.Fatalf("namespace script: %v\n%s\ndaemon log:\n%s", err, out, dir.read("daemon.log"))
	}
	read := func(name string) string { return strings.TrimSpace(dir.read(name)) }

	if code := read("page.code"); code != "200" {
		t.Errorf("http://instagram.com/jane.doe: status %q", code)
	}
	if page := html.UnescapeString(read("page.html")); !quotesArticle(page) {
		t.Errorf("the page quotes no passage of the article:\n%.400s", page)
	}
	if rc := read("https.rc"); rc == "0" {
		t.Error("curl https://www.instagram.com/ succeeded")
	}
	if ms, _ := strconv.Atoi(read("https.ms")); ms > 1000 {
		t.Errorf("https failed only after %d ms", ms)
	}
	stream := parseEvents(t, read("stream.ndjson"))
	if v := findVisit(stream, "www.instagram.com", "https"); v == nil {
		t.Errorf("no https visit for www.instagram.com on the stream: %+v", stream)
	}
	if v := findVisit(stream, "www.instagram.com", "http"); v == nil || v.Count != 20 {
		t.Errorf("20 rapid hits: %+v", v)
	}
	if _, err := exec.LookPath("chromium"); err != nil {
		t.Log("chromium not installed: the browser path was not tested")
		return
	}
	before := findVisit(parseEventList(t, read("after-curl.json")), "www.instagram.com", "https")
	after := findVisit(parseEventList(t, read("after-chromium.json")), "www.instagram.com", "https")
	if before == nil || after == nil || after.Count <= before.Count {
		t.Errorf("Chromium produced no visit: before %+v, after %+v\n%s", before, after, read("chromium.log"))
	}
}

func quotesArticle(page string) bool {
	for _, s := range content.MustLoad().All() {
		for _, p := range s.Paragraphs {
			for _, sent := range content.Sentences(p) {
				if len(sent) > 40 && strings.Contains(page, sent) {
					return true
				}
			}
		}
	}
	return false
}

func parseEvents(t *testing.T, ndjson string) []api.Event {
	var out []api.Event
	for _, line := range strings.Split(ndjson, "\n") {
		var e api.Event
		if json.Unmarshal([]byte(line), &e) == nil && e.Kind != api.EventHeartbeat {
			out = append(out, e)
		}
	}
	return out
}

func parseEventList(t *testing.T, s string) []api.Event {
	var v struct{ Events []api.Event }
	json.Unmarshal([]byte(s), &v)
	return v.Events
}

// findVisit returns the newest visit event for host and scheme.
func findVisit(events []api.Event, host, scheme string) *api.Event {
	var found *api.Event
	for i, e := range events {
		if e.Kind == api.EventVisit && e.Host == host && e.Scheme == scheme {
			found = &events[i]
		}
	}
	return found
}
