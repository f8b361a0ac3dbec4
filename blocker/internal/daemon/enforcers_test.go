package daemon

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/hosts"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// A resolver cache flush that hangs (resolvectl waiting on a stuck
// systemd-resolved, an nscd that does not answer) holds no lock: while it
// waits, status answers within 100 ms, a start and an addition answer, and
// a tampered section is put back.
func TestAStuckFlushHoldsNoLock(t *testing.T) {
	entered := make(chan struct{}, 64)
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	e, _ := newEnvWithChromium(t, func(c *Config) {
		c.Flush = func(ctx context.Context) []hosts.FlushStep {
			entered <- struct{}{}
			select {
			case <-release:
			case <-ctx.Done():
			}
			return nil
		}
	})
	e.startSession(t, time.Hour, api.Lock{})
	select {
	case <-entered:
	case <-time.After(5 * time.Second):
		t.Fatal("the write of the start asked for no flush")
	}
	for i := range 5 {
		began := time.Now()
		st, err := e.client.Status(ctx)
		if took := time.Since(began); err != nil || took > 100*time.Millisecond {
			t.Fatalf("status %d during a stuck flush: %v after %s, want an answer within 100 ms", i, err, took)
		}
		if !st.Hosts.Intact || len(st.Browsers) == 0 {
			t.Fatalf("status during a stuck flush: intact %v, browsers %+v", st.Hosts.Intact, st.Browsers)
		}
	}
	if _, err := e.client.Add(ctx, []string{"tiktok.com"}, nil); err != nil {
		t.Fatalf("an addition during a stuck flush: %v", err)
	}
	testutil.Must(t, os.WriteFile(e.cfg.HostsFile, []byte(userHosts), 0o644))
	waitFor(t, "the section is put back during a stuck flush", func() bool { return strings.Contains(e.hosts(t), "tiktok.com") })
}
