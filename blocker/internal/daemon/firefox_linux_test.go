package daemon

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/extension"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// While the daemon serves, Firefox ESR's policy holds the extension,
// served by the sinkhole as an XPI, with or without a block: Firefox
// reads the file only at its start, so a Firefox started now takes the
// next block at once. A block adds its profile pages (not its names,
// which are the extension's); its end leaves the extension; the daemon's
// stop with no block gives the file back as it was (here: none).
func TestFirefoxESRKeepsTheExtensionWhileTheDaemonServes(t *testing.T) {
	e, root := newEnvWithChromium(t, func(c *Config) {
		ff := filepath.Join(c.BrowserRoot, "usr/lib/firefox-esr")
		testutil.Must(t, os.MkdirAll(filepath.Join(ff, "defaults/pref"), 0o755))
		testutil.Must(t, os.WriteFile(filepath.Join(ff, "firefox-esr"), nil, 0o755))
		testutil.Must(t, os.WriteFile(filepath.Join(ff, "defaults/pref/channel-prefs.js"), []byte(`pref("app.update.channel", "esr");`), 0o644))
		c.HTTPPort = freePort(t)
	})
	policy := filepath.Join(root, "etc/firefox/policies/policies.json")
	read := func() string { b, _ := os.ReadFile(policy); return string(b) }
	url := fmt.Sprintf(`"install_url": "http://127.78.0.1:%d/nocontact/extension-%s.xpi"`, e.cfg.HTTPPort, extension.Version)
	testutil.WaitFor(t, "the extension in Firefox's policy before any block", 5*time.Second, func() bool { return strings.Contains(read(), url) })
	if got := read(); !strings.Contains(got, `"xpinstall.signatures.required"`) || strings.Contains(got, "WebsiteFilter") {
		t.Errorf("between blocks: %s", got)
	}

	code, body := e.httpGet(t, "127.78.0.1", "/nocontact/extension-"+extension.Version+".xpi")
	zr, err := zip.NewReader(bytes.NewReader([]byte(body)), int64(len(body)))
	if code != 200 || err != nil {
		t.Fatalf("the XPI: %d %v", code, err)
	}
	for _, f := range zr.File {
		if f.Name == "manifest.json" {
			rc, _ := f.Open()
			m, _ := io.ReadAll(rc)
			if !strings.Contains(string(m), extension.FirefoxID) || strings.Contains(string(m), "service_worker") {
				t.Errorf("the XPI's manifest: %s", m)
			}
		}
	}

	_, err = e.client.Start(ctx, api.StartRequest{Hostnames: []string{"x.com"}, Paths: []string{"instagram.com/jane.doe"}, Duration: api.Duration(time.Hour)})
	testutil.Must(t, err)
	got := read()
	if !strings.Contains(got, url) || !strings.Contains(got, `"*://*.instagram.com/jane.doe"`) || strings.Contains(got, `"*://x.com/*"`) {
		t.Errorf("during the block: %s", got)
	}
	testutil.Must(t, e.d.Cleanup())
	if got := read(); !strings.Contains(got, url) || strings.Contains(got, "jane.doe") || strings.Contains(got, "DNSOverHTTPS") {
		t.Errorf("after the block: %s", got)
	}
	e.stop()
	if got, err := os.ReadFile(policy); err == nil {
		t.Errorf("the daemon stopped and left Firefox's policy: %s", got)
	}
	e.start(t) // and is back at the next start
	testutil.WaitFor(t, "the extension back in Firefox's policy", 5*time.Second, func() bool { return strings.Contains(read(), url) })
}
