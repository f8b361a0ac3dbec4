package extension

import (
	"encoding/json"
	"fmt"
)

// FirefoxID is the extension's ID in Firefox (its manifest's
// browser_specific_settings.gecko.id): Firefox's ExtensionSettings policy
// names the extension it installs by it.
const FirefoxID = "nocontact@nocontact.app"

// XPI returns the extension as Firefox installs it: the same files, with
// the manifest Firefox reads instead of Chromium's (firefoxManifest). It
// is not signed: only a Firefox whose signature requirement a policy has
// turned off (ESR) installs it.
func XPI() ([]byte, error) {
	return archive(func(name string, data []byte) ([]byte, error) {
		if name != "manifest.json" {
			return data, nil
		}
		return firefoxManifest(data)
	})
}

// firefoxManifest turns Chromium's manifest into Firefox's: Firefox runs
// an extension's background as scripts in a page, not as a service worker
// (the scripts listed in order, so canon.js comes before background.js,
// which loads it itself only where importScripts exists); the extension
// has an ID of its own; its host permissions are granted at install (as
// Chromium grants them; the policy that forces it in grants them too) so
// that it may redirect a tab and read its rules; it collects no data; and
// it needs a Firefox with Manifest V3's redirect rules (128, the ESR of
// 2024).
func firefoxManifest(chromium []byte) ([]byte, error) {
	var m map[string]any
	if err := json.Unmarshal(chromium, &m); err != nil {
		return nil, fmt.Errorf("extension: manifest.json: %w", err)
	}
	delete(m, "minimum_chrome_version")
	m["background"] = map[string]any{"scripts": []string{"canon.js", "background.js"}}
	m["granted_host_permissions"] = true
	m["browser_specific_settings"] = map[string]any{"gecko": map[string]any{
		"id":                          FirefoxID,
		"strict_min_version":          "128.0",
		"data_collection_permissions": map[string]any{"required": []string{"none"}},
	}}
	return json.MarshalIndent(m, "", "  ")
}
