#!/usr/bin/env bash
# build-windows.sh OUT_DIR: the three Windows programs, cross-built here
# with mingw-w64 (scripts/deps.sh installs it):
#   nocontact.exe       the window and the command line (cgo: Fyne's GLFW),
#                       a GUI program (-H windowsgui: no console window
#                       behind it; the command line attaches to the console
#                       it was started from, see main_windows.go)
#   nocontact-tray.exe  the tray (GUI program; systray is pure Go there)
#   nocontactd.exe      the service (no cgo, a console program: the service
#                       manager starts it, and `nocontactd run` is for tests)
# Each gets the app's icon and a version resource, compiled with windres
# into a .syso beside its main package for the build and removed after it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1
GO=${GO:-go}
version=${VERSION:-$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)}
numeric=$(echo "$version" | sed 's/[^0-9.].*//')
IFS=. read -r major minor patch <<<"$numeric"
commas="${major:-0},${minor:-0},${patch:-0},0"
ldflags="-s -w -X github.com/nocontact-app/nocontact/blocker/api.Version=$version"

for tool in x86_64-w64-mingw32-gcc x86_64-w64-mingw32-windres convert; do
	command -v "$tool" >/dev/null || { echo "build-windows: $tool is missing: run make deps" >&2; exit 1; }
done
mkdir -p "$out"
tmp=$(mktemp -d)
sysos=()
cleanup() { rm -rf "$tmp"; [ ${#sysos[@]} -eq 0 ] || rm -f "${sysos[@]}"; }
trap cleanup EXIT

# One .ico with the sizes Windows asks for (16 for lists, 256 for tiles).
convert resources/icons/256.png -resize 16x16 "$tmp/16.png"
convert "$tmp/16.png" resources/icons/32.png resources/icons/48.png resources/icons/64.png \
	resources/icons/128.png resources/icons/256.png "$tmp/nocontact.ico"

# build PKG FILE DESCRIPTION GUI CGO
build() {
	local pkg=$1 file=$2 desc=$3 gui=$4 cgo=$5 manifest=
	[ "$gui" = gui ] && manifest="1 24 \"$PWD/resources/windows/app.manifest\""
	sed -e "s|@ICON@|$tmp/nocontact.ico|" -e "s|@MANIFEST@|$manifest|" -e "s|@NAME@|${file%.exe}|" \
		-e "s|@FILE@|$file|" -e "s|@DESC@|$desc|" -e "s|@VERSION@|$version|" -e "s|@VERSION_COMMAS@|$commas|" \
		resources/windows/app.rc.in >"$tmp/${file%.exe}.rc"
	local syso=$pkg/zz_resources_windows_amd64.syso
	sysos+=("$syso")
	x86_64-w64-mingw32-windres -O coff -o "$syso" "$tmp/${file%.exe}.rc"
	local flags=$ldflags
	[ "$gui" = gui ] && flags="$flags -H windowsgui"
	GOOS=windows GOARCH=amd64 CGO_ENABLED=$cgo CC=x86_64-w64-mingw32-gcc \
		$GO build -trimpath -ldflags "$flags" -o "$out/$file" "./$pkg"
	rm -f "$syso"
}
build . nocontact.exe "No Contact" gui 1
build app/cmd/nocontact-tray nocontact-tray.exe "No Contact in the notification area" gui 1
build blocker/cmd/nocontactd nocontactd.exe "No Contact blocking service" console 0
ls -l "$out"/*.exe
