# %preun of nocontact ($1: 0 removal, 1 upgrade). On removal: refused
# while a block runs (a failing %preun stops the erase; the message names
# `nocontact cleanup`), else stopped and disabled once the daemon has
# lifted its hosts section and browser policies.
if [ "$1" -eq 0 ]; then
	/usr/libexec/nocontact/nocontactd before-remove >/dev/null || exit 1
	if [ -d /run/systemd/system ]; then
		systemctl --no-reload disable --now nocontactd.service >/dev/null 2>&1 || :
		if ! /usr/libexec/nocontact/nocontactd before-remove >/dev/null; then
			systemctl --no-reload enable --now nocontactd.service >/dev/null 2>&1 || :
			exit 1
		fi
	else
		systemctl --no-reload disable nocontactd.service >/dev/null 2>&1 || :
	fi
fi
