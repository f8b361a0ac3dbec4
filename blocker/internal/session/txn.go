package session

import (
	"errors"
	"slices"
	"syscall"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// txn is one change of the state: time credited first, then the
// caller's change, kept only if it is saved. When the state cannot be
// written (a full disk, a read-only state directory) everything is put
// back, the credit too, so the daemon never runs ahead of what a restart
// would find: a credit kept in memory but not on disk would let a wall
// clock set forward and a reboot credit the same time twice.
type txn struct {
	b       *book
	before  State
	expired bool // the session ran out while crediting (that end is saved)
	done    bool
}

// begin snapshots the state and credits elapsed time.
func (b *book) begin() *txn {
	tx := &txn{b: b, before: b.snapshot()}
	tx.expired = b.credit()
	tx.done = tx.expired
	return tx
}

// commit saves the state, or says in words why it could not.
func (tx *txn) commit() error {
	err := tx.b.save()
	if err == nil {
		tx.done = true
		return nil
	}
	why := "the daemon could not write its state"
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		why = "the disk holding the daemon's state is full"
	}
	return api.Errorf(api.CodeNotSaved, "%s, so nothing was changed; free some space and try again (%v)", why, err)
}

// end puts the state back unless it was saved.
func (tx *txn) end() {
	if !tx.done {
		tx.b.st, tx.done = tx.before, true
		tx.b.dropNotes()
	}
}

// snapshot copies the state deeply enough to put it back.
func (b *book) snapshot() State {
	st := b.st
	if r := b.st.Session; r != nil {
		c := *r
		c.Hostnames, c.Paths = slices.Clone(r.Hostnames), slices.Clone(r.Paths)
		st.Session = &c
	}
	st.Schedules = slices.Clone(b.st.Schedules) // their fields are replaced, never changed in place
	return st
}
