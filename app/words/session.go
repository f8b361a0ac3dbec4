package words

import (
	"fmt"
	"strings"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// NoBlock is what Short says when no block runs.
const NoBlock = "No block running"

// Session is a running block in the one line a person reads at a glance:
// "Blocking 14 sites · 18 d 4 h left · lock: cool-down 30 min". A nil
// session reads "No block running."
func Session(s *api.Session) string {
	if s == nil {
		return NoBlock + "."
	}
	return Short(s) + " · lock: " + Lock(s.Lock)
}

// Short is what is blocked and how long is left, for a menu: "Blocking 8
// sites · 29 d left"; a nil session reads "No block running".
func Short(s *api.Session) string {
	if s == nil {
		return NoBlock
	}
	var what []string
	if n := len(s.Hostnames); n > 0 {
		what = append(what, count(n, "site"))
	}
	if n := len(s.Paths); n > 0 {
		what = append(what, count(n, "profile page"))
	}
	return fmt.Sprintf("Blocking %s · %s left", strings.Join(what, " and "), api.HumanDuration(time.Duration(s.Remaining)))
}

// Lock names a lock for people: "cool-down 30 min", "friend's code",
// "strict".
func Lock(l api.Lock) string {
	switch l.Mode {
	case api.LockFriend:
		return "friend's code"
	case api.LockStrict:
		return "strict"
	}
	return "cool-down " + api.HumanDuration(time.Duration(l.Cooldown))
}

// Private says what a block does to private (incognito) windows.
func Private(s *api.Session) string {
	if s.ClosePrivate {
		return "Private windows: closed in your browsers during the block"
	}
	return "Private windows: open (they " + PrivateKeepsBlock + ")"
}

// PrivateKeepsBlock is why private windows are closed by default: they
// hold the block, but the rest of No Contact does not reach them.
const PrivateKeepsBlock = "keep the block, but show no passage and count no attempt"

// CooldownLeft is the time left in a cool-down: "Cool-down: 29 min left".
func CooldownLeft(d time.Duration) string {
	return "Cool-down: " + api.HumanDuration(d) + " left"
}

// count writes "1 site", "3 sites".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
