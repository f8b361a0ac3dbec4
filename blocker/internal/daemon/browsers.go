package daemon

import (
	"context"
	"path/filepath"
	"slices"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/browser"
	"github.com/nocontact-app/nocontact/blocker/internal/guard"
)

// enforceBrowsers writes the running session's browser policies (profile
// paths blocked, secure DNS off) and records a tamper event for each
// browser whose file had to be restored. It starts a guard on every
// policy file. Without a session, or with browsers turned off, it does
// nothing.
func (d *Daemon) enforceBrowsers(ctx context.Context) {
	if d.browsers == nil || !d.mgr.Snapshot().Active {
		return
	}
	d.browserMu.Lock()
	report, changes, err := d.browsers.Apply(d.browserWant())
	d.browserReport = report
	d.browserMu.Unlock()
	if err != nil {
		d.log.Warn("a browser policy could not be written", "err", err)
	}
	for _, c := range changes {
		d.noteTamper(c.Line())
	}
	for _, f := range d.browsers.Files() {
		d.guardFile(ctx, f)
	}
}

// browserWant is what the running session asks of the browsers.
func (d *Daemon) browserWant() browser.Want {
	return browser.Want{Paths: d.mgr.Snapshot().Paths, Hosts: d.mgr.Snapshot().Hostnames, ClosePrivate: d.mgr.Snapshot().ClosePrivate}
}

// liftBrowsers undoes every policy written.
func (d *Daemon) liftBrowsers() error {
	if d.browsers == nil {
		return nil
	}
	d.browserMu.Lock()
	defer d.browserMu.Unlock()
	d.browserReport = nil
	return d.browsers.Lift()
}

// browserStatus is the last report, for status.
func (d *Daemon) browserStatus() []api.BrowserStatus {
	d.browserMu.Lock()
	defer d.browserMu.Unlock()
	return slices.Clone(d.browserReport)
}

// guardFile starts, once per file, a guard that re-applies the policies
// when the file changes, until the daemon stops.
func (d *Daemon) guardFile(ctx context.Context, path string) {
	d.browserMu.Lock()
	if d.guarded == nil {
		d.guarded = map[string]bool{}
	}
	if d.guarded[path] || ctx == nil {
		d.browserMu.Unlock()
		return
	}
	d.guarded[path] = true
	d.browserMu.Unlock()
	g := guard.New(guard.Config{Path: path, AlsoSuffix: ".json", Ancestors: d.browsers.Ancestors(path), Settle: d.cfg.GuardSettle, Interval: d.cfg.GuardEvery, Logger: d.log,
		Check: func() (bool, error) {
			d.opMu.Lock()
			defer d.opMu.Unlock()
			d.enforceBrowsers(ctx)
			return false, nil // tamper is recorded by enforceBrowsers
		}})
	d.spawn(func() {
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
	})
	d.log.Debug("guarding a browser policy", "dir", filepath.Dir(path))
}
