//go:build !windows

package cli

// setupElsewhere sets up where setup's own steps do not apply (Windows);
// here they do, so it reports it did nothing.
func setupElsewhere(Env, string, bool) (bool, error) { return false, nil }
