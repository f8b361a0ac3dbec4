package session

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// TestStateSurvivesDamage writes two generations, damages them in every
// combination and checks what a new manager sees.
func TestStateSurvivesDamage(t *testing.T) {
	damage := map[string]func(t *testing.T, path string){
		"intact":  func(*testing.T, string) {},
		"missing": func(t *testing.T, p string) { testutil.Must(t, os.Remove(p)) },
		"truncated": func(t *testing.T, p string) {
			b, err := os.ReadFile(p)
			testutil.Must(t, err)
			testutil.Must(t, os.WriteFile(p, b[:len(b)/2], 0o600))
		},
		"garbage": func(t *testing.T, p string) { testutil.Must(t, os.WriteFile(p, []byte("\x00\xffnot json"), 0o600)) },
		"nonsense": func(t *testing.T, p string) {
			testutil.Must(t, os.WriteFile(p, []byte(`{"version":1,"session":{"hostnames":["a b"]}}`), 0o600))
		},
		"empty": func(t *testing.T, p string) { testutil.Must(t, os.WriteFile(p, nil, 0o600)) },
	}
	for curName, cur := range damage {
		for prevName, prev := range damage {
			t.Run(curName+"/"+prevName, func(t *testing.T) {
				m, clock, dir := newTestManager(t)
				start(t, m, 10*time.Hour, api.Lock{})
				clock.Pass(time.Hour)
				m.Add([]string{"x.com"}, nil) // second generation: with x.com; previous: without
				cur(t, filepath.Join(dir, currentFile))
				prev(t, filepath.Join(dir, previousFile))

				store, _ := NewStore(dir)
				m2, fellBack := NewManager(store, clock)
				curOK, prevOK := curName == "intact", prevName == "intact"
				bothGone := curName == "missing" && prevName == "missing"
				switch {
				case curOK:
					if v := m2.View(); v == nil || len(v.Hostnames) != 3 || fellBack {
						t.Fatalf("current generation not used: %+v %v", v, fellBack)
					}
				case prevOK:
					// The previous generation lacks x.com, but the hour since
					// it is credited all the same.
					if v := m2.View(); v == nil || len(v.Hostnames) != 2 || time.Duration(v.Credited) != time.Hour || fellBack == (curName == "missing") {
						t.Fatalf("previous generation not used: %+v fellBack=%v", v, fellBack)
					}
				case bothGone:
					if m2.Broken() != nil || m2.Active() {
						t.Fatal("no files should be a fresh state")
					}
				default:
					if !errors.Is(m2.Broken(), ErrUnreadable) {
						t.Fatalf("Broken() = %v, want ErrUnreadable", m2.Broken())
					}
					_, _, err := m2.Start(api.StartRequest{Hostnames: []string{"x.com"}, Duration: api.Duration(time.Hour)})
					wantCode(t, err, api.CodeStateBroken)
					if _, err := m2.Cleanup(); err != nil || m2.Broken() != nil {
						t.Fatalf("cleanup did not recover: %v", err)
					}
				}
			})
		}
	}
}

func TestStateFileMode(t *testing.T) {
	m, _, dir := newTestManager(t)
	start(t, m, time.Hour, api.Lock{})
	fi, err := os.Stat(filepath.Join(dir, currentFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("state file mode %v, %v", fi.Mode(), err)
	}
}

func TestSaveKeepsGoodPreviousWhenCurrentIsDamaged(t *testing.T) {
	m, clock, dir := newTestManager(t)
	start(t, m, 10*time.Hour, api.Lock{})
	clock.Pass(time.Hour)
	m.Tick()
	testutil.Must(t, os.WriteFile(filepath.Join(dir, currentFile), []byte("{"), 0o600))
	store, _ := NewStore(dir)
	m2, _ := NewManager(store, clock) // falls back to previous (0 credited)
	clock.Pass(time.Minute)
	m2.Tick() // must not rotate the damaged current over the good previous
	b, _ := os.ReadFile(filepath.Join(dir, previousFile))
	if len(b) < 10 {
		t.Fatalf("previous generation lost: %q", b)
	}
}
