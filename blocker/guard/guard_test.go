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
)

const marker = "# BEGIN NOCONTACT\n127.78.0.1 x.com\n# END NOCONTACT\n"

// fixture guards a temp file whose Check restores the marker.
type fixture struct {
	path      string
	checks    atomic.Int64
	restored  chan time.Time
	conflicts atomic.Int64
}

func startGuard(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{path: filepath.Join(t.TempDir(), "hosts"), restored: make(chan time.Time, 1000)}
	os.WriteFile(f.path, []byte("127.0.0.1 localhost\n"+marker), 0o644)
	g := New(Config{
		Path: f.path,
		Check: func() (bool, error) {
			f.checks.Add(1)
			b, _ := os.ReadFile(f.path)
			if strings.Contains(string(b), marker) {
				return false, nil
			}
			err := os.WriteFile(f.path, append(b, marker...), 0o644)
			f.restored <- time.Now()
			return true, err
		},
		OnConflict: func(time.Duration) { f.conflicts.Add(1) },
	})
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); g.Run(ctx) }()
	t.Cleanup(func() { cancel(); wg.Wait() })
	time.Sleep(50 * time.Millisecond) // the watch is set up
	return f
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
	tamper := map[string]func(path string){
		"section removed": func(p string) { os.WriteFile(p, []byte("127.0.0.1 localhost\n"), 0o644) },
		"commented out": func(p string) {
			os.WriteFile(p, []byte("127.0.0.1 localhost\n"+strings.ReplaceAll(marker, "127", "#127")), 0o644)
		},
		"replaced by rename": func(p string) {
			tmp := p + ".new"
			os.WriteFile(tmp, []byte("127.0.0.1 localhost\n"), 0o644)
			os.Rename(tmp, p)
		},
		"deleted": func(p string) { os.Remove(p) },
	}
	for name, do := range tamper {
		t.Run(name, func(t *testing.T) {
			f := startGuard(t)
			at := time.Now()
			do(f.path)
			took := f.waitRestore(t, at)
			t.Logf("restored after %v", took)
			if b, _ := os.ReadFile(f.path); !strings.Contains(string(b), marker) {
				t.Fatalf("file after restore: %q", b)
			}
		})
	}
}

func TestOtherFilesInTheDirectoryAreIgnored(t *testing.T) {
	f := startGuard(t)
	before := f.checks.Load()
	for i := 0; i < 20; i++ {
		os.WriteFile(filepath.Join(filepath.Dir(f.path), "hostname"), []byte("x"), 0o644)
	}
	time.Sleep(300 * time.Millisecond)
	if n := f.checks.Load() - before; n != 0 {
		t.Errorf("%d checks for changes to another file", n)
	}
}

// TestFightingWriterBacksOff rewrites the file every 10 ms for 3 s: the
// guard must report a conflict and check far less often than the writer
// writes.
func TestFightingWriterBacksOff(t *testing.T) {
	if testing.Short() {
		t.Skip("takes 3 s")
	}
	f := startGuard(t)
	stop := time.Now().Add(3 * time.Second)
	writes := 0
	for time.Now().Before(stop) {
		os.WriteFile(f.path, []byte("127.0.0.1 localhost\n"), 0o644)
		writes++
		time.Sleep(10 * time.Millisecond)
	}
	checks := f.checks.Load()
	t.Logf("%d writes, %d checks, %d conflicts", writes, checks, f.conflicts.Load())
	if f.conflicts.Load() == 0 {
		t.Error("no conflict reported")
	}
	if checks > 30 {
		t.Errorf("%d checks in 3 s: the guard fights instead of backing off", checks)
	}
}

// TestEditLoopCannotKeepTheSectionOff: a loop that removes the section
// every 300 ms (the sed loop of issue 16.5) must never keep it missing for
// longer than the capped backoff and a settle.
func TestEditLoopCannotKeepTheSectionOff(t *testing.T) {
	if testing.Short() {
		t.Skip("takes 6 s")
	}
	f := startGuard(t)
	var longest, missingFor time.Duration
	var missingSince time.Time
	lastRemove := time.Time{}
	for stop := time.Now().Add(6 * time.Second); time.Now().Before(stop); time.Sleep(20 * time.Millisecond) {
		if time.Since(lastRemove) >= 300*time.Millisecond {
			os.WriteFile(f.path, []byte("127.0.0.1 localhost\n"), 0o644)
			lastRemove = time.Now()
		}
		b, _ := os.ReadFile(f.path)
		switch {
		case strings.Contains(string(b), marker):
			missingSince = time.Time{}
		case missingSince.IsZero():
			missingSince = time.Now()
		default:
			missingFor = time.Since(missingSince)
			longest = max(longest, missingFor)
		}
	}
	t.Logf("longest time without the section: %v (%d conflicts)", longest, f.conflicts.Load())
	if longest > maxBackoff+time.Second {
		t.Errorf("the section stayed missing for %v; the backoff must keep it under %v", longest, maxBackoff+time.Second)
	}
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
