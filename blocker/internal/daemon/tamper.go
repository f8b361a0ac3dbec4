package daemon

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/atomicfile"
	"github.com/nocontact-app/nocontact/blocker/internal/hosts"
	"github.com/nocontact-app/nocontact/blocker/internal/session"
)

// tamperWatch notices and records tampering with the block: a restored
// file, a file that cannot be restored, ways around the intact section,
// what happened while the daemon was not running. Its lock guards what it
// last found, for the status; no I/O runs under it.
type tamperWatch struct {
	cfg    *Config
	editor *hosts.Editor
	mgr    *session.Manager
	record func(api.Event) api.Event

	mu         sync.Mutex
	lastTamper *time.Time
	bypasses   []string               // ways around the intact section, last audited
	unwritable string                 // why a tampered file could not be restored, once recorded
	firstModes map[string]fs.FileMode // modes of the resolver's files first seen
	firstACLs  map[string]string      // owner and access list first seen, where the system has them
}

// status fills in what the watch knows of the hosts file.
func (t *tamperWatch) status(hs *api.HostsStatus) {
	t.mu.Lock()
	defer t.mu.Unlock()
	hs.LastTamper, hs.Bypasses = t.lastTamper, t.bypasses
}

// note records a tamper event and remembers when, for the status.
func (t *tamperWatch) note(detail string) {
	now := t.cfg.Clock.Now()
	t.mu.Lock()
	t.lastTamper = &now
	t.mu.Unlock()
	t.cfg.Logger.Warn("block tampered with", "how", detail)
	t.record(api.Event{Kind: api.EventTamper, Detail: detail})
}

// noteUnwritable records, once per reason, that the hosts file differs
// from the session's and cannot be written: an immutable flag, a read-only
// mount, a directory in its place. Root did that; it is tamper.
func (t *tamperWatch) noteUnwritable(err error) {
	why := ""
	if err != nil {
		why = unwritableReason(err)
	}
	t.mu.Lock()
	same := why == t.unwritable
	t.unwritable = why
	t.mu.Unlock()
	if !same && why != "" {
		t.note("the hosts file was changed and cannot be restored: " + why)
	}
}

// unwritableReason says in words why the hosts file cannot be written.
func unwritableReason(err error) string {
	switch {
	case deniedHint(err) != "":
		return deniedHint(err)
	case errors.Is(err, syscall.EPERM):
		return "it is marked immutable (chattr +i) or otherwise locked"
	case errors.Is(err, syscall.EROFS):
		return "its file system is mounted read-only"
	case errors.Is(err, syscall.EISDIR):
		return "a directory stands in its place"
	case errors.Is(err, syscall.ENOSPC):
		return "the disk is full"
	}
	return err.Error()
}

// audit looks for ways around the intact section and records each new one
// as tamper; the current list is shown in status.
func (t *tamperWatch) audit() {
	names := t.mgr.Snapshot().Hostnames
	var found []string
	if names != nil {
		content, _ := atomicfile.ReadRegular(t.cfg.HostsFile) // never blocks on a FIFO
		nss, _ := atomicfile.ReadRegular(t.cfg.NSSwitch)
		hc, _ := atomicfile.ReadRegular(t.cfg.HostConf)
		found = t.editor.Audit(content, nss, hc, names)
		if t.cfg.HostsFile == hosts.DefaultPath && len(names) > 0 {
			found = append(found, t.lookupFinding(names[0])...)
		}
	}
	t.mu.Lock()
	old := t.bypasses
	t.bypasses = found
	t.mu.Unlock()
	for _, f := range found {
		if !slices.Contains(old, f) {
			t.note(f)
		}
	}
}

// lookupFinding is what a lookup of name as the owner says of the block:
// a finding, none, or, when it learnt nothing (no answer in time), the
// finding of the last audit, so that a slow DNS neither clears nor repeats
// it.
func (t *tamperWatch) lookupFinding(name string) []string {
	answer, f := lookupAsOwner(t.cfg.OwnerUID, name, t.cfg.Sinkhole.String())
	switch answer {
	case lookupBypassed:
		return []string{f}
	case lookupUnknown:
		t.mu.Lock()
		defer t.mu.Unlock()
		var kept []string
		for _, b := range t.bypasses {
			if strings.HasPrefix(b, lookupFindingPrefix) {
				kept = append(kept, b)
			}
		}
		return kept
	}
	return nil
}
