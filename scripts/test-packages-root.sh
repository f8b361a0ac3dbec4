# test-packages-root.sh: the part of test-packages.sh that runs inside
# private mount, PID and network namespaces (sourced by it, with its say
# and fail): a Debian root unpacked from the cached tarball, the packages
# installed, upgraded and removed in it with dpkg, the installed daemon run
# in the foreground on the root's own /etc/hosts. No systemd runs there,
# as in a container: the maintainer scripts enable the unit and leave
# starting to the test, which plays systemd's part (start, restart).

# inroot runs a command in the root, with a clean environment.
inroot() {
	chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 LC_MESSAGES=C.UTF-8 "$@"
}

# daemon starts the installed nocontactd in the foreground, as the unit
# does (no --owner-uid: none recorded), with the sinkhole's ports off
# (nothing listens; the network namespace has no way out anyway), and
# waits until it answers.
daemon() {
	# A simple command, not the inroot function, so that $! is the daemon.
	chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
		/usr/libexec/nocontact/nocontactd run --http-port 0 --https-port 0 >>"$work/daemon.log" 2>&1 &
	pid=$!
	for _ in $(seq 100); do
		inroot nocontact status >/dev/null 2>&1 && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.2
	done
	fail "the installed daemon does not answer:
$(tail -20 "$work/daemon.log")"
}

# stopdaemon stops it as systemd does (SIGTERM) and waits for it.
stopdaemon() {
	kill -TERM "$pid"
	wait "$pid" || true
}

# field prints a field of the status (jq runs on this side: the root has
# only the package's dependencies).
field() {
	inroot nocontact status --json | jq -r ".$1"
}

section() { grep -c '^# BEGIN NOCONTACT' "$root/etc/hosts" || true; }

inside() {
	work=$1
	local tarball=$2 version next
	read -r version next <<<"$3"
	root=$work/root
	mkdir "$root"
	tar -C "$root" -xf "$tarball"
	mount -t proc proc "$root/proc"
	mount --bind /dev "$root/dev"
	printf '127.0.0.1\tlocalhost\n::1\tlocalhost\n' >"$root/etc/hosts"
	cp "$work"/*.deb "$work/rpm-preun.sh" "$root/tmp/"

	inroot dpkg -i "/tmp/nocontact_${version}_amd64.deb" >"$work/dpkg.log" 2>&1 || fail "dpkg -i: $(cat "$work/dpkg.log")"
	[ -L "$root/etc/systemd/system/multi-user.target.wants/nocontactd.service" ] || fail "the unit is not enabled on install"
	out=$(systemd-analyze verify --root="$root" /usr/lib/systemd/system/nocontactd.service 2>&1 | grep nocontactd || true)
	[ -z "$out" ] || fail "systemd-analyze verify: $out"
	grep -q '^ExecStart=/usr/libexec/nocontact/nocontactd run$' "$root/usr/lib/systemd/system/nocontactd.service" || fail "the unit's ExecStart"
	say "installed $version: files in place, unit enabled and verified"

	daemon
	inroot nocontact start --for 2h --lock strict --yes --host x.com --host www.x.com >"$work/start.log" 2>&1 || fail "start: $(cat "$work/start.log")"
	[ "$(section)" = 1 ] || fail "no section in the root's /etc/hosts after start"
	local started duration ends
	started=$(field session.started) duration=$(field session.duration) ends=$(field session.ends)
	say "a strict block runs until $ends"

	inroot dpkg -i "/tmp/nocontact_${next}_amd64.deb" >"$work/dpkg.log" 2>&1 || fail "upgrade: $(cat "$work/dpkg.log")"
	stopdaemon
	daemon
	[ "$(field daemon.version)" = "$next" ] || fail "the daemon after the upgrade is $(field daemon.version), not $next"
	[ "$(field session.started)" = "$started" ] && [ "$(field session.duration)" = "$duration" ] ||
		fail "the block changed across the upgrade: $(inroot nocontact status --json)"
	local moved=$(($(date -d "$(field session.ends)" +%s) - $(date -d "$ends" +%s)))
	[ "${moved#-}" -le 10 ] || fail "the block's end moved by $moved s across the upgrade"
	[ "$(section)" = 1 ] || fail "the section is gone after the upgrade"
	say "upgraded to $next and restarted: the same block, ending $(field session.ends)"

	if inroot dpkg -r nocontact >"$work/remove.log" 2>&1; then
		fail "removal during a strict block was accepted"
	fi
	grep -q 'nocontact cleanup' "$work/remove.log" || fail "the refusal does not name nocontact cleanup: $(cat "$work/remove.log")"
	inroot dpkg-query -W -f='${Status}' nocontact | grep -q 'install ok installed' || fail "the package is not installed after a refused removal"
	[ "$(section)" = 1 ] && [ -x "$root/usr/libexec/nocontact/nocontactd" ] || fail "a refused removal took something away"
	say "removal refused: $(grep -o 'a block is running.*' "$work/remove.log" | head -1)"
	if inroot sh /tmp/rpm-preun.sh 0 >"$work/preun.log" 2>&1 || ! grep -q 'nocontact cleanup' "$work/preun.log"; then
		fail "the rpm's %preun let an erase through during the block: $(cat "$work/preun.log")"
	fi
	inroot sh /tmp/rpm-preun.sh 1 >"$work/preun.log" 2>&1 || fail "the rpm's %preun stopped an upgrade: $(cat "$work/preun.log")"
	say "the rpm's %preun refuses an erase during the block and lets an upgrade by"
	stopdaemon
	if inroot dpkg -r nocontact >"$work/remove.log" 2>&1 || ! grep -q 'nocontact cleanup' "$work/remove.log"; then
		fail "removal with the daemon stopped during the block: $(cat "$work/remove.log")"
	fi
	[ "$(section)" = 1 ] || fail "a refused removal with the daemon stopped took the section away"
	daemon
	say "removal refused too with the daemon stopped (read from its state)"

	inroot nocontact cleanup >"$work/cleanup.log" 2>&1 || fail "nocontact cleanup: $(cat "$work/cleanup.log")"
	inroot dpkg -r nocontact >"$work/remove.log" 2>&1 || fail "removal after cleanup: $(cat "$work/remove.log")"
	[ "$(section)" = 0 ] || fail "the section is left in the root's /etc/hosts"
	for f in /usr/bin/nocontact /usr/libexec/nocontact/nocontactd /usr/lib/systemd/system/nocontactd.service; do
		[ ! -e "$root$f" ] || fail "$f is left after removal"
	done
	for f in state.json events.log; do
		[ -s "$root/var/lib/nocontact/$f" ] || fail "the daemon's $f is not kept on removal"
	done
	say "removed after cleanup: section gone, /var/lib/nocontact kept"
	stopdaemon

	inroot dpkg --purge nocontact >"$work/purge.log" 2>&1 || fail "purge: $(cat "$work/purge.log")"
	[ ! -e "$root/var/lib/nocontact" ] || fail "/var/lib/nocontact is left after purge"
	[ ! -e "$root/etc/systemd/system/multi-user.target.wants/nocontactd.service" ] || fail "the unit's enablement is left after purge"
	say "purged: the daemon's data is gone"
}
