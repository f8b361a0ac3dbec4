package daemon

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/hosts"
	"github.com/nocontact-app/nocontact/blocker/internal/session"
)

// flushTimeout bounds one flush of the resolver caches.
const flushTimeout = 10 * time.Second

// hostsEnforcer keeps the running block's section in the hosts file. Its
// lock serialises every read-modify-write of the file, reads the session
// inside it (so a write never follows an older snapshot than the one
// before it), and guards the last good copy and the last error. The
// resolver caches are flushed by a goroutine of its own after a write,
// outside every lock: a flush may wait seconds on resolvectl or nscd.
type hostsEnforcer struct {
	path    string
	editor  *hosts.Editor
	snap    func() session.Snapshot // the running block, read under mu
	now     func() time.Time
	log     *slog.Logger
	flush   func(context.Context) []hosts.FlushStep
	flushes chan struct{} // a write asks the flusher to run

	mu       sync.Mutex
	err      string // the last failure to write or lift, shown in status
	lastGood []byte // the file as last seen or written intact
}

func newHostsEnforcer(cfg *Config, editor *hosts.Editor, snap func() session.Snapshot) *hostsEnforcer {
	return &hostsEnforcer{path: cfg.HostsFile, editor: editor, snap: snap, now: cfg.Clock.Now, log: cfg.Logger,
		flush: cfg.Flush, flushes: make(chan struct{}, 1)}
}

// apply writes the running block's section if the file differs from it.
// It returns what the file held before and whether it wrote.
func (h *hostsEnforcer) apply() (prev []byte, wrote bool, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	snap := h.snap()
	if !snap.Active {
		return nil, false, nil
	}
	if aside, err := hosts.Reclaim(h.path, h.now()); err != nil {
		return nil, false, h.noteErr(err)
	} else if aside != "" {
		h.log.Warn("a directory stood in place of the hosts file; moved aside", "to", aside)
	}
	prev, err = hosts.ReadFile(h.path)
	if err != nil {
		return nil, false, h.noteErr(err)
	}
	base := prev
	if len(prev) == 0 && h.lastGood != nil {
		base = h.lastGood // deleted or emptied: bring the user's lines back too
	}
	next, changed, err := h.editor.Apply(base, snap.Hostnames)
	if err == nil && !changed && len(prev) > 0 {
		h.lastGood = prev
	}
	if err != nil || (!changed && len(prev) > 0) {
		return prev, false, h.noteErr(err)
	}
	if err := h.write(next); err != nil {
		return prev, false, h.noteErr(err)
	}
	h.lastGood = next
	return prev, true, h.noteErr(nil)
}

// strip lifts the section when no block runs and the state was read.
func (h *hostsEnforcer) strip() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if snap := h.snap(); snap.Active || snap.Broken != nil {
		return nil
	}
	prev, err := hosts.ReadFile(h.path)
	if err != nil {
		return h.noteErr(err)
	}
	if next, changed := h.editor.Strip(prev); changed {
		if err := h.write(next); err != nil {
			return h.noteErr(fmt.Errorf("lifting the block: %w", err))
		}
	}
	return h.noteErr(nil)
}

// write writes the file and asks for the caches to be flushed.
func (h *hostsEnforcer) write(b []byte) error {
	if _, err := hosts.WriteFile(h.path, b); err != nil {
		return err
	}
	select {
	case h.flushes <- struct{}{}:
	default: // one is pending already: it runs after this write
	}
	return nil
}

// runFlusher flushes the resolver caches after each write until ctx ends.
func (h *hostsEnforcer) runFlusher(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-h.flushes:
		}
		fctx, cancel := context.WithTimeout(ctx, flushTimeout)
		for _, step := range h.flush(fctx) {
			if step.Err != nil {
				h.log.Warn("cache flush failed", "cache", step.Cache, "err", step.Err)
			}
		}
		cancel()
	}
}

// noteErr keeps err (or its absence) for the status, and returns it.
// Called under mu, or with it by setErr.
func (h *hostsEnforcer) noteErr(err error) error {
	h.err = ""
	if err != nil {
		h.err = err.Error()
	}
	return err
}

// setErr records err (a failure beside the file: the browsers' lift).
func (h *hostsEnforcer) setErr(err error) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.noteErr(err)
}

// status reads the file and says whether it is as the session wants.
func (h *hostsEnforcer) status() api.HostsStatus {
	hs := api.HostsStatus{Path: h.path}
	h.mu.Lock()
	defer h.mu.Unlock()
	hs.Error = h.err
	content, err := hosts.ReadFile(h.path)
	if err != nil {
		hs.Error = err.Error()
		return hs
	}
	if snap := h.snap(); snap.Active {
		_, changed, err := h.editor.Apply(content, snap.Hostnames)
		if err != nil {
			hs.Error = err.Error() // never reported intact when it cannot be checked
		}
		hs.Intact = err == nil && !changed
	} else {
		hs.Intact = len(h.editor.Section(content)) == 0
	}
	return hs
}
