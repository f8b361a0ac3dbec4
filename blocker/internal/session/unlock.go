package session

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"strings"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// Unlock performs an early-end action on the running session as its lock
// allows, and reports whether the session ended.
func (m *Manager) Unlock(action api.UnlockAction, code string) (ended bool, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	tx := m.b.begin()
	defer tx.end()
	r, err := m.b.running()
	if err != nil {
		return false, err
	}
	switch r.Lock.Mode {
	case api.LockStrict:
		return false, api.Errorf(api.CodeLocked, "this block has a strict lock and cannot end early: %s left", api.HumanDuration(r.Remaining()))
	case api.LockFriend:
		ended, err = m.b.friend(r, action, code)
	default:
		ended, err = m.b.cooldown(r, action)
	}
	if ended {
		m.b.st.Session = nil
	}
	if serr := tx.commit(); serr != nil {
		// Undo the unlock step, but keep the count of wrong codes: a full
		// disk must not reset the friend lock's rate limit.
		wrong, retry := r.WrongCodes, r.RetryAfterCredited
		tx.end()
		if s := m.b.st.Session; s != nil {
			s.WrongCodes, s.RetryAfterCredited = wrong, retry
		}
		return false, serr
	}
	return ended, err
}

func (b *book) cooldown(r *Record, action api.UnlockAction) (bool, error) {
	switch action {
	case api.UnlockRequest:
		if r.UnlockRequestedAt == nil {
			at := r.Credited
			r.UnlockRequestedAt, r.UnlockWall = &at, b.clock.Now()
		}
		return false, nil
	case api.UnlockCancel:
		if r.UnlockRequestedAt == nil {
			return false, api.Errorf(api.CodeInvalid, "no early end was requested")
		}
		r.UnlockRequestedAt, r.UnlockWall = nil, time.Time{}
		return false, nil
	case api.UnlockConfirm:
		if r.UnlockRequestedAt == nil {
			return false, api.Errorf(api.CodeLocked, "request the early end first; then wait out the %s cool-down", api.HumanDuration(time.Duration(r.Lock.Cooldown)))
		}
		if left := *r.UnlockRequestedAt + time.Duration(r.Lock.Cooldown) - r.Credited; left > 0 {
			return false, api.Errorf(api.CodeLocked, "the cool-down has %s left", api.HumanDuration(left))
		}
		return true, nil
	}
	return false, badAction(action)
}

// Friend codes: wrong ones cost waiting time, doubling from a minute after
// the third, up to an hour.
const (
	freeWrongCodes = 3
	maxCodeWait    = time.Hour
	codeAlphabet   = "ABCDEFGHJKMNPQRSTUVWXYZ23456789" // no 0/O, 1/I/L
	codeLen        = 10
)

func (b *book) friend(r *Record, action api.UnlockAction, code string) (bool, error) {
	switch action {
	case api.UnlockRequest, api.UnlockCancel:
		return false, api.Errorf(api.CodeLocked, "this block ends early only with your friend's code: type it to confirm")
	case api.UnlockConfirm:
	default:
		return false, badAction(action)
	}
	if wait := r.RetryAfterCredited - r.Credited; wait > 0 {
		return false, api.Errorf(api.CodeRateLimited, "too many wrong codes: try again in %s", api.HumanDuration(wait.Round(time.Second)))
	}
	if subtle.ConstantTimeCompare(hashCode(r.FriendSalt, code), r.FriendHash) == 1 {
		return true, nil
	}
	r.WrongCodes++
	if n := r.WrongCodes - freeWrongCodes; n >= 0 {
		r.RetryAfterCredited = r.Credited + min(maxCodeWait, time.Minute<<min(n, 10))
	}
	return false, api.Errorf(api.CodeWrongCode, "that is not your friend's code: check it with them and type it again")
}

func badAction(action api.UnlockAction) error {
	return api.Errorf(api.CodeInvalid, "action %q: use request, cancel or confirm", action)
}

// unlockStatus describes where an early end stands.
func (r *Record) unlockStatus() api.UnlockStatus {
	var u api.UnlockStatus
	if r.Lock.Mode == api.LockFriend && r.RetryAfterCredited > r.Credited {
		u.RetryIn = api.Duration(r.RetryAfterCredited - r.Credited)
	}
	if r.UnlockRequestedAt == nil {
		return u
	}
	wall := r.UnlockWall
	u.RequestedAt = &wall
	ready := *r.UnlockRequestedAt + time.Duration(r.Lock.Cooldown)
	if r.Credited < ready {
		u.State, u.ReadyIn = api.UnlockWaiting, api.Duration(ready-r.Credited)
	} else {
		u.State, u.ExpiresIn = api.UnlockReady, api.Duration(ready+api.ConfirmWindow-r.Credited)
	}
	return u
}

// newFriendCode returns a random code to show once, and its salt and hash
// to store.
func newFriendCode(randSrc func([]byte) error) (code string, salt, hash []byte, err error) {
	buf := make([]byte, codeLen+16)
	if err := randSrc(buf); err != nil {
		return "", nil, nil, fmt.Errorf("session: friend code: %w", err)
	}
	var b strings.Builder
	for i, c := range buf[:codeLen] {
		if i == codeLen/2 {
			b.WriteByte('-')
		}
		b.WriteByte(codeAlphabet[int(c)%len(codeAlphabet)])
	}
	salt = buf[codeLen:]
	return b.String(), salt, hashCode(salt, b.String()), nil
}

// hashCode hashes a code as typed: case, spaces and dashes do not matter.
func hashCode(salt []byte, code string) []byte {
	norm := strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return -1
		}
		return r
	}, strings.ToUpper(strings.TrimSpace(code)))
	h := sha256.New()
	h.Write(salt)
	h.Write([]byte(norm))
	return h.Sum(nil)
}

func cryptoRand(b []byte) error {
	_, err := rand.Read(b)
	return err
}
