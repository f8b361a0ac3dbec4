#!/usr/bin/env bash
# test-windows.sh [PKG...]: the Windows tests, cross-compiled here and run
# under Wine (Debian 12's Wine 8.0, installed by scripts/deps.sh).
#
# Two things make Go's Windows test binaries run under that Wine, both kept
# to this script and the test binaries it builds, never to what ships:
#  - a one-function bcryptprimitives.dll (scripts/windows/bcryptprimitives.c)
#    in a private Wine prefix: Wine 8.0 lacks ProcessPrng, which every Go
#    program calls at start;
#  - a build overlay (go test -overlay) of the standard library's
#    internal/syscall/windows/at_windows.go whose delete falls back to the
#    older call on the two statuses Wine 8.0 answers (see FACTS.md, "Windows
#    under Wine, checked"): without it every t.TempDir() clean-up fails.
#    The overlay is chosen over a test helper replacing t.TempDir() because
#    it leaves every test as it is written for Windows, and it is generated
#    from the installed Go at each run, so it follows the toolchain.
#
# NOCONTACT_WINE_BENCH=REGEXP runs the benchmarks REGEXP matches instead
# of the tests (NOCONTACT_WINE_BENCHTIME, default 1x), and prints their
# figures marked as Wine's.
#
# Without arguments it runs every package that builds for Windows without
# cgo and has tests. Under NOCONTACT_CI a missing Wine or mingw fails.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}

need() {
	if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "$1" ]; then
		if [ -n "${NOCONTACT_CI:-}" ]; then
			echo "test-windows: $1 is missing (scripts/deps.sh installs it)" >&2
			exit 1
		fi
		echo "test-windows: SKIP: $1 is missing; run make deps" >&2
		exit 0
	fi
}
# shellcheck source=scripts/windows/wine.sh
. scripts/windows/wine.sh
need "$WINE"
need x86_64-w64-mingw32-gcc
wine_prefix "${WINEPREFIX:-$cache/wine-prefix}"

# The overlay, from the installed Go.
at=$($GO env GOROOT)/src/internal/syscall/windows/at_windows.go
sed 's|^\(\t\tSTATUS_NOT_SUPPORTED:\)|\t\tNTStatus(0xC0000010), NTStatus(0xC0000002), // Wine 8.0: STATUS_INVALID_DEVICE_REQUEST, STATUS_NOT_IMPLEMENTED (test-windows.sh)\n\1|' "$at" >"$cache/at_windows.go"
if ! grep -q 'test-windows.sh' "$cache/at_windows.go"; then
	echo "test-windows: the overlay no longer applies to $at; see FACTS.md" >&2
	exit 1
fi
printf '{"Replace": {"%s": "%s"}}\n' "$at" "$cache/at_windows.go" >"$cache/overlay.json"

if [ $# -eq 0 ]; then
	# shellcheck disable=SC2046
	set -- $(GOOS=windows CGO_ENABLED=0 $GO list -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' ./blocker/... ./content/... 2>/dev/null)
fi
bin=$cache/bin
mkdir -p "$bin"
# The three programs, for the end-to-end test of nocontactd (nocontact.exe
# starts the block) and the installer's test.
if [[ " $* " == *nocontactd* ]]; then
	./scripts/build-windows.sh "$cache/programs" >/dev/null
	export NOCONTACT_EXE
	NOCONTACT_EXE=$(winpath "$cache/programs/nocontact.exe")
fi
failed=()
for arg in "$@"; do
	pkg=${arg%%@*} only=   # PKG@REGEXP runs only the tests REGEXP matches
	[ "$arg" != "$pkg" ] && only=${arg#*@}
	exe=$bin/$(echo "$pkg" | tr / _).test.exe
	if ! GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $GO test -c -overlay "$cache/overlay.json" -o "$exe" "$pkg"; then
		failed+=("$pkg (build)")
		continue
	fi
	start=$(date +%s)
	log=$bin/$(echo "$pkg" | tr / _).log
	# Output to a file, not a pipe: a process the test started and left
	# behind would hold a pipe open; the Wine server is killed after each
	# package, which ends every Wine process of the prefix.
	args=(-test.v -test.timeout 4m ${only:+-test.run "$only"})
	if [ -n "${NOCONTACT_WINE_BENCH:-}" ]; then # make bench: benchmarks only
		args=(-test.run '^$' -test.bench "$NOCONTACT_WINE_BENCH" -test.benchtime "${NOCONTACT_WINE_BENCHTIME:-1x}")
	fi
	if (cd "$($GO list -f '{{.Dir}}' "$pkg")" && NOCONTACT_WINE=1 timeout -k 5 "${NOCONTACT_WINE_TIMEOUT:-300}" "$WINE" "$exe" "${args[@]}" >"$log" 2>&1); then
		echo "ok    $pkg under Wine $(($(date +%s) - start))s"
		grep -A1 -- '--- SKIP' "$log" || true
		grep '^Benchmark' "$log" | sed 's/$/   (Windows, under Wine)/' || true
	else
		tail -40 "$log"
		echo "FAIL  $pkg under Wine"
		failed+=("$pkg")
	fi
	"$WINESERVER" -k 2>/dev/null || true
done
"$WINESERVER" -k 2>/dev/null || true
if [ ${#failed[@]} -gt 0 ]; then
	echo "test-windows: failed: ${failed[*]}" >&2
	exit 1
fi
