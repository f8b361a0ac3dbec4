//go:build !windows

package browser

import "context"

// systemRegistry is no registry: on this system policies are files.
func systemRegistry(root string) (regStore, string) { return nil, "" }

// WatchRegistry returns nil at once: on this system the policies are
// files, which the daemon guards through Files and Ancestors.
func (m *Manager) WatchRegistry(ctx context.Context, changed func()) error { return nil }
