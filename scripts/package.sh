#!/usr/bin/env bash
# package.sh BIN_DIR OUT_DIR: the `fyne package` archive of the app for
# Linux, and a tarball of the three binaries with the install files (the
# Makefile's install target, staged under a prefix).
set -euo pipefail
bin=$(cd "$1" && pwd) out=$2
version=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
mkdir -p "$out"
fyne=$(command -v fyne || echo "$(go env GOPATH)/bin/fyne")
if [ ! -x "$fyne" ]; then
	echo "package: installing the fyne packaging tool (never through go.mod: it would move Fyne to 2.8)"
	GOFLAGS= go install fyne.io/tools/cmd/fyne@v1.7.4
	fyne=$(go env GOPATH)/bin/fyne
fi
"$fyne" package --os linux --release --name "No Contact" --app-id app.nocontact.NoContact --icon resources/icon.png
mv "No Contact.tar.xz" "$out/nocontact-$version-fyne-linux-$(go env GOARCH).tar.xz"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
make -s install DESTDIR="$stage/nocontact-$version" PREFIX=/usr/local >/dev/null
tar -C "$stage" -czf "$out/nocontact-$version-linux-$(go env GOARCH).tar.gz" "nocontact-$version"
ls -l "$out"
