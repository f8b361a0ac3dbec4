//go:build !windows

package atomicfile

import "os"

// MkdirPrivate makes dir, and its parents, for data only the daemon may
// read: mode 0700 here; on Windows an access list for SYSTEM and the
// Administrators alone (private_windows.go).
func MkdirPrivate(dir string) error { return os.MkdirAll(dir, 0o700) }

// Private reports whether no one but its owner (root) may read path.
func Private(path string) (bool, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	return fi.Mode().Perm()&0o077 == 0, nil
}
