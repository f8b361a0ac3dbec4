package session

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/atomicfile"
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
					// it is credited all the same, and the witness puts x.com
					// back (and says so).
					if v := m2.View(); v == nil || len(v.Hostnames) != 3 || time.Duration(v.Credited) != time.Hour || fellBack == (curName == "missing") || len(m2.Disagreements()) == 0 {
						t.Fatalf("previous generation not used: %+v fellBack=%v", v, fellBack)
					}
				case bothGone:
					// No state, but the witness: its block is back, recorded.
					if v := m2.View(); m2.Snapshot().Broken != nil || v == nil || len(v.Hostnames) != 3 || len(m2.Disagreements()) == 0 {
						t.Fatalf("the block the witness knew is not back: %+v %q", v, m2.Disagreements())
					}
				default:
					if !errors.Is(m2.Snapshot().Broken, ErrUnreadable) {
						t.Fatalf("Broken() = %v, want ErrUnreadable", m2.Snapshot().Broken)
					}
					_, _, err := m2.Start(api.StartRequest{Hostnames: []string{"x.com"}, Duration: api.Duration(time.Hour)})
					wantCode(t, err, api.CodeStateBroken)
					if _, err := m2.Cleanup(); err != nil || m2.Snapshot().Broken != nil {
						t.Fatalf("cleanup did not recover: %v", err)
					}
				}
			})
		}
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

func TestWitnessSeesABlockReplacedAndTimeMoved(t *testing.T) {
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	w := Witness{Wall: now, Boot: time.Hour, BootID: "b", Block: &WitnessBlock{Started: now.Add(-time.Hour), Duration: 30 * 24 * time.Hour, Credited: time.Hour, Lock: api.LockStrict},
		Schedules: []string{"s1", "s2"}}
	st := State{Wall: now, Boot: time.Hour, BootID: "b", Session: &Record{Started: now.Add(-time.Minute), Duration: time.Hour, Credited: time.Minute, Lock: api.Lock{Mode: api.LockStrict}},
		Schedules: []ScheduleRecord{{Schedule: api.Schedule{ID: "s1"}}}}
	got := strings.Join(disagreements(st, true, w, now.Add(time.Minute), time.Hour+time.Minute, "b"), "\n")
	for _, want := range []string{"its block was replaced by another", "1 of its schedules were taken out"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in %q", want, got)
		}
	}
	st.Session.Started, st.Session.Duration, st.Session.Credited = w.Block.Started, w.Block.Duration, w.Block.Credited+6*time.Hour
	st.Wall, st.Boot = now.Add(6*time.Hour), 7*time.Hour // the state's own clocks moved on to cover the credit
	got = strings.Join(disagreements(st, true, w, now.Add(time.Minute), time.Hour+time.Minute, "b"), "\n")
	if !strings.Contains(got, "its credited time was raised") || !strings.Contains(got, "into the future") {
		t.Errorf("a credit covered by clocks moved forward in the state itself: %q", got)
	}
}

// The witness is written when the block or the schedules change, not at
// every credit (the state is).
func TestWitnessIsNotRewrittenAtEveryCredit(t *testing.T) {
	s, err := NewStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	writes := map[string]int{}
	s.write = func(path string, data []byte, perm os.FileMode) error {
		writes[filepath.Base(path)]++
		return atomicfile.Write(path, data, perm)
	}
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	r := &Record{Hostnames: []string{"x.com"}, Started: now, Duration: time.Hour, Lock: api.Lock{Mode: api.LockStrict}}
	for i := range 3 {
		r.Credited = time.Duration(i) * time.Minute
		if err := s.Save(State{Wall: now.Add(r.Credited), Session: r}); err != nil {
			t.Fatal(err)
		}
	}
	r.Duration = 2 * time.Hour // extended: the witness follows
	if err := s.Save(State{Wall: now.Add(3 * time.Minute), Session: r}); err != nil {
		t.Fatal(err)
	}
	if writes["state.json"] != 4 || writes[filepath.Base(witnessPath(s.dir))] != 2 {
		t.Errorf("writes %v: the state at every save, the witness when the block changed", writes)
	}
}
