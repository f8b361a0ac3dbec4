#!/usr/bin/env bash
# test-windows-display.sh PROGRAMS_DIR OUT_DIR: the Windows window under
# Wine on a private Xvfb display. nocontactd.exe runs in the foreground on
# a hosts file of its own and a private pipe; nocontact.exe opens its
# window against it, with its vault in the prefix's Credential Manager;
# the screenshot (OUT_DIR/windows-today.png), read by OCR (tesseract),
# must show Today with no block running. Wine draws no window frame (no
# window manager runs): the picture is the window's content.
set -euo pipefail
cd "$(dirname "$0")/.."
programs=$(cd "$1" && pwd) out=$2
mkdir -p "$out"
for tool in Xvfb xdotool import tesseract; do
	command -v "$tool" >/dev/null || { echo "test-windows-display: $tool is missing (run make deps)" >&2; exit 1; }
done
# shellcheck source=scripts/windows/wine.sh
. scripts/windows/wine.sh
wine_prefix "$cache/wine-prefix"

d=110
while [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ]; do d=$((d + 1)); done
Xvfb ":$d" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
work=$(mktemp -d)
cleanup() { "$WINESERVER" -k 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 200); do DISPLAY=:$d xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

printf '127.0.0.1 localhost\r\n' >"$work/hosts"
pipe='\\.\pipe\nocontact-display-'$$
timeout 300 "$WINE" "$programs/nocontactd.exe" run --hosts-file "$(winpath "$work/hosts")" --state-dir "$(winpath "$work/state")" \
	--socket "$pipe" --http-port 0 --https-port 0 >"$out/windows-nocontactd.log" 2>&1 &
# The daemon's first call goes unanswered under Wine (FACTS.md): ask until
# it answers, as the window would after its first try.
for _ in $(seq 10); do
	timeout 20 "$WINE" "$programs/nocontact.exe" status --socket "$pipe" 2>/dev/null | grep -q "No block running" && break
	sleep 1
done
NOCONTACT_SOCKET=$pipe DISPLAY=:$d timeout 300 "$WINE" "$programs/nocontact.exe" >"$out/windows-nocontact.log" 2>&1 &
win=
for _ in $(seq 240); do
	win=$(DISPLAY=:$d xdotool search --onlyvisible --name '^No Contact$' 2>/dev/null | head -n1 || true)
	[ -n "$win" ] && break
	sleep 0.25
done
[ -n "$win" ] || { echo "test-windows-display: nocontact.exe showed no window within 60 s" >&2; cat "$out/windows-nocontact.log" >&2; exit 1; }
# Wait for Today to be drawn, read by OCR.
for _ in $(seq 20); do
	sleep 2
	DISPLAY=:$d import -window "$win" "$out/windows-today.png"
	text=$(tesseract "$out/windows-today.png" - 2>/dev/null || true)
	[[ $text == *Today* && $text == *"No block running"* ]] && break
done
if [[ $text != *Today* || $text != *"No block running"* ]]; then
	echo "test-windows-display: the window does not show Today with no block running; OCR read:" >&2
	echo "$text" >&2
	exit 1
fi
echo "test-windows-display: nocontact.exe shows Today under Wine; screenshot $out/windows-today.png"
