#!/usr/bin/env bash
# demo.sh BIN_DIR: the whole app without root and without touching the
# machine: nocontactd on a sandbox hosts file, state and socket under
# .demo/, the sinkhole on high ports of 127.78.0.1, a demo vault (not
# encrypted, so the real keyring's key is never touched), and the tray and
# the main window pointed at that daemon. Ctrl-C stops everything.
set -euo pipefail
bin=$(cd "$1" && pwd)
D=$(pwd)/.demo
mkdir -p "$D"
export NOCONTACT_SOCKET=$D/d.sock XDG_CONFIG_HOME=$D/config
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM
[ -f "$D/hosts" ] || printf '127.0.0.1 localhost\n::1 localhost\n' >"$D/hosts"
free_port() { local p; for p in "$@"; do ! (exec 3<>"/dev/tcp/127.78.0.1/$p") 2>/dev/null && { echo "$p"; return; }; done; echo 0; }
http=$(free_port 18080 18081 18082) https=$(free_port 18443 18444 18445)
"$bin/nocontactd" run --hosts-file "$D/hosts" --state-dir "$D/state" --socket "$D/d.sock" \
	--http-port "$http" --https-port "$https" 2>>"$D/daemon.log" &
pids+=($!)
for _ in $(seq 50); do "$bin/nocontact" status >/dev/null 2>&1 && break; sleep 0.1; done
"$bin/nocontact" vault --allow-unencrypted >/dev/null
# jane.substack.com is a name of its own: the demo blocks that hostname, so
# the curl line below is an attempt the demo really counts. (Instagram's
# profile pages are blocked in browsers, which the demo never touches.)
if ! "$bin/nocontact" profiles list --json | grep -q substack; then
	"$bin/nocontact" profiles add jane.substack.com >/dev/null
	"$bin/nocontact" contact --last "$(date -d '12 days ago' +%F)" >/dev/null
fi
"$bin/nocontact-tray" 2>>"$D/tray.log" &
pids+=($!)
cat <<MSG
No Contact demo: the daemon uses $D/hosts (not /etc/hosts) and listens on
127.78.0.1 ports $http (HTTP) and $https (HTTPS). Nothing on this computer is
really blocked: /etc/hosts and your browsers are not touched in the sandbox.
Start a block in the window (Today), then stand in for a visit to the blocked
jane.substack.com and see its pop-up:
  curl -H 'Host: jane.substack.com' http://127.78.0.1:$http/
The command line works against the demo too:
  NOCONTACT_SOCKET=$D/d.sock XDG_CONFIG_HOME=$D/config $bin/nocontact status
Close the window or press Ctrl-C to stop.
MSG
"$bin/nocontact"
