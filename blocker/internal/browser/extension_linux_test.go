package browser

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// Where the extension is forced in, the names blocked whole are left to
// it and to the hosts file: listed, the browser would refuse them before
// the extension's redirect, and the passage would come only after its
// error page (issue 34.4). Without the extension they are listed. Profile
// pages are listed either way: nothing else holds them without it.
func TestNamesAreLeftToTheExtensionWhereItRuns(t *testing.T) {
	for _, forced := range []bool{false, true} {
		root := machine(t, "chromium")
		m := newManager(t, root)
		if forced {
			m.Forcelist = []string{"abcdefghijklmnopabcdefghijklmnop;http://127.78.0.1/nocontact/updates.xml"}
		}
		if _, _, err := m.Apply(Want{Paths: []string{"example.net/jane.doe"}, Hosts: []string{"x.com"}}); err != nil {
			t.Fatal(err)
		}
		got, _ := read(root, chromiumFile)
		if listed := strings.Contains(got, `".x.com"`); listed == forced {
			t.Errorf("extension forced in %v: x.com listed %v:\n%s", forced, listed, got)
		}
		if !strings.Contains(got, `"example.net/jane.doe"`) {
			t.Errorf("extension forced in %v: the profile page is not listed:\n%s", forced, got)
		}
	}
}

const firefoxSys = "/etc/firefox/policies/policies.json"

var testXPI = &FirefoxExtension{ID: "nocontact@nocontact.app", URL: "http://127.78.0.1/nocontact/extension-1.4.0.xpi"}

// firefoxPolicy reads the policies Firefox would read under root.
func firefoxPolicy(t *testing.T, root string) (raw string, p struct {
	ExtensionSettings map[string]map[string]string
	Preferences       map[string]json.RawMessage
	WebsiteFilter     struct{ Block []string }
	DNSOverHTTPS      json.RawMessage
}) {
	t.Helper()
	raw, _ = read(root, firefoxSys)
	var v struct{ Policies json.RawMessage }
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	testutil.Must(t, json.Unmarshal(v.Policies, &p))
	return raw, p
}

// Firefox ESR gets the extension, forced in from the sinkhole with the
// signature requirement off, beside the user's own extensions and
// preferences, during a block and between blocks; the names blocked whole
// are left to it (as in Chromium), the profile pages stay in its filter.
// Lift gives the user's file back byte for byte.
func TestFirefoxESRTakesTheExtension(t *testing.T) {
	root := machine(t, "firefox")
	write(t, root, "/usr/lib/firefox-esr/defaults/pref/channel-prefs.js", `pref("app.update.channel", "esr");`+"\n")
	own := `{"policies": {"ExtensionSettings": {"ublock@example.org": {"installation_mode": "allowed"}}, "Preferences": {"browser.startup.page": 3}}}`
	write(t, root, firefoxSys, own)
	m, report := applyWithXPI(t, root)
	raw, p := firefoxPolicy(t, root)
	ours := p.ExtensionSettings[testXPI.ID]
	if ours["installation_mode"] != "force_installed" || ours["install_url"] != testXPI.URL || p.ExtensionSettings["ublock@example.org"] == nil {
		t.Errorf("ExtensionSettings: %s", raw)
	}
	var pref struct {
		Value  *bool
		Status string
	}
	json.Unmarshal(p.Preferences[signaturesRequired], &pref)
	if pref.Value == nil || *pref.Value || pref.Status != "locked" || p.Preferences["browser.startup.page"] == nil {
		t.Errorf("Preferences: %s", raw)
	}
	if slices.Contains(p.WebsiteFilter.Block, "*://x.com/*") || !slices.Contains(p.WebsiteFilter.Block, "*://*.instagram.com/jane.doe") {
		t.Errorf("WebsiteFilter: %s", raw)
	}
	if notes := strings.Join(report[0].Notes, " "); !strings.Contains(notes, "extension applies the block in Firefox at once") {
		t.Errorf("notes: %q", notes)
	}
	since := m.st.Files[filepath.Join(root, firefoxSys)].ExtSince
	notes, err := m.Between()
	if err != nil || len(notes) > 0 {
		t.Fatalf("between: %q %v", notes, err)
	}
	raw, p = firefoxPolicy(t, root)
	if p.ExtensionSettings[testXPI.ID] == nil || p.Preferences[signaturesRequired] == nil || len(p.WebsiteFilter.Block) > 0 || p.DNSOverHTTPS != nil {
		t.Errorf("between blocks: %s", raw)
	}
	if got := m.st.Files[filepath.Join(root, firefoxSys)].ExtSince; !got.Equal(since) {
		t.Errorf("the extension's first day moved from %v to %v", since, got)
	}
	testutil.Must(t, m.Lift())
	if back, _ := read(root, firefoxSys); back != own {
		t.Errorf("after Lift:\n%s\nwant\n%s", back, own)
	}
}

// applyWithXPI applies a block of one profile and x.com, the Firefox
// extension at hand, to the machine under root.
func applyWithXPI(t *testing.T, root string) (*Manager, []api.BrowserStatus) {
	t.Helper()
	m := newManager(t, root)
	m.Firefox = testXPI
	report, _, err := m.Apply(Want{Paths: []string{"instagram.com/jane.doe"}, Hosts: []string{"x.com"}})
	if err != nil {
		t.Fatal(err)
	}
	return m, report
}

// Release Firefox, which refuses an unsigned extension whatever its
// policy says, is given none and keeps the names in its filter; between
// blocks it is left as it was, and the status says what it shows.
func TestReleaseFirefoxHasNoExtension(t *testing.T) {
	root := machine(t, "firefox")
	m, report := applyWithXPI(t, root)
	raw, p := firefoxPolicy(t, root)
	if p.ExtensionSettings != nil || p.Preferences != nil || !slices.Contains(p.WebsiteFilter.Block, "*://x.com/*") {
		t.Errorf("release Firefox: %s", raw)
	}
	if notes := strings.Join(report[0].Notes, " "); !strings.Contains(notes, "installs only extensions Mozilla signed") {
		t.Errorf("notes: %q", notes)
	}
	if _, err := m.Between(); err != nil {
		t.Fatal(err)
	}
	if got, ok := read(root, firefoxSys); ok {
		t.Errorf("between blocks a file is left: %s", got)
	}
	if _, err := os.Stat(m.statePath); err == nil {
		t.Error("the state file is left with nothing to undo")
	}
}
