package daemon

import (
	"errors"

	"golang.org/x/sys/windows"
)

// DefaultStateDir is where the daemon keeps its session state and log.
const DefaultStateDir = `C:\ProgramData\NoContact`

// conflictHint says who, on Windows, most often takes the section out
// again and again: Microsoft Defender removes hosts entries for sites it
// protects and reports them as "SettingsModifier:Win32/HostsFileHijack".
const conflictHint = "; on Windows this is most often Microsoft Defender, which takes out hosts entries for some sites (it reports them as HostsFileHijack): the block's names stay blocked in the browsers' policies, and allowing the detection in Defender's protection history ends the fight"

// deniedHint says in words why Windows refused the service a write of the
// hosts file: its permissions shut the service out (and taking ownership
// back failed), or another program holds it open.
func deniedHint(err error) string {
	switch {
	case errors.Is(err, windows.ERROR_ACCESS_DENIED):
		return "its permissions shut the service out, and they could not be taken back"
	case errors.Is(err, windows.ERROR_SHARING_VIOLATION):
		return "another program (often an antivirus scanner) holds it open"
	}
	return ""
}
