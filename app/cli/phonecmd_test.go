package cli

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/daemontest"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// runWithSecret runs a command line whose secret comes from standard
// input (as `nocontact phone connect … < key.txt` would give it).
func runWithSecret(secret string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	env := Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" },
		Secret: func(string) (string, error) { return secret + "\n", nil }}
	code := Run(args, env)
	return code, out.String(), errb.String()
}

// TestStrictBlockFromTheCommandLineReachesThePhone: with each filter
// connected, a strict block started from the command line adds exactly
// its names, the phone's query is an attempt "on your phone", and the
// block's end takes the names off again.
func TestStrictBlockFromTheCommandLineReachesThePhone(t *testing.T) {
	for _, f := range daemontest.PhoneFilters(t) {
		t.Run(string(f.Connect.Kind), func(t *testing.T) {
			sock, pass := daemontest.StartWithClock(t)
			c := f.Connect
			args := []string{"phone", "connect", string(c.Kind), "--socket", sock}
			for flag, v := range map[string]string{"--url": c.URL, "--profile": c.Profile, "--user": c.User} {
				if v != "" {
					args = append(args, flag, v)
				}
			}
			if code, out, errs := runWithSecret(c.Secret, args...); code != ExitOK || !strings.Contains(out, c.Kind.Title()) {
				t.Fatalf("connect: %d %s %s", code, out, errs)
			}
			before := f.Denied()
			if code, _, errs := runCLI("start", "--socket", sock, "--host", "instagram.com", "--for", "1h", "--lock", "strict", "--yes"); code != ExitOK {
				t.Fatalf("start: %s", errs)
			}
			testutil.WaitFor(t, "the block on the filter", 10*time.Second, func() bool {
				got := f.Denied()
				return len(got) == len(before)+1 && slices.Contains(got, "instagram.com")
			})
			_, out, _ := runCLI("phone", "--socket", sock)
			if !strings.Contains(out, "1 site of the block on it") || strings.Contains(out, c.Secret) {
				t.Errorf("phone:\n%s", out)
			}
			if strings.Contains(out, "attempts cannot be read") != (c.Kind == api.FilterControlD) {
				t.Errorf("only Control D has no query log to read:\n%s", out)
			}
			if c.Kind != api.FilterControlD {
				f.Query("instagram.com", "Pixel-7")
				testutil.WaitFor(t, "the phone's attempt", 15*time.Second, func() bool {
					_, out, _ := runCLI("events", "--socket", sock)
					return strings.Contains(out, "on your phone")
				})
			}
			pass(time.Hour)
			testutil.WaitFor(t, "the names off the filter", 10*time.Second, func() bool {
				runCLI("status", "--socket", sock) // the block's end is noticed at once, not at the next tick
				return slices.Equal(f.Denied(), before)
			})
		})
	}
}

func TestPhoneConnectNeverTakesTheKeyFromAnArgument(t *testing.T) {
	code, _, errs := runCLI("phone", "connect", "nextdns", "--profile", "abc123")
	if code != ExitUsage || !strings.Contains(errs, "standard input") {
		t.Errorf("no secret reader: %d %q", code, errs)
	}
	code, _, errs = runCLI("phone", "connect", "bogus")
	if code != ExitUsage || !strings.Contains(errs, "nextdns, controld, pihole, adguardhome") {
		t.Errorf("an unknown filter: %d %q", code, errs)
	}
}
