package daemon

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// editState rewrites both generations of the state while the daemon is
// stopped, as root could.
func editState(t *testing.T, e *env, edit func(st map[string]any, session map[string]any)) {
	t.Helper()
	for _, f := range []string{"state.json", "state.prev.json"} {
		p := filepath.Join(e.cfg.StateDir, f)
		b, err := os.ReadFile(p)
		if os.IsNotExist(err) {
			continue
		}
		testutil.Must(t, err)
		var st map[string]any
		testutil.Must(t, json.Unmarshal(b, &st))
		session, _ := st["session"].(map[string]any)
		edit(st, session)
		b, err = json.Marshal(st)
		testutil.Must(t, err)
		testutil.Must(t, os.WriteFile(p, b, 0o600))
	}
}

// A strict block whose state was edited while the daemon was stopped is
// recorded in words at the next start, and what the edit weakened is put
// back from the witness: the block runs on.
func TestStateEditedWhileStopped(t *testing.T) {
	t.Run("credited time raised in both generations", func(t *testing.T) {
		e := newEnv(t)
		e.startSession(t, time.Hour, api.Lock{Mode: api.LockStrict})
		e.stop()
		editState(t, e, func(_, s map[string]any) {
			if s != nil {
				s["credited_ns"] = float64(time.Hour - time.Second)
			}
		})
		e.start(t)
		e.wantTamper(t, "its credited time was raised by")
		e.clock.Pass(2 * time.Second)
		e.d.nudge()
		if st, err := e.client.Status(ctx); err != nil || st.Session == nil || time.Duration(st.Session.Remaining) < 59*time.Minute {
			t.Fatalf("the credit raised by the edit was kept: %+v %v", st, err)
		}
	})
	t.Run("the last credit moved six hours back in another boot", func(t *testing.T) {
		e := newEnv(t)
		e.startSession(t, 24*time.Hour, api.Lock{Mode: api.LockStrict})
		e.stop()
		editState(t, e, func(st, _ map[string]any) {
			wall, err := time.Parse(time.RFC3339Nano, st["wall"].(string))
			testutil.Must(t, err)
			st["wall"], st["boot_id"] = wall.Add(-6*time.Hour).Format(time.RFC3339Nano), "another-boot"
		})
		e.start(t)
		e.wantTamper(t, "the time of its last credit was moved back by 6 h")
	})
	t.Run("state, section and all deleted", func(t *testing.T) {
		e := newEnv(t)
		e.startSession(t, time.Hour, api.Lock{Mode: api.LockStrict})
		e.stop()
		testutil.Must(t, os.RemoveAll(e.cfg.StateDir))
		testutil.Must(t, os.WriteFile(e.cfg.HostsFile, []byte(userHosts), 0o644))
		e.start(t)
		e.wantTamper(t, "the daemon's state was changed while it was stopped: it was deleted; the block it knew (a strict block of 1 h")
	})
	t.Run("an honest restart records nothing", func(t *testing.T) {
		e := newEnv(t)
		e.startSession(t, time.Hour, api.Lock{Mode: api.LockStrict})
		e.clock.Pass(10 * time.Minute)
		e.d.nudge()
		e.stop()
		e.clock.Pass(time.Minute)
		e.start(t)
		if d := e.tamperDetails(t); len(d) != 0 {
			t.Errorf("an honest restart recorded %q", d)
		}
	})
}
