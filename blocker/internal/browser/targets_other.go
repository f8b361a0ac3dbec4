//go:build !linux && !windows

package browser

// Targets are none yet on this system: on macOS the browsers read their
// policies from configuration profiles, which No Contact does not write.
// No policy is written and the status says no browser is covered.
var Targets []Target
