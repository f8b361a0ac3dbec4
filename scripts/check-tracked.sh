#!/usr/bin/env bash
# Fails when a build output or a large file is tracked: any ELF, PE or
# Mach-O file, or any file over 1 MB outside a testdata directory.
# Run by `make lint`.
set -euo pipefail
cd "$(dirname "$0")/.."
bad=0
while IFS= read -r -d '' f; do
	[ -f "$f" ] || continue
	magic=$(head -c 4 "$f" | od -An -tx1 | tr -d ' \n')
	case "$magic" in
	7f454c46) echo "lint: $f is an ELF binary (a build output): git rm --cached it"; bad=1 ;;
	4d5a*) echo "lint: $f is a Windows (PE) binary: git rm --cached it"; bad=1 ;;
	feedface | feedfacf | cefaedfe | cffaedfe | cafebabe) echo "lint: $f is a Mach-O binary: git rm --cached it"; bad=1 ;;
	esac
	case "$f" in */testdata/* | testdata/*) continue ;; esac
	size=$(stat -c %s "$f")
	if [ "$size" -gt 1048576 ]; then
		echo "lint: $f is $((size / 1024)) KB; files over 1 MB belong outside the repository (or in testdata/)"
		bad=1
	fi
done < <(git ls-files -z)
exit $bad
