//go:build !linux

package browser

// Targets are none yet on this system: on Windows the browsers read their
// policies from the registry (HKLM\SOFTWARE\Policies), which the Windows
// port brings; on macOS from configuration profiles. Until then no policy
// is written and the status says no browser is covered.
var Targets []Target
