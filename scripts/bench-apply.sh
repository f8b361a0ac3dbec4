#!/usr/bin/env bash
# bench-apply.sh BIN_DIR: the hosts write as a person meets it, a whole
# process: `nocontactd hosts apply` on a 200,000-line file, with the section
# changing every run, beside the true floor, a durable copy of the same
# file with large buffers (`dd bs=1M conv=fsync`: it cannot be beaten), and
# dd's default 512-byte blocks for reference; median of 9 alternating runs,
# in a scratch directory, with at least 300 processes running (idle
# sleeps are started up to that number): a desktop has that many, and the
# flush looks for resolver caches among them.
set -euo pipefail
bin=$1
d=$(mktemp -d)
sleepers=()
trap 'kill "${sleepers[@]}" 2>/dev/null || true; rm -rf "$d"' EXIT
have=$(find /proc -maxdepth 1 -name '[0-9]*' | wc -l)
for _ in $(seq $((300 - have))); do sleep 600 & sleepers+=($!); done
procs=$(find /proc -maxdepth 1 -name '[0-9]*' | wc -l)
awk 'BEGIN { print "127.0.0.1 localhost"; for (i = 0; i < 200000; i++) printf "10.%d.%d.%d host%d.example.com\n", i % 250, int(i / 250) % 250, i % 7, i }' >"$d/big"
ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $((($(date +%s%N) - s) / 100000)); }
apply=() copy=() small=()
for i in $(seq 9); do
	cp "$d/big" "$d/hosts"
	apply+=("$(ms "$bin/nocontactd" hosts apply --hosts-file "$d/hosts" instagram.com "n$i.example.com")")
	copy+=("$(ms dd if="$d/big" of="$d/copy" bs=1M conv=fsync status=none)")
	small+=("$(ms dd if="$d/big" of="$d/copy" conv=fsync status=none)")
done
med() { printf '%s\n' "$@" | sort -n | sed -n 5p; }
a=$(med "${apply[@]}") c=$(med "${copy[@]}") s=$(med "${small[@]}")
awk -v a="$a" -v c="$c" -v s="$s" -v p="$procs" 'BEGIN { printf "whole process, %d processes running: nocontactd hosts apply, 200k lines, section changed: %.1f ms; floor dd bs=1M conv=fsync: %.1f ms; ratio %.2fx (target <= 2x); dd at its default 512-byte blocks, for reference: %.1f ms\n", p, a / 10, c / 10, a / c, s / 10 }'
