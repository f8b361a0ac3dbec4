#!/usr/bin/env bash
# package-windows.sh OUT_DIR [PROGRAMS_DIR]: the Windows installer,
# OUT_DIR/NoContact-Setup-<version>.exe, built here with NSIS (makensis,
# from Debian's nsis package) around the three programs of
# build-windows.sh (built into a scratch folder unless PROGRAMS_DIR holds
# them already). With SIGN_CERT (a PKCS#12 file, SIGN_PASS its password)
# the installer and the programs in it are signed with osslsigncode;
# without, they are unsigned, and SmartScreen warns (see the README).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1 programs=${2:-}
version=${VERSION:-$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)}
numeric=$(echo "$version" | sed 's/[^0-9.].*//')
IFS=. read -r major minor patch <<<"$numeric"
command -v makensis >/dev/null || { echo "package-windows: makensis is missing: run make deps" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -z "$programs" ]; then
	programs=$tmp/programs
	VERSION=$version ./scripts/build-windows.sh "$programs" >/dev/null
fi
# sign FILE signs FILE in place when a certificate is given.
sign() {
	osslsigncode sign -pkcs12 "$SIGN_CERT" ${SIGN_PASS:+-pass "$SIGN_PASS"} -n "No Contact" \
		-i https://github.com/nocontact-app/nocontact -h sha256 -in "$1" -out "$tmp/signed.exe" >/dev/null
	mv "$tmp/signed.exe" "$1"
}
if [ -n "${SIGN_CERT:-}" ]; then # the programs too, so that Windows names their publisher
	mkdir -p "$tmp/signed"
	cp "$programs"/*.exe "$tmp/signed/"
	programs=$tmp/signed
	for exe in "$programs"/*.exe; do sign "$exe"; done
fi
convert resources/icons/256.png -resize 16x16 "$tmp/16.png"
convert "$tmp/16.png" resources/icons/32.png resources/icons/48.png resources/icons/256.png "$tmp/nocontact.ico"
mkdir -p "$out"
setup=$(cd "$out" && pwd)/NoContact-Setup-$version.exe
makensis -V2 -DVERSION="$version" -DVERSION4="${major:-0}.${minor:-0}.${patch:-0}.0" \
	-DSRC="$(cd "$programs" && pwd)" -DICON="$tmp/nocontact.ico" -DOUT="$setup" resources/windows/nocontact.nsi
if [ -n "${SIGN_CERT:-}" ]; then
	sign "$setup"
	echo "package-windows: the installer and its programs are signed with $SIGN_CERT"
fi
ls -l "$setup"
