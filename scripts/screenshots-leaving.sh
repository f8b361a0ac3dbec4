#!/usr/bin/env bash
# screenshots-leaving.sh BIN_DIR OUT_DIR: the moment of ending a block
# early, against a sandboxed daemon under Xvfb (as screenshots.sh): the
# pause (dark and light; at the window's smallest: screenshots-minimum.sh),
# the cool-down with Keep the block, and the confirm step (dark and light). The cool-down is
# real (15 minutes of the daemon's clock), so this takes about 17 minutes.
# Run it inside dbus-run-session (make screenshots-leaving does).
set -euo pipefail
bin=$(cd "$1" && pwd) out=$2
mkdir -p "$out"
. "$(dirname "$0")/sandbox.sh"
sandbox_daemon
"$bin/nocontact" profiles add https://www.instagram.com/jane.doe/ >/dev/null
"$bin/nocontact" profiles add jane.substack.com >/dev/null
"$bin/nocontact" contact --last "$(date -d '12 days ago' +%F)" >/dev/null
"$bin/nocontact" journal add --motive loneliness "Wanted to text her after the party. I didn't, and by morning I was glad." >/dev/null
"$bin/nocontact" start --for 30d --yes --lock cooldown --cooldown 15m >/dev/null
for _ in 1 2 3; do curl -s -o /dev/null -H 'Host: jane.substack.com' "http://127.78.0.1:$http_port/"; done

sandbox_xvfb

gui=""
open_gui() { # open_gui [THEME]: the main window, until close_gui
	FYNE_THEME=${1:-dark} "$bin/nocontact" >"$D/gui.log" 2>&1 &
	gui=$!
	for _ in $(seq 120); do xdotool search --onlyvisible --name '^No Contact$' >/dev/null 2>&1 && break; sleep 0.25; done
	sleep 2
}
close_gui() { kill "$gui"; wait "$gui" 2>/dev/null || true; }
suffix() { [ "$1" = light ] && echo -light || true; }
end_button() { xdotool mousemove 164 234 click 1; } # "End early…" / "End the block now…" on Today, under its headline

for theme in dark light; do
	open_gui "$theme"
	end_button
	sleep 3 # three seconds into the breath
	import -window root "$out/pause$(suffix "$theme").png"
	xdotool key Escape # keep the block: nothing was asked of the daemon
	sleep 1
	close_gui
done

open_gui dark
end_button
sleep 11 # the breath is over
xdotool key shift+Tab Return # from Keep the block to Start the cool-down
sleep 2
import -window root "$out/cooldown.png"
close_gui
for _ in $(seq 1100); do "$bin/nocontact" status --json | grep -q '"state": "ready"' && break; sleep 1; done
for theme in light dark; do
	open_gui "$theme"
	end_button
	sleep 1
	xdotool key Tab # from Keep the block to the answer
	xdotool type --delay 20 "I miss her, and I keep thinking she might need me."
	sleep 1
	import -window root "$out/confirm$(suffix "$theme").png"
	close_gui # closing keeps the request: the dark picture needs it again
done
echo "screenshots: $(ls "$out" | tr '\n' ' ')"
