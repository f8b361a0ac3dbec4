# %post of nocontact ($1: 1 install, 2 upgrade), as Fedora's %systemd_post,
# and started on install: a blocker that does not run protects no one. On
# upgrade the old package's %postun restarts the daemon (try-restart): it
# re-reads its state, and a running block with its credited time goes on.
if [ "$1" -eq 1 ]; then
	if [ ! -e /var/lib/nocontact/owner ] && [ -n "${SUDO_UID:-}" ] && [ "${SUDO_UID}" != 0 ]; then
		/usr/libexec/nocontact/nocontactd owner --owner-uid "$SUDO_UID" >/dev/null 2>&1 || :
	fi
	systemctl --no-reload enable nocontactd.service >/dev/null 2>&1 || :
	if [ -d /run/systemd/system ]; then
		systemctl daemon-reload >/dev/null 2>&1 || :
		systemctl start nocontactd.service >/dev/null 2>&1 || :
	fi
fi
