package eventlog

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func TestAppendSurvivesReopenAndDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.log")
	now := t0
	l, err := Open(path, 100, DefaultMaxAge, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		l.Append(api.Event{Kind: api.EventVisit, Host: "x.com", Count: 1})
	}
	l.Update(3, func(e *api.Event) { e.Count = 7 })
	// A crash cut the last line in half.
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"seq":6,"kind":"vis`)
	f.Close()

	l2, err := Open(path, 100, DefaultMaxAge, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	got := l2.After(0, 0)
	if len(got) != 5 || got[2].Count != 7 {
		t.Fatalf("reopened log: %+v", got)
	}
	if e, _ := l2.Append(api.Event{Kind: api.EventTamper}); e.Seq != 6 {
		t.Errorf("next seq %d, want 6", e.Seq)
	}
	if runtime.GOOS != "windows" { // there the state directory's access list keeps it (atomicfile.MkdirPrivate)
		if fi, _ := os.Stat(path); fi.Mode().Perm() != fileMode {
			t.Errorf("mode %v", fi.Mode())
		}
	}
}

func TestBounded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.log")
	now := t0
	l, _ := Open(path, 10, 24*time.Hour, func() time.Time { return now })
	for i := 0; i < 100; i++ {
		l.Append(api.Event{Kind: api.EventVisit})
	}
	b, _ := os.ReadFile(path)
	if n := strings.Count(string(b), "\n"); n > 13 {
		t.Errorf("file holds %d lines, bound 10 (+25%%)", n)
	}
	l2, _ := Open(path, 10, 24*time.Hour, func() time.Time { return now })
	if got := l2.After(0, 0); len(got) != 10 || got[9].Seq != 100 {
		t.Errorf("kept %d events, last %v", len(got), got[len(got)-1].Seq)
	}
	now = now.Add(48 * time.Hour)
	l3, _ := Open(path, 10, 24*time.Hour, func() time.Time { return now })
	if got := l3.After(0, 0); len(got) != 0 {
		t.Errorf("events older than the max age kept: %d", len(got))
	}
	if e, _ := l3.Append(api.Event{Kind: api.EventTamper}); e.Seq != 101 {
		t.Errorf("seq restarted at %d after old events aged out", e.Seq)
	}
}

func TestSubscribe(t *testing.T) {
	l, _ := Open(filepath.Join(t.TempDir(), "e"), 100, DefaultMaxAge, time.Now)
	ch, stop := l.Subscribe()
	l.Append(api.Event{Kind: api.EventTamper})
	if e := <-ch; e.Kind != api.EventTamper || e.Seq != 1 {
		t.Errorf("got %+v", e)
	}
	stop()
	stop() // twice is harmless
	if _, open := <-ch; open {
		t.Error("channel open after stop")
	}
	slow, _ := l.Subscribe()
	for i := 0; i < subBuffer+1; i++ {
		l.Append(api.Event{Kind: api.EventVisit})
	}
	n := 0
	for range slow {
		n++
	}
	if n != subBuffer {
		t.Errorf("slow subscriber got %d before being dropped, want %d", n, subBuffer)
	}
}

// TestSeqSurvivesAnEmptyCompaction: a compaction that keeps no event still
// records where numbering goes on (issue 15.3).
func TestSeqSurvivesAnEmptyCompaction(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.log")
	now := t0
	l, _ := Open(path, 10, 24*time.Hour, func() time.Time { return now })
	for range 7 {
		l.Append(api.Event{Kind: api.EventVisit})
	}
	l.mu.Lock()
	l.events = nil // every event aged out, then a compaction
	l.compactLocked()
	l.mu.Unlock()
	l2, _ := Open(path, 10, 24*time.Hour, func() time.Time { return now })
	if e, _ := l2.Append(api.Event{Kind: api.EventTamper}); e.Seq != 8 {
		t.Errorf("after an empty compaction the seq went on at %d, want 8", e.Seq)
	}
}
