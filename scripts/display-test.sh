#!/usr/bin/env bash
# display-test.sh BIN_DIR OUT_DIR: start the GUI and the tray on a private
# Xvfb display; check that the main window appears and shows something, that
# the tray publishes its icon and menu on a private session bus as a panel
# reads them, opens the pop-up for an attempt and names it in its menu, and
# exits cleanly on SIGTERM; save screenshots in OUT_DIR.
set -euo pipefail
bin=$1 out=$2
mkdir -p "$out"

for tool in Xvfb xdotool import convert dbus-daemon gdbus; do
	command -v "$tool" >/dev/null || { echo "display-test: $tool missing (run make deps)"; exit 1; }
done

# A display number nobody uses.
d=90
while [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ]; do d=$((d + 1)); done
export DISPLAY=:$d
Xvfb "$DISPLAY" -screen 0 1024x700x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
# Up to 20 s for the server to answer (a loaded machine can take more than
# the usual moment); a window started before it answers cannot open.
for _ in $(seq 200); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
xdpyinfo >/dev/null 2>&1 || { echo "display-test: Xvfb on $DISPLAY did not answer within 20 s"; exit 1; }

# find_window SECONDS: the first visible window titled "No Contact". It
# polls rather than use xdotool --sync, which fails outright (BadWindow)
# when a window it looks at goes away while it looks.
find_window() {
	local w=""
	for _ in $(seq $(($1 * 4))); do
		w=$(xdotool search --onlyvisible --name '^No Contact$' 2>/dev/null | head -n1 || true)
		[ -n "$w" ] && { echo "$w"; return 0; }
		sleep 0.25
	done
	return 1
}

state=$(mktemp -d)
trap 'cleanup; rm -rf "$state"' EXIT
export XDG_RUNTIME_DIR=$state/run NOCONTACT_SOCKET=$state/none.sock
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
XDG_CONFIG_HOME=$state XDG_DATA_HOME=$state "$bin/nocontact" >"$out/nocontact.log" 2>&1 &
pids+=($!)
if ! win=$(find_window 30); then
	echo "display-test: the main window did not appear within 30 s"; cat "$out/nocontact.log"; exit 1
fi
sleep 2 # let the first frame render
import -window root "$out/main-window.png"
# A blank (single-colour) screen means nothing was drawn.
sd=$(convert "$out/main-window.png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
awk -v sd="$sd" 'BEGIN { exit !(sd > 0.01) }' || { echo "display-test: the screenshot is blank"; exit 1; }
echo "display-test: main window $win shown; screenshot $out/main-window.png"

# A second nocontact hands over to the first and exits: still one window.
timeout 10 "$bin/nocontact" || { echo "display-test: a second nocontact did not hand over and exit"; exit 1; }
sleep 1
n=$(xdotool search --onlyvisible --name '^No Contact$' | wc -l)
[ "$n" -eq 1 ] || { echo "display-test: $n windows after a second start, want 1"; exit 1; }
echo "display-test: a second nocontact handed over to the running one"

# The tray against a sandboxed daemon: an attempt on a blocked site makes
# it launch the excerpt pop-up.
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
export NOCONTACT_SOCKET=$state/d.sock
port=$((20000 + RANDOM % 20000))
printf '127.0.0.1 localhost\n' >"$state/hosts"
"$bin/nocontactd" run --hosts-file "$state/hosts" --state-dir "$state/daemon" --socket "$state/d.sock" \
	--http-port "$port" --https-port 0 2>"$out/daemon.log" &
pids+=($!)
for _ in $(seq 50); do "$bin/nocontact" status >/dev/null 2>&1 && break; sleep 0.1; done
"$bin/nocontact" start --for 1h --host instagram.com >/dev/null
# A private session bus, where the tray publishes its icon and menu
# (StatusNotifierItem and dbusmenu) as a desktop's panel reads them.
bus=$state/bus && mkdir -p "$bus"
dbus-daemon --session --address="unix:path=$bus/bus" --nofork --nopidfile >/dev/null 2>&1 &
pids+=($!)
export DBUS_SESSION_BUS_ADDRESS=unix:path=$bus/bus
for _ in $(seq 50); do [ -S "$bus/bus" ] && break; sleep 0.1; done
[ -S "$bus/bus" ] || { echo "display-test: the private session bus did not start"; exit 1; }
"$bin/nocontact-tray" >"$out/tray.log" 2>&1 &
tray=$!
sleep 3
kill -0 "$tray" 2>/dev/null || { echo "display-test: the tray exited early"; cat "$out/tray.log"; exit 1; }
# tray_menu: the tray's menu as a panel reads it.
tray_menu() {
	LC_ALL=C.UTF-8 gdbus call --session --dest "org.kde.StatusNotifierItem-$tray-1" --object-path /StatusNotifierMenu \
		--method com.canonical.dbusmenu.GetLayout -- 0 -1 '@as []'
}
menu=$(tray_menu) || { echo "display-test: the tray published no menu on the session bus"; cat "$out/tray.log"; exit 1; }
for want in "Open No Contact" "Read the article" "End early…" "No attempts noticed"; do
	grep -qF "$want" <<<"$menu" || { echo "display-test: the tray's menu lacks \"$want\": $menu"; exit 1; }
done
icon=$(gdbus call --session --dest "org.kde.StatusNotifierItem-$tray-1" --object-path /StatusNotifierItem \
	--method org.freedesktop.DBus.Properties.Get org.kde.StatusNotifierItem IconPixmap) ||
	{ echo "display-test: the tray's icon could not be read from the session bus"; cat "$out/tray.log"; exit 1; }
[ "${#icon}" -gt 1000 ] || { echo "display-test: the tray published no icon: $icon"; exit 1; }
echo "display-test: the tray published its icon and menu on the session bus"
curl -s -o /dev/null -H 'Host: instagram.com' "http://127.78.0.1:$port/"
if ! popup=$(find_window 20); then
	echo "display-test: no pop-up window after an attempt"; cat "$out/tray.log"; exit 1
fi
sleep 1
import -window root "$out/popup.png"
echo "display-test: the tray opened the pop-up for an attempt; screenshot $out/popup.png"
pkill -f "$bin/nocontact excerpt" || true
for _ in $(seq 50); do grep -qF "Last attempt: Instagram" <<<"$(tray_menu)" && break; sleep 0.1; done
grep -qF "Last attempt: Instagram" <<<"$(tray_menu)" || { echo "display-test: the tray's menu does not name the attempt: $(tray_menu)"; exit 1; }
echo "display-test: the tray's menu names the attempt"
kill -TERM "$tray"
for _ in $(seq 50); do kill -0 "$tray" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$tray" 2>/dev/null; then echo "display-test: the tray ignored SIGTERM"; exit 1; fi
wait "$tray" && rc=0 || rc=$?
[ "$rc" -eq 0 ] || { echo "display-test: the tray exited with $rc on SIGTERM"; cat "$out/tray.log"; exit 1; }
echo "display-test: tray started and quit on SIGTERM"
