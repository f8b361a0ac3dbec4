package browser

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// machine makes a root with the given browsers' binaries installed.
func machine(t *testing.T, ids ...string) string {
	t.Helper()
	root := t.TempDir()
	// No browser of this machine runs in the test's: the notes that say
	// "Firefox was open before" must not depend on what runs here.
	old := procDir
	procDir = filepath.Join(root, "proc")
	t.Cleanup(func() { procDir = old })
	for _, tg := range Targets {
		if slices.Contains(ids, tg.ID) {
			p := filepath.Join(root, tg.Binaries[0])
			testutil.Must(t, os.MkdirAll(filepath.Dir(p), 0o755))
			testutil.Must(t, os.WriteFile(p, nil, 0o755))
		}
	}
	return root
}

func write(t *testing.T, root, path, content string) {
	t.Helper()
	p := filepath.Join(root, path)
	testutil.Must(t, os.MkdirAll(filepath.Dir(p), 0o755))
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(root, path string) (string, bool) {
	b, err := os.ReadFile(filepath.Join(root, path))
	return string(b), err == nil
}

func newManager(t *testing.T, root string) *Manager {
	t.Helper()
	m, err := NewManager(root, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return m
}

const chromiumFile = "/etc/chromium/policies/managed/nocontact.json"

func TestChromiumPolicy(t *testing.T) {
	root := machine(t, "chromium")
	write(t, root, "/etc/chromium/policies/managed/other.json", `{"HomepageLocation":"https://example.org"}`)
	m := newManager(t, root)
	report, restored, err := m.Apply(Want{Paths: []string{"instagram.com/jane.doe", "x.com/janedoe"}})
	if err != nil || len(restored) != 0 || len(report) != 1 || !report[0].Covered || !report[0].Exact || len(report[0].Notes) != 0 {
		t.Fatalf("apply: %+v %v %v", report, restored, err)
	}
	got, _ := read(root, chromiumFile)
	var p struct {
		URLBlocklist, URLAllowlist []string
		DnsOverHttpsMode           string
	}
	if err := json.Unmarshal([]byte(got), &p); err != nil {
		t.Fatal(err)
	}
	if len(p.URLBlocklist) < 7 || !slices.Equal(p.URLBlocklist[:7], []string{"instagram.com/jane.doe", "x.com/janedoe",
		"instagram.com/JANE.DOE", "instagram.com/Jane.Doe", "instagram.com/Jane.doe", "x.com/JANEDOE", "x.com/Janedoe"}) || p.DnsOverHttpsMode != "off" ||
		!slices.Contains(p.URLBlocklist, "www-instagram-com.translate.goog/jane.doe") || !slices.Contains(p.URLBlocklist, "x-com.translate.goog/JANEDOE") ||
		!slices.Contains(p.URLAllowlist, "instagram.com/jane.doe.") || !slices.Contains(p.URLAllowlist, "x.com/janedoe2") ||
		slices.Contains(p.URLAllowlist, "instagram.com/jane.doe/") {
		t.Fatalf("policy %s", got)
	}
	if other, _ := read(root, "/etc/chromium/policies/managed/other.json"); other != `{"HomepageLocation":"https://example.org"}` {
		t.Error("another policy file was touched")
	}
	if err := m.Lift(); err != nil {
		t.Fatal(err)
	}
	if _, ok := read(root, chromiumFile); ok {
		t.Error("the policy is still there after the session")
	}
	if _, ok := read(root, "/etc/chromium/policies/managed/other.json"); !ok {
		t.Error("lift removed another policy file")
	}
}

func TestChromiumDirectoriesMadeAreRemoved(t *testing.T) {
	root := machine(t, "chrome")
	m := newManager(t, root)
	if _, _, err := m.Apply(Want{}); err != nil {
		t.Fatal(err)
	}
	if got, _ := read(root, "/etc/opt/chrome/policies/managed/nocontact.json"); !strings.Contains(got, `"DnsOverHttpsMode": "off"`) || strings.Contains(got, "URLBlocklist") {
		t.Fatalf("a session without paths: %s", got)
	}
	m.Lift()
	if _, err := os.Stat(filepath.Join(root, "/etc/opt")); err == nil {
		t.Error("directories made for the policy were left behind")
	}
}

func TestEmployerPolicyIsNotFought(t *testing.T) {
	root := machine(t, "chromium")
	write(t, root, "/etc/chromium/policies/managed/corp.json", `{"URLBlocklist":["example.com"],"DnsOverHttpsMode":"secure"}`)
	report, _, _ := newManager(t, root).Apply(Want{Paths: []string{"instagram.com/jane.doe"}})
	if len(report[0].Notes) != 2 || report[0].Exact {
		t.Fatalf("conflicts not reported, or carve-outs written beside another list: %+v", report[0])
	}
	got, _ := read(root, chromiumFile)
	if strings.Contains(got, "URLAllowlist") {
		t.Error("an allow list beside an employer's block list would punch holes in it")
	}
	if corp, _ := read(root, "/etc/chromium/policies/managed/corp.json"); !strings.Contains(corp, "secure") {
		t.Error("the employer's file was changed")
	}
}

func TestGuardRestoresDeletedAndEdited(t *testing.T) {
	root := machine(t, "chromium", "firefox")
	m := newManager(t, root)
	paths := []string{"instagram.com/jane.doe"}
	m.Apply(Want{Paths: paths})
	testutil.Must(t, os.Remove(filepath.Join(root, chromiumFile)))
	write(t, root, "/etc/firefox/policies/policies.json", `{"policies":{}}`)
	_, changes, err := m.Apply(Want{Paths: paths})
	var lines []string
	for _, c := range changes {
		lines = append(lines, c.Line())
	}
	slices.Sort(lines)
	if err != nil || !slices.Equal(lines, []string{"Chromium's policy was removed; restored", "Firefox's policy was edited; restored"}) {
		t.Fatalf("changes %q, %v", lines, err)
	}
	if got, _ := read(root, "/etc/firefox/policies/policies.json"); !strings.Contains(got, "jane.doe") {
		t.Fatalf("firefox not restored: %s", got)
	}
}

func TestFirefoxMergeAndRestore(t *testing.T) {
	const sys = "/etc/firefox/policies/policies.json"
	const dist = "/usr/lib/firefox-esr/distribution/policies.json"
	own := "{\n  \"policies\": {\"DisableAppUpdate\": true, \"WebsiteFilter\": {\"Block\": [\"*://*.example.com/*\"], \"Exceptions\": [\"*://*.example.com/ok\"]}}\n}\n"
	tests := []struct {
		name, existing, at string // at: where the user's file is ("" none)
		wantFile           string
	}{
		{"no file: created, then removed", "", "", sys},
		{"the user's system file: merged, then given back", own, sys, sys},
		{"a distribution file only: merged there", own, dist, dist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := machine(t, "firefox")
			if tt.at != "" {
				write(t, root, tt.at, tt.existing)
			}
			m := newManager(t, root)
			report, _, err := m.Apply(Want{Paths: []string{"instagram.com/jane.doe"}})
			if err != nil || len(report) != 1 || report[0].Files[0] != tt.wantFile {
				t.Fatalf("%+v %v", report, err)
			}
			got, _ := read(root, tt.wantFile)
			var v struct {
				Policies map[string]json.RawMessage `json:"policies"`
			}
			json.Unmarshal([]byte(got), &v)
			for _, want := range []string{`"*://*.instagram.com/jane.doe"`, `"*://*.instagram.com/jane.doe/*"`, `"*://*.instagram.com/jane.doe?*"`} {
				if !strings.Contains(string(v.Policies["WebsiteFilter"]), want) {
					t.Errorf("WebsiteFilter lacks %s: %s", want, got)
				}
			}
			var doh struct{ Enabled, Locked bool }
			if json.Unmarshal(v.Policies["DNSOverHTTPS"], &doh) != nil || doh.Enabled || !doh.Locked {
				t.Errorf("DNSOverHTTPS %s", v.Policies["DNSOverHTTPS"])
			}
			if tt.existing != "" && (string(v.Policies["DisableAppUpdate"]) != "true" || !strings.Contains(got, "example.com/ok")) {
				t.Errorf("the user's policies were not kept: %s", got)
			}
			// A restart of the daemon in between: the state file carries it.
			m2, err := NewManager(root, filepath.Dir(m.statePath))
			if err != nil {
				t.Fatal(err)
			}
			if err := m2.Lift(); err != nil {
				t.Fatal(err)
			}
			after, ok := read(root, tt.wantFile)
			if tt.existing == "" && ok {
				t.Errorf("a file that did not exist is left: %s", after)
			}
			if tt.existing != "" && after != tt.existing {
				t.Errorf("not given back byte for byte:\n%q\nwant\n%q", after, tt.existing)
			}
		})
	}
}

func TestInvalidFirefoxFileIsLeftAlone(t *testing.T) {
	root := machine(t, "firefox")
	write(t, root, "/etc/firefox/policies/policies.json", `{"policies": {`)
	report, _, err := newManager(t, root).Apply(Want{Paths: []string{"instagram.com/jane.doe"}})
	if err == nil || !strings.Contains(report[0].Problem, "not valid JSON") {
		t.Fatalf("%+v %v", report, err)
	}
	if got, _ := read(root, "/etc/firefox/policies/policies.json"); got != `{"policies": {` {
		t.Error("an invalid file was changed")
	}
}

func TestSandboxedBrowsersAreListed(t *testing.T) {
	root := t.TempDir()
	testutil.Must(t, os.MkdirAll(filepath.Join(root, "/var/lib/flatpak/app/org.mozilla.firefox"), 0o755))
	report, _, _ := newManager(t, root).Apply(Want{})
	if len(report) != 1 || report[0].Covered || report[0].Name != "Firefox (Flatpak)" {
		t.Fatalf("%+v", report)
	}
}

func TestRunningFirefoxIsAskedToRestart(t *testing.T) {
	proc := t.TempDir()
	testutil.Must(t, os.MkdirAll(filepath.Join(proc, "4242"), 0o755))
	testutil.Must(t, os.WriteFile(filepath.Join(proc, "4242", "comm"), []byte("firefox-esr\n"), 0o644))
	old := time.Now().Add(-time.Hour)
	testutil.Must(t, os.Chtimes(filepath.Join(proc, "4242"), old, old)) // started an hour ago
	root := machine(t, "firefox")
	procDir = proc // machine's clean-up puts the real one back
	report, _, _ := newManager(t, root).Apply(Want{})
	if !slices.ContainsFunc(report[0].Notes, func(n string) bool { return strings.Contains(n, "restart Firefox") }) {
		t.Fatalf("an open Firefox is not asked to restart: %+v", report[0].Notes)
	}
	now := time.Now().Add(time.Hour)
	testutil.Must(t, os.Chtimes(filepath.Join(proc, "4242"), now, now)) // started after the policy
	report, _, _ = newManager(t, root).Apply(Want{})
	if slices.ContainsFunc(report[0].Notes, func(n string) bool { return strings.Contains(n, "restart Firefox") }) {
		t.Fatalf("a Firefox started after the policy is asked to restart: %+v", report[0].Notes)
	}
}

// TestOneInexactDirectoryMakesTheBrowserInexact: Vivaldi reads three
// directories; a conflict in any of them means it may over-block.
func TestOneInexactDirectoryMakesTheBrowserInexact(t *testing.T) {
	root := machine(t, "vivaldi")
	write(t, root, "/etc/opt/vivaldi/policies/managed/corp.json", `{"URLBlocklist":["example.com"]}`)
	report, _, _ := newManager(t, root).Apply(Want{Paths: []string{"instagram.com/jane.doe"}})
	if len(report) != 1 || report[0].Exact || len(report[0].Files) != 3 {
		t.Fatalf("%+v", report)
	}
}

// Names blocked whole are in the browsers' lists too (each name exactly,
// as in the hosts file), and private windows are closed when the session
// asks; Firefox's own file is given back byte for byte afterwards.
func TestWholeNamesAndPrivateWindows(t *testing.T) {
	root := machine(t, "chromium", "firefox")
	own := `{"policies": {"DisablePrivateBrowsing": false, "WebsiteFilter": {"Block": ["*://example.org/*"]}}}`
	write(t, root, "/etc/firefox/policies/policies.json", own)
	m := newManager(t, root)
	w := Want{Paths: []string{"example.net/jane.doe"}, Hosts: []string{"instagram.com", "www.instagram.com"}, ClosePrivate: true}
	if _, _, err := m.Apply(w); err != nil {
		t.Fatal(err)
	}
	got, _ := read(root, chromiumFile)
	var p struct {
		URLBlocklist              []string
		IncognitoModeAvailability int
	}
	if err := json.Unmarshal([]byte(got), &p); err != nil {
		t.Fatal(err)
	}
	if len(p.URLBlocklist) < 6 || !slices.Equal(p.URLBlocklist[:6], []string{"example.net/jane.doe", ".instagram.com", ".www.instagram.com",
		"example.net/JANE.DOE", "example.net/Jane.Doe", "example.net/Jane.doe"}) || p.IncognitoModeAvailability != 1 {
		t.Errorf("chromium policy %s", got)
	}
	ff, _ := read(root, "/etc/firefox/policies/policies.json")
	for _, want := range []string{`"DisablePrivateBrowsing": true`, `"*://instagram.com/*"`, `"*://*.example.net/jane.doe/*"`, `"*://example.org/*"`,
		`"*://*.www-example-net.translate.goog/jane.doe"`, `"*://web.archive.org/web/*example.net/jane.doe/*"`, `"*://archive.ph/*example.net/jane.doe"`} {
		if !strings.Contains(ff, want) {
			t.Errorf("firefox policy lacks %s:\n%s", want, ff)
		}
	}
	if err := m.Lift(); err != nil {
		t.Fatal(err)
	}
	if back, _ := read(root, "/etc/firefox/policies/policies.json"); back != own {
		t.Errorf("firefox's file after the block:\n%s\nwant\n%s", back, own)
	}
	w.ClosePrivate = false
	m.Apply(w)
	if got, _ := read(root, chromiumFile); strings.Contains(got, "Incognito") {
		t.Errorf("private windows closed though the block allows them: %s", got)
	}
}

func TestFirefoxQueryPath(t *testing.T) {
	got := firefoxPatterns("facebook.com/profile.php?id=4")
	want := []string{"*://*.facebook.com/profile.php?id=4", "*://*.facebook.com/profile.php?id=4&*", "*://*.facebook.com/profile.php?*&id=4", "*://*.facebook.com/profile.php?*&id=4&*"}
	if !slices.Equal(got, want) {
		t.Errorf("patterns %q", got)
	}
}

// Only another program's change is a change: a block that grows rewrites
// the files without one; a file made unreadable or replaced by a
// directory is put back and said so; one that cannot be put back is never
// called restored.
func TestChangesAreOtherProgramsOnly(t *testing.T) {
	root := machine(t, "chromium")
	m := newManager(t, root)
	if _, ch, err := m.Apply(Want{Paths: []string{"instagram.com/jane.doe"}}); err != nil || len(ch) != 0 {
		t.Fatalf("first write: %v %v", ch, err)
	}
	if _, ch, err := m.Apply(Want{Paths: []string{"instagram.com/jane.doe", "x.com/jane"}}); err != nil || len(ch) != 0 {
		t.Fatalf("the block grew, and that was taken for tampering: %v %v", ch, err)
	}
	w := Want{Paths: []string{"instagram.com/jane.doe", "x.com/jane"}}
	full := filepath.Join(root, chromiumFile)
	if err := os.Chmod(full, 0o600); err != nil {
		t.Fatal(err)
	}
	_, ch, err := m.Apply(w)
	if fi, _ := os.Stat(full); err != nil || len(ch) != 1 || ch[0].Line() != "Chromium's policy was made unreadable for the browsers (mode 0600); restored" || fi.Mode().Perm() != 0o644 {
		t.Fatalf("chmod 600: %v %v", ch, err)
	}
	if err := os.Remove(full); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(full, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, ch, err = m.Apply(w)
	if fi, _ := os.Stat(full); err != nil || len(ch) != 1 || !ch[0].Restored || ch[0].Found != "replaced by a directory" || !fi.Mode().IsRegular() {
		t.Fatalf("a directory in its place: %v %v", ch, err)
	}
	if _, ch, _ = m.Apply(w); len(ch) != 0 {
		t.Errorf("a check after the restore found changes: %v", ch)
	}
}

// A file that begins to set our policies during a block, or to keep our
// extension out, is moved aside and recorded, and put back at the end
// (issue 29.5); one there from the start is left alone.
func TestAnOverridingFileIsMovedAside(t *testing.T) {
	for name, body := range map[string]string{
		"zzz.json": `{"URLBlocklist": [], "URLAllowlist": ["*"]}`,
		"ext.json": `{"ExtensionSettings": {"*": {"installation_mode": "blocked"}}}`,
	} {
		root := machine(t, "chromium")
		m := newManager(t, root)
		w := Want{Paths: []string{"instagram.com/jane.doe"}}
		if _, ch, err := m.Apply(w); err != nil || len(ch) != 0 {
			t.Fatalf("%v %v", ch, err)
		}
		file := "/etc/chromium/policies/managed/" + name
		write(t, root, file, body)
		_, ch, _ := m.Apply(w)
		if len(ch) != 1 || !ch[0].Restored || !strings.Contains(ch[0].Line(), name+" also sets") || !strings.Contains(ch[0].Line(), "moved aside") {
			t.Fatalf("%s: %v", name, ch)
		}
		if _, ok := read(root, file); ok {
			t.Errorf("%s is still beside ours", name)
		}
		if _, ch, _ = m.Apply(w); len(ch) != 0 {
			t.Errorf("recorded twice: %v", ch)
		}
		// Made again, with its other key only and mode 0640: moved again.
		again := `{"ExtensionInstallBlocklist": ["*"]}`
		write(t, root, file, again)
		testutil.Must(t, os.Chmod(filepath.Join(root, file), 0o640))
		if _, ch, _ = m.Apply(w); len(ch) != 1 || !ch[0].Restored {
			t.Fatalf("%s made again: %v", name, ch)
		}
		err := m.Lift() // the last one goes back; the first is kept aside, and said
		if got, _ := read(root, file); got != again || err == nil || !strings.Contains(err.Error(), "kept at") {
			t.Errorf("%s after the block: %q, %v", name, got, err)
		}
		if fi, _ := os.Stat(filepath.Join(root, file)); fi.Mode().Perm() != 0o640 {
			t.Errorf("%s put back with mode %v", name, fi.Mode())
		}
	}
}

// Conflicts already there at the first Apply of a run are notes, in every
// directory, not changes made during the block.
func TestConflictsAtStartAreNotChanges(t *testing.T) {
	root := machine(t, "chromium", "chrome")
	write(t, root, "/etc/opt/chrome/policies/managed/corp.json", `{"URLBlocklist": ["example.com"]}`)
	_, ch, _ := newManager(t, root).Apply(Want{Paths: []string{"instagram.com/jane.doe"}})
	if len(ch) != 0 {
		t.Errorf("an employer's file present at the start taken for a change: %v", ch)
	}
}

// The folder that holds a policy, or a parent of it, closed to the
// browsers during a block (chmod 700) is opened again and recorded (issue
// 29.5): the browser, running as the user, would read no policy.
func TestAClosedPolicyFolderIsOpened(t *testing.T) {
	for _, dir := range []string{"/etc/chromium/policies/managed", "/etc/chromium/policies", "/etc/chromium"} {
		root := machine(t, "chromium")
		m := newManager(t, root)
		w := Want{Paths: []string{"instagram.com/jane.doe"}}
		if _, ch, err := m.Apply(w); err != nil || len(ch) != 0 {
			t.Fatalf("%v %v", ch, err)
		}
		testutil.Must(t, os.Chmod(filepath.Join(root, dir), 0o700))
		_, ch, _ := m.Apply(w)
		if len(ch) != 1 || !ch[0].Restored || !strings.Contains(ch[0].Line(), "its folder "+dir+" was given mode 0700") {
			t.Fatalf("%s closed: %v", dir, ch)
		}
		if fi, _ := os.Stat(filepath.Join(root, dir)); fi.Mode().Perm()&0o001 == 0 {
			t.Errorf("%s is still closed: %v", dir, fi.Mode())
		}
	}
}

// Edge closes its private windows by its own policy's name,
// InPrivateModeAvailability: it does not read Chrome's
// IncognitoModeAvailability, on Linux as on Windows.
func TestEdgeClosesInPrivateByItsOwnName(t *testing.T) {
	root := machine(t, "edge", "chrome")
	m := newManager(t, root)
	if _, _, err := m.Apply(Want{Paths: []string{"instagram.com/jane.doe"}, ClosePrivate: true}); err != nil {
		t.Fatal(err)
	}
	edge, _ := read(root, "/etc/opt/edge/policies/managed/"+FileName)
	chrome, _ := read(root, "/etc/opt/chrome/policies/managed/"+FileName)
	if !strings.Contains(edge, `"InPrivateModeAvailability": 1`) || strings.Contains(edge, "IncognitoModeAvailability") {
		t.Errorf("Edge's policy: %s", edge)
	}
	if !strings.Contains(chrome, `"IncognitoModeAvailability": 1`) {
		t.Errorf("Chrome's policy: %s", chrome)
	}
}
