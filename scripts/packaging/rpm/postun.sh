# %postun of nocontact ($1: 0 removal, 1 upgrade), as Fedora's
# %systemd_postun_with_restart. rpm has no purge: /var/lib/nocontact is
# kept on removal (delete it by hand to forget the daemon's state).
if [ -d /run/systemd/system ]; then
	systemctl daemon-reload >/dev/null 2>&1 || :
	if [ "$1" -ge 1 ]; then
		systemctl try-restart nocontactd.service >/dev/null 2>&1 || :
	fi
fi
