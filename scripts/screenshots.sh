#!/usr/bin/env bash
# screenshots.sh BIN_DIR OUT_DIR: the GUI against a sandboxed daemon (hosts
# file, state and socket in a temporary directory; the sinkhole on high
# ports), with a private keyring and demo profiles, under Xvfb; saves
# today-idle.png, today.png, profiles.png and read.png. Run it inside
# dbus-run-session (make screenshots does).
set -euo pipefail
bin=$(cd "$1" && pwd) out=$2
mkdir -p "$out"
. "$(dirname "$0")/sandbox.sh"
# Two browsers "installed" under a private root, so the browser layer shows.
mkdir -p "$D/root/usr/bin" "$D/root/usr/lib/firefox-esr"
touch "$D/root/usr/bin/chromium" "$D/root/usr/lib/firefox-esr/firefox-esr"
sandbox_daemon --browser-root "$D/root"
"$bin/nocontact" profiles add https://www.instagram.com/jane.doe/ >/dev/null
"$bin/nocontact" profiles add jane.substack.com >/dev/null
"$bin/nocontact" profiles add --reach platform https://x.com/janedoe >/dev/null
"$bin/nocontact" contact --last "$(date -d '12 days ago' +%F)" >/dev/null

sandbox_xvfb

shoot() { # shoot NAME [N:NAME | end:NAME]...: open the window, take pictures, close it
	"$bin/nocontact" >"$D/gui.log" 2>&1 &
	local gui=$!
	for _ in $(seq 120); do xdotool search --onlyvisible --name '^No Contact$' >/dev/null 2>&1 && break; sleep 0.25; done
	sleep 2
	import -window root "$out/$1.png"
	for tab in "${@:2}"; do
		if [ "${tab%%:*}" = end ]; then # the bottom of the screen: the wheel over its middle
			xdotool mousemove 500 400 click --repeat 30 --delay 30 5
		else
			xdotool key "ctrl+${tab%%:*}" # the rail's shortcut: Ctrl+2 is Profiles
		fi
		sleep 1.5
		import -window root "$out/${tab#*:}.png"
	done
	kill "$gui"; wait "$gui" 2>/dev/null || true
}
"$bin/nocontact" schedule add --days mon-fri --from 22:00 --to 07:00 --lock strict >/dev/null
"$bin/nocontact" schedule add --days weekends --from 13:00 --to 18:00 >/dev/null
shoot today-idle end:schedules
FYNE_THEME=light shoot today-idle-light end:schedules-light
"$bin/nocontact" start --for 30d --yes --lock cooldown >/dev/null
# Attempts on a blocked site, and an urge in the journal.
for i in 1 2 3; do curl -s -o /dev/null -H 'Host: x.com' "http://127.78.0.1:$http_port/janedoe"; done
"$bin/nocontact" journal add --motive loneliness "Wanted to text her after the party" >/dev/null
"$bin/nocontact" journal add --motive nostalgia "Looked for our old photos" >/dev/null
shoot today 2:profiles 3:read 4:progress
FYNE_THEME=light shoot today-light 2:profiles-light

# The pop-up for the last attempt.
seq=$("$bin/nocontact" events --json | grep '"kind":"visit"' | tail -n1 | sed 's/.*"seq":\([0-9]*\).*/\1/')
"$bin/nocontact" excerpt --event "$seq" >"$D/popup.log" 2>&1 &
popup=$!
for _ in $(seq 120); do xdotool search --onlyvisible --name '^No Contact$' >/dev/null 2>&1 && break; sleep 0.25; done
sleep 2
import -window root "$out/popup.png"
kill "$popup"
echo "screenshots: $(ls "$out" | tr '\n' ' ')"
