package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/daemontest"
)

// startDaemon runs a real daemon in-process on temporary files.
func startDaemon(t *testing.T) (socket, hostsFile string) { return daemontest.Start(t) }

func TestBlockFromTheCommandLine(t *testing.T) {
	sock, hostsFile := startDaemon(t)
	code, out, errs := runCLI("start", "--socket", sock, "--for", "1d12h", "--host", "instagram.com", "--host", "www.instagram.com", "--cooldown", "15m")
	if code != ExitOK || !strings.Contains(out, "Blocking 2 sites · 1 d 12 h left · lock: cool-down 15 min") || !strings.Contains(out, "reload") {
		t.Fatalf("start: %d %q %q", code, out, errs)
	}
	if b, _ := os.ReadFile(hostsFile); !strings.Contains(string(b), "127.78.0.1 instagram.com") {
		t.Fatal("hosts file not written")
	}
	code, out, _ = runCLI("status", "--socket", sock)
	if code != ExitOK || !strings.Contains(out, "The block is in place and guarded") || !strings.Contains(out, "instagram.com, www.instagram.com") {
		t.Errorf("status: %q", out)
	}
	if code, out, _ = runCLI("extend", "--socket", sock, "--by", "12h"); code != ExitOK || !strings.Contains(out, "2 d left") {
		t.Errorf("extend: %q", out)
	}
	if code, out, _ = runCLI("add", "--socket", sock, "--host", "x.com"); code != ExitOK || !strings.Contains(out, "Blocking 3 sites") {
		t.Errorf("add: %q", out)
	}
	code, out, _ = runCLI("end", "--socket", sock)
	if code != ExitOK || !strings.Contains(out, "Cool-down running: 15 min left") {
		t.Errorf("end (request): %q", out)
	}
	if code, out, _ = runCLI("end", "--socket", sock, "--cancel"); code != ExitOK || !strings.Contains(out, "withdrawn") {
		t.Errorf("end --cancel: %q", out)
	}
	if code, out, _ = runCLI("events", "--socket", sock); code != ExitOK {
		t.Errorf("events: exit %d", code)
	}
	for _, k := range []string{"session_started", "session_extended", "hostnames_added", "unlock_requested", "unlock_cancelled"} {
		if !strings.Contains(out, k) {
			t.Errorf("events lack %s:\n%s", k, out)
		}
	}
	if code, out, _ = runCLI("status", "--socket", sock, "--json"); code != ExitOK || !strings.Contains(out, `"hostnames": [`) {
		t.Errorf("status --json: %q", out)
	}
}

func TestCommandLineRefusals(t *testing.T) {
	sock, _ := startDaemon(t)
	runCLI("start", "--socket", sock, "--for", "1h", "--host", "x.com", "--lock", "strict", "--yes")
	code, _, errs := runCLI("end", "--socket", sock)
	if code != ExitFailed || !strings.Contains(errs, "strict lock") {
		t.Errorf("strict end: %d %q", code, errs)
	}
	code, _, errs = runCLI("start", "--socket", sock, "--for", "1h", "--host", "y.com")
	if code != ExitFailed || !strings.Contains(errs, "already running") {
		t.Errorf("second start: %d %q", code, errs)
	}
	for _, args := range [][]string{
		{"start", "--socket", sock, "--host", "x.com"},
		{"start", "--socket", sock, "--for", "7d"},
		{"start", "--socket", sock, "--for", "soon", "--host", "x.com"},
		{"extend", "--socket", sock},
	} {
		if code, _, errs := runCLI(args...); code != ExitUsage {
			t.Errorf("%q: %d %q", args, code, errs)
		}
	}
}

func TestNoDaemon(t *testing.T) {
	code, _, errs := runCLI("status", "--socket", filepath.Join(t.TempDir(), "none.sock"))
	if code != ExitNoDaemon || !strings.Contains(errs, "nocontact setup") {
		t.Errorf("%d %q", code, errs)
	}
}

// The friend lock on the command line: the code is printed once with the
// line that says to send it now; a wrong code is answered with what to
// do; the friend's code ends the block.
func TestFriendLockFromTheCommandLine(t *testing.T) {
	sock, _ := startDaemon(t)
	code, out, errs := runCLI("start", "--socket", sock, "--for", "1h", "--host", "x.com", "--lock", "friend")
	if code != ExitOK || strings.Count(out, "Your friend's code: ") != 1 || !strings.Contains(out, words.SendCodeNow+". ") {
		t.Fatalf("start --lock friend: %d %q %s", code, out, errs)
	}
	friend := strings.Fields(out[strings.Index(out, "Your friend's code: ")+len("Your friend's code: "):])[0]
	if _, out, _ := runCLI("status", "--socket", sock); strings.Contains(out, friend) {
		t.Errorf("status shows the code again: %q", out)
	}
	code, _, errs = runCLI("end", "--socket", sock, "--code", "WRONG-CODE")
	if code != ExitFailed || errs != "nocontact: "+words.WrongCode+"\n" {
		t.Errorf("a wrong code: %d %q", code, errs)
	}
	if code, out, errs := runCLI("end", "--socket", sock, "--code", strings.ToLower(friend)); code != ExitOK || !strings.Contains(out, words.Ended) {
		t.Errorf("the friend's code %q: %d %q %q", friend, code, out, errs)
	}
}
