#!/usr/bin/env bash
# bench-gui.sh BIN_DIR: under Xvfb, prints
#  - cold start to the window mapped: nocontact against a minimal Fyne
#    window built the same way (median of 5 each), and their ratio;
#  - the resident memory of the open main window;
#  - an HTTP hit on the sinkhole to the pop-up window mapped (tray running);
#  - the tray's resident memory and CPU over NOCONTACT_IDLE_SECONDS (60) idle
#    with a session running.
set -euo pipefail
bin=$(cd "$1" && pwd)
D=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$D" 2>/dev/null || true; }
trap cleanup EXIT
export XDG_RUNTIME_DIR=$D/run XDG_CONFIG_HOME=$D/config NOCONTACT_SOCKET=$D/d.sock LC_MESSAGES=en_US.UTF-8
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
d=80
while [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ]; do d=$((d + 1)); done
export DISPLAY=:$d
Xvfb "$DISPLAY" -screen 0 1024x700x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

ms() { date +%s%3N; }
# start_ms CMD TITLE: milliseconds from exec to the window mapped; leaves it open in $last
start_ms() {
	local t0 t1
	t0=$(ms)
	"$1" >/dev/null 2>&1 &
	last=$!
	timeout 30 xdotool search --sync --onlyvisible --name "$2" >/dev/null 2>&1
	t1=$(ms)
	echo $((t1 - t0))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for i in 1 2 3 4 5; do start_ms "$bin/fyne-hello" '^Hello$'; kill $last; wait $last 2>/dev/null || true; done >"$D/hello"
for i in 1 2 3 4 5; do start_ms "$bin/nocontact" '^No Contact$'; kill $last; wait $last 2>/dev/null || true; done >"$D/nc"
h=$(median <"$D/hello") n=$(median <"$D/nc")
echo "cold start to window mapped: nocontact ${n} ms, minimal Fyne window ${h} ms, ratio $(awk -v a="$n" -v b="$h" 'BEGIN {printf "%.2f", a/b}') (target <= 1.5)"
start_ms "$bin/nocontact" '^No Contact$' >/dev/null
sleep 2
echo "main window resident memory: $(awk '/VmRSS/ {printf "%.1f MiB", $2/1024}' /proc/$last/status)"
kill $last; wait $last 2>/dev/null || true

port=$((20000 + RANDOM % 20000))
printf '127.0.0.1 localhost\n' >"$D/hosts"
"$bin/nocontactd" run --hosts-file "$D/hosts" --state-dir "$D/state" --socket "$D/d.sock" --http-port "$port" --https-port 0 2>/dev/null &
pids+=($!)
for _ in $(seq 50); do "$bin/nocontact" status >/dev/null 2>&1 && break; sleep 0.1; done
"$bin/nocontact" start --for 1d --host instagram.com >/dev/null
"$bin/nocontact-tray" 2>/dev/null &
tray=$!
pids+=($tray)
sleep 3
t0=$(ms)
curl -s -o /dev/null -H 'Host: instagram.com' "http://127.78.0.1:$port/"
timeout 30 xdotool search --sync --onlyvisible --name '^No Contact$' >/dev/null
echo "HTTP hit to pop-up window mapped: $(($(ms) - t0)) ms (target <= 1500)"
pkill -f "$bin/nocontact excerpt" || true

secs=${NOCONTACT_IDLE_SECONDS:-60}
c0=$(awk '{print $14+$15}' /proc/$tray/stat) t0=$(ms)
sleep "$secs"
c1=$(awk '{print $14+$15}' /proc/$tray/stat) t1=$(ms)
echo "tray idle for ${secs} s with a session: $(awk '/VmRSS/ {printf "%.1f MiB", $2/1024}' /proc/$tray/status) resident (target <= 40), CPU $(awk -v c=$((c1 - c0)) -v t=$((t1 - t0)) 'BEGIN {printf "%.3f", c/100/(t/1000)*100}') % (target <= 0.1)"
