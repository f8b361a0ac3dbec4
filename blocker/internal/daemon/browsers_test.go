package daemon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/atomicfile"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// TestBrowserPoliciesFollowTheSession: a session's profile paths reach an
// installed browser's policy, a deleted policy is restored and recorded,
// a path added later reaches it too, and the end removes it.
func TestBrowserPoliciesFollowTheSession(t *testing.T) {
	e, root := newEnvWithChromium(t, nil)
	policy := filepath.Join(root, "etc/chromium/policies/managed/nocontact.json")
	read := func() string { b, _ := os.ReadFile(policy); return string(b) }

	_, err := e.client.Start(ctx, api.StartRequest{Paths: []string{"instagram.com/jane.doe"}, Duration: api.Duration(time.Hour), Lock: api.Lock{}})
	if err != nil {
		t.Fatal(err)
	}
	if got := read(); !strings.Contains(got, `"instagram.com/jane.doe"`) || !strings.Contains(got, `"DnsOverHttpsMode": "off"`) {
		t.Fatalf("policy after start: %q", got)
	}
	if strings.Contains(e.hosts(t), "instagram.com") {
		t.Error("a profile path blocked the whole platform in the hosts file")
	}
	st, _ := e.client.Status(ctx)
	if len(st.Browsers) != 1 || !st.Browsers[0].Covered || len(st.Session.Paths) != 1 {
		t.Fatalf("status: %+v %+v", st.Browsers, st.Session)
	}

	policyTamper := func() (n int) {
		for _, d := range e.tamperDetails(t) {
			if strings.Contains(d, "policy") {
				n++
			}
		}
		return n
	}
	if n := policyTamper(); n != 0 {
		t.Errorf("the daemon's own write at the start was recorded as tampering %d times", n)
	}
	testutil.Must(t, os.Remove(policy))
	waitFor(t, "the deleted policy is restored", func() bool { return strings.Contains(read(), "jane.doe") })
	waitFor(t, "the tamper is recorded", func() bool {
		for _, d := range e.tamperDetails(t) {
			if strings.Contains(d, "Chromium's policy") {
				return true
			}
		}
		return false
	})

	if _, err := e.client.Add(ctx, nil, []string{"x.com/janedoe"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(read(), "x.com/janedoe") {
		t.Fatal("an added path did not reach the policy")
	}
	if n := policyTamper(); n != 1 {
		t.Errorf("%d policy changes recorded; want only the removal (adding to the block is not tampering)", n)
	}
	if err := e.d.Cleanup(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(policy); err == nil {
		t.Fatal("the policy is still there after the session")
	}
}

// A policy folder's parent closed (chmod 700) and a foreign file that
// overrides ours are each noticed on their event, put right and recorded
// within seconds (issue 29.5), not at the next minute's check.
func TestPolicyTricksAreNoticedOnTheEvent(t *testing.T) {
	e, root := newEnvWithChromium(t, func(c *Config) { c.GuardEvery = time.Hour }) // only events can find these in time
	_, err := e.client.Start(ctx, api.StartRequest{Paths: []string{"instagram.com/jane.doe"}, Duration: api.Duration(time.Hour)})
	testutil.Must(t, err)
	managed := filepath.Join(root, "etc/chromium/policies/managed")
	waitFor(t, "the policy is written", func() bool { _, err := os.Stat(filepath.Join(managed, "nocontact.json")); return err == nil })
	time.Sleep(200 * time.Millisecond) // the guard watches
	testutil.Must(t, os.Chmod(filepath.Dir(managed), 0o700))
	e.wantTamper(t, "its folder /etc/chromium/policies was given mode 0700")
	testutil.Must(t, atomicfile.Write(filepath.Join(managed, "zzz.json"), []byte(`{"URLAllowlist": ["*"]}`), 0o644))
	e.wantTamper(t, "zzz.json also sets URLAllowlist; the file was moved aside until the block ends")
	if _, err := os.Stat(filepath.Join(managed, "zzz.json")); err == nil {
		t.Error("the overriding file is still beside ours")
	}
}

// newEnvWithChromium is newEnv with Chromium "installed" under a private
// browser root (returned), its config changed by adjust first if given.
func newEnvWithChromium(t *testing.T, adjust func(*Config)) (*env, string) {
	t.Helper()
	e := newEnv(t)
	e.stop()
	root := t.TempDir()
	bin := filepath.Join(root, "usr/bin/chromium")
	testutil.Must(t, os.MkdirAll(filepath.Dir(bin), 0o755))
	testutil.Must(t, os.WriteFile(bin, nil, 0o755))
	e.cfg.BrowserRoot = root
	if adjust != nil {
		adjust(&e.cfg)
	}
	e.start(t)
	return e, root
}
