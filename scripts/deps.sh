#!/bin/sh
# deps.sh installs the Debian/Ubuntu packages that building and testing
# No Contact need. It installs only what is missing and prints nothing when
# everything is already present. On other systems it says what to install.
set -eu

PKGS="gcc pkg-config libgl1-mesa-dev xorg-dev libxkbcommon-dev \
xvfb xdotool imagemagick x11-utils gnome-keyring dbus-x11 libglib2.0-bin libsecret-tools \
desktop-file-utils appstream systemd chromium firefox-esr dbus libxml2-utils man-db \
util-linux iproute2 curl nodejs gcc-mingw-w64-x86-64 wine64 nsis tesseract-ocr \
mmdebstrap lintian rpm jq"

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: this is not a Debian/Ubuntu system; install the equivalents of:" >&2
	echo "  $PKGS" >&2
	echo "deps: then run make again." >&2
	exit 0
fi

missing=""
for p in $PKGS; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		SUDO="sudo"
	else
		echo "deps: missing packages:$missing; run as root: apt-get install$missing" >&2
		exit 1
	fi
fi

echo "deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
