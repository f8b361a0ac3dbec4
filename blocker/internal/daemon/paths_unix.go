//go:build !windows

package daemon

// DefaultStateDir is where the daemon keeps its session state and log.
const DefaultStateDir = "/var/lib/nocontact"

// conflictHint adds to the conflict sentence who is likely behind it: on
// Unix no one in particular.
const conflictHint = ""

// deniedHint says why a write was refused on Windows; here the reasons of
// unwritableReason say it.
func deniedHint(error) string { return "" }
