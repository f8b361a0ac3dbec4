package browser

// Where the browsers read their policies is the platform seam of this
// package: files under /etc on Linux (here: a target's PolicyDirs and
// Firefox's files), keys in the registry on Windows (targets_windows.go:
// a target's PolicyKey, merged by registry.go); targets_other.go knows
// none.

// Targets are the browsers known on Linux.
var Targets = []Target{
	{ID: "chromium", Name: "Chromium", Kind: Chromium,
		Binaries:   []string{"/usr/bin/chromium", "/usr/lib/chromium/chromium"},
		PolicyDirs: []string{"/etc/chromium/policies/managed"}},
	{ID: "chromium-browser", Name: "Chromium (Ubuntu)", Kind: Chromium,
		Binaries:   []string{"/usr/bin/chromium-browser", "/usr/lib/chromium-browser/chromium-browser", "/snap/bin/chromium"},
		PolicyDirs: []string{"/etc/chromium-browser/policies/managed"}},
	{ID: "chrome", Name: "Google Chrome", Kind: Chromium,
		Binaries:   []string{"/opt/google/chrome/chrome", "/opt/google/chrome-beta/chrome", "/opt/google/chrome-unstable/chrome"},
		PolicyDirs: []string{"/etc/opt/chrome/policies/managed"}},
	{ID: "brave", Name: "Brave", Kind: Chromium,
		Binaries:   []string{"/opt/brave.com/brave/brave", "/opt/brave.com/brave-beta/brave", "/opt/brave.com/brave-nightly/brave"},
		PolicyDirs: []string{"/etc/brave/policies/managed"}},
	{ID: "edge", Name: "Microsoft Edge", Kind: Chromium,
		Binaries:   []string{"/opt/microsoft/msedge/msedge", "/opt/microsoft/msedge-beta/msedge", "/opt/microsoft/msedge-dev/msedge"},
		PolicyDirs: []string{"/etc/opt/edge/policies/managed"},
		Names:      map[string]string{"IncognitoModeAvailability": "InPrivateModeAvailability"}},
	{ID: "vivaldi", Name: "Vivaldi", Kind: Chromium,
		Binaries: []string{"/opt/vivaldi/vivaldi", "/opt/vivaldi-snapshot/vivaldi"},
		// Vivaldi documents no directory of its own; it is a Chromium
		// build, and these are the candidates it may read.
		PolicyDirs: []string{"/etc/opt/vivaldi/policies/managed", "/etc/vivaldi/policies/managed", "/etc/chromium/policies/managed"}},
	{ID: "firefox", Name: "Firefox", Kind: Firefox,
		Binaries:   []string{"/usr/lib/firefox-esr/firefox-esr", "/usr/lib/firefox/firefox", "/opt/firefox/firefox", "/usr/lib64/firefox/firefox", "/snap/bin/firefox"},
		SystemFile: "/etc/firefox/policies/policies.json",
		DistributionFiles: []string{"/usr/lib/firefox-esr/distribution/policies.json", "/usr/lib/firefox/distribution/policies.json",
			"/opt/firefox/distribution/policies.json", "/usr/lib64/firefox/distribution/policies.json"}},
}
