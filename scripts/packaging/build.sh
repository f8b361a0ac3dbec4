#!/usr/bin/env bash
# build.sh BIN_DIR OUT_DIR VERSION: nocontact_VERSION_amd64.deb and
# nocontact-VERSION.x86_64.rpm from the binaries in BIN_DIR (make build:
# the three programs and share/ with the man pages and completions), with
# nfpm pinned in this folder's go.mod (go tool -modfile) and configured by
# nfpm.yaml. Writes only into OUT_DIR and a temporary stage.
set -euo pipefail
bin=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd) version=$3
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# The programs stripped (their symbols are for debugging, not for users),
# the unit without an owner (the daemon reads the one setup records), the
# polkit action for the packaged daemon, the man pages compressed.
for p in nocontact nocontact-tray nocontactd; do
	strip --strip-unneeded -o "$stage/$p" "$bin/$p"
done
sed -e 's|@LIBEXEC@|/usr/libexec/nocontact|' -e 's| --owner-uid @OWNER_UID@||' \
	-e 's|Installed by `nocontactd install`|Installed by the nocontact package (unlike `nocontactd install`|' \
	-e 's|^# (`nocontact setup`) or `make install`.|# or `make install`, it names no owner: the daemon reads the one `nocontact setup` records).|' \
	"$repo/resources/nocontactd.service.in" >"$stage/nocontactd.service"
if grep -q '@' "$stage/nocontactd.service"; then
	echo "build.sh: a placeholder is left in the unit" >&2
	exit 1
fi
sed 's|/usr/local/libexec/nocontact|/usr/libexec/nocontact|' "$repo/resources/app.nocontact.nocontactd.policy" >"$stage/app.nocontact.nocontactd.policy"
mkdir -p "$stage/man1" "$stage/completions"
for m in "$bin"/share/man1/*.1 "$repo/resources/nocontact-tray.1"; do gzip -9n <"$m" >"$stage/man1/$(basename "$m").gz"; done
cp "$bin"/share/completions/* "$stage/completions/"
date=$(git -C "$repo" log -1 --format=%aD 2>/dev/null || date -R)
printf 'nocontact (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- No Contact <nocontact@users.noreply.github.com>  %s\n' \
	"$version" "$version" "$date" | gzip -9n >"$stage/changelog.gz"

export VERSION=$version STAGE=$stage PKGDIR=$here RES=$repo/resources
# Reproducible: the files' times are the commit's.
SOURCE_DATE_EPOCH=$(git -C "$repo" log -1 --format=%ct 2>/dev/null || date +%s)
export SOURCE_DATE_EPOCH
nfpm() { (cd "$here" && go tool -modfile=go.mod nfpm "$@"); }
nfpm package --config "$here/nfpm.yaml" --packager deb --target "$out/nocontact_${version}_amd64.deb" >/dev/null
nfpm package --config "$here/nfpm.yaml" --packager rpm --target "$out/nocontact-${version}.x86_64.rpm" >/dev/null
echo "$out/nocontact_${version}_amd64.deb"
echo "$out/nocontact-${version}.x86_64.rpm"
