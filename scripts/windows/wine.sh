# wine.sh, sourced by the scripts that run Windows programs under Wine
# (Debian 12's Wine 8.0, installed by scripts/deps.sh): sets WINE, cache
# and the Wine environment, and defines wine_prefix.
# shellcheck shell=bash
WINE=/usr/lib/wine/wine64
command -v wine64 >/dev/null 2>&1 && WINE=$(command -v wine64)
WINESERVER=$(dirname "$WINE")/wineserver
cache=$(${GO:-go} env GOCACHE)/nocontact-windows
mkdir -p "$cache"
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="

# wine_prefix DIR makes DIR a Wine prefix (once, about 10 s) and puts in its
# system32 a one-function bcryptprimitives.dll (scripts/windows/
# bcryptprimitives.c): Wine 8.0 lacks ProcessPrng, which every Go program
# calls at start. It exports WINEPREFIX.
wine_prefix() {
	export WINEPREFIX=$1
	if [ ! -d "$WINEPREFIX/drive_c/windows/system32" ]; then
		"$WINE" wineboot -i >/dev/null 2>&1 || true
		"$WINESERVER" -w 2>/dev/null || true
	fi
	local dll=$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll
	if [ ! -f "$dll" ] || [ scripts/windows/bcryptprimitives.c -nt "$dll" ]; then
		x86_64-w64-mingw32-gcc -shared -O2 -o "$dll" scripts/windows/bcryptprimitives.c -ladvapi32 -Wl,--kill-at
	fi
}

# winpath PATH is the Windows name of a Unix path (Wine's Z: drive).
winpath() { echo "Z:${1//\//\\}"; }
