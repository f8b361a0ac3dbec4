package guard

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

const marker = "# BEGIN NOCONTACT\n127.78.0.1 x.com\n# END NOCONTACT\n"

// fixture guards a temp file whose Check restores the marker.
type fixture struct {
	path      string
	checks    atomic.Int64
	restored  chan time.Time
	conflicts atomic.Int64

	mu     sync.Mutex
	events []event // as OnEvent reported them
}

// event is one call of OnEvent.
type event struct {
	name    string
	pending bool
}

func startGuard(t testing.TB) *fixture {
	t.Helper()
	f := &fixture{path: filepath.Join(t.TempDir(), "hosts"), restored: make(chan time.Time, 1000)}
	testutil.Must(t, os.WriteFile(f.path, []byte("127.0.0.1 localhost\n"+marker), 0o644))
	g := New(Config{
		Path: f.path,
		Check: func() (bool, error) {
			f.checks.Add(1)
			b, _ := os.ReadFile(f.path)
			if strings.Contains(string(b), marker) {
				return false, nil
			}
			// Atomically, as the daemon writes: a reader never sees it half
			// done; in place, as the daemon does, when Windows refuses to
			// replace a file another program has open.
			tmp := f.path + ".new"
			err := os.WriteFile(tmp, append(b, marker...), 0o644)
			if err == nil {
				if err = os.Rename(tmp, f.path); err != nil {
					os.Remove(tmp)
					err = os.WriteFile(f.path, append(b, marker...), 0o644)
				}
			}
			select {
			case f.restored <- time.Now():
			default: // a long fight: nobody waits for these
			}
			return true, err
		},
		OnConflict: func(time.Duration) { f.conflicts.Add(1) },
		OnEvent: func(name string, pending bool) {
			f.mu.Lock()
			defer f.mu.Unlock()
			f.events = append(f.events, event{name, pending})
		},
	})
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); g.Run(ctx) }()
	t.Cleanup(func() { cancel(); wg.Wait() })
	// Run checks once at the start, after it set up the watch.
	testutil.WaitFor(t, "the first check", 3*time.Second, func() bool { return f.checks.Load() > 0 })
	return f
}

// eventsFor returns the events OnEvent reported for the file at path.
func (f *fixture) eventsFor(path string) []event {
	f.mu.Lock()
	defer f.mu.Unlock()
	var evs []event
	for _, e := range f.events {
		if e.name == path {
			evs = append(evs, e)
		}
	}
	return evs
}

func (f *fixture) waitRestore(t *testing.T, since time.Time) time.Duration {
	t.Helper()
	select {
	case at := <-f.restored:
		return at.Sub(since)
	case <-time.After(3 * time.Second):
		t.Fatal("not restored within 3 s")
		return 0
	}
}

func TestRestores(t *testing.T) {
	tamper := map[string]func(t *testing.T, path string){
		"section removed": func(t *testing.T, p string) {
			testutil.Must(t, os.WriteFile(p, []byte("127.0.0.1 localhost\n"), 0o644))
		},
		"commented out": func(t *testing.T, p string) {
			testutil.Must(t, os.WriteFile(p, []byte("127.0.0.1 localhost\n"+strings.ReplaceAll(marker, "127", "#127")), 0o644))
		},
		"replaced by rename": func(t *testing.T, p string) {
			tmp := p + ".new"
			testutil.Must(t, os.WriteFile(tmp, []byte("127.0.0.1 localhost\n"), 0o644))
			testutil.Must(t, os.Rename(tmp, p))
		},
		"deleted": func(t *testing.T, p string) {
			testutil.Must(t, testutil.AsEditor(func() error { return os.Remove(p) }))
		},
	}
	for name, do := range tamper {
		t.Run(name, func(t *testing.T) {
			f := startGuard(t)
			at := time.Now()
			do(t, f.path)
			took := f.waitRestore(t, at)
			t.Logf("restored after %v", took)
			if b, _ := os.ReadFile(f.path); !strings.Contains(string(b), marker) {
				t.Fatalf("file after restore: %q", b)
			}
		})
	}
}

// TestOtherFilesInTheDirectoryAreIgnored changes another file in the
// directory, then the guarded file as a barrier: once the barrier's event is
// seen, every event of the other file was handled, and none may have made a
// check pending; the barrier's own check shows the guard still listens.
func TestOtherFilesInTheDirectoryAreIgnored(t *testing.T) {
	f := startGuard(t)
	before := f.checks.Load()
	other := filepath.Join(filepath.Dir(f.path), "hostname")
	for i := 0; i < 20; i++ {
		testutil.Must(t, os.WriteFile(other, []byte("x"), 0o644))
	}
	testutil.Must(t, os.WriteFile(f.path, []byte("127.0.0.1 localhost\n"+marker), 0o644))
	testutil.WaitFor(t, "the guarded file's event", 3*time.Second, func() bool { return len(f.eventsFor(f.path)) > 0 })
	testutil.WaitFor(t, "the guarded file's check", 3*time.Second, func() bool { return f.checks.Load() > before })
	evs := f.eventsFor(other)
	if len(evs) == 0 {
		t.Fatal("no event for the other file was seen before the barrier")
	}
	for i, e := range evs {
		if e.pending {
			t.Fatalf("event %d of %d for another file made a check pending", i+1, len(evs))
		}
	}
}

// TestFightingWriterIsBounded rewrites the file every 10 ms for 3 s: the
// guard reports the conflict once, and restores at each change without
// spinning: no more checks than the writer's writes, and at most one per
// hotGap.
func TestFightingWriterIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("takes 3 s")
	}
	f := startGuard(t)
	start := time.Now()
	stop := start.Add(3 * time.Second)
	writes := 0
	for time.Now().Before(stop) {
		testutil.Must(t, testutil.AsEditor(func() error { return os.WriteFile(f.path, []byte("127.0.0.1 localhost\n"), 0o644) }))
		writes++
		time.Sleep(10 * time.Millisecond)
	}
	checks := f.checks.Load()
	t.Logf("%d writes, %d checks, %d conflicts", writes, checks, f.conflicts.Load())
	if f.conflicts.Load() != 1 {
		t.Errorf("%d conflicts reported; want one", f.conflicts.Load())
	}
	if limit := int64(time.Since(start)/hotGap) + 5; checks > int64(writes)+5 || checks > limit {
		t.Errorf("%d checks for %d writes: the guard spins (at most one check per %v)", checks, writes, hotGap)
	}
}

// TestEditLoopCannotKeepTheSectionOff: a loop that removes the section
// every 100 ms (the sed loop of issues 16.5 and 22.6) never keeps it
// missing for long: once tampering repeats, the guard restores on the
// event itself. (make bench measures the time off.)
func TestEditLoopCannotKeepTheSectionOff(t *testing.T) {
	if testing.Short() {
		t.Skip("takes 3 s")
	}
	f := startGuard(t)
	off, longest := editLoop(t, f, 100*time.Millisecond, 3*time.Second)
	t.Logf("off %.1f%% of the time, longest %v (%d conflicts)", 100*off, longest, f.conflicts.Load())
	if longest > time.Second {
		t.Errorf("the section stayed missing for %v under a 100 ms loop", longest)
	}
}

// editLoop removes the section every period for d, sampling every
// millisecond whether it is there; it returns the fraction of samples
// without it and the longest time it was missing.
func editLoop(tb testing.TB, f *fixture, period, d time.Duration) (off float64, longest time.Duration) {
	var missingSince, lastRemove time.Time
	samples, missing := 0, 0
	for stop := time.Now().Add(d); time.Now().Before(stop); time.Sleep(time.Millisecond) {
		if time.Since(lastRemove) >= period {
			if err := testutil.AsEditor(func() error { return os.WriteFile(f.path, []byte("127.0.0.1 localhost\n"), 0o644) }); err != nil {
				tb.Fatal(err)
			}
			lastRemove = time.Now()
		}
		b, _ := os.ReadFile(f.path)
		samples++
		switch {
		case strings.Contains(string(b), marker):
			missingSince = time.Time{}
		case missingSince.IsZero():
			missing++
			missingSince = time.Now()
		default:
			missing++
			longest = max(longest, time.Since(missingSince))
		}
	}
	return float64(missing) / float64(samples), longest
}

// TestFailedCheckIsRetriedSoon: a check that fails (out of file descriptors)
// is tried again within seconds, not at the next minute's interval.
func TestFailedCheckIsRetriedSoon(t *testing.T) {
	var calls atomic.Int64
	done := make(chan struct{})
	g := New(Config{Path: filepath.Join(t.TempDir(), "hosts"), Interval: time.Hour, Check: func() (bool, error) {
		if calls.Add(1) < 3 {
			return false, &os.PathError{Op: "open", Path: "/etc/hosts", Err: syscall.EMFILE}
		}
		close(done)
		return false, nil
	}})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go g.Run(ctx)
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("after %d failed checks, no retry within 10 s", calls.Load())
	}
}

// A change to a file named in Also (nsswitch.conf beside the hosts file)
// calls for a check too.
func TestAlsoFilesCallForACheck(t *testing.T) {
	dir := t.TempDir()
	var checks atomic.Int64
	g := New(Config{Path: filepath.Join(dir, "hosts"), Also: []string{"nsswitch.conf"}, Interval: time.Hour,
		Check: func() (bool, error) { checks.Add(1); return false, nil }})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); g.Run(ctx) }()
	defer func() { cancel(); <-done }()
	testutil.WaitFor(t, "the first check", 3*time.Second, func() bool { return checks.Load() == 1 })
	testutil.Must(t, os.WriteFile(filepath.Join(dir, "nsswitch.conf"), []byte("hosts: dns\n"), 0o644))
	testutil.WaitFor(t, "a check for nsswitch.conf", 3*time.Second, func() bool { return checks.Load() == 2 })
}
