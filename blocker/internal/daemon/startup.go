package daemon

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/hosts"
	"github.com/nocontact-app/nocontact/blocker/internal/session"
)

// What the daemon finds at start, and what it watches beside the hosts file.

// noteAbsence records, at start during a block, what happened while the
// daemon was not running: the section taken out of the hosts file (put
// back now), a long absence in the same boot (the service stopped,
// disabled or masked), and a boot ID that changed although the boot
// clock went on counting (a fake boot_id, which would make the gap count
// as a reboot). removed says the section was missing at start.
func (t *tamperWatch) noteAbsence(removed bool) {
	last, lastBoot, bootID := t.mgr.LastSeen()
	if last.IsZero() {
		return
	}
	now, boot, id := t.cfg.Clock.Now(), t.cfg.Clock.Boottime(), t.cfg.Clock.BootID()
	away := now.Sub(last)
	// A real reboot came after the last credit, so its boot clock is below
	// the time since: one that went on from the last credit was not one.
	if id != bootID && lastBoot > 0 && boot > away && boot >= lastBoot+away-time.Minute {
		t.note(fmt.Sprintf("the boot ID changed while nocontactd was not running, but the boot clock went on counting (%s since the last credit): not a reboot", api.HumanDuration(boot-lastBoot)))
	}
	found := "the block stayed in place"
	if removed {
		found = "meanwhile the block was taken out of the hosts file; it is back now"
	}
	switch {
	case id == bootID && boot-lastBoot >= 2*t.cfg.CreditEvery+time.Minute: // by the boot clock: a wall clock step is not an absence
		t.note(fmt.Sprintf("nocontactd was not running for %s while the computer was on (the service stopped, disabled or masked); %s", api.HumanDuration(boot-lastBoot), found))
	case removed:
		t.note("the block was taken out of the hosts file while nocontactd was not running; it is back now")
	}
}

// noteStateLoss records, at start, a block whose state was deleted: no
// state file, yet a section in the hosts file. The block is lifted (there
// is no session to say for how long), but never silently.
func (t *tamperWatch) noteStateLoss() {
	if session.HasState(t.cfg.StateDir) || len(t.mgr.Disagreements()) > 0 { // the witness said it already
		return
	}
	content, err := hosts.ReadFile(t.cfg.HostsFile)
	if err == nil && len(t.editor.Section(content)) > 0 {
		t.note("the daemon's state was deleted while a block was in place; the block is lifted")
	}
}

// checkWitness logs what the last run knew, and records each way the
// state loaded weakens the block beyond what that and the clocks allow
// (edited or deleted while the daemon was stopped). A session that then
// ends early is recorded as tampered with, not as expired.
func (t *tamperWatch) checkWitness() {
	if w, ok := t.mgr.LastKnown(); ok {
		t.cfg.Logger.Info("at its last save the daemon knew: " + w.Summary())
	}
	found := t.mgr.Disagreements()
	for _, f := range found {
		if !t.mgr.Snapshot().Active {
			f += "; the block is lifted, as the state no longer holds its names"
		}
		t.note(f)
	}
}

// resolverFilesBeside names the resolver files the audit reads that sit in
// the hosts file's directory: a change to them calls for a check too.
func resolverFilesBeside(cfg *Config) []string {
	var out []string
	for _, f := range []string{cfg.NSSwitch, cfg.HostConf} {
		if filepath.Dir(f) == filepath.Dir(cfg.HostsFile) {
			out = append(out, filepath.Base(f))
		}
	}
	return out
}
