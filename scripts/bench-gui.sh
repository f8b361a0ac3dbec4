#!/usr/bin/env bash
# bench-gui.sh BIN_DIR: under Xvfb, inside a private D-Bus session with an
# unlocked gnome-keyring and a vault holding a saved profile (as on every
# Linux desktop: the window's vault asks the keyring for its key at
# start), prints
#  - cold start to the window mapped: nocontact against a minimal Fyne
#    window built the same way (median of 7 each, taken in turn), and their
#    ratio;
#  - the resident memory of the open main window;
#  - an HTTP hit on the sinkhole to the pop-up window mapped (tray running);
#  - the tray's resident memory and CPU over NOCONTACT_IDLE_SECONDS (60) idle
#    with a session running.
# Windows are timed by their MapNotify (xev), not by polling: xdotool
# search --sync looks every 0.5 s, which rounded every start up to the next
# half second. The session's home, keyring and bus are thrown away at exit.
set -euo pipefail
if [ -z "${NOCONTACT_BENCH_SESSION:-}" ]; then
	home=$(mktemp -d)
	rc=0
	# The figures come back on descriptor 3, so that what the session's
	# own services print (the accessibility registry the tray wakes
	# announces itself) stays out of them.
	HOME=$home XDG_DATA_HOME=$home/data NOCONTACT_BENCH_SESSION=1 dbus-run-session -- "$0" "$@" 3>&1 >/dev/null || rc=$?
	rm -rf "$home"
	exit $rc
fi
exec 1>&3 3>&-
bin=$(cd "$1" && pwd)
D=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$D" 2>/dev/null || true; }
trap cleanup EXIT
export XDG_RUNTIME_DIR=$D/run XDG_CONFIG_HOME=$D/config NOCONTACT_SOCKET=$D/d.sock LC_MESSAGES=en_US.UTF-8
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
echo -n bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
"$bin/nocontact" profiles add https://www.instagram.com/jane.doe/ >/dev/null # an encrypted vault, its key in the keyring
d=80
while [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ]; do d=$((d + 1)); done
export DISPLAY=:$d
Xvfb "$DISPLAY" -screen 0 1024x700x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 200); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done # up to 20 s on a loaded machine

# Every top-level window mapped, "SECONDS.MICROSECONDS WINDOW" a line, at
# the moment the X server says so.
touch "$D/maps"
xev -root -event substructure | while IFS= read -r l; do
	case $l in MapNotify*)
		t=${EPOCHREALTIME/,/.}
		IFS= read -r l
		w=${l##*window }
		echo "$t ${w%%,*}" >>"$D/maps"
		;;
	esac
done &
pids+=($!)

now() { echo "${EPOCHREALTIME/,/.}"; }
# mapped_ms T0 SKIP TITLE: milliseconds from T0 (now) to the first window
# titled TITLE among those mapped after the first SKIP.
mapped_ms() {
	local t w
	for _ in $(seq 600); do
		while read -r t w; do
			if xdotool getwindowname "$w" 2>/dev/null | grep -qE "$3"; then
				awk -v a="$1" -v b="$t" 'BEGIN {printf "%d\n", (b - a) * 1000}'
				return 0
			fi
		done < <(tail -n +$(($2 + 1)) "$D/maps")
		sleep 0.05
	done
	echo "bench-gui: no window $3 mapped in 30 s" >&2
	return 1
}
# start_ms CMD TITLE: milliseconds from exec to the window mapped; leaves it open in $last
start_ms() {
	local n t0
	n=$(wc -l <"$D/maps")
	t0=$(now)
	"$1" >/dev/null 2>&1 &
	last=$!
	mapped_ms "$t0" "$n" "$2"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for i in 1 2 3 4 5 6 7; do
	start_ms "$bin/fyne-hello" '^Hello$' >>"$D/hello"
	kill $last; wait $last 2>/dev/null || true
	start_ms "$bin/nocontact" '^No Contact$' >>"$D/nc"
	kill $last; wait $last 2>/dev/null || true
done
h=$(median <"$D/hello") n=$(median <"$D/nc")
echo "cold start to window mapped (D-Bus session, unlocked keyring, a saved profile): nocontact ${n} ms, minimal Fyne window ${h} ms, ratio $(awk -v a="$n" -v b="$h" 'BEGIN {printf "%.2f", a/b}') (target <= 1.3)"
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
n=$(wc -l <"$D/maps") t0=$(now)
curl -s -o /dev/null -H 'Host: instagram.com' "http://127.78.0.1:$port/"
echo "HTTP hit to pop-up window mapped: $(mapped_ms "$t0" "$n" '^No Contact$') ms (target <= 1500)"
pkill -f "$bin/nocontact excerpt" || true

secs=${NOCONTACT_IDLE_SECONDS:-60}
ms() { date +%s%3N; }
c0=$(awk '{print $14+$15}' /proc/$tray/stat) t0=$(ms)
sleep "$secs"
c1=$(awk '{print $14+$15}' /proc/$tray/stat) t1=$(ms)
echo "tray idle for ${secs} s with a session: $(awk '/VmRSS/ {printf "%.1f MiB", $2/1024}' /proc/$tray/status) resident (target <= 40), CPU $(awk -v c=$((c1 - c0)) -v t=$((t1 - t0)) 'BEGIN {printf "%.3f", c/100/(t/1000)*100}') % (target <= 0.1)"
