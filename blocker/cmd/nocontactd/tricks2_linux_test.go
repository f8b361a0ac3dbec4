package main

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// tricks2Script: round two of a determined root user (issue 22), on the
// real paths of a private /etc: a FIFO in place of the hosts file, resolver
// tricks the audit used to miss, a browser policy made unreadable, then the
// daemon stopped, its state's credit forged in both files and the daemon
// started again. What the daemon says goes to $T.
var tricks2Script = daemonUp("--browser-root / --http-port 0 --https-port 0") + `api -X POST -H 'Content-Type: application/json' -d '{"hostnames":["instagram.com"],"paths":["example.net/jane.doe"],"duration":"1h","lock":{"mode":"strict"}}' http://d/v1/session >/dev/null
umount /etc/hosts                  # the file itself, not the test's bind mount
rm -f /etc/hosts && mkfifo /etc/hosts
for i in $(seq 50); do [ -f /etc/hosts ] && grep -q '127.78.0.1 instagram.com' /etc/hosts && break; sleep 0.1; done
stat -c %F /etc/hosts >"$T/after-fifo"
timeout 5 curl -s --max-time 4 --unix-socket "$T/d.sock" http://d/v1/status >"$T/status-after-fifo" || echo "API hung" >"$T/status-after-fifo"
printf 'hosts: files [SUCCESS=continue] dns\n' >/etc/nsswitch.conf
sleep 1.5
api http://d/v1/status >"$T/status-nss"
printf '127.0.0.5 instagram.com\n' | cat - /etc/hosts >/etc/hosts.new && mv /etc/hosts.new /etc/hosts
chmod 600 /etc/chromium/policies/managed/nocontact.json
sleep 1.5
stat -c %a /etc/chromium/policies/managed/nocontact.json >"$T/policy-mode"
api http://d/v1/events >"$T/events-1.json"
kill $daemon; wait $daemon 2>/dev/null
sed -i 's/"credited_ns": [0-9]*/"credited_ns": 3599000000000/' "$T/state/state.json" "$T/state/state.prev.json"
` + daemonUp("--browser-root / --http-port 0 --https-port 0") + `sleep 2
api http://d/v1/events >"$T/events-2.json"
api -X POST http://d/v1/cleanup >/dev/null
`

// TestRootTricksRoundTwo needs root: each trick of issue 22 that a test in
// a private namespace can play is noticed in words, and none hangs the
// daemon.
func TestRootTricksRoundTwo(t *testing.T) {
	if _, err := exec.LookPath("chromium"); err != nil {
		testutil.Missing(t, "needs chromium, whose policy file is played with (make deps installs it)")
	}
	dir := newScratch(t, "")
	read := dir.read
	out, err := inNamespace(t, string(dir), tricks2Script, []string{"curl", "mkfifo", "sed"})
	if err != nil {
		t.Fatalf("namespace script: %v\n%s\ndaemon log:\n%s", err, out, read("daemon.log"))
	}
	if got := strings.TrimSpace(read("after-fifo")); got != "regular file" {
		t.Errorf("a FIFO in place of the hosts file left %q", got)
	}
	if !strings.Contains(read("status-after-fifo"), `"hosts"`) {
		t.Errorf("the API after the FIFO: %q", read("status-after-fifo"))
	}
	if !strings.Contains(read("status-nss"), "goes on to DNS even when the hosts file answers") {
		t.Errorf("[SUCCESS=continue] not shown in status: %s", read("status-nss"))
	}
	if got := strings.TrimSpace(read("policy-mode")); got != "644" {
		t.Errorf("a policy made unreadable stays mode %s", got)
	}
	ev := read("events-1.json")
	for _, want := range []string{"goes on to DNS", "another address", "made unreadable for the browsers (mode 0600); restored"} {
		if !strings.Contains(ev, want) {
			t.Errorf("no event saying %q: %s", want, ev)
		}
	}
	// Since round four the witness puts the credit back: the block runs on.
	if ev2 := read("events-2.json"); !strings.Contains(ev2, "its credited time was raised") || !strings.Contains(ev2, "the clocks' count holds") || strings.Contains(ev2, "session_ended") {
		t.Errorf("a forged credit was not recorded and put back, or the block ended: %s", ev2)
	}
	if ev := read("events-1.json"); !strings.Contains(ev, "hosts file replaced by a named pipe (FIFO)") {
		t.Errorf("the FIFO was not recorded as one: %s", ev)
	}
}
