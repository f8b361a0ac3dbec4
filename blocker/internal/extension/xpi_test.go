package extension

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"testing"
)

// The XPI holds the same files as the CRX, with the manifest Firefox
// reads: the background as scripts (canon.js first), the gecko ID the
// policy names, host permissions granted, the same version, permissions
// and CSP; nothing of Chromium's own.
func TestXPIIsTheSameExtensionForFirefox(t *testing.T) {
	b, err := XPI()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	for _, name := range []string{"background.js", "canon.js"} {
		if want, _ := src.ReadFile("src/" + name); !bytes.Equal(files[name], want) {
			t.Errorf("%s differs from the source", name)
		}
	}
	var ff, cr struct {
		Version     string
		Permissions []string
		Background  map[string]any
		CSP         map[string]string `json:"content_security_policy"`
		Granted     bool              `json:"granted_host_permissions"`
		MinChrome   string            `json:"minimum_chrome_version"`
		Specific    struct {
			Gecko struct{ ID string }
		} `json:"browser_specific_settings"`
	}
	crx, _ := src.ReadFile("src/manifest.json")
	if err := json.Unmarshal(files["manifest.json"], &ff); err != nil || json.Unmarshal(crx, &cr) != nil {
		t.Fatalf("manifest: %v", err)
	}
	scripts, _ := ff.Background["scripts"].([]any)
	if len(scripts) != 2 || scripts[0] != "canon.js" || scripts[1] != "background.js" || ff.Background["service_worker"] != nil {
		t.Errorf("background %v", ff.Background)
	}
	if ff.Specific.Gecko.ID != FirefoxID || !ff.Granted || ff.MinChrome != "" {
		t.Errorf("Firefox's own keys: %s", files["manifest.json"])
	}
	if ff.Version != Version || !slices.Equal(ff.Permissions, cr.Permissions) || ff.CSP["extension_pages"] != cr.CSP["extension_pages"] {
		t.Errorf("the XPI's manifest is not the extension's: %s", files["manifest.json"])
	}
}
