#!/usr/bin/env bash
# package.sh BIN_DIR OUT_DIR: No Contact's packages for Linux from the
# binaries of make build: nocontact_VERSION_amd64.deb and
# nocontact-VERSION.x86_64.rpm (scripts/packaging/build.sh, nfpm), the
# `fyne package` archive of the app, and a tarball of the three binaries
# with the install files (the Makefile's install target, staged under a
# prefix). It leaves the checkout as it found it: `fyne package` writes
# its build number back into FyneApp.toml, so the file is put back, and
# the build number is the commit count, never a counter in the tree.
set -euo pipefail
bin=$(cd "$1" && pwd) out=$2
version=${VERSION:-$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)}
mkdir -p "$out"
./scripts/packaging/build.sh "$bin" "$out" "$version"

fyne=$(command -v fyne || echo "$(go env GOPATH)/bin/fyne")
if [ ! -x "$fyne" ]; then
	echo "package: installing the fyne packaging tool (never through go.mod: it would move Fyne to 2.8)"
	GOFLAGS= go install fyne.io/tools/cmd/fyne@v1.7.4
	fyne=$(go env GOPATH)/bin/fyne
fi
stage=$(mktemp -d)
cp FyneApp.toml "$stage/FyneApp.toml"
trap 'cp "$stage/FyneApp.toml" FyneApp.toml; rm -rf "$stage"' EXIT
build=$(git rev-list --count HEAD 2>/dev/null || echo 1)
"$fyne" package --os linux --release --name "No Contact" --app-id app.nocontact.NoContact --icon resources/icon.png \
	--app-version "$version" --app-build "$build"
mv "No Contact.tar.xz" "$out/nocontact-$version-fyne-linux-$(go env GOARCH).tar.xz"
make -s install DESTDIR="$stage/nocontact-$version" PREFIX=/usr/local >/dev/null
tar -C "$stage" -czf "$out/nocontact-$version-linux-$(go env GOARCH).tar.gz" "nocontact-$version"
ls -l "$out"
