// Package eventlog is the daemon's bounded record of what happened: an
// append-only NDJSON file that survives restarts, is compacted to the newest
// events (at most Max, none older than MaxAge), and feeds live subscribers.
package eventlog

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/atomicfile"
)

// Bounds of the log.
const (
	DefaultMax    = 10000
	DefaultMaxAge = 90 * 24 * time.Hour
	fileMode      = 0o600
	subBuffer     = 64 // events a slow subscriber may lag before it is dropped
)

// Log is the event log. Its methods are safe for concurrent use.
type Log struct {
	path   string
	max    int
	maxAge time.Duration
	now    func() time.Time

	mu     sync.Mutex
	events []api.Event // oldest first; seq increases
	lines  int         // lines in the file, to know when to compact
	next   uint64
	subs   map[chan api.Event]struct{}
}

// Open reads the log at path (a missing file is an empty log; damaged lines,
// such as a last line cut by a crash, are skipped) and keeps at most max
// events no older than maxAge.
func Open(path string, max int, maxAge time.Duration, now func() time.Time) (*Log, error) {
	l := &Log{path: path, max: max, maxAge: maxAge, now: now, next: 1, subs: map[chan api.Event]struct{}{}}
	_, _ = atomicfile.RemoveStale(filepath.Dir(path), atomicfile.TempName(path)) // of compactions cut short
	b, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return nil, fmt.Errorf("eventlog: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		var meta struct {
			NextSeq uint64 `json:"next_seq"`
		}
		if json.Unmarshal(sc.Bytes(), &meta) == nil && meta.NextSeq > 0 {
			if meta.NextSeq > l.next {
				l.next = meta.NextSeq // events before it aged out
			}
			continue
		}
		var e api.Event
		if json.Unmarshal(sc.Bytes(), &e) != nil || e.Seq == 0 {
			continue
		}
		l.lines++
		l.put(e)
	}
	l.trim()
	return l, nil
}

// put adds e, or replaces the event with the same seq (an update).
func (l *Log) put(e api.Event) {
	if n := len(l.events); n > 0 && l.events[n-1].Seq >= e.Seq {
		for i := n - 1; i >= 0; i-- {
			if l.events[i].Seq == e.Seq {
				l.events[i] = e
				return
			}
		}
		return
	}
	l.events = append(l.events, e)
	l.next = e.Seq + 1
}

// trim drops events past the bounds.
func (l *Log) trim() {
	cut := max(0, len(l.events)-l.max)
	oldest := l.now().Add(-l.maxAge)
	for cut < len(l.events) && l.events[cut].Time.Before(oldest) {
		cut++
	}
	l.events = append([]api.Event(nil), l.events[cut:]...)
}

// Append records a new event, giving it the next seq and, if unset, the
// current time, and returns it.
func (l *Log) Append(e api.Event) (api.Event, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	e.Seq = l.next
	if e.Time.IsZero() {
		e.Time = l.now()
	}
	e.Time = e.Time.Truncate(time.Millisecond)
	l.put(e)
	return e, l.persistLocked(e)
}

// Update changes a recorded event (a coalesced visit's count) in place.
// It does nothing if the event has left the log.
func (l *Log) Update(seq uint64, change func(*api.Event)) (api.Event, bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i := len(l.events) - 1; i >= 0; i-- {
		if l.events[i].Seq == seq {
			change(&l.events[i])
			l.events[i].Seq = seq
			return l.events[i], true, l.persistLocked(l.events[i])
		}
	}
	return api.Event{}, false, nil
}

// persistLocked appends e to the file, compacts it when it has grown past
// its bounds, and tells subscribers.
func (l *Log) persistLocked(e api.Event) error {
	l.publishLocked(e)
	line, err := json.Marshal(e)
	if err != nil {
		return err
	}
	if l.lines+1 > l.max+l.max/4 {
		l.trim()
		return l.compactLocked()
	}
	f, err := os.OpenFile(l.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, fileMode)
	if err != nil {
		return fmt.Errorf("eventlog: %w", err)
	}
	defer f.Close()
	if _, err := f.Write(append(line, '\n')); err != nil {
		return fmt.Errorf("eventlog: %w", err)
	}
	l.lines++
	return nil
}

// compactLocked rewrites the file with the events in memory, atomically.
func (l *Log) compactLocked() error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	// The next seq first: when every event has aged out, a restart must
	// not number from 1 again, or a stream client resuming from its last
	// seq would miss what follows.
	if err := enc.Encode(map[string]uint64{"next_seq": l.next}); err != nil {
		return fmt.Errorf("eventlog: compact: %w", err)
	}
	for _, e := range l.events {
		if err := enc.Encode(e); err != nil {
			return fmt.Errorf("eventlog: compact: %w", err)
		}
	}
	if err := atomicfile.Write(l.path, b.Bytes(), fileMode); err != nil {
		return fmt.Errorf("eventlog: compact: %w", err)
	}
	l.lines = len(l.events)
	return nil
}

// Last returns the seq of the newest event recorded, 0 before the first.
func (l *Log) Last() uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.next - 1
}

// After returns up to limit events with seq > after, oldest first.
func (l *Log) After(after uint64, limit int) []api.Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []api.Event
	for _, e := range l.events {
		if e.Seq > after {
			out = append(out, e)
			if len(out) == limit {
				break
			}
		}
	}
	return out
}

// Subscribe returns a channel of events (new ones and updates) as they are
// recorded, and a function to stop. A subscriber that falls more than a
// buffer behind is dropped: its channel is closed and it must resubscribe
// (and catch up with After).
func (l *Log) Subscribe() (<-chan api.Event, func()) {
	ch := make(chan api.Event, subBuffer)
	l.mu.Lock()
	l.subs[ch] = struct{}{}
	l.mu.Unlock()
	return ch, func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		if _, ok := l.subs[ch]; ok {
			delete(l.subs, ch)
			close(ch)
		}
	}
}

func (l *Log) publishLocked(e api.Event) {
	for ch := range l.subs {
		select {
		case ch <- e:
		default:
			delete(l.subs, ch)
			close(ch)
		}
	}
}
