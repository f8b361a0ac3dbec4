#!/usr/bin/env bash
# Builds AdGuard Home, once, for the integration test against the real one
# in blocker/internal/dnsfilter, and prints the binary's path. AdGuard Home
# is a separate program (GPL-3.0) taken from its Go module; it is never
# linked into ours, and the binary stays in Go's build cache.
#
#   NOCONTACT_ADGUARDHOME=$(scripts/adguardhome.sh) \
#     go test -run AdGuardHomeReal -v ./blocker/internal/dnsfilter
#
# Its module's web interface folder holds only a placeholder, so the
# binary serves the API without the dashboard, which is all the test needs.
set -euo pipefail
version=v0.107.79
out="$(go env GOCACHE)/nocontact-adguardhome/$version"
bin="$out/AdGuardHome"
if [ -x "$bin" ]; then
	echo "$bin"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Outside any module, so nothing here changes this repository's go.mod.
# (go install M@V would do, but it asks the proxy for the module's version
# list, which it does not serve.)
dir=$(cd "$tmp" && GOWORK=off GOFLAGS=-mod=mod go mod download -json "github.com/AdguardTeam/AdGuardHome@$version" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
if [ ! -f "$dir/main.go" ]; then
	echo "adguardhome.sh: the Go module proxy did not give github.com/AdguardTeam/AdGuardHome@$version" >&2
	exit 1
fi
mkdir -p "$out"
(cd "$dir" && GOWORK=off CGO_ENABLED=0 go build -trimpath -o "$tmp/AdGuardHome" .) >&2
mv "$tmp/AdGuardHome" "$bin"
echo "$bin"
