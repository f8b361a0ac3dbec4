package cli

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/app/vault"
)

// TestStartUsageMistakes: mistakes in how start is called exit 2 with a
// hint, print nothing on stdout, and are caught before the daemon is asked
// (there is none here: asking would exit 3).
func TestStartUsageMistakes(t *testing.T) {
	none := filepath.Join(t.TempDir(), "none.sock")
	for _, tc := range []struct {
		args []string
		hint string
	}{
		{[]string{"--for", "7d", "--host", "x.com", "--lock", "cooldwn"}, "choose cooldown, friend or strict"},
		{[]string{"--for", "400d", "--host", "x.com"}, "from 1 minute to 365 days"},
		{[]string{"--for", "30s", "--host", "x.com"}, "from 1 minute to 365 days"},
		{[]string{"--for", "7d", "--host", "https://www.instagram.com/jane.doe/"}, "nocontact profiles add"},
		{[]string{"--for", "7d", "--host", "jane@mastodon.social"}, "nocontact profiles add"},
		{[]string{"--for", "7d", "--host", "bad_name!.com"}, "--host"},
		{[]string{"--for", "7d", "--host", "x.com", "--cooldown", "5m"}, "between 15m and 24h"},
	} {
		code, out, errs := runCLI(append([]string{"start", "--socket", none}, tc.args...)...)
		if code != ExitUsage || out != "" || !strings.Contains(errs, tc.hint) {
			t.Errorf("start %q: exit %d, stdout %q, stderr %q (want 2, nothing, %q)", tc.args, code, out, errs, tc.hint)
		}
	}
}

func TestSpelledDurations(t *testing.T) {
	for in, want := range map[string]string{
		"30 days": "30d", "1 day": "1d", "2 weeks": "14d", "1 day 12 hours": "1d12h", "90 minutes": "90m",
		"30d": "30d", "soon": "soon", "30 parsecs": "30 parsecs", "-3 days": "-3 days",
	} {
		if got := spelledDuration(in); got != want {
			t.Errorf("spelledDuration(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStartForThirtyDaysInWords(t *testing.T) {
	sock, _ := startDaemon(t)
	code, out, errs := runCLI("start", "--socket", sock, "--for", "30 days", "--host", "x.com", "--yes")
	if code != ExitOK || !strings.Contains(out, "30 d left") {
		t.Errorf("--for \"30 days\": %d %q %q", code, out, errs)
	}
}

func TestLastContactYesterday(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.Local)
	d, err := vault.ParseLastContact("Yesterday", now)
	if err != nil || d.String() != "2026-02-28" {
		t.Errorf("yesterday: %v %v", d, err)
	}
}

func TestResolveSaysTheReach(t *testing.T) {
	code, out, errs := runCLI("profiles", "resolve", "https://www.instagram.com/jane.doe/")
	if code != ExitOK || !strings.Contains(out, "reach: their profile, in your browsers") || strings.Contains(out, "scope:") {
		t.Errorf("resolve: %d %q %q", code, out, errs)
	}
}

// A strict block, or one of a week or more, asks once: without a
// terminal it needs --yes, at one it starts on y and not on anything else.
func TestALongStartAsksOnce(t *testing.T) {
	sock, _ := startDaemon(t)
	start := func(stdin io.Reader, args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		env := Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }, Stdin: stdin}
		code := Run(append([]string{"start", "--socket", sock, "--host", "x.com"}, args...), env)
		return code, out.String(), errb.String()
	}
	code, out, errs := start(nil, "--for", "30d", "--lock", "strict")
	if code != ExitUsage || out != "" || !strings.Contains(errs, "No early end until ") || !strings.Contains(errs, "--yes") ||
		!strings.Contains(errs, "nocontact cleanup") || strings.Count(errs, "\n") != 1 {
		t.Errorf("without a terminal: %d %q %q", code, out, errs)
	}
	if code, _, errs = start(strings.NewReader("\n"), "--for", "2", "weeks"); code != ExitUsage || !strings.Contains(errs, "Start it? [y/N]") ||
		!strings.Contains(errs, "ending early takes a cool-down of 30 min") {
		t.Errorf("answered no: %d %q", code, errs)
	}
	if code, out, errs = start(strings.NewReader("y\n"), "--for", "2", "weeks"); code != ExitOK || !strings.Contains(out, "14 d left") {
		t.Errorf("answered y: %d %q %q", code, out, errs)
	}
}

func TestForTakesItsUnitAsTheNextArgument(t *testing.T) {
	none := filepath.Join(t.TempDir(), "none.sock")
	if code, _, errs := runCLI("start", "--socket", none, "--for", "2", "--host", "x.com"); code != ExitUsage || !strings.Contains(errs, `--for "2 days"`) {
		t.Errorf("--for 2: %d %q", code, errs)
	}
	// the daemon is asked (and is not there): the duration was read
	if code, _, errs := runCLI("start", "--socket", none, "--for", "2", "days", "--host", "x.com"); code != ExitNoDaemon {
		t.Errorf("--for 2 days: %d %q", code, errs)
	}
}
