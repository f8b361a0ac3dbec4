package words

import (
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// LongBlock is the length from which a block asks once before it starts.
const LongBlock = 7 * api.Day

// AsksFirst reports whether starting a block with lock mode m for d asks
// once before it starts: a strict block, or one of LongBlock or more.
func AsksFirst(m api.LockMode, d time.Duration) bool {
	return m == api.LockStrict || d >= LongBlock
}

// Weight says in one sentence what starting a block with lock l that
// ends at end means, for the question asked before it starts:
// "No early end until Sat 4 Jan 22:00." A strict block's adds the way out
// of a block that got stuck (StuckWayOut).
func Weight(l api.Lock, end time.Time) string {
	until := Moment(end)
	switch l.Mode {
	case api.LockStrict:
		return "No early end until " + until + ". " + StuckWayOut
	case api.LockFriend:
		return "This block runs until " + until + ", and only the code you give a friend can end it early."
	}
	c := time.Duration(l.Cooldown)
	if c == 0 {
		c = api.DefaultCooldown
	}
	return "This block runs until " + until + "; ending early takes a cool-down of " + api.HumanDuration(c) + ", then a confirmation."
}

// ExtendForGood is said before a block is made 24 hours longer.
const ExtendForGood = "The block will end 24 hours later. This cannot be undone: a block only gets stronger while it runs."
