package daemon

import (
	"context"
	"log/slog"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/browser"
	"github.com/nocontact-app/nocontact/blocker/internal/guard"
	"github.com/nocontact-app/nocontact/blocker/internal/session"
)

// browserEnforcer keeps the running block's browser policies (profile
// paths blocked, secure DNS off, private windows closed) and guards each
// policy file it wrote. Between blocks, while the daemon serves, Firefox
// ESR's policy keeps our extension (browser.Manager.Between): Firefox
// reads it only at its start, and with the extension there a new block
// applies at once. When the daemon stops with no block, that goes too.
// writeMu serialises the reading of the session and the writing of the
// policies, and nothing else waits on it; mu guards the report and the
// guarded files, briefly, so status never waits on a write.
type browserEnforcer struct {
	m        *browser.Manager // nil: browser policies off (Config.BrowserRoot "")
	snap     func() session.Snapshot
	log      *slog.Logger
	tamper   func(detail string) // records a policy that had to be restored
	settle   time.Duration
	interval time.Duration
	wake     chan struct{} // new files may need a guard

	writeMu sync.Mutex
	serving bool // under writeMu: run is running (the daemon serves)
	mu      sync.Mutex
	report  []api.BrowserStatus
	guarded map[string]bool
}

func newBrowserEnforcer(cfg *Config, m *browser.Manager, snap func() session.Snapshot, tamper func(string)) *browserEnforcer {
	return &browserEnforcer{m: m, snap: snap, log: cfg.Logger, tamper: tamper, settle: cfg.GuardSettle, interval: cfg.GuardEvery,
		wake: make(chan struct{}, 1), guarded: map[string]bool{}}
}

// apply writes the running block's policies and records a tamper event for
// each browser whose file had to be restored. Without a block it keeps
// what stays between blocks (while the daemon serves); with browsers off
// it does nothing.
func (b *browserEnforcer) apply() {
	if b.m == nil {
		return
	}
	b.writeMu.Lock()
	snap := b.snap()
	if !snap.Active {
		if b.serving && snap.Broken == nil {
			b.betweenLogged()
		}
		b.writeMu.Unlock()
		return
	}
	report, changes, err := b.m.Apply(browser.Want{Paths: snap.Paths, Hosts: snap.Hostnames, ClosePrivate: snap.ClosePrivate})
	b.writeMu.Unlock()
	b.mu.Lock()
	b.report = report
	b.mu.Unlock()
	if err != nil {
		b.log.Warn("a browser policy could not be written", "err", err)
	}
	for _, c := range changes {
		b.tamper(c.Line())
	}
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

// lift undoes every policy written, unless a block runs again.
func (b *browserEnforcer) lift() error {
	if b.m == nil {
		return nil
	}
	b.writeMu.Lock()
	defer b.writeMu.Unlock()
	if b.snap().Active {
		return nil // a block started since the one that ended: its policies stay
	}
	b.mu.Lock()
	b.report = nil
	b.mu.Unlock()
	if b.serving {
		return b.between()
	}
	return b.m.Lift()
}

// between makes the policies those between blocks, under writeMu; it
// returns what lifting the block's failed on.
func (b *browserEnforcer) between() error {
	notes, err := b.m.Between()
	for _, n := range notes {
		b.log.Warn("between blocks: " + n)
	}
	select {
	case b.wake <- struct{}{}: // a file kept may need its guard
	default:
	}
	return err
}

// betweenLogged is between where nothing retries it: its error is
// logged, and the next guard check or lift tries again.
func (b *browserEnforcer) betweenLogged() {
	if err := b.between(); err != nil {
		b.log.Warn("the browser policies of the last block could not all be lifted; tried again at the next check", "err", err)
	}
}

// serve marks the daemon serving or not. Serving, it keeps what stays
// between blocks; stopping with no block, it lifts that too. With a
// state that cannot be read it touches nothing (a block may run).
func (b *browserEnforcer) serve(on bool) {
	b.writeMu.Lock()
	defer b.writeMu.Unlock()
	b.serving = on
	if snap := b.snap(); snap.Active || snap.Broken != nil {
		return
	}
	if on {
		b.betweenLogged()
	} else if err := b.m.Lift(); err != nil {
		b.log.Error("lifting what the browsers keep between blocks failed; `nocontactd cleanup` undoes it", "err", err)
	}
}

// status is the last report, for status.
func (b *browserEnforcer) status() []api.BrowserStatus {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.report)
}

// run starts a guard on each policy file written, once per file, and
// where the policies live in the registry (Windows) a watch of their keys,
// until ctx is done; spawn runs each so that Run waits for them.
func (b *browserEnforcer) run(ctx context.Context, spawn func(func())) {
	if b.m == nil {
		return
	}
	b.serve(true)
	defer b.serve(false)
	spawn(func() {
		if err := b.m.WatchRegistry(ctx, b.apply); err != nil {
			b.log.Warn("the browsers' registry policies cannot be watched; they are checked at the guard's periodic check", "err", err)
		}
	})
	for {
		for _, f := range b.m.Files() {
			b.mu.Lock()
			seen := b.guarded[f]
			b.guarded[f] = true
			b.mu.Unlock()
			if !seen {
				spawn(func() { b.guardFile(ctx, f) })
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-b.wake:
		}
	}
}

// guardFile re-applies the policies whenever path (or a folder above it)
// changes.
func (b *browserEnforcer) guardFile(ctx context.Context, path string) {
	g := guard.New(guard.Config{Path: path, AlsoSuffix: ".json", Ancestors: b.m.Ancestors(path), Settle: b.settle, Interval: b.interval, Logger: b.log,
		Check: func() (bool, error) {
			b.apply()
			return false, nil // tamper is recorded by apply
		}})
	b.log.Debug("guarding a browser policy", "dir", filepath.Dir(path))
	for ctx.Err() == nil {
		if err := g.Run(ctx); err != nil {
			// The directory went away (the session ended and it was
			// removed): wait for the next session to recreate it.
			select {
			case <-ctx.Done():
			case <-time.After(5 * time.Second):
			}
		}
	}
}
