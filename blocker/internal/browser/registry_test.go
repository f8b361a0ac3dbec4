package browser

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// The registry merge, against the Windows registry under Wine (a private
// key under HKCU, browser_windows_test.go) and against a map elsewhere
// (regfake_test.go): the same tests, so the merge is checked on every
// system and the real registry where there is one.

// regEnv is a Manager whose registry policies go under a private base.
type regEnv struct {
	m              *Manager
	reg            regStore
	base, stateDir string
}

func newRegEnv(t *testing.T) *regEnv {
	t.Helper()
	reg, base := testRegistry(t)
	useRegistryTargets(t)
	e := &regEnv{reg: reg, base: base, stateDir: t.TempDir()}
	e.m = e.manager(t)
	return e
}

// manager is a new Manager on e's state directory, as after a restart.
func (e *regEnv) manager(t *testing.T) *Manager {
	t.Helper()
	m, err := NewManager(t.TempDir(), e.stateDir)
	if err != nil {
		t.Fatal(err)
	}
	m.reg, m.regBase = e.reg, e.base
	return m
}

// vals returns the values of key, below the base.
func (e *regEnv) vals(t *testing.T, key string) map[string]regValue {
	t.Helper()
	v, err := e.reg.values(e.base + `\` + key)
	testutil.Must(t, err)
	return v
}

func (e *regEnv) put(t *testing.T, key, name string, v regValue) {
	t.Helper()
	testutil.Must(t, e.reg.set(e.base+`\`+key, map[string]regValue{name: v}))
}

// list returns a list key's entries by their numbers, and fails unless
// they are numbered 1 to n.
func (e *regEnv) list(t *testing.T, key string) []string {
	t.Helper()
	v := e.vals(t, key)
	out := make([]string, len(v))
	for name, val := range v {
		i, err := strconv.Atoi(name)
		if err != nil || i < 1 || i > len(v) || val.Type != regSZ {
			t.Fatalf("%s: value %q (%v) is not one of 1..%d, a string", key, name, val, len(v))
		}
		out[i-1] = val.String()
	}
	return out
}

func TestRegistryPoliciesAreWritten(t *testing.T) {
	e := newRegEnv(t)
	w := Want{Paths: []string{"instagram.com/jane.doe"}, Hosts: []string{"example.com"}, ClosePrivate: true}
	forcelist := []string{"abcdefghijklmnopabcdefghijklmnop;http://127.78.0.1/nocontact/updates.xml"}
	e.m.Forcelist = forcelist
	report, changes, err := e.m.Apply(w)
	if err != nil || len(changes) != 0 || len(report) != len(Targets) {
		t.Fatalf("apply: %+v %v %v", report, changes, err)
	}
	var file struct{ URLBlocklist, URLAllowlist []string } // what the Linux file holds
	b, _, _ := chromiumPolicy(Target{}, w, true, nil)
	testutil.Must(t, json.Unmarshal(b, &file))
	for i, tg := range Targets {
		if tg.Kind != Chromium {
			continue // TestRegistryFirefox
		}
		if st := report[i]; !st.Covered || !st.Exact || !slices.Equal(st.Files, []string{e.base + `\` + tg.PolicyKey}) || st.Problem != "" {
			t.Errorf("%s: %+v", tg.Name, st)
		}
		v := e.vals(t, tg.PolicyKey)
		private, other := "IncognitoModeAvailability", "InPrivateModeAvailability"
		if tg.ID == "edge" {
			private, other = other, private
		}
		if !v["DnsOverHttpsMode"].same(regString("off")) || !v[private].same(regNumber(1)) || len(v) != 2 {
			t.Errorf("%s: %s holds %v; want DnsOverHttpsMode off and %s 1 only (not %s)", tg.Name, tg.PolicyKey, v, private, other)
		}
		if got := e.list(t, tg.PolicyKey+`\URLBlocklist`); !slices.Equal(got, file.URLBlocklist) {
			t.Errorf("%s: URLBlocklist %q, the file's %q", tg.Name, got, file.URLBlocklist)
		}
		if got := e.list(t, tg.PolicyKey+`\URLAllowlist`); !slices.Equal(got, file.URLAllowlist) || len(got) == 0 {
			t.Errorf("%s: URLAllowlist %q, the file's %q", tg.Name, got, file.URLAllowlist)
		}
		if got := e.list(t, tg.PolicyKey+`\ExtensionInstallForcelist`); !slices.Equal(got, forcelist) ||
			!strings.Contains(strings.Join(report[i].Notes, "\n"), "only on a PC an organization manages") {
			t.Errorf("%s: ExtensionInstallForcelist %q, notes %q", tg.Name, got, report[i].Notes)
		}
	}
	if files := e.m.Files(); len(files) != 0 {
		t.Errorf("files to guard: %q; the registry has none", files)
	}
	testutil.Must(t, e.m.Lift())
	for _, tg := range Targets {
		if top, _, _ := strings.Cut(tg.PolicyKey, `\`); e.reg.exists(e.base + `\` + top) {
			t.Errorf("%s: %s is left after the block", tg.Name, top)
		}
	}
	if _, err := os.Stat(filepath.Join(e.stateDir, StateFile)); err == nil {
		t.Error("the state file is left after the block")
	}
}

// TestRegistryKeepsAnotherProgramsValues: an employer's URLBlocklist
// entries are kept, ours numbered around them; its DnsOverHttpsMode and a
// private-window policy of another type are replaced for the block and
// put back exactly; the keys it made are removed, its own are kept.
func TestRegistryKeepsAnotherProgramsValues(t *testing.T) {
	e := newRegEnv(t)
	chrome, brave := `Google\Chrome`, `BraveSoftware\Brave`
	e.put(t, chrome+`\URLBlocklist`, "1", regString("example.org"))
	e.put(t, chrome+`\URLBlocklist`, "3", regString("corp.example"))
	automatic := regValue{Type: regSZ, Data: regString("automatic").Data[:18]} // written without the final NUL
	e.put(t, chrome, "DnsOverHttpsMode", automatic)
	e.put(t, chrome, "HomepageLocation", regString("https://intranet.example"))
	e.put(t, brave, "IncognitoModeAvailability", regString("0"))
	theirs := map[string]map[string]regValue{chrome: e.vals(t, chrome), chrome + `\URLBlocklist`: e.vals(t, chrome+`\URLBlocklist`), brave: e.vals(t, brave)}

	report, _, err := e.m.Apply(Want{Paths: []string{"instagram.com/jane.doe"}, ClosePrivate: true})
	testutil.Must(t, err)
	block := e.vals(t, chrome+`\URLBlocklist`)
	if !block["1"].same(regString("example.org")) || !block["3"].same(regString("corp.example")) ||
		!block["2"].same(regString("instagram.com/jane.doe")) || !block["4"].same(regString("instagram.com/JANE.DOE")) {
		t.Errorf("URLBlocklist: %v; want theirs at 1 and 3, ours from 2", block)
	}
	if v := e.vals(t, chrome); !v["DnsOverHttpsMode"].same(regString("off")) || !v["HomepageLocation"].same(regString("https://intranet.example")) {
		t.Errorf("Chrome's key: %v", v)
	}
	if e.reg.exists(e.base + `\` + chrome + `\URLAllowlist`) {
		t.Error("carve-outs beside another program's URLBlocklist could open what it blocks")
	}
	notes := strings.Join(report[0].Notes, "\n")
	if report[0].Exact || !strings.Contains(notes, `URLBlocklist holds 2 entries`) || !strings.Contains(notes, `DnsOverHttpsMode in `) || !strings.Contains(notes, `was "automatic"`) {
		t.Errorf("Chrome's status: %+v", report[0])
	}

	testutil.Must(t, e.m.Lift())
	for key, want := range theirs {
		if got := e.vals(t, key); !maps.EqualFunc(got, want, func(a, b regValue) bool { return a.Type == b.Type && slices.Equal(a.Data, b.Data) }) {
			t.Errorf("%s after the block: %v; before it: %v", key, got, want)
		}
	}
	if e.reg.exists(e.base+`\Microsoft`) || e.reg.exists(e.base+`\`+chrome+`\URLAllowlist`) {
		t.Error("a key made for the block is left")
	}
}

// TestRegistryTamperIsReportedAndUndone: one of our values removed and
// one altered are one change for the browser, written again; a block
// that grows is not a change.
func TestRegistryTamperIsReportedAndUndone(t *testing.T) {
	e := newRegEnv(t)
	chrome := `Google\Chrome`
	w := Want{Paths: []string{"instagram.com/jane.doe"}}
	_, _, err := e.m.Apply(w)
	testutil.Must(t, err)
	want := e.list(t, chrome+`\URLBlocklist`)
	testutil.Must(t, e.reg.remove(e.base+`\`+chrome+`\URLBlocklist`, []string{"1"}))
	e.put(t, chrome, "DnsOverHttpsMode", regString("automatic"))

	_, changes, err := e.m.Apply(w)
	testutil.Must(t, err)
	if len(changes) != 1 || changes[0].Browser != "Google Chrome" || !changes[0].Restored ||
		!strings.Contains(changes[0].Found, `1 was removed from`) || !strings.Contains(changes[0].Found, `was set to "automatic"`) {
		t.Fatalf("changes: %+v", changes)
	}
	if got := e.list(t, chrome+`\URLBlocklist`); !slices.Equal(got, want) || !e.vals(t, chrome)["DnsOverHttpsMode"].same(regString("off")) {
		t.Errorf("not restored: %q", got)
	}
	if _, changes, _ := e.m.Apply(w); len(changes) != 0 {
		t.Errorf("a second look found changes: %+v", changes)
	}
	listKey := e.base + `\` + chrome + `\URLBlocklist`
	all, _ := e.reg.names(listKey)
	testutil.Must(t, e.reg.remove(listKey, all))
	if _, changes, _ := e.m.Apply(w); len(changes) != 1 || !strings.Contains(changes[0].Found, strconv.Itoa(len(all))+" of its values were removed from") || len(changes[0].Found) > 200 {
		t.Errorf("the whole list removed: %+v", changes)
	}
	w.Paths = append(w.Paths, "x.com/janedoe")
	if _, changes, _ := e.m.Apply(w); len(changes) != 0 || !slices.Contains(e.list(t, chrome+`\URLBlocklist`), "x.com/janedoe") {
		t.Errorf("a grown block: %+v", changes)
	}
	testutil.Must(t, e.m.Lift())
	if e.reg.exists(e.base + `\Google`) {
		t.Error("the policy is left after the block")
	}
}

// TestRegistryLiftAfterCrash: a new Manager on the same state directory
// (the daemon killed and started again, or `nocontactd cleanup`) undoes
// what the first wrote, whatever base it is given: the state names each
// key in full.
func TestRegistryLiftAfterCrash(t *testing.T) {
	e := newRegEnv(t)
	edge := `Microsoft\Edge`
	e.put(t, edge, "DnsOverHttpsMode", regString("secure"))
	_, _, err := e.m.Apply(Want{Paths: []string{"instagram.com/jane.doe"}, ClosePrivate: true})
	testutil.Must(t, err)

	m := e.manager(t)
	m.regBase = e.base + `\Elsewhere`
	testutil.Must(t, m.Lift())
	if v := e.vals(t, edge); len(v) != 1 || !v["DnsOverHttpsMode"].same(regString("secure")) {
		t.Errorf("Edge's key after the block: %v", v)
	}
	if e.reg.exists(e.base+`\Google`) || e.reg.exists(e.base+`\`+edge+`\URLBlocklist`) {
		t.Error("keys made for the block are left")
	}
	if _, err := os.Stat(filepath.Join(e.stateDir, StateFile)); err == nil {
		t.Error("the state file is left")
	}
}

// TestRegistryAllowEntryAddedDuringBlockIsSetAside: an allow entry that
// another program adds during the block (it would open a blocked
// profile) is removed, reported, and put back at the end; one there when
// the block began (an employer's) is left and said.
func TestRegistryAllowEntryAddedDuringBlockIsSetAside(t *testing.T) {
	e := newRegEnv(t)
	chrome, edge := `Google\Chrome\URLAllowlist`, `Microsoft\Edge\URLAllowlist`
	e.put(t, edge, "1", regString("intranet.example"))
	w := Want{Paths: []string{"instagram.com/jane.doe"}}
	report, _, err := e.m.Apply(w)
	testutil.Must(t, err)
	if report[1].Exact || !strings.Contains(strings.Join(report[1].Notes, "\n"), `URLAllowlist holds 1 entries`) {
		t.Errorf("Edge, with an employer's allow list: %+v", report[1])
	}
	e.put(t, chrome, "500", regString("instagram.com/jane.doe"))

	_, changes, err := e.m.Apply(w)
	testutil.Must(t, err)
	if len(changes) != 1 || !changes[0].Restored || !strings.Contains(changes[0].Found, `"instagram.com/jane.doe" was added to`) {
		t.Fatalf("changes: %+v", changes)
	}
	if _, there := e.vals(t, chrome)["500"]; there {
		t.Error("the allow entry added during the block is still there")
	}
	if _, changes, _ := e.m.Apply(w); len(changes) != 0 {
		t.Errorf("a second look: %+v", changes)
	}
	testutil.Must(t, e.m.Lift())
	if v := e.vals(t, chrome); len(v) != 1 || !v["500"].same(regString("instagram.com/jane.doe")) {
		t.Errorf("Chrome's allow list after the block: %v", v)
	}
	if v := e.vals(t, edge); len(v) != 1 || !v["1"].same(regString("intranet.example")) {
		t.Errorf("Edge's allow list after the block: %v", v)
	}
}

// TestRegistryFirefox: Firefox's key gets the same policies its
// policies.json would (the patterns in WebsiteFilter\Block beside another
// program's, DNSOverHTTPS off and locked, private windows off, booleans
// as DWORDs), the list's first value stays the one named 1 (Firefox
// reads a list only so) after ours is removed and written again, and the
// end gives back exactly what was there.
func TestRegistryFirefox(t *testing.T) {
	e := newRegEnv(t)
	ff, block := `Mozilla\Firefox`, `Mozilla\Firefox\WebsiteFilter\Block`
	e.put(t, block, "1", regString("*://games.example/*"))
	e.put(t, ff+`\DNSOverHTTPS`, "Enabled", regNumber(1))
	e.put(t, ff+`\DNSOverHTTPS`, "ProviderURL", regString("https://dns.example/q"))
	before := map[string]map[string]regValue{block: e.vals(t, block), ff + `\DNSOverHTTPS`: e.vals(t, ff+`\DNSOverHTTPS`)}
	w := Want{Paths: []string{"instagram.com/jane.doe"}, Hosts: []string{"example.com"}, ClosePrivate: true}
	report, _, err := e.m.Apply(w)
	testutil.Must(t, err)
	st := report[len(report)-1]
	p, _, _ := firefoxPolicies(w, 1, true)
	want := append([]string{"*://games.example/*"}, p["WebsiteFilter"].(map[string]any)["Block"].([]string)...)
	if got := e.list(t, block); !slices.Equal(got, want) {
		t.Errorf("WebsiteFilter\\Block: %q, want %q", got, want)
	}
	if v := e.vals(t, ff+`\DNSOverHTTPS`); len(v) != 3 || !v["Enabled"].same(regNumber(0)) || !v["Locked"].same(regNumber(1)) {
		t.Errorf("DNSOverHTTPS: %v", v)
	}
	if v := e.vals(t, ff); len(v) != 1 || !v["DisablePrivateBrowsing"].same(regNumber(1)) {
		t.Errorf("Firefox's key: %v", v)
	}
	if st.Name != "Firefox" || !st.Exact || !slices.Contains(st.Notes, firefoxRestart) || !strings.Contains(strings.Join(st.Notes, "\n"), "holds 1 entries") {
		t.Errorf("status: %+v", st)
	}

	testutil.Must(t, e.m.Lift())
	for key, was := range before {
		if got := e.vals(t, key); !maps.Equal(toText(got), toText(was)) {
			t.Errorf("%s after the block: %v, before it %v", key, got, was)
		}
	}
	if v := e.vals(t, ff); len(v) != 0 {
		t.Errorf("Firefox's key after the block: %v", v)
	}
}

// TestRegistryFirefoxListStaysAList: Firefox reads a key as a list only
// when its first value is named 1; ours removed and written again would
// come last, so the list is written again in order, and said.
func TestRegistryFirefoxListStaysAList(t *testing.T) {
	e := newRegEnv(t)
	block := e.base + `\Mozilla\Firefox\WebsiteFilter\Block`
	w := Want{Paths: []string{"instagram.com/jane.doe"}}
	_, _, err := e.m.Apply(w)
	testutil.Must(t, err)
	want, _ := e.reg.values(block)
	testutil.Must(t, e.reg.remove(block, []string{"1"}))
	_, changes, err := e.m.Apply(w)
	testutil.Must(t, err)
	if len(changes) != 1 || changes[0].Browser != "Firefox" || !strings.Contains(changes[0].Found, "1 was removed") {
		t.Errorf("changes: %+v", changes)
	}
	order, _ := e.reg.names(block)
	if got, _ := e.reg.values(block); !maps.Equal(toText(got), toText(want)) || len(order) != len(want) || order[0] != "1" {
		t.Errorf("the list after the repair: %v in the order %q", got, order)
	}
	testutil.Must(t, e.m.Lift())
	if e.reg.exists(e.base + `\Mozilla`) {
		t.Error("Firefox's key is left after the block")
	}
}

func toText(v map[string]regValue) map[string]string {
	out := map[string]string{}
	for n, val := range v {
		out[n] = val.String()
	}
	return out
}
