package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// TestMain lets the test binary stand in for nocontactd in child processes.
func TestMain(m *testing.M) {
	if os.Getenv("NOCONTACTD_TEST_AS_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

const userHosts = "# my hosts\r\n127.0.0.1 localhost\r\n"

func tempHosts(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "hosts")
	if err := os.WriteFile(p, []byte(userHosts), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestHostsApplyAndStrip(t *testing.T) {
	p := tempHosts(t)
	code, _, stderr := runCLI("hosts", "apply", "--hosts-file", p, "Instagram.com", "www.instagram.com")
	if code != exitOK {
		t.Fatalf("apply: %d %s", code, stderr)
	}
	got, _ := os.ReadFile(p)
	want := userHosts + "# BEGIN NOCONTACT (managed by nocontactd; restored if edited during a block session)\r\n" +
		"127.78.0.1 instagram.com instagram.com.\r\n:: instagram.com instagram.com.\r\n127.78.0.1 www.instagram.com www.instagram.com.\r\n:: www.instagram.com www.instagram.com.\r\n" +
		"# END NOCONTACT\r\n"
	if string(got) != want {
		t.Fatalf("apply wrote %q", got)
	}
	code, _, stderr = runCLI("hosts", "apply", "--hosts-file", p, "www.instagram.com", "instagram.com")
	if code != exitOK || !strings.Contains(stderr, "unchanged") {
		t.Errorf("second apply: %d %q", code, stderr)
	}
	if code, _, _ = runCLI("hosts", "strip", "--hosts-file", p); code != exitOK {
		t.Fatalf("strip: %d", code)
	}
	if got, _ := os.ReadFile(p); string(got) != userHosts {
		t.Errorf("strip left %q", got)
	}
}

func TestHostsPreviewWritesNothing(t *testing.T) {
	p := tempHosts(t)
	code, stdout, _ := runCLI("hosts", "preview", "x.com", "--hosts-file", p, "--sinkhole", "127.0.0.9")
	if code != exitOK || !strings.Contains(stdout, "127.0.0.9 x.com x.com.\r\n:: x.com x.com.\r\n") ||
		!strings.HasPrefix(stdout, userHosts) {
		t.Errorf("preview: %d %q", code, stdout)
	}
	if got, _ := os.ReadFile(p); string(got) != userHosts {
		t.Errorf("preview wrote the file: %q", got)
	}
}

func TestBadInputExits2AndLeavesFile(t *testing.T) {
	p := tempHosts(t)
	cases := [][]string{
		{"hosts", "apply", "--hosts-file", p, "ok.com", "evil.com\n127.0.0.1 bank.com"},
		{"hosts", "apply", "--hosts-file", p, "10.0.0.1"},
		{"hosts", "apply", "--hosts-file", p, "--sinkhole", "192.168.1.1", "a.com"},
		{"hosts", "apply", "--hosts-file", p, "--sinkhole", "nonsense", "a.com"},
		{"hosts", "strip", "--hosts-file", p, "a.com"},
		{"hosts", "frobnicate"},
		{"hosts", "apply", "--no-such-flag"},
		{"launch"},
		{"run", "--sinkhole", "10.0.0.1"},
		{"run", "--log-level", "loud"},
		{"run", "extra-argument"},
	}
	for _, args := range cases {
		code, _, stderr := runCLI(args...)
		if code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
		if n := strings.Count(strings.TrimSpace(stderr), "\n"); len(args) > 0 && n != 0 {
			t.Errorf("%q: message is %d lines: %q", args, n+1, stderr)
		}
	}
	if got, _ := os.ReadFile(p); string(got) != userHosts {
		t.Errorf("file changed: %q", got)
	}
}

func TestWriteFailureExits1(t *testing.T) {
	p := filepath.Join(t.TempDir(), "no-such-dir", "hosts")
	if code, _, stderr := runCLI("hosts", "apply", "--hosts-file", p, "a.com"); code != exitFailed {
		t.Errorf("exit %d (%s), want %d", code, stderr, exitFailed)
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := runCLI("version")
	if code != exitOK || stdout != "nocontactd "+api.Version+"\n" {
		t.Errorf("version: %d %q", code, stdout)
	}
}
