package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/blocker/internal/hosts"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// denyAndWatch gives the hosts file an access list that denies everyone
// (as a person shutting the DNS Client out would), and waits for the
// daemon to put the permissions back as they were and record it.
func denyAndWatch(t *testing.T, c *client.Client, path string) {
	t.Helper()
	before, err := hosts.Permissions(path)
	testutil.Must(t, err)
	owner, _, _ := strings.Cut(before, "D:")
	testutil.Must(t, hosts.SetPermissions(path, owner+"D:P(D;;FA;;;WD)(A;;FA;;;SY)"))
	if now, _ := hosts.Permissions(path); now == before {
		t.Fatalf("the test's denying access list did not take: %s", now)
	}
	testutil.WaitFor(t, "the permissions are put back", 10*time.Second, func() bool {
		now, _ := hosts.Permissions(path)
		return now == before
	})
	testutil.WaitFor(t, "the change of permissions is recorded", 5*time.Second, func() bool {
		events, _ := c.Events(context.Background(), 0)
		for _, e := range events {
			if e.Kind == api.EventTamper && strings.Contains(e.Detail, "the hosts file had its permissions changed") {
				return true
			}
		}
		return false
	})
}

// nocontactExe is the nocontact.exe that scripts/test-windows.sh built
// with mingw-w64 (cgo, for Fyne) and named in NOCONTACT_EXE.
func nocontactExe(t *testing.T) string {
	exe := os.Getenv("NOCONTACT_EXE")
	switch {
	case exe != "":
		return exe
	case os.Getenv("NOCONTACT_CI") != "":
		t.Fatal("NOCONTACT_EXE is not set: scripts/test-windows.sh builds nocontact.exe and names it there")
	}
	t.Skip("NOCONTACT_EXE is not set: run this test through scripts/test-windows.sh, which builds nocontact.exe")
	return ""
}

// The block on Windows, end to end (under Wine in CI, in the foreground:
// Wine's service manager keeps no recovery actions): nocontactd on a hosts
// file with CRLF, reached over its named pipe; a two-minute strict block
// started by nocontact.exe writes the section with CRLF, a deletion of the
// section is put back and recorded, so is an access list that denies
// everyone, a strict block cannot be ended through the pipe, and the
// section goes when the block is cleaned up.
func TestBlockOnWindows(t *testing.T) {
	p, c := startProc(t)
	ctx := context.Background()
	out, err := exec.Command(nocontactExe(t), "start", "--for", "2m", "--host", "instagram.com", "--lock", "strict", "--yes", "--socket", p.socket).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Block started.") {
		t.Fatalf("nocontact.exe start over the pipe: %v\n%s", err, out)
	}
	section := "\r\n127.78.0.1 instagram.com instagram.com.\r\n:: instagram.com instagram.com.\r\n# END NOCONTACT\r\n"
	if b, _ := os.ReadFile(p.hosts); !strings.HasPrefix(string(b), userHosts) || !strings.HasSuffix(string(b), section) {
		t.Fatalf("the section with CRLF after the person's lines: %q", b)
	}
	testutil.Must(t, os.WriteFile(p.hosts, []byte(userHosts), 0o644))
	testutil.WaitFor(t, "the deleted section is put back", 10*time.Second, func() bool {
		b, _ := os.ReadFile(p.hosts)
		return strings.HasSuffix(string(b), section)
	})
	testutil.WaitFor(t, "the deletion is recorded", 5*time.Second, func() bool {
		events, _ := c.Events(ctx, 0)
		for _, e := range events {
			if e.Kind == api.EventTamper && strings.Contains(e.Detail, "section removed") {
				return true
			}
		}
		return false
	})
	denyAndWatch(t, c, p.hosts)
	var ae *api.Error
	if _, err := c.Unlock(ctx, api.UnlockRequest, ""); !errors.As(err, &ae) || ae.Code != api.CodeLocked {
		t.Errorf("a strict block ended through the pipe: %v", err)
	}
	if b, _ := os.ReadFile(p.hosts); !strings.HasSuffix(string(b), section) {
		t.Errorf("the section went: %q", b)
	}
	testutil.Must(t, c.Cleanup(ctx))
	if b, _ := os.ReadFile(p.hosts); string(b) != userHosts {
		t.Errorf("after cleanup: %q", b)
	}
}
