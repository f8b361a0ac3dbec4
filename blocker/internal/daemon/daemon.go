package daemon

import (
	"context"
	"errors"
	"fmt"
	"github.com/nocontact-app/nocontact/blocker/internal/browser"
	"io/fs"
	"log/slog"
	"net/netip"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/eventlog"
	"github.com/nocontact-app/nocontact/blocker/internal/guard"
	"github.com/nocontact-app/nocontact/blocker/internal/hosts"
	"github.com/nocontact-app/nocontact/blocker/internal/session"
	"github.com/nocontact-app/nocontact/blocker/internal/sinkhole"
)

// Daemon is nocontactd. Create it with New and start it with Run.
type Daemon struct {
	cfg    Config
	log    *slog.Logger
	editor *hosts.Editor
	mgr    *session.Manager
	events *eventlog.Log
	sink   *sinkhole.Sinkhole // nil when no port is configured
	visits visits

	// Lock order: opMu, then hostsMu, then the manager's own lock, then
	// mu; browserMu is taken alone (or after opMu); visits.writeMu before
	// visits.mu, which guards fields only. No slow I/O under hostsMu, mu or
	// visits.mu: the cache flush runs after hostsMu is let go, the event
	// log is written under visits.writeMu.
	opMu       sync.Mutex // a change of the session and its write, or a guard check
	hostsMu    sync.Mutex // serialises every read-modify-write of the hosts file
	mu         sync.Mutex // guards the fields below
	hostsErr   string     // the last failure to write or lift, shown in status
	liftDue    bool       // a section must be lifted (retried with backoff)
	lastTamper *time.Time
	bypasses   []string               // ways around the intact section, last audited
	unwritable string                 // why a tampered file could not be restored, once recorded
	lastGood   []byte                 // the hosts file as last seen or written intact
	firstModes map[string]fs.FileMode // modes of the resolver's files first seen (opMu)

	browsers      *browser.Manager // nil: browser policies off (Config.BrowserRoot "")
	browserMu     sync.Mutex       // guards the fields below
	browserReport []api.BrowserStatus
	guarded       map[string]bool
	ext           *ext // the extension, when it is served
	// tcpPeer is the uid behind a connection to the sinkhole (tcpPeerUID).
	tcpPeer func(local, remote netip.AddrPort) (int, error)
	runCtx  context.Context // the context Run serves under, for the policy guards
	wake    chan struct{}   // nudges the tick loop
	bg      sync.WaitGroup  // every goroutine Run starts: Run returns after them all

	// Work done so far, counted for tests to wait on instead of sleeping.
	ticks     atomic.Int64 // tick-loop iterations completed
	checks    atomic.Int64 // guard checks completed
	clockArms atomic.Int64 // times the wall clock watch was armed

	scheduleChanged atomic.Bool // a schedule started or grew the block: write it
}

// spawn runs f in a goroutine that Run waits for before it returns, so a
// stopped daemon never leaves a guard writing the hosts file.
func (d *Daemon) spawn(f func()) {
	d.bg.Add(1)
	go func() { defer d.bg.Done(); f() }()
}

// New loads the daemon's state. A state that cannot be read is not an
// error: the daemon then keeps the hosts file as it is, refuses new
// sessions and reports the problem in its status until cleanup.
func New(cfg Config) (*Daemon, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	cfg.fill()
	ed, err := hosts.NewEditor(cfg.Sinkhole)
	if err != nil {
		return nil, err
	}
	store, err := session.NewStore(cfg.StateDir)
	if err != nil {
		return nil, err
	}
	mgr, fellBack := session.NewManager(store, cfg.Clock)
	events, err := eventlog.Open(filepath.Join(cfg.StateDir, "events.log"), eventlog.DefaultMax, eventlog.DefaultMaxAge, cfg.Clock.Now)
	if err != nil {
		return nil, err
	}
	d := &Daemon{cfg: cfg, log: cfg.Logger, editor: ed, mgr: mgr, events: events, wake: make(chan struct{}, 1), tcpPeer: tcpPeerUID}
	if cfg.BrowserRoot != "" {
		if d.browsers, err = browser.NewManager(cfg.BrowserRoot, cfg.StateDir); err != nil {
			return nil, err
		}
	}
	mgr.OnExpire(d.sessionExpired)
	mgr.OnSchedule(d.onSchedule)
	if cfg.Location != nil {
		mgr.SetLocation(cfg.Location)
	}
	if err := d.setupExtension(); err != nil {
		d.log.Error("the extension could not be packed; blocked tabs show the browser's own page", "err", err)
	}
	if cfg.HTTPPort != 0 || cfg.HTTPSPort != 0 {
		d.sink, err = sinkhole.New(sinkhole.Config{Addr: cfg.Sinkhole, IPv6: true, HTTPPort: cfg.HTTPPort, HTTPSPort: cfg.HTTPSPort,
			OnHit: d.onHit, Page: d.page, Local: d.local})
		if err != nil {
			return nil, err
		}
	}
	if fellBack {
		d.log.Warn("the current state file was damaged; using the previous generation")
	}
	if err := mgr.Broken(); err != nil {
		d.log.Error("state unreadable: keeping the hosts file as it is and refusing new sessions until `nocontactd cleanup`", "err", err)
	}
	return d, nil
}

// Run serves until ctx is done. The block stays in place when it returns:
// stopping the daemon is not a way out, and the next start re-applies it.
func (d *Daemon) Run(ctx context.Context) error {
	d.runCtx = ctx
	mounts := d.openMounts()
	d.startup()
	ln, err := listen(d.cfg.Socket, d.cfg.OwnerUID)
	if err != nil {
		return err
	}
	srv := d.server()
	if d.sink != nil {
		d.sink.Start()
		defer d.sink.Close()
		if _, problem := d.sink.Status(); problem != "" {
			d.log.Error("the sinkhole cannot listen: the block works, but attempts cannot be noticed", "err", problem)
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	d.spawn(func() { d.runGuard(ctx) })
	d.spawn(func() { d.tickLoop(ctx) })
	d.spawn(func() { d.watchdog(ctx) })
	d.spawn(func() { d.watchClock(ctx) })
	d.spawn(func() { d.watchMounts(ctx, mounts) })
	d.spawn(func() {
		<-ctx.Done()
		shut, stop := context.WithTimeout(context.Background(), 2*time.Second)
		defer stop()
		_ = srv.Shutdown(shut) // past the timeout, Serve has returned anyway
	})
	d.log.Info("nocontactd serving", "socket", d.cfg.Socket, "hosts", d.cfg.HostsFile, "version", api.Version)
	sdNotify("READY=1")
	err = srv.Serve(limitListener(ln, maxConns))
	cancel()
	d.bg.Wait()
	if errors.Is(err, errServerClosed) {
		err = nil
	}
	d.log.Info("nocontactd stopped; the block stays in place", "session", d.mgr.String())
	return err
}

// startup re-applies a running session or lifts a stale section; with an
// unreadable state it leaves the file alone.
func (d *Daemon) startup() {
	d.checkWitness()
	switch {
	case d.mgr.Broken() != nil:
	case d.mgr.Snapshot().Active:
		prev, wrote, err := d.enforceFrom()
		d.enforceBrowsers(d.runCtx)
		if err != nil {
			d.log.Error("re-applying the session failed; the guard keeps trying", "err", err)
		}
		d.noteAbsence(wrote && len(d.editor.Section(prev)) == 0)
	default:
		d.noteStateLoss()
		d.requestLift()
	}
}

// runGuard runs the tamper guard; its check restores and records tampering.
func (d *Daemon) runGuard(ctx context.Context) {
	g := guard.New(guard.Config{
		Path: d.cfg.HostsFile, Settle: d.cfg.GuardSettle, Interval: d.cfg.GuardEvery, Logger: d.log, Also: d.resolverFilesBeside(),
		Check: d.guardCheck,
		OnConflict: func(time.Duration) {
			d.record(api.Event{Kind: api.EventConflict, Detail: "another program keeps rewriting the hosts file; the block is put back at each change"})
		},
	})
	for ctx.Err() == nil {
		if err := g.Run(ctx); err != nil {
			d.log.Error("tamper guard stopped; restarting", "err", err)
			select {
			case <-ctx.Done():
			case <-time.After(time.Second):
			}
		}
	}
}

// enforce writes the running session's section if the file differs from
// it, and reports whether it wrote.
func (d *Daemon) enforce() (bool, error) {
	_, wrote, err := d.enforceFrom()
	d.enforceBrowsers(d.runCtx)
	return wrote, err
}

func (d *Daemon) enforceFrom() (prev []byte, wrote bool, err error) {
	prev, wrote, err = d.enforceLocked()
	if wrote {
		d.flush() // after the lock: it may wait seconds on resolvectl or nscd
	}
	return prev, wrote, err
}

func (d *Daemon) enforceLocked() (prev []byte, wrote bool, err error) {
	d.hostsMu.Lock()
	defer d.hostsMu.Unlock()
	names := d.mgr.Snapshot().Hostnames
	if names == nil {
		return nil, false, nil
	}
	if aside, err := hosts.Reclaim(d.cfg.HostsFile, d.cfg.Clock.Now()); err != nil {
		return nil, false, d.noteHostsErr(err)
	} else if aside != "" {
		d.log.Warn("a directory stood in place of the hosts file; moved aside", "to", aside)
	}
	prev, err = hosts.ReadFile(d.cfg.HostsFile)
	if err != nil {
		return nil, false, d.noteHostsErr(err)
	}
	base := prev
	if len(prev) == 0 && d.lastGood != nil {
		base = d.lastGood // deleted or emptied: bring the user's lines back too
	}
	next, changed, err := d.editor.Apply(base, names)
	if err == nil && !changed && len(prev) > 0 {
		d.lastGood = prev
	}
	if err != nil || (!changed && len(prev) > 0) {
		return prev, false, d.noteHostsErr(err)
	}
	if _, err := hosts.WriteFile(d.cfg.HostsFile, next); err != nil {
		return prev, false, d.noteHostsErr(err)
	}
	d.lastGood = next
	return prev, true, d.noteHostsErr(nil)
}

// lift removes the section; it reports an error to be retried.
func (d *Daemon) lift() error {
	wrote, err := d.liftLocked()
	if wrote {
		d.flush() // after the lock, as in enforceFrom
	}
	return err
}

func (d *Daemon) liftLocked() (wrote bool, err error) {
	d.hostsMu.Lock()
	defer d.hostsMu.Unlock()
	if d.mgr.Snapshot().Active || d.mgr.Broken() != nil {
		return false, nil
	}
	prev, err := hosts.ReadFile(d.cfg.HostsFile)
	if err != nil {
		return false, d.noteHostsErr(err)
	}
	next, changed := d.editor.Strip(prev)
	if changed {
		if _, err := hosts.WriteFile(d.cfg.HostsFile, next); err != nil {
			return false, d.noteHostsErr(fmt.Errorf("lifting the block: %w", err))
		}
	}
	if err := d.liftBrowsers(); err != nil {
		return changed, d.noteHostsErr(fmt.Errorf("lifting the browser policies: %w", err))
	}
	return changed, d.noteHostsErr(nil)
}

func (d *Daemon) flush() {
	for _, step := range hosts.Flush(context.Background()) {
		if step.Err != nil {
			d.log.Warn("cache flush failed", "cache", step.Cache, "err", step.Err)
		}
	}
}

// noteHostsErr keeps err (or its absence) for the status, and returns it.
func (d *Daemon) noteHostsErr(err error) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.hostsErr = ""
	if err != nil {
		d.hostsErr = err.Error()
	}
	return err
}

// record appends an event to the log; a failure to store it is logged.
func (d *Daemon) record(e api.Event) api.Event {
	e, err := d.events.Append(e)
	if err != nil {
		d.log.Error("event log", "err", err)
	}
	// A second copy goes to the system journal, so deleting or editing the
	// state directory does not erase the story: every event's seq and kind
	// at info, never its host (no hostname goes to logs above debug).
	d.log.Info("event", "seq", e.Seq, "kind", e.Kind, "count", e.Count)
	d.log.Debug("event", "seq", e.Seq, "host", e.Host, "detail", e.Detail)
	return e
}
