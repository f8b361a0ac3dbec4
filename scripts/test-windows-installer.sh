#!/usr/bin/env bash
# test-windows-installer.sh SETUP_EXE: the installer, under Wine, in a
# throwaway prefix of its own (so a service it leaves behind squats no
# other test's pipe): a silent install (/S) puts the programs under
# Program Files, registers the service and starts it (Wine's `sc` has no
# `query`: the service's key is read with `reg query`, and the service is
# shown running by the installed nocontact.exe getting an answer from it
# on the default pipe), adds the tray's Run entry and the Apps & Features
# entry; a block started by the installed nocontact.exe is in the prefix's
# hosts file with CRLF; the uninstaller refuses during the block (exit 3)
# and keeps everything; after `nocontactd cleanup` it removes the service,
# the programs and the entries, the section is gone, and the data folder
# stays. Wine keeps no recovery actions and no Start menu to click: the
# recovery actions are set by the same code the Windows service test runs.
set -euo pipefail
cd "$(dirname "$0")/.."
setup=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
# shellcheck source=scripts/windows/wine.sh
. scripts/windows/wine.sh
prefix=$cache/wine-installer
"$WINESERVER" -k 2>/dev/null || true
rm -rf "$prefix"
wine_prefix "$prefix"
trap '"$WINESERVER" -k 2>/dev/null || true' EXIT

dir='C:\Program Files\No Contact'
unixdir="$prefix/drive_c/Program Files/No Contact"
hosts=$prefix/drive_c/windows/system32/drivers/etc/hosts
fail() { echo "test-windows-installer: $*" >&2; exit 1; }
w() { timeout -k 5 "${T:-60}" "$WINE" "$@"; }
regkey() { w reg query "$1" 2>/dev/null | tr -d '\r'; }
# uninstall runs the uninstaller in place and waits for it (_?=, which
# must reach it unquoted: Wine quotes an argument with spaces, so the line
# goes through a batch file), and returns its exit status.
printf '@"%s\\uninstall.exe" /S _?=%s\r\n@exit /b %%errorlevel%%\r\n' "$dir" "$dir" >"$prefix/drive_c/uninstall-test.bat"
uninstall() { w cmd /c 'C:\uninstall-test.bat' >/dev/null 2>&1; }

T=180 w "$setup" /S >/dev/null 2>&1 || fail "the silent install failed ($?)"
for f in nocontact.exe nocontact-tray.exe nocontactd.exe uninstall.exe; do
	[ -f "$unixdir/$f" ] || fail "install: $f is not in $dir"
done
[ -f "$prefix/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/No Contact.lnk" ] || fail "install: no Start-menu entry"
regkey 'HKLM\System\CurrentControlSet\Services\nocontactd' | grep -q 'nocontactd.exe" run --service --owner-sid S-1-5-' ||
	fail "install: the service is not registered to run nocontactd.exe for the installer's user"
regkey 'HKLM\Software\Microsoft\Windows\CurrentVersion\Run' | grep -q 'NoContactTray.*nocontact-tray.exe' || fail "install: the tray does not start at login"
regkey 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\NoContact' | grep -q 'uninstall.exe' || fail "install: no entry in Apps & Features"
echo "installer: installed under Program Files; service, Start menu, tray at login and uninstaller registered"

# The service answers on the default pipe (its first call is not answered
# under Wine; see FACTS.md), and keeps a block.
for _ in 1 2 3 4 5; do
	out=$(w "$dir\\nocontact.exe" status 2>&1 || true)
	[[ $out == *"No block running"* ]] && break
done
[[ $out == *"No block running"* ]] || fail "the installed service does not answer: $out"
out=$(w "$dir\\nocontact.exe" start --for 10m --host example.org 2>&1) || fail "start: $out"
grep -q $'^127.78.0.1 example.org example.org.\r$' "$hosts" || fail "the block is not in the prefix's hosts file with CRLF"
echo "installer: the service answers on \\\\.\\pipe\\nocontactd and keeps a block in the prefix's hosts file (CRLF)"

code=0
uninstall || code=$?
[ "$code" = 3 ] || fail "the uninstaller during a block exited $code, want 3 (refused)"
[ -f "$unixdir/nocontactd.exe" ] && regkey 'HKLM\System\CurrentControlSet\Services\nocontactd' | grep -q ImagePath &&
	grep -q example.org "$hosts" || fail "the refused uninstall removed something"
echo "installer: the uninstaller refuses during a block and leaves it whole"

w "$dir\\nocontactd.exe" cleanup >/dev/null 2>&1 || fail "nocontactd cleanup failed"
uninstall || fail "the uninstaller failed after cleanup ($?)"
for f in nocontact.exe nocontact-tray.exe nocontactd.exe; do
	[ ! -e "$unixdir/$f" ] || fail "uninstall left $f"
done
! regkey 'HKLM\System\CurrentControlSet\Services\nocontactd' | grep -q ImagePath || fail "uninstall left the service"
! regkey 'HKLM\Software\Microsoft\Windows\CurrentVersion\Run' | grep -q NoContactTray || fail "uninstall left the tray's Run entry"
! regkey 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\NoContact' | grep -q DisplayName || fail "uninstall left the Apps & Features entry"
! grep -q 'NOCONTACT' "$hosts" || fail "the hosts section is still there after uninstall"
[ -f "$prefix/drive_c/ProgramData/NoContact/events.log" ] || fail "uninstall took the data folder (history) without being asked"
echo "installer: uninstall after cleanup removes the service, programs and entries; no section; the data folder stays"
