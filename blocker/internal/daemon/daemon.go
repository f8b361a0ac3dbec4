package daemon

import (
	"context"
	"errors"
	"fmt"
	"github.com/nocontact-app/nocontact/blocker/internal/browser"
	"log/slog"
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

// Daemon is nocontactd: the session manager and the enforcers that keep
// its block (the hosts file, the browsers' policies, the sinkhole), the
// tamper watch, and the loops that drive them. Create it with New and
// start it with Run.
//
// Each enforcer reads the session's Snapshot under its own lock and owns
// its own state. The daemon's one lock, opMu, makes a change of the
// session and its hosts write one step (a start whose write fails is
// undone), and runs one guard check at a time; it is never held across a
// cache flush, a browser policy write or a lookup. Where it meets another
// lock it is taken first: opMu, then the hosts enforcer's, then the
// manager's.
type Daemon struct {
	cfg       Config
	log       *slog.Logger
	mgr       *session.Manager
	events    *eventlog.Log
	hosts     *hostsEnforcer
	browsers  *browserEnforcer
	phone     *phoneEnforcer
	tamper    *tamperWatch
	pages     *pages
	visits    *visits
	sink      *sinkhole.Sinkhole // nil when no port is configured
	transport transport

	opMu    sync.Mutex    // a change of the session and its hosts write, or a guard check
	liftDue atomic.Bool   // a section must be lifted (retried with backoff)
	wake    chan struct{} // nudges the tick loop
	bg      sync.WaitGroup

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
	d := &Daemon{cfg: cfg, log: cfg.Logger, mgr: mgr, events: events, wake: make(chan struct{}, 1)}
	if err := d.wire(ed); err != nil {
		return nil, err
	}
	if fellBack {
		d.log.Warn("the current state file was damaged; using the previous generation")
	}
	if err := mgr.Snapshot().Broken; err != nil {
		d.log.Error("state unreadable: keeping the hosts file as it is and refusing new sessions until `nocontactd cleanup`", "err", err)
	}
	return d, nil
}

// wire builds the enforcers, the tamper watch and the sinkhole around the
// manager, and has the manager tell the daemon of expiries and schedules.
func (d *Daemon) wire(ed *hosts.Editor) error {
	cfg := &d.cfg
	d.transport = newTransport(cfg)
	d.tamper = &tamperWatch{cfg: cfg, editor: ed, mgr: d.mgr, record: d.record}
	d.hosts = newHostsEnforcer(cfg, ed, d.mgr.Snapshot)
	var bm *browser.Manager
	if cfg.BrowserRoot != "" {
		var err error
		if bm, err = browser.NewManager(cfg.BrowserRoot, cfg.StateDir); err != nil {
			return err
		}
	}
	d.browsers = newBrowserEnforcer(cfg, bm, d.mgr.Snapshot, d.tamper.note)
	d.visits = &visits{events: d.events, mgr: d.mgr, now: cfg.Clock.Now, record: d.record}
	d.phone = newPhoneEnforcer(cfg, d.mgr.Snapshot, d.tamper.note, d.visits.fromPhone)
	d.pages = &pages{cfg: cfg, snap: d.mgr.Snapshot, visits: d.visits, tcpPeer: tcpPeerUID}
	if err := d.pages.setupExtension(bm); err != nil {
		d.log.Error("the extension could not be packed; blocked tabs show the browser's own page", "err", err)
	}
	d.mgr.OnExpire(d.sessionExpired)
	d.mgr.OnSchedule(d.onSchedule)
	if cfg.Location != nil {
		d.mgr.SetLocation(cfg.Location)
	}
	if cfg.HTTPPort == 0 && cfg.HTTPSPort == 0 {
		return nil
	}
	var err error
	d.sink, err = sinkhole.New(sinkhole.Config{Addr: cfg.Sinkhole, IPv6: true, HTTPPort: cfg.HTTPPort, HTTPSPort: cfg.HTTPSPort,
		OnHit: d.visits.onHit, Page: d.pages.page, Local: d.pages.local})
	return err
}

// Run serves until ctx is done. The block stays in place when it returns:
// stopping the daemon is not a way out, and the next start re-applies it.
func (d *Daemon) Run(ctx context.Context) error {
	mounts := d.openMounts()
	d.startup()
	ln, err := d.transport.listen()
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
	d.spawn(func() { d.hosts.runFlusher(ctx) })
	d.spawn(func() { d.browsers.run(ctx, d.spawn) })
	d.spawn(func() { d.phone.run(ctx) })
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
	err = srv.Serve(limitListener(ln, maxConns, d.transport.peer))
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
	d.tamper.checkWitness()
	d.tamper.openHostsFile() // the modes first seen are those at start, before any request

	switch snap := d.mgr.Snapshot(); {
	case snap.Broken != nil:
	case snap.Active:
		prev, wrote, err := d.hosts.apply()
		d.browsers.apply()
		if err != nil {
			d.log.Error("re-applying the session failed; the guard keeps trying", "err", err)
		}
		d.tamper.noteAbsence(wrote && len(d.hosts.editor.Section(prev)) == 0)
	default:
		d.tamper.noteStateLoss()
		d.requestLift()
	}
}

// runGuard runs the tamper guard; its check restores and records tampering.
func (d *Daemon) runGuard(ctx context.Context) {
	g := guard.New(guard.Config{
		Path: d.cfg.HostsFile, Settle: d.cfg.GuardSettle, Interval: d.cfg.GuardEvery, Logger: d.log, Also: resolverFilesBeside(&d.cfg),
		Check: d.guardCheck,
		OnConflict: func(time.Duration) {
			d.record(api.Event{Kind: api.EventConflict, Detail: "another program keeps rewriting the hosts file; the block is put back at each change" + conflictHint})
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

// guardCheck restores the section if it differs from the session's and
// records how it had been tampered with, or why it could not be restored;
// then it has the browsers' policies checked and audits the resolver for
// ways around the section, both outside opMu.
func (d *Daemon) guardCheck() (bool, error) {
	defer d.checks.Add(1)
	waitIfEmpty(d.cfg.HostsFile)
	d.opMu.Lock()
	d.tamper.openHostsFile()
	kind := hostsKind(d.cfg.HostsFile)
	prev, restored, err := d.hosts.apply()
	d.opMu.Unlock()
	d.browsers.apply()
	d.tamper.audit()
	if err != nil && d.mgr.Snapshot().Active {
		d.tamper.noteUnwritable(err)
	}
	if !restored {
		return false, err
	}
	d.tamper.noteUnwritable(nil)
	d.tamper.note(d.tamper.tamperDetail(prev, kind))
	return true, err
}

// change makes a change of the session (do; nil when the manager made it
// already, as a schedule does) and writes it to the hosts file as one
// step, then to the browsers' policies outside the lock. undo runs,
// still under the lock, when the file cannot be written; what it could not
// undo joins the error.
func (d *Daemon) change(do func() error, undo func() error) error {
	d.opMu.Lock()
	if do != nil {
		if err := do(); err != nil {
			d.opMu.Unlock()
			return err
		}
	}
	_, _, err := d.hosts.apply()
	if err != nil && undo != nil {
		err = errors.Join(err, undo())
	}
	d.opMu.Unlock()
	d.browsers.apply()
	d.phone.nudge()
	return err
}

// lift removes the section and the policies when no block runs; it
// reports an error to be retried.
func (d *Daemon) lift() error {
	if err := d.hosts.strip(); err != nil {
		return err
	}
	if err := d.browsers.lift(); err != nil {
		return d.hosts.setErr(fmt.Errorf("lifting the browser policies: %w", err))
	}
	return nil
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
