#!/usr/bin/env bash
# screenshots-minimum.sh BIN_DIR OUT_DIR: every screen of the window at its
# smallest size (the minimum the window gives the window manager), in the
# dark and the light theme, against a sandboxed daemon under Xvfb (as
# screenshots.sh): Today before a block with five profiles, a message under
# its field, the schedule form, Profiles with a link, Read, Progress, Help,
# the question before a strict block, the friend's code, Today during a
# block and the pause before an early end. Saves NAME-minimum.png and
# NAME-minimum-light.png. Run it inside dbus-run-session (make screenshots
# does).
set -euo pipefail
bin=$(cd "$1" && pwd) out=$(mkdir -p "$2" && cd "$2" && pwd)
. "$(dirname "$0")/sandbox.sh"
sandbox_daemon
for link in https://www.instagram.com/jane.doe/ jane.substack.com https://x.com/janedoe \
	https://www.tiktok.com/@jane.doe https://www.facebook.com/jane.doe; do
	"$bin/nocontact" profiles add "$link" >/dev/null
done
"$bin/nocontact" contact --last "$(date -d '12 days ago' +%F)" >/dev/null
"$bin/nocontact" schedule add --days mon-fri --from 22:00 --to 07:00 --lock strict >/dev/null
"$bin/nocontact" journal add --motive loneliness "Wanted to text her after the party" >/dev/null
sandbox_xvfb

gui="" win="" suffix=""
open_gui() { # open_gui THEME: the main window at its smallest, until close_gui
	suffix=$([ "$1" = light ] && echo -light || true) win=""
	for _ in 1 2 3; do # on a loaded machine X may refuse a connection once
		FYNE_THEME=$1 "$bin/nocontact" >"$D/gui.log" 2>&1 &
		gui=$!
		for _ in $(seq 120); do
			win=$(xdotool search --onlyvisible --name '^No Contact$' 2>/dev/null | head -n1) && [ -n "$win" ] && break
			kill -0 "$gui" 2>/dev/null || break
			sleep 0.25
		done
		[ -n "$win" ] && break
		close_gui
	done
	[ -n "$win" ] || { cat "$D/gui.log" >&2; echo "screenshots-minimum: the window did not open" >&2; exit 1; }
	sleep 2
	# Xvfb has no window manager to hold the window to its minimum: ask
	# for the size the window itself names as its smallest.
	xdotool windowsize "$win" $(xprop -id "$win" WM_NORMAL_HINTS | sed -n 's/.*minimum size: \([0-9]*\) by \([0-9]*\).*/\1 \2/p')
	sleep 1.5
}
close_gui() { # SIGTERM, and SIGKILL if the window is still there after 10 s (Fyne has hung once on its way out)
	kill "$gui" 2>/dev/null || true
	for _ in $(seq 40); do kill -0 "$gui" 2>/dev/null || break; sleep 0.25; done
	kill -9 "$gui" 2>/dev/null || true
	wait "$gui" 2>/dev/null || true
}
shot() { sleep "${2:-1.5}"; import -window "$win" "$out/$1-minimum$suffix.png"; }
click() { xdotool mousemove "$1" "$2" click 1; sleep 0.5; }
key() { xdotool key "$@"; sleep 0.3; }

screens() { # Today before a block, the schedule form with a message, the other screens
	shot today-idle
	xdotool mousemove 350 300 click --repeat 40 --delay 20 5 # the wheel, down to the schedule form
	sleep 0.5
	click 260 483 && key ctrl+a && xdotool type "10pm" # From
	click 347 521 # Add schedule
	shot schedules
	key ctrl+2 && click 350 80 && xdotool type "https://www.instagram.com/jane.roe/"
	shot profiles
	key ctrl+3 && shot read
	key ctrl+4 && shot progress
	key ctrl+5 && shot help
}

questions() { # the question before a strict block, then the friend's code
	click 486 220 && click 380 260 && click 380 372 # 30 days; Lock: Strict
	click 347 436
	shot strict-question
	key Escape
	click 215 220 && click 380 260 && click 380 333 # 24 h; Lock: Friend's code
	click 347 436
	shot friend-code 2.5
}

for theme in dark light; do
	open_gui "$theme" && screens && close_gui
	open_gui "$theme" && questions && close_gui
	"$bin/nocontact" cleanup >/dev/null # the block the friend's code was for, and the schedules
	"$bin/nocontact" schedule add --days mon-fri --from 22:00 --to 07:00 --lock strict >/dev/null
	open_gui "$theme"
	click 410 79 && xdotool type "last spring" && key Return # a day not understood
	shot day-error
	close_gui
done

"$bin/nocontact" start --for 30d --yes --lock cooldown >/dev/null
for _ in 1 2 3; do curl -s -o /dev/null -H 'Host: x.com' "http://127.78.0.1:$http_port/janedoe"; done
for theme in dark light; do
	open_gui "$theme"
	shot today
	click 163 292 # End early…
	shot pause 3
	key Escape
	close_gui
done
echo "screenshots: $(cd "$out" && ls -- *-minimum*.png | tr '\n' ' ')"
