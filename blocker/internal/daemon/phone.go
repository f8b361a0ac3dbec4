package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/dnsfilter"
	"github.com/nocontact-app/nocontact/blocker/internal/session"
)

// phoneEnforcer keeps the running block on the DNS filter the person's
// phone uses: it publishes the block's names when a block starts or
// grows, puts back one removed during the block (and records that as
// tampering), reads the filter's log of the phone's queries, and takes
// our names off when the block ends, retrying until the filter answers.
//
// syncMu runs one exchange with the filter at a time and is held across
// its network calls: only a connect or a disconnect waits on it. mu
// guards the state and the report, briefly, so status never waits on the
// network.
type phoneEnforcer struct {
	path      string
	snap      func() session.Snapshot
	now       func() time.Time
	log       *slog.Logger
	every     time.Duration // reading back and reading the log; a minute
	newFilter func(dnsfilter.Account) (dnsfilter.Filter, error)
	tamper    func(detail string)
	visit     func(api.Event)
	wake      chan struct{}

	syncMu   sync.Mutex
	mu       sync.Mutex
	st       phoneState
	problem  string
	lastSync time.Time
	failing  bool // the last exchange failed (an event said so once)
}

func newPhoneEnforcer(cfg *Config, snap func() session.Snapshot, tamper func(string), visit func(api.Event)) *phoneEnforcer {
	p := &phoneEnforcer{path: filepath.Join(cfg.StateDir, phoneFile), snap: snap, now: cfg.Clock.Now, log: cfg.Logger,
		every: cfg.PhoneEvery, newFilter: cfg.PhoneFilter, tamper: tamper, visit: visit, wake: make(chan struct{}, 1)}
	st, err := loadPhone(p.path)
	if err != nil {
		p.problem = err.Error()
	}
	p.st = st
	return p
}

// state is a copy of the connection and the ledger.
func (p *phoneEnforcer) state() phoneState {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.st
}

// nudge has the filter brought in line with the session now.
func (p *phoneEnforcer) nudge() {
	if p == nil {
		return // a daemon put together in part, by a test
	}
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// run syncs at each nudge and every p.every while a block runs or names of
// ours are left on the filter; a failed exchange is retried after 2 s,
// doubling up to p.every.
func (p *phoneEnforcer) run(ctx context.Context) {
	timer := time.NewTimer(0)
	defer timer.Stop()
	backoff := time.Duration(0)
	for {
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
		case <-p.wake:
		}
		next := p.every
		if err := p.sync(ctx); err != nil {
			backoff = min(p.every, max(2*time.Second, 2*backoff))
			next = backoff
		} else {
			backoff = 0
		}
		timer.Reset(next)
	}
}

// sync brings the filter in line with the session: our names on during a
// block, off without one; and reads the phone's queries during a block.
func (p *phoneEnforcer) sync(ctx context.Context) error {
	p.syncMu.Lock()
	defer p.syncMu.Unlock()
	st := p.state()
	if !st.connected() {
		return nil
	}
	snap := p.snap()
	if !snap.Active && len(st.Ours) == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	err := p.exchange(ctx, &st, snap)
	p.report(err)
	return err
}

// exchange makes the filter's entries of ours what the block wants.
func (p *phoneEnforcer) exchange(ctx context.Context, st *phoneState, snap session.Snapshot) error {
	f, err := p.newFilter(st.Account)
	if err != nil {
		return err
	}
	denied, err := f.Denied(ctx)
	if err != nil {
		return err
	}
	has := map[string]bool{}
	for _, e := range denied {
		has[e.Name] = true
	}
	want := phoneNames(snap, st.Choice)
	if snap.Active {
		want = union(want, st.Ours) // during a block ours only grow: a loosening waits for its end
	}
	add := slices.DeleteFunc(slices.Clone(want), func(n string) bool { return has[n] })
	gone := slices.DeleteFunc(slices.Clone(add), func(n string) bool { return !slices.Contains(st.Ours, n) })
	if len(add) > 0 {
		if err := p.keep(st, union(st.Ours, add)); err != nil {
			return err
		}
		if err := f.Add(ctx, add); err != nil {
			return err
		}
	}
	if snap.Active && len(gone) > 0 {
		p.tamper(fmt.Sprintf("%s during the block; %s back", entriesOn(len(gone), st.Account.Kind), itThey(len(gone))))
	}
	if drop := minus(st.Ours, want); len(drop) > 0 {
		if err := f.Remove(ctx, drop); err != nil {
			return err
		}
		if err := p.keep(st, minus(st.Ours, drop)); err != nil {
			return err
		}
	}
	if snap.Active {
		return p.readLog(ctx, f, st, want)
	}
	return nil
}

// keep saves st with ours as the ledger, then makes it the enforcer's.
func (p *phoneEnforcer) keep(st *phoneState, ours []string) error {
	next := *st
	next.Ours = ours
	if err := savePhone(p.path, next); err != nil {
		return fmt.Errorf("the list of what is ours on the filter could not be saved, so the filter was not changed: %w", err)
	}
	*st = next
	p.mu.Lock()
	p.st = next
	p.mu.Unlock()
	return nil
}

// report keeps the outcome for status, and logs a failure once per run of
// failures (never the account or a name above debug).
func (p *phoneEnforcer) report(err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err == nil {
		p.problem, p.failing, p.lastSync = "", false, p.now()
		return
	}
	p.problem = phoneProblem(p.st.Account.Kind, err)
	if !p.failing {
		p.log.Warn("the phone's DNS filter could not be brought in line with the block; retrying", "filter", p.st.Account.Kind, "err", err)
	}
	p.failing = true
}

// phoneProblem is err as the window shows it.
func phoneProblem(kind dnsfilter.Kind, err error) string {
	title := api.FilterKind(kind).Title()
	switch {
	case errors.Is(err, dnsfilter.ErrUnauthorized):
		return title + " refused the key it was given: connect it again with a new one. The block on this computer is unaffected."
	case errors.Is(err, dnsfilter.ErrUnreachable):
		return title + " cannot be reached right now; it is tried again every minute. The block on this computer is unaffected."
	}
	return title + ": " + err.Error() + ". The block on this computer is unaffected."
}

func entriesOn(n int, kind dnsfilter.Kind) string {
	if n == 1 {
		return "an entry of the block was removed from " + api.FilterKind(kind).Title()
	}
	return fmt.Sprintf("%d entries of the block were removed from %s", n, api.FilterKind(kind).Title())
}

func itThey(n int) string {
	if n == 1 {
		return "it is"
	}
	return "they are"
}
