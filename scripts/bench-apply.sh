#!/usr/bin/env bash
# bench-apply.sh BIN_DIR: the hosts write as a person meets it, a whole
# process: `nocontactd hosts apply` on a 200,000-line file beside `dd
# conv=fsync` of the same file (the durable copy it cannot beat), median of
# 9 alternating runs, in a scratch directory.
set -euo pipefail
bin=$1
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
awk 'BEGIN { print "127.0.0.1 localhost"; for (i = 0; i < 200000; i++) printf "10.%d.%d.%d host%d.example.com\n", i % 250, int(i / 250) % 250, i % 7, i }' >"$d/big"
ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $((($(date +%s%N) - s) / 100000)); }
apply=() copy=()
for _ in $(seq 9); do
	cp "$d/big" "$d/hosts"
	apply+=("$(ms "$bin/nocontactd" hosts apply --hosts-file "$d/hosts" instagram.com www.instagram.com)")
	copy+=("$(ms dd if="$d/big" of="$d/copy" conv=fsync status=none)")
done
med() { printf '%s\n' "$@" | sort -n | sed -n 5p; }
a=$(med "${apply[@]}") c=$(med "${copy[@]}")
awk -v a="$a" -v c="$c" 'BEGIN { printf "whole process: nocontactd hosts apply, 200k lines: %.1f ms; dd conv=fsync: %.1f ms; ratio %.2fx (target <= 1.5x)\n", a / 10, c / 10, a / c }'
