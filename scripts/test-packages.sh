#!/usr/bin/env bash
# test-packages.sh BIN_DIR: the .deb and the .rpm built from BIN_DIR (make
# build) checked, then installed, upgraded and removed in a throwaway
# Debian bookworm root (mmdebstrap), inside private mount, PID and network
# namespaces, never on this machine:
#   1. lintian: no error or warning but those overridden with a reason
#      (scripts/packaging/lintian-overrides);
#   2. the files of both packages (dpkg-deb -c, rpm -qlp) against
#      scripts/packaging/files.txt, and their scripts (rpm -qp --scripts);
#   3. in the root: install (the unit enabled), systemd-analyze verify of
#      the installed unit, the installed daemon run in the foreground on the
#      root's /etc/hosts, a strict block started with the installed CLI, an
#      upgrade to VERSION.1 built from the same tree and the daemon
#      restarted as systemd would (the block goes on, same start, same
#      length, credited time kept), removal refused during the block with
#      a sentence naming `nocontact cleanup`, accepted after it, the section
#      gone and the daemon's data kept, then purged; the rpm's %preun run
#      there too, refusing an erase during the block.
# The root's tarball is cached under $(go env GOCACHE)/nocontact-packages,
# keyed by the package's dependencies. Needs root for the third part; under
# NOCONTACT_CI=1 anything missing is a failure, never a skip.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
# Messages in C: lintian's and mmdebstrap's perl warns of a locale that is
# not installed (make exports LC_MESSAGES for Fyne's sake).
export LC_ALL=C.UTF-8
export t0=${t0:-$(date +%s)}
say() { echo "test-packages: [$(($(date +%s) - t0)) s] $*"; }
fail() {
	echo "test-packages: FAIL: $*" >&2
	exit 1
}
missing() {
	[ "${NOCONTACT_CI:-}" = 1 ] && fail "CI must run this test, but: $*"
	say "SKIP the install test: $*"
	exit 0
}

if [ "${1:-}" = --inside ]; then
	# shellcheck source=scripts/test-packages-root.sh
	. "$here/test-packages-root.sh"
	inside "$2" "$3" "$4"
	exit 0
fi

bin=$(cd "$1" && pwd)
version=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' "$repo/FyneApp.toml")
next=$version.1
work=$(mktemp -d /tmp/nocontact-packages.XXXXXX)
trap 'rm -rf "$work"' EXIT
for t in lintian rpm dpkg-deb; do
	command -v "$t" >/dev/null || fail "$t is not installed (make deps installs it)"
done

say "building $version and $next"
"$here/packaging/build.sh" "$bin" "$work/v1" "$version" >/dev/null
mkdir -p "$work/bin2"
ld="-X github.com/nocontact-app/nocontact/blocker/api.Version=$next"
(cd "$repo" && go build -ldflags "$ld" -o "$work/bin2/nocontact" . &&
	CGO_ENABLED=0 go build -ldflags "$ld" -o "$work/bin2/nocontactd" ./blocker/cmd/nocontactd &&
	CGO_ENABLED=0 go build -ldflags "$ld" -o "$work/bin2/nocontact-tray" ./app/cmd/nocontact-tray)
cp -r "$bin/share" "$work/bin2/"
"$here/packaging/build.sh" "$work/bin2" "$work/v2" "$next" >/dev/null
deb=$work/v1/nocontact_${version}_amd64.deb rpm=$work/v1/nocontact-${version}.x86_64.rpm
[ -f "$deb" ] && [ -f "$rpm" ] && [ -f "$work/v2/nocontact_${next}_amd64.deb" ] || fail "a package is missing"

say "lintian"
out=$(lintian --tag-display-limit 0 "$deb" 2>&1 | grep -v 'running with root privileges' || true)
[ -z "$out" ] || fail "lintian (fix it, or override it with a reason in scripts/packaging/lintian-overrides):
$out"

# files.txt lists each packaged path, with "deb " or "rpm " before those of
# one packager only; man1/*.1.gz stands for every page of BIN_DIR/share/man1
# and the tray's.
expected() {
	local pages
	pages=$( (cd "$bin/share/man1" && ls ./*.1; echo ./nocontact-tray.1) | sed 's|^\./\(.*\)|/usr/share/man/man1/\1.gz|')
	grep -v '^#' "$here/packaging/files.txt" | grep -v '^$' | while read -r a b; do
		if [ -z "$b" ]; then echo "$a"; elif [ "$a" = "$1" ]; then echo "$b"; fi
	done | grep -v 'man1/\*' | cat - <(echo "$pages") | sort
}
say "file lists"
diff <(expected rpm) <(rpm -qlp "$rpm" 2>/dev/null | sort) >"$work/diff" || fail "rpm -qlp differs from scripts/packaging/files.txt (< expected, > packaged):
$(cat "$work/diff")"
diff <(expected deb) <(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print substr($6, 2)}' | sort) >"$work/diff" ||
	fail "dpkg-deb -c differs from scripts/packaging/files.txt:
$(cat "$work/diff")"
scripts=$(rpm -qp --scripts "$rpm" 2>/dev/null)
for want in 'postinstall scriptlet' 'systemctl --no-reload enable nocontactd.service' 'preuninstall scriptlet' \
	'nocontactd before-remove' 'postuninstall scriptlet' 'systemctl try-restart nocontactd.service'; do
	grep -qF -- "$want" <<<"$scripts" || fail "rpm -qp --scripts has no \"$want\""
done

[ "$(id -u)" = 0 ] || missing "root (mmdebstrap, unshare and chroot)"
for t in mmdebstrap unshare chroot systemd-analyze; do
	command -v "$t" >/dev/null || missing "$t is not installed (make deps installs it)"
done

# The root holds the package's dependencies (first of each alternative),
# so that dpkg -i checks them as on a real system, and systemd, which the
# package recommends and whose units the service's are verified against
# (it came in through GTK's dependencies before the tray dropped GTK).
deps=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/ //g' | paste -sd, -)
mirror=${NOCONTACT_DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=$(go env GOCACHE)/nocontact-packages
key=$(echo "bookworm $mirror essential init-system-helpers,systemd,$deps" | sha256sum | cut -c1-16)
tarball=$cache/bookworm-$key.tar
if [ ! -f "$tarball" ]; then
	say "making the Debian root (once; cached in $tarball)"
	mkdir -p "$cache"
	rm -f "$cache"/bookworm-*.tar
	mmdebstrap --quiet --variant=essential --include="init-system-helpers,systemd,$deps" \
		--dpkgopt='path-exclude=/usr/share/locale/*' bookworm "$tarball.part.tar" "$mirror"
	mv "$tarball.part.tar" "$tarball"
fi

say "install, upgrade and removal in a private namespace"
cp "$deb" "$work/v2/nocontact_${next}_amd64.deb" "$work/"
# The rpm's %preun is run in the Debian root too (its daemon is the same):
# it must refuse an erase ($1 = 0) during the block and let an upgrade by.
rpm -qp --qf '%{PREUN}' "$rpm" >"$work/rpm-preun.sh" 2>/dev/null
unshare --mount --pid --net --fork --propagation private "$0" --inside "$work" "$tarball" "$version $next"
say "passed"
