package main

import (
	"strings"
	"testing"
)

// tricksScript: during a block, as root, a file bind-mounted over the
// hosts file, the hosts file replaced by a symlink, and a read-only file
// mounted over it; what the file holds after each goes to $T.
var tricksScript = daemonUp("--browser-root off --http-port 0 --https-port 0") + `api -X POST -H 'Content-Type: application/json' -d '{"hostnames":["instagram.com"],"duration":"1h","lock":{"mode":"strict"}}' http://d/v1/session >/dev/null
printf '127.0.0.1 localhost\n' >"$T/other"
mount --bind "$T/other" /etc/hosts
sleep 3
cat /etc/hosts >"$T/after-bind"
umount /etc/hosts
umount /etc/hosts 2>/dev/null || true
printf '127.0.0.1 localhost\n' >"$T/target"
ln -sf "$T/target" /etc/hosts.new && mv -f /etc/hosts.new /etc/hosts
sleep 2
if [ -L /etc/hosts ]; then echo symlink >"$T/after-link"; else cat /etc/hosts >"$T/after-link"; fi
printf '127.0.0.1 localhost\n' >"$T/ro"
mount --bind "$T/ro" "$T/ro" && mount -o remount,ro,bind "$T/ro" # read-only before it covers the hosts file
mount --bind "$T/ro" /etc/hosts
sleep 2
api http://d/v1/events >"$T/events.json"
`

// TestRootTricksInANamespace needs root: a file bind-mounted over the
// hosts file and the hosts file replaced by a symlink are both undone
// within seconds, and recorded.
func TestRootTricksInANamespace(t *testing.T) {
	dir := newScratch(t, "")
	read := dir.read
	out, err := inNamespace(t, string(dir), tricksScript, []string{"curl"})
	if err != nil {
		t.Fatalf("namespace script: %v\n%s\ndaemon log:\n%s", err, out, read("daemon.log"))
	}
	if !strings.Contains(read("after-bind"), "127.78.0.1 instagram.com") {
		t.Errorf("a file bind-mounted over the hosts file was not restored: %q\ndaemon log:\n%s", read("after-bind"), read("daemon.log"))
	}
	if !strings.Contains(read("after-link"), "127.78.0.1 instagram.com") {
		t.Errorf("the hosts file replaced by a symlink was not restored: %q", read("after-link"))
	}
	// Two tricks close together can be restored by one check: at least
	// two tamper events, one of them the read-only mount in words.
	if n := strings.Count(read("events.json"), `"kind":"tamper"`); n < 2 {
		t.Errorf("%d tamper events for three tricks: %s", n, read("events.json"))
	}
	if !strings.Contains(read("events.json"), "mounted read-only") {
		t.Errorf("a read-only mount over the hosts file is not said in words: %s", read("events.json"))
	}
}
