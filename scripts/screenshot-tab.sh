#!/usr/bin/env bash
# screenshot-tab.sh BIN_DIR OUT.png: as root, in a private mount namespace
# (a copy of /etc, nothing reaches the machine's own), a block on x.com, the
# extension force-installed into headless Chromium, and a screenshot of the
# tab that opened https://x.com/: the passage, not a connection error.
set -euo pipefail
[ "$(id -u)" -eq 0 ] || { echo "screenshot-tab: needs root (a mount namespace, ports 80 and 443)"; exit 1; }
bin=$(cd "$1" && pwd) out=$(realpath -m "$2")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
printf '127.0.0.1 localhost\n' >"$T/hosts"
export T bin out
unshare -m --propagation private sh -c '
set -e
mkdir -p "$T/orig"; mount --bind /etc "$T/orig"; mount -t tmpfs tmpfs /etc; cp -a "$T/orig/." /etc/; mount --bind "$T/hosts" /etc/hosts
"$bin/nocontactd" run --hosts-file /etc/hosts --browser-root / --state-dir "$T/state" --socket "$T/d.sock" 2>"$T/daemon.log" &
daemon=$!
trap "kill $daemon 2>/dev/null" EXIT
for i in $(seq 100); do curl -s --unix-socket "$T/d.sock" http://d/v1/status >/dev/null && break; sleep 0.1; done
curl -s --unix-socket "$T/d.sock" -X POST -H "Content-Type: application/json" -d "{\"hostnames\":[\"x.com\"],\"duration\":\"1h\"}" http://d/v1/session >/dev/null
chromium --headless=new --no-sandbox --disable-gpu --no-first-run --remote-debugging-port=9339 --user-data-dir="$T/profile" about:blank >/dev/null 2>&1 &
b=$!
for i in $(seq 120); do curl -s http://127.0.0.1:9339/json/list | grep -q "chrome-extension://.*background.js" && break; sleep 0.5; done
sleep 3; kill $b; wait $b 2>/dev/null || true
chromium --headless=new --no-sandbox --disable-gpu --no-first-run --user-data-dir="$T/profile" --window-size=900,700 \
  --virtual-time-budget=5000 --screenshot="$out" https://x.com/ >/dev/null 2>&1
'
echo "screenshot-tab: $out"
