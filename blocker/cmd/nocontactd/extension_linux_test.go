package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// extensionScript: nocontactd on the real sinkhole ports in a private
// /etc, a session blocking a hostname and a profile path, and Chromium
// (headless, with its DevTools endpoint) left running long enough to
// force-install the extension from the sinkhole; then a tab for the
// profile and one for the blocked name, and where each ended up.
const extensionScript = `"$BIN" run --hosts-file /etc/hosts --browser-root / --state-dir "$T/state" --socket "$T/d.sock" --http-port 80 --https-port 443 2>"$T/daemon.log" &
daemon=$!
api() { curl -s --max-time 5 --unix-socket "$T/d.sock" "$@"; }
for i in $(seq 100); do api http://d/v1/status >/dev/null && break; sleep 0.1; done
api -X POST -H 'Content-Type: application/json' \
  -d '{"hostnames":["blocked.pathbook.example"],"paths":["pathbook.example/jane.doe"],"duration":"1h"}' http://d/v1/session >"$T/start.json"
cp /etc/chromium/policies/managed/nocontact.json "$T/policy.json" 2>/dev/null || true
chromium --headless --no-sandbox --disable-gpu --no-first-run --remote-debugging-port=$DEVTOOLS \
  --user-data-dir="$T/profile" about:blank >"$T/chromium.log" 2>&1 &
browser=$!
trap 'kill $browser $daemon 2>/dev/null; wait $browser $daemon 2>/dev/null' EXIT
dev() { curl -s --max-time 5 "http://127.0.0.1:$DEVTOOLS$@"; }
for i in $(seq 120); do dev /json/list | grep -q 'chrome-extension://.*background.js' && break; sleep 0.5; done
dev /json/list >"$T/targets-before.json"
sleep 2 # the extension fetches its rules
dev "/json/new?http://www.pathbook.example:$PORT/jane.doe" -X PUT >/dev/null
dev "/json/new?https://blocked.pathbook.example/" -X PUT >/dev/null
dev "/json/new?http://www.pathbook.example:$PORT/jane.doe.other" -X PUT >/dev/null
sleep 4
dev /json/list >"$T/targets.json"
api http://d/v1/events >"$T/events.json"
`

// TestExtensionAnswersInTheTab needs root and Chromium: the daemon's own
// extension, force-installed from the sinkhole, sends a tab for a blocked
// profile or name to the passage, and leaves other pages alone.
func TestExtensionAnswersInTheTab(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Chromium for about 20 s")
	}
	if _, err := exec.LookPath("chromium"); err != nil {
		t.Skip("needs chromium (make deps installs it)")
	}
	for _, port := range []string{"80", "443"} {
		if ln, err := net.Listen("tcp", "127.78.0.1:"+port); err != nil {
			if os.Geteuid() == 0 {
				t.Skipf("port %s on 127.78.0.1 is already taken on this machine (%v): stop what holds it to run this test", port, err)
			}
		} else {
			ln.Close()
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "<p>served %s</p>", r.URL.Path)
	})}
	go srv.Serve(ln)
	defer srv.Close()
	dev, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	devPort := fmt.Sprint(dev.Addr().(*net.TCPAddr).Port)
	dev.Close()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "hosts"), []byte(userHosts+"127.0.0.1 www.pathbook.example pathbook.example\n"), 0o644)
	out, err := inNamespace(t, dir, extensionScript, []string{"curl"}, "PORT="+fmt.Sprint(ln.Addr().(*net.TCPAddr).Port), "DEVTOOLS="+devPort)
	read := func(name string) string {
		b, _ := os.ReadFile(filepath.Join(dir, name))
		return string(b)
	}
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
	t.Logf("tabs: %s", targets)
	for _, want := range []string{
		"http://127.78.0.1/nocontact/blocked?host=pathbook.example\u0026path=%2Fjane.doe",
		"http://127.78.0.1/nocontact/blocked?host=blocked.pathbook.example",
		"/jane.doe.other",
	} {
		if !strings.Contains(targets, want) {
			t.Errorf("no tab at %s", want)
		}
	}
	if ev := read("events.json"); !strings.Contains(ev, `"host":"pathbook.example","scheme":"https"`) {
		t.Errorf("the redirected visit was not recorded: %s", ev)
	}
}
