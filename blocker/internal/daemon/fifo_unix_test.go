//go:build unix

package daemon

import (
	"os"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// A FIFO put in place of the hosts file (rm; mkfifo) is never read, which
// would wait for a writer and hang the guard and the API: the section is
// written back as a regular file, the change is recorded, and the API
// answers throughout.
func TestFIFOInPlaceOfTheHostsFile(t *testing.T) {
	e := newEnv(t)
	e.startSession(t, time.Hour, api.Lock{})
	if err := os.Remove(e.cfg.HostsFile); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(e.cfg.HostsFile, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the hosts file to be a regular file with the section again", func() bool {
		fi, err := os.Lstat(e.cfg.HostsFile)
		return err == nil && fi.Mode().IsRegular() && strings.Contains(e.hosts(t), "127.78.0.1 instagram.com")
	})
	st, err := e.client.Status(ctx)
	if err != nil || !st.Hosts.Intact {
		t.Fatalf("status after the FIFO: %+v, %v", st.Hosts, err)
	}
	// Issue 29.8: recorded as what it was, not as a deletion.
	e.wantTamper(t, "hosts file replaced by a named pipe (FIFO)")
	if d := e.tamperDetails(t); slices.ContainsFunc(d, func(s string) bool { return strings.Contains(s, "deleted") }) {
		t.Errorf("a FIFO was recorded as a deletion: %q", d)
	}
}
