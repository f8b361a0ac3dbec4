//go:build !windows

package daemon

// Default locations of the daemon's socket and state.
const (
	DefaultSocket   = "/run/nocontact/nocontactd.sock"
	DefaultStateDir = "/var/lib/nocontact"
)
