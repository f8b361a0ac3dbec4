package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// benchScript: in a private namespace, the daemon on the real sinkhole
// ports blocking x.com whole and one Instagram profile, and headless
// Chromium with its DevTools endpoint, held open once the extension is
// installed.
var benchScript = daemonUp("--browser-root / --http-port 80 --https-port 443") + `api -X POST -H 'Content-Type: application/json' -d '{"hostnames":["x.com"],"paths":["instagram.com/jane.doe"],"duration":"1h"}' http://d/v1/session >/dev/null
chromium --headless=new --no-sandbox --disable-gpu --no-first-run --remote-debugging-port=$DEVTOOLS --remote-allow-origins=http://localhost \
  --user-data-dir="$T/profile" about:blank >/dev/null 2>&1 &
browser=$!
trap 'kill $browser $daemon 2>/dev/null; wait $browser $daemon 2>/dev/null' EXIT
dev() { curl -s --max-time 5 "http://127.0.0.1:$DEVTOOLS$@"; }
for i in $(seq 120); do dev /json/list | grep -q 'chrome-extension://.*background.js' && break; sleep 0.5; done
sleep 2 # the extension fetches its rules
dev /json/version >"$T/version.json"
` + holdOpen

// BenchmarkExtensionAnswer: an HTTPS visit to a site blocked whole until
// the passage has loaded in the tab, beside a plain local HTTP page (the
// median of 25 each, taken in turn, and the ratio), and the same for a
// blocked profile page, which the browser's own URL list refuses before
// the extension can answer. Each is timed from DevTools' navigate command
// to the load event of the page wanted, as the browser reports them (no
// polling: the earlier bench polled the tab list every 10 ms through
// curl, whose own cost hid most of the difference). The first visit of
// each kind is logged as a timeline, and each kind's spread. Root and
// Chromium; run by make bench.
func BenchmarkExtensionAnswer(b *testing.B) {
	port := serve(b, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<title>plain page</title><p>plain</p>") })
	dir := newScratch(b, "127.0.0.1 www.pathbook.example\n")
	visits := []struct{ name, url, want string }{
		{"blocked-https", "https://x.com/?%d", "http://127.78.0.1/nocontact/blocked?host=x.com"},
		{"plain-http", "http://www.pathbook.example:" + port + "/?%d", "http://www.pathbook.example"},
		{"blocked-profile", "https://www.instagram.com/jane.doe/?%d", "http://127.78.0.1/nocontact/blocked?host=instagram.com&path=%2Fjane.doe"},
	}
	ms := map[string][]float64{}
	var timelines []string
	for range b.N {
		h := startInNamespace(b, dir, benchScript, []string{"curl", "chromium"}, "PORT="+port, "DEVTOOLS="+freePort(b))
		w, err := dialWire(field(json.RawMessage(dir.read("version.json")), "webSocketDebuggerUrl"))
		if err != nil {
			b.Fatal(err)
		}
		for i := range 25 {
			for _, v := range visits {
				t, timeline, err := loadTime(w, fmt.Sprintf(v.url, i), v.want)
				if err != nil {
					b.Fatalf("%s: %v\n%s", v.name, err, timeline)
				}
				if i == 0 {
					timelines = append(timelines, v.name+" (ms from the navigate command): "+timeline)
				}
				ms[v.name] = append(ms[v.name], t)
			}
		}
		w.Close()
		if out, err := h.stop(); err != nil {
			b.Fatalf("namespace script: %v\n%s", err, out)
		}
	}
	var spread []string
	for _, v := range visits {
		t := ms[v.name]
		slices.Sort(t)
		spread = append(spread, fmt.Sprintf("%s: p10 %.0f, p25 %.0f, p50 %.0f, p75 %.0f, p90 %.0f ms", v.name, t[len(t)/10], t[len(t)/4], t[len(t)/2], t[len(t)*3/4], t[len(t)*9/10]))
	}
	b.Log(strings.Join(append(spread, timelines...), "\n")) // one line each: go test keeps ten lines of a benchmark's log
	site, plain, prof := median(ms["blocked-https"]), median(ms["plain-http"]), median(ms["blocked-profile"])
	b.ReportMetric(site, "ms-blocked-https-to-passage")
	b.ReportMetric(plain, "ms-plain-http-page")
	b.ReportMetric(site/plain, "ratio")
	b.ReportMetric(prof, "ms-blocked-profile-to-passage")
	b.ReportMetric(prof/plain, "profile-ratio")
}

// loadTime opens a tab, navigates it to url and returns the milliseconds
// until the load event of a page whose address begins with want, and the
// tab's timeline of navigations and loads.
func loadTime(w *wire, url, want string) (float64, string, error) {
	res, err := w.call("", "Target.createTarget", map[string]any{"url": "about:blank"})
	if err != nil {
		return 0, "", err
	}
	target := field(res, "targetId")
	defer w.call("", "Target.closeTarget", map[string]any{"targetId": target})
	if res, err = w.call("", "Target.attachToTarget", map[string]any{"targetId": target, "flatten": true}); err != nil {
		return 0, "", err
	}
	session := field(res, "sessionId")
	if _, err := w.call(session, "Page.enable", nil); err != nil {
		return 0, "", err
	}
	w.drain()
	start := time.Now()
	if _, err := w.call(session, "Page.navigate", map[string]any{"url": url}); err != nil {
		return 0, "", err
	}
	var at string // the main frame's address
	var line strings.Builder
	seen, err := w.until(15*time.Second, func(m wireMsg) bool {
		if m.SessionID != session {
			return false
		}
		ms := float64(m.At.Sub(start).Microseconds()) / 1000
		switch m.Method {
		case "Page.frameNavigated":
			if field(m.Params, "frame", "parentId") == "" {
				at = field(m.Params, "frame", "url")
				fmt.Fprintf(&line, "%.0f committed %s; ", ms, at)
			}
		case "Page.frameStartedNavigating", "Page.frameRequestedNavigation":
			fmt.Fprintf(&line, "%.0f %s %s; ", ms, strings.TrimPrefix(m.Method, "Page."), field(m.Params, "url"))
		case "Page.loadEventFired":
			fmt.Fprintf(&line, "%.0f load; ", ms)
			return strings.HasPrefix(at, want)
		}
		return false
	})
	if err != nil {
		return 0, line.String(), err
	}
	return float64(seen[len(seen)-1].At.Sub(start).Microseconds()) / 1000, line.String(), nil
}

// median of v, which it sorts.
func median(v []float64) float64 {
	slices.Sort(v)
	return v[len(v)/2]
}
