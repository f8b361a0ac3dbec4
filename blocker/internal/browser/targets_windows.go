package browser

// Targets are the browsers known on Windows, each reading its key below
// HKLM\SOFTWARE\Policies (Chrome Enterprise, Edge, Brave and Chromium
// policy documentation; Firefox's WindowsGPOParser, which combines the key
// with a policies.json, the key winning; see docs/ARCHITECTURE.md,
// "Browser policies"). Each key is written whether or not the browser is
// installed.
var Targets = []Target{
	{ID: "chrome", Name: "Google Chrome", Kind: Chromium, PolicyKey: `Google\Chrome`},
	{ID: "edge", Name: "Microsoft Edge", Kind: Chromium, PolicyKey: `Microsoft\Edge`,
		Names: map[string]string{"IncognitoModeAvailability": "InPrivateModeAvailability"}},
	{ID: "brave", Name: "Brave", Kind: Chromium, PolicyKey: `BraveSoftware\Brave`},
	{ID: "chromium", Name: "Chromium", Kind: Chromium, PolicyKey: `Chromium`},
	{ID: "firefox", Name: "Firefox", Kind: Firefox, PolicyKey: `Mozilla\Firefox`},
}
