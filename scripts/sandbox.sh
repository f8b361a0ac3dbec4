# sandbox.sh: sourced by the screenshot scripts. The GUI against a sandboxed
# daemon: a private home and socket, a hosts file, state and run directory
# in a temporary directory $D (removed at exit with everything started),
# the sinkhole on high ports ($http_port), a private keyring, and Xvfb on a
# free display. Needs $bin (the binaries' directory).

D=$(mktemp -d)
export HOME=$D/home XDG_CONFIG_HOME=$D/home/.config XDG_DATA_HOME=$D/home/data NOCONTACT_SOCKET=$D/d.sock XDG_RUNTIME_DIR=$D/run
mkdir -p "$HOME" "$D/run"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$D" 2>/dev/null || true; }
trap cleanup EXIT
printf '127.0.0.1 localhost\n' >"$D/hosts"
http_port=$((20000 + RANDOM % 20000))

# sandbox_daemon [FLAG...]: nocontactd on the sandbox, until exit, and the
# keyring unlocked; returns once the daemon answers.
sandbox_daemon() {
	"$bin/nocontactd" run --hosts-file "$D/hosts" --state-dir "$D/state" --socket "$D/d.sock" \
		--http-port $http_port --https-port $((40001 + RANDOM % 20000)) "$@" 2>"$D/daemon.log" &
	pids+=($!)
	echo -n demo | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
	for _ in $(seq 50); do "$bin/nocontact" status >/dev/null 2>&1 && break; sleep 0.1; done
}

# sandbox_xvfb: Xvfb at 900x620 on a free display, as DISPLAY.
sandbox_xvfb() {
	local d=70
	while [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ]; do d=$((d + 1)); done
	export DISPLAY=:$d
	Xvfb "$DISPLAY" -screen 0 900x620x24 -nolisten tcp >/dev/null 2>&1 &
	pids+=($!)
	for _ in $(seq 200); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done # up to 20 s on a loaded machine
}
