// Package guard watches the hosts file during a block session and has it
// checked whenever it may have changed: on every change in its directory
// (editors replace files by rename, so the directory is watched, not the
// file), after a short settle, and every minute in case a notification was
// missed. When tampering repeats, the guard checks on the event itself
// (at most once per 20 ms), so a loop of edits cannot keep the block off.
package guard

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Defaults for Config.
const (
	DefaultSettle   = 100 * time.Millisecond
	DefaultInterval = 60 * time.Second
	// Restores within conflictWindow that make a conflict: the file is
	// rewritten about once a second or faster, which is a program, not a
	// person.
	conflictRestores = 5
	conflictWindow   = 5 * time.Second
	// hotGap is the least time between checks while tampering repeats:
	// the check then runs on the event itself, not after a settle, so a
	// loop of edits cannot keep the block off (issues 16.5, 22.6), and a
	// program that rewrites the file without pause costs at most one check
	// per gap.
	hotGap = 20 * time.Millisecond
	// retryAfterError is the longest wait before a check that failed is
	// tried again, rather than at the next interval: the first retry comes
	// after hotGap (on Windows a write fails while another program holds
	// the file for an instant), each next one after twice as long (out of
	// file descriptors, a retry each gap would only spin).
	retryAfterError = time.Second
)

// Config configures a Guard.
type Config struct {
	Path string // the file to guard
	// Also are other files in its directory whose change calls for a
	// check too (nsswitch.conf and host.conf beside /etc/hosts), by name.
	Also []string
	// AlsoSuffix, if set, makes a change to any file in the directory
	// whose name ends in it, or to the directory itself, call for a check
	// (a browser's policy folder: another .json there may override ours).
	AlsoSuffix string
	// Ancestors are folders above the file's to watch too: a change there
	// to the folder on the way to the file (a chmod 700 of a parent that
	// closes the file to its readers) calls for a check.
	Ancestors []string
	Settle    time.Duration // wait after a change before checking
	Interval  time.Duration // check this often regardless

	// Check looks at the file and restores it if needed, reporting whether
	// it did. It is called from the guard's goroutine only.
	Check func() (restored bool, err error)
	// OnConflict is called when restores keep being undone (once, until
	// the file is left alone again); the guard then restores at each
	// change, at most once per gap, instead of after a settle. May be nil.
	OnConflict func(gap time.Duration)
	// OnEvent, if set, is called from the guard's goroutine after each
	// event in the directory, with the name of the file it concerned and
	// whether a check is now pending (the event concerned the guarded
	// file or one in Also, or a check already was). Tests use a change to the guarded
	// file as a barrier: events arrive in order, so once its event is seen
	// every earlier one was handled, and none may have made a check
	// pending. May be nil.
	OnEvent func(name string, pending bool)
	Logger  *slog.Logger
}

// Guard watches one file. Create it with New and run it with Run.
type Guard struct {
	cfg       Config
	restores  []time.Time // recent restores, for conflict detection
	lastCheck time.Time
	conflict  bool // a conflict was reported and the file is not yet left alone
	failures  int  // checks failed in a row
}

// New returns a guard with defaults filled in.
func New(cfg Config) *Guard {
	if cfg.Settle <= 0 {
		cfg.Settle = DefaultSettle
	}
	if cfg.Interval <= 0 {
		cfg.Interval = DefaultInterval
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	return &Guard{cfg: cfg}
}

// Run watches until ctx is done. It checks once at the start.
func (g *Guard) Run(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	dir, base := filepath.Dir(g.cfg.Path), filepath.Base(g.cfg.Path)
	if err := w.Add(dir); err != nil {
		return err
	}
	for _, a := range g.cfg.Ancestors {
		if err := w.Add(a); err != nil {
			g.cfg.Logger.Debug("guard: cannot watch a folder above", "dir", a, "err", err)
		}
	}
	tick := time.NewTicker(g.cfg.Interval)
	defer tick.Stop()
	settle := time.NewTimer(0) // the first check, at once
	armed := true
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return errors.New("guard: watcher closed")
			}
			if g.concerns(ev.Name, dir, base) && !armed {
				armed = true
				settle.Reset(g.delay())
			}
			if g.cfg.OnEvent != nil {
				g.cfg.OnEvent(ev.Name, armed)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return errors.New("guard: watcher closed")
			}
			g.cfg.Logger.Warn("guard: watch error; checking the file", "err", err)
			if !armed {
				armed = true
				settle.Reset(g.delay())
			}
		case <-settle.C:
			armed = false
			if !g.check() {
				armed = true
				settle.Reset(g.retryDelay())
			}
		case <-tick.C:
			if !armed && !g.check() {
				armed = true
				settle.Reset(g.retryDelay())
			}
		}
	}
}

// delay is the settle time, or, within a conflict window of a restore
// (tampering seen), none beyond the gap since the last check.
func (g *Guard) delay() time.Duration {
	if len(g.restores) > 0 && time.Since(g.restores[len(g.restores)-1]) < conflictWindow {
		return max(0, hotGap-time.Since(g.lastCheck))
	}
	return g.cfg.Settle
}

// retryDelay is how long to wait before a failed check is tried again:
// hotGap after the first failure, twice as long after each next one, at
// most retryAfterError.
func (g *Guard) retryDelay() time.Duration {
	return min(retryAfterError, hotGap<<min(g.failures-1, 16))
}

// check runs Check and tracks restores to detect a fight. It reports
// whether the check could be done.
func (g *Guard) check() bool {
	restored, err := g.cfg.Check()
	switch {
	case err == nil:
		g.failures = 0
	case g.failures == 0:
		g.failures++
		g.cfg.Logger.Error("guard: check failed; retrying", "err", err, "in", g.retryDelay())
	default:
		g.failures++
		g.cfg.Logger.Debug("guard: check failed again; retrying", "err", err, "in", g.retryDelay())
	}
	now := time.Now()
	g.lastCheck = now
	if restored {
		g.noteRestore(now)
	}
	return err == nil
}

// noteRestore counts a restore; restores undone again and again are a
// conflict, reported once until the file is left alone for a window.
func (g *Guard) noteRestore(now time.Time) {
	if len(g.restores) > 0 && now.Sub(g.restores[len(g.restores)-1]) > conflictWindow {
		g.conflict = false // calm since the last restore
	}
	g.restores = append(g.restores, now)
	for len(g.restores) > 0 && now.Sub(g.restores[0]) > conflictWindow {
		g.restores = g.restores[1:]
	}
	if len(g.restores) < conflictRestores || g.conflict {
		return
	}
	g.conflict = true
	g.cfg.Logger.Warn("guard: another program keeps rewriting the hosts file; restoring at each change")
	if g.cfg.OnConflict != nil {
		g.cfg.OnConflict(hotGap)
	}
}

// concerns reports whether an event on name, in the watched dir, calls
// for a check.
func (g *Guard) concerns(name, dir, base string) bool {
	name = filepath.Clean(name)
	if filepath.Dir(name) != filepath.Clean(dir) && name != filepath.Clean(dir) { // in an ancestor
		return strings.HasPrefix(filepath.Clean(dir)+"/", name+"/")
	}
	b := filepath.Base(name)
	if b == base || slices.Contains(g.cfg.Also, b) {
		return true
	}
	return g.cfg.AlsoSuffix != "" && (strings.HasSuffix(b, g.cfg.AlsoSuffix) || filepath.Clean(name) == filepath.Clean(dir))
}
