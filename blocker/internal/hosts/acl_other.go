//go:build !windows

package hosts

import "errors"

// ErrNoPermissions says the system keeps no access lists that the block
// must guard beside the file's mode (the daemon guards the mode itself).
var ErrNoPermissions = errors.New("hosts: access lists are guarded on Windows only")

// Permissions is, on Windows, the owner and access list of path; here
// there is none to guard.
func Permissions(string) (string, error) { return "", ErrNoPermissions }

// SetPermissions gives path, on Windows, an owner and access list read by
// Permissions; here there is none.
func SetPermissions(string, string) error { return ErrNoPermissions }
