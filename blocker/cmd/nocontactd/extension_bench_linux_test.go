package main

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// benchScript times, in a private namespace with the daemon on the real
// sinkhole ports and Chromium holding the extension, ten tabs opened on a
// blocked HTTPS site until they show the passage, and ten on a plain local
// HTTP page until it shows, each in milliseconds (DevTools' target list,
// polled every 10 ms).
var benchScript = daemonUp("--browser-root / --http-port 80 --https-port 443") + `api -X POST -H 'Content-Type: application/json' -d '{"hostnames":["x.com"],"duration":"1h"}' http://d/v1/session >/dev/null
chromium --headless=new --no-sandbox --disable-gpu --no-first-run --remote-debugging-port=$DEVTOOLS --user-data-dir="$T/profile" about:blank >/dev/null 2>&1 &
browser=$!
trap 'kill $browser $daemon 2>/dev/null; wait $browser $daemon 2>/dev/null' EXIT
dev() { curl -s --max-time 5 "http://127.0.0.1:$DEVTOOLS$@"; }
for i in $(seq 120); do dev /json/list | grep -q 'chrome-extension://.*background.js' && break; sleep 0.5; done
sleep 2
time_to() { # URL WANT: ms from opening a tab on URL until a tab's title holds WANT
  local s=$(date +%s%N)
  dev "/json/new?$1" -X PUT >/dev/null
  for i in $(seq 500); do dev /json/list | grep -q "\"title\": \".*$2" && break; sleep 0.01; done
  echo $(( ($(date +%s%N) - s) / 1000000 ))
  for id in $(dev /json/list | grep -o '"id": "[A-F0-9]*"' | cut -d'"' -f4); do dev "/json/close/$id" >/dev/null; done
}
for i in $(seq 10); do time_to "https://x.com/?$i" "x.com is blocked" >>"$T/blocked.ms"; time_to "http://www.pathbook.example:$PORT/?$i" "plain page" >>"$T/plain.ms"; done
`

// BenchmarkExtensionAnswer: HTTPS navigation to a blocked site until the
// passage shows in the tab, beside a plain local HTTP page (median of 10,
// and the ratio). Root and Chromium; run by make bench.
func BenchmarkExtensionAnswer(b *testing.B) {
	port := serve(b, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<title>plain page</title><p>plain</p>") })
	dir := newScratch(b, "127.0.0.1 www.pathbook.example\n")
	for range b.N {
		if _, err := inNamespace(b, string(dir), benchScript, []string{"curl", "chromium"}, "PORT="+port, "DEVTOOLS="+freePort(b)); err != nil {
			b.Fatal(err)
		}
	}
	blocked, plain := medianMS(b, dir.read("blocked.ms")), medianMS(b, dir.read("plain.ms"))
	b.ReportMetric(blocked, "ms-blocked-https-to-passage")
	b.ReportMetric(plain, "ms-plain-http-page")
	b.ReportMetric(blocked/plain, "ratio")
}

func medianMS(b *testing.B, raw string) float64 {
	var v []float64
	for _, f := range strings.Fields(raw) {
		if n, err := strconv.ParseFloat(f, 64); err == nil {
			v = append(v, n)
		}
	}
	if len(v) == 0 {
		b.Fatal("no timings: the script measured nothing")
	}
	sort.Float64s(v)
	return v[len(v)/2]
}
