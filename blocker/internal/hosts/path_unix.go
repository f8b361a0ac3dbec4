//go:build !windows

package hosts

// DefaultPath is the system hosts file.
const DefaultPath = "/etc/hosts"

// defaultEOL ends lines in a hosts file that has none yet.
const defaultEOL = "\n"
