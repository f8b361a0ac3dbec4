package api

import (
	"fmt"
	"time"
)

// LockMode is how a running session may end early.
type LockMode string

// Lock modes.
const (
	LockCooldown LockMode = "cooldown" // request, wait out a cool-down, confirm within 10 minutes
	LockFriend   LockMode = "friend"   // a code given to a friend ends it
	LockStrict   LockMode = "strict"   // no early end
)

// Lock is chosen when a session starts.
type Lock struct {
	Mode     LockMode `json:"mode"`
	Cooldown Duration `json:"cooldown,omitempty"` // for LockCooldown
}

// Normalize checks the mode and fills in the default mode and cool-down.
func (l *Lock) Normalize() error {
	switch l.Mode {
	case "":
		l.Mode = LockCooldown
		fallthrough
	case LockCooldown:
		if l.Cooldown == 0 {
			l.Cooldown = Duration(DefaultCooldown)
		}
		if c := time.Duration(l.Cooldown); c < MinCooldown || c > MaxCooldown {
			return fmt.Errorf("cool-down %s: choose between 15m and 24h", FormatDuration(c))
		}
	case LockFriend, LockStrict:
		if l.Cooldown != 0 {
			return fmt.Errorf("a cool-down applies to the cooldown lock only, not %q", l.Mode)
		}
	default:
		return fmt.Errorf("lock %q: choose cooldown, friend or strict", l.Mode)
	}
	return nil
}

// AtLeast reports whether l holds a block at least as firmly as o. Strict
// holds firmest; a cool-down holds firmer than a friend's code (the owner
// may have kept the code) and a longer cool-down firmer than a shorter
// one. A scheduled window makes a running block's lock at least its own,
// and the witness calls a state whose lock is not at least the one it
// saw weakened.
func (l Lock) AtLeast(o Lock) bool {
	switch {
	case l.Mode == LockStrict:
		return true
	case o.Mode == LockStrict:
		return false
	case l.Mode == LockCooldown && o.Mode == LockCooldown:
		return l.Cooldown >= o.Cooldown
	case l.Mode == LockCooldown:
		return true // over a friend's code
	}
	return o.Mode == LockFriend
}
