package daemon

import (
	"errors"
	"slices"
	"strings"
	"syscall"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/atomicfile"
	"github.com/nocontact-app/nocontact/blocker/internal/hosts"
)

// guardCheck restores the section if it differs from the session's and
// records how it had been tampered with, or why it could not be restored;
// then it audits the resolver for ways around the section.
func (d *Daemon) guardCheck() (bool, error) {
	defer d.checks.Add(1)
	waitIfEmpty(d.cfg.HostsFile)
	d.opMu.Lock()
	d.openHostsFile()
	kind := hostsKind(d.cfg.HostsFile)
	prev, restored, err := d.enforceFrom()
	d.enforceBrowsers(d.runCtx)
	d.opMu.Unlock()
	d.audit()
	if err != nil && d.mgr.Snapshot().Active {
		d.noteUnwritable(err)
	}
	if !restored {
		return false, err
	}
	d.noteUnwritable(nil)
	d.noteTamper(d.tamperDetail(prev, kind))
	return true, err
}

// noteTamper records a tamper event and remembers when, for the status.
func (d *Daemon) noteTamper(detail string) {
	now := d.cfg.Clock.Now()
	d.mu.Lock()
	d.lastTamper = &now
	d.mu.Unlock()
	d.log.Warn("block tampered with", "how", detail)
	d.record(api.Event{Kind: api.EventTamper, Detail: detail})
}

// noteUnwritable records, once per reason, that the hosts file differs
// from the session's and cannot be written: an immutable flag, a read-only
// mount, a directory in its place. Root did that; it is tamper.
func (d *Daemon) noteUnwritable(err error) {
	why := ""
	if err != nil {
		why = unwritableReason(err)
	}
	d.mu.Lock()
	same := why == d.unwritable
	d.unwritable = why
	d.mu.Unlock()
	if !same && why != "" {
		d.noteTamper("the hosts file was changed and cannot be restored: " + why)
	}
}

// unwritableReason says in words why the hosts file cannot be written.
func unwritableReason(err error) string {
	switch {
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
func (d *Daemon) audit() {
	names := d.mgr.Snapshot().Hostnames
	var found []string
	if names != nil {
		content, _ := atomicfile.ReadRegular(d.cfg.HostsFile) // never blocks on a FIFO
		nss, _ := atomicfile.ReadRegular(d.cfg.NSSwitch)
		hc, _ := atomicfile.ReadRegular(d.cfg.HostConf)
		found = d.editor.Audit(content, nss, hc, names)
		if d.cfg.HostsFile == hosts.DefaultPath && len(names) > 0 {
			found = append(found, d.lookupFinding(names[0])...)
		}
	}
	d.mu.Lock()
	old := d.bypasses
	d.bypasses = found
	d.mu.Unlock()
	for _, f := range found {
		if !slices.Contains(old, f) {
			d.noteTamper(f)
		}
	}
}

// lookupFinding is what a lookup of name as the owner says of the block:
// a finding, none, or, when it learnt nothing (no answer in time), the
// finding of the last audit, so that a slow DNS neither clears nor repeats
// it.
func (d *Daemon) lookupFinding(name string) []string {
	answer, f := lookupAsOwner(d.cfg.OwnerUID, name, d.cfg.Sinkhole.String())
	switch answer {
	case lookupBypassed:
		return []string{f}
	case lookupUnknown:
		d.mu.Lock()
		defer d.mu.Unlock()
		var kept []string
		for _, b := range d.bypasses {
			if strings.HasPrefix(b, lookupFindingPrefix) {
				kept = append(kept, b)
			}
		}
		return kept
	}
	return nil
}
