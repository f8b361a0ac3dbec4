package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/nocontact-app/nocontact/content/profile"
)

// useTempVault points the vault at a temporary config dir and a mock
// keyring.
func useTempVault(t *testing.T) string {
	t.Helper()
	keyring.MockInit()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("HOME", dir)
	return dir
}

func TestProfilesCommands(t *testing.T) {
	useTempVault(t)
	code, out, errs := runCLI("profiles", "add", "https://www.instagram.com/jane.doe/?igsh=x")
	if code != ExitOK || !strings.Contains(out, "instagram:jane.doe") || !strings.Contains(out, "their profile, in your browsers") ||
		!strings.Contains(out, "instagram.com/jane.doe") {
		t.Fatalf("add: %d %q %q", code, out, errs)
	}
	if code, _, errs = runCLI("profiles", "add", "instagram.com/jane.doe"); code != ExitFailed || !strings.Contains(errs, "already saved") {
		t.Errorf("duplicate: %d %q", code, errs)
	}
	if code, _, _ = runCLI("profiles", "add", "--platform", "substack", "--handle", "jane"); code != ExitOK {
		t.Errorf("add by handle: %d", code)
	}
	_, out, _ = runCLI("profiles", "list")
	if !strings.Contains(out, "instagram:jane.doe") || !strings.Contains(out, "substack:jane") || !strings.Contains(out, "just this site") {
		t.Errorf("list: %q", out)
	}
	code, _, errs = runCLI("profiles", "add", "https://www.instagram.com/")
	if code != ExitUsage || !strings.Contains(errs, "not someone's profile") || strings.Count(errs, "\n") != 1 {
		t.Errorf("bad link: %d %q", code, errs)
	}
	if code, out, _ = runCLI("profiles", "resolve", "jane.tumblr.com", "--json"); code != ExitOK || !strings.Contains(out, `"jane.tumblr.com"`) {
		t.Errorf("resolve: %q", out)
	}
	if code, out, _ = runCLI("profiles", "reach", "instagram:jane.doe", "platform"); code != ExitOK || !strings.Contains(out, "all of Instagram on this computer") {
		t.Errorf("reach platform: %d %q", code, out)
	}
	if code, _, errs = runCLI("profiles", "reach", "substack:jane", "profile"); code != ExitUsage || !strings.Contains(errs, "site of its own") {
		t.Errorf("reach of a site: %d %q", code, errs)
	}
	if code, _, errs = runCLI("profiles", "add", "--reach", "profile", "https://m.me/jane.doe"); code != ExitUsage || !strings.Contains(errs, "only the whole platform") {
		t.Errorf("profile reach where paths cannot be told apart: %d %q", code, errs)
	}
	if code, _, _ = runCLI("profiles", "remove", "substack:jane"); code != ExitOK {
		t.Errorf("remove: %d", code)
	}
	if _, out, _ = runCLI("profiles", "list", "--json"); strings.Contains(out, "substack") {
		t.Errorf("removed profile still listed: %q", out)
	}
}

func TestStartBlocksSavedProfiles(t *testing.T) {
	useTempVault(t)
	sock, hostsFile := startDaemon(t)
	runCLI("profiles", "add", "jane.substack.com")
	runCLI("profiles", "add", "--reach", "platform", "https://x.com/janedoe")
	runCLI("profiles", "add", "https://www.instagram.com/jane.doe/")
	code, out, errs := runCLI("start", "--socket", sock, "--for", "7d", "--yes")
	var ps []profile.Profile
	for _, link := range []string{"jane.substack.com", "https://x.com/janedoe", "https://www.instagram.com/jane.doe/"} {
		p, _ := profile.Parse(link)
		ps = append(ps, p)
	}
	ps[1].Reach = profile.ReachPlatform
	block, _ := profile.BlockOf(ps) // 10 names, and the viewer sites of X and Instagram
	n := strconv.Itoa(len(block.Names))
	if code != ExitOK || !strings.Contains(out, "all of X (Twitter) on this computer") || !strings.Contains(out, n+" sites, everywhere on this computer: ") ||
		!strings.Contains(out, "6 profile pages, in your browsers: instagr.am/api/v1/users/web_profile_info?username=jane.doe, instagr.am/jane.doe, instagr.am/stories/jane.doe, "+
			"instagram.com/api/v1/users/web_profile_info?username=jane.doe, instagram.com/jane.doe, instagram.com/stories/jane.doe") ||
		!strings.Contains(out, "Blocking "+n+" sites and 6 profile pages") || !strings.Contains(out, "imginn.com") {
		t.Fatalf("start: %d %q %q", code, out, errs)
	}
	b, _ := os.ReadFile(hostsFile)
	for _, h := range []string{"jane.substack.com", "t.co", "twitter.com"} {
		if !strings.Contains(string(b), "127.78.0.1 "+h+" "+h+".\n") {
			t.Errorf("%s not blocked", h)
		}
	}
	if strings.Contains(string(b), "instagram") {
		t.Error("a profile reach blocked all of Instagram in the hosts file")
	}
	if _, out, _ := runCLI("status", "--socket", sock); !strings.Contains(out, "Private windows: closed in your browsers during the block") {
		t.Errorf("status does not say private windows are closed: %q", out)
	}
}

func TestJournalContactExportImport(t *testing.T) {
	dir := useTempVault(t)
	if code, _, errs := runCLI("journal", "add", "--motive", "nostalgia", "looked", "at", "old", "photos"); code != ExitOK {
		t.Fatalf("journal add: %s", errs)
	}
	if code, _, _ := runCLI("journal", "add", "--motive", "boredom", "x"); code != ExitUsage {
		t.Error("an unknown motive was accepted")
	}
	if _, out, _ := runCLI("journal", "list"); !strings.Contains(out, "nostalgia") || !strings.Contains(out, "looked at old photos") {
		t.Errorf("journal list: %q", out)
	}
	runCLI("contact", "--last", "2026-01-01")
	runCLI("contact", "--last", "2026-02-01")
	if _, out, _ := runCLI("contact"); !strings.Contains(out, "since 2026-02-01") || !strings.Contains(out, "Best: ") {
		t.Errorf("contact: %q", out)
	}
	if code, _, _ := runCLI("contact", "--last", "2999-01-01"); code != ExitUsage {
		t.Error("a future date was accepted")
	}
	export := filepath.Join(dir, "export.json")
	code, _, errs := runCLI("export", export)
	if code != ExitOK || !strings.Contains(errs, "unencrypted") {
		t.Fatalf("export: %d %q", code, errs)
	}
	runCLI("journal", "add", "--motive", "guilt", "another")
	if code, out, _ := runCLI("import", export); code != ExitOK || !strings.Contains(out, "1 journal entries") {
		t.Errorf("import: %q", out)
	}
	if _, out, _ := runCLI("journal", "list"); strings.Contains(out, "another") {
		t.Error("import did not replace the data")
	}
}

func TestJournalAndContactAsJSON(t *testing.T) {
	useTempVault(t)
	runCLI("journal", "add", "--motive", "nostalgia", "looked", "at", "photos")
	runCLI("contact", "--last", "today")
	code, out, _ := runCLI("journal", "list", "--json")
	var entries []map[string]any
	if code != ExitOK || json.Unmarshal([]byte(out), &entries) != nil || len(entries) != 1 {
		t.Errorf("journal list --json: %d %q", code, out)
	}
	code, out, _ = runCLI("contact", "--json")
	var c struct {
		Days int `json:"days_without_contact"`
	}
	if code != ExitOK || json.Unmarshal([]byte(out), &c) != nil || !strings.Contains(out, "last_contact") {
		t.Errorf("contact --json: %d %q", code, out)
	}
}

func TestScheduleCommands(t *testing.T) {
	useTempVault(t)
	sock, _ := startDaemon(t)
	runCLI("profiles", "add", "--reach", "platform", "https://x.com/janedoe")
	if code, _, errs := runCLI("schedule", "add", "--socket", sock, "--days", "someday", "--from", "22:00", "--to", "07:00"); code != ExitUsage || !strings.Contains(errs, "mon-fri") {
		t.Errorf("bad days: %d %q", code, errs)
	}
	if code, _, errs := runCLI("schedule", "add", "--socket", sock, "--days", "daily", "--from", "22:00", "--to", "07:00", "--lock", "friend"); code != ExitUsage || !strings.Contains(errs, "cooldown or strict") {
		t.Errorf("friend lock: %d %q", code, errs)
	}
	code, out, errs := runCLI("schedule", "add", "--socket", sock, "--days", "mon-fri", "--from", "22:00", "--to", "07:00", "--lock", "strict")
	if code != ExitOK || !strings.Contains(out, "mon-fri 22:00 to 07:00, lock strict") || !strings.Contains(out, "Next scheduled block:") {
		t.Fatalf("add: %d %q %q", code, out, errs)
	}
	id := strings.Fields(strings.TrimPrefix(out, "Schedule "))[0]
	if code, out, _ := runCLI("schedule", "list", "--socket", sock); code != ExitOK || !strings.Contains(out, id+"  mon-fri 22:00 to 07:00") || !strings.Contains(out, "9 names") {
		t.Errorf("list: %d %q", code, out)
	}
	if code, out, _ := runCLI("status", "--socket", sock); code != ExitOK || !strings.Contains(out, "Next scheduled block:") {
		t.Errorf("status: %d %q", code, out)
	}
	if code, out, _ := runCLI("schedule", "remove", "--socket", sock, id); code != ExitOK || !strings.Contains(out, "will be removed") {
		t.Errorf("remove: %d %q", code, out)
	}
	if code, out, _ := runCLI("schedule", "keep", "--socket", sock, id); code != ExitOK || !strings.Contains(out, "is kept") {
		t.Errorf("keep: %d %q", code, out)
	}
	if code, out, _ := runCLI("schedule", "list", "--socket", sock); code != ExitOK || strings.Contains(out, "removed") {
		t.Errorf("list after keep: %d %q", code, out)
	}
}

// profiles viewers lists a person's viewer sites with the catalogue's
// date, turns their block off and on, and adds a site of the person's own.
func TestProfilesViewers(t *testing.T) {
	useTempVault(t)
	runCLI("profiles", "add", "https://www.instagram.com/jane.doe/")
	code, out, _ := runCLI("profiles", "viewers", "instagram:jane.doe")
	if code != ExitOK || !strings.Contains(out, "imginn.com") || !strings.Contains(out, "blocked during a block") || !strings.Contains(out, profile.CatalogueChecked) {
		t.Fatalf("viewers: %d %q", code, out)
	}
	if code, out, _ = runCLI("profiles", "viewers", "instagram:jane.doe", "off"); code != ExitOK || !strings.Contains(out, "left open") {
		t.Errorf("off: %d %q", code, out)
	}
	if code, out, _ = runCLI("profiles", "viewers", "instagram:jane.doe", "add", "https://ig.example.net/jane.doe"); code != ExitOK || !strings.Contains(out, "ig.example.net (added by you)") {
		t.Errorf("add: %d %q", code, out)
	}
	if code, _, errs := runCLI("profiles", "viewers", "instagram:jane.doe", "add", "web.archive.org"); code != ExitUsage || !strings.Contains(errs, "used for much else") {
		t.Errorf("add an archive: %d %q", code, errs)
	}
	if code, _, _ = runCLI("profiles", "viewers", "instagram:jane.doe", "sideways"); code != ExitUsage {
		t.Errorf("a bad word: %d", code)
	}
}

func TestProfilesAddAsksAboutATypo(t *testing.T) {
	useTempVault(t)
	code, out, errs := runCLI("profiles", "add", "instagam.com/jane.doe")
	if code != ExitUsage || out != "" || !strings.Contains(errs, "Did you mean Instagram? Paste instagram.com/jane.doe instead") {
		t.Errorf("typo: %d %q %q", code, out, errs)
	}
	if code, _, errs = runCLI("profiles", "add", "instagam.com"); code != ExitUsage || !strings.Contains(errs, "their Instagram profile") {
		t.Errorf("typo without a name: %d %q", code, errs)
	}
	if code, out, errs = runCLI("profiles", "add", "--as-typed", "instagam.com"); code != ExitOK || !strings.Contains(out, "instagam.com") {
		t.Errorf("kept as typed: %d %q %q", code, out, errs)
	}
	if code, _, errs = runCLI("profiles", "add", "example.com"); code != ExitOK {
		t.Errorf("example.com: %d %q", code, errs)
	}
}
