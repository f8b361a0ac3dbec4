//go:build !windows

package daemon

// DefaultStateDir is where the daemon keeps its session state and log.
const DefaultStateDir = "/var/lib/nocontact"
