package session

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// witnessRefresh is how old the witness may grow while nothing changes:
// a schedule's last start later than the witness's last write by more than
// this (set to tonight, say) was not saved by the daemon. (An early end
// planted in the past is told by the credited time instead: planted.)
const witnessRefresh = 5 * time.Minute

// restore puts back, from the witness, every term of the running block
// and of each schedule that the state loaded weakens beyond what the time
// since the witness allows, and says each in words. elapsed is the time
// the clocks say has passed since the witness; now and boot are the
// clocks of this start. A witness of an older daemon holds no terms: then
// nothing is put back (disagreements says what it can).
func restore(st *State, hasState bool, w Witness, now time.Time, boot time.Duration, bootID string, elapsed time.Duration) []string {
	out := restoreSchedules(st, w, now)
	b := w.Block
	if b == nil || b.Terms == nil {
		return out
	}
	left := b.Duration - b.Credited - elapsed
	if left <= witnessSlack {
		return out // the witnessed block has ended in time: any state may follow it
	}
	r := st.Session
	if r == nil {
		what := "its block was taken out"
		if !hasState {
			what = "it was deleted"
		}
		back := *b.Terms
		back.Credited = b.Credited + elapsed
		back.Hostnames, back.Paths = slices.Clone(back.Hostnames), slices.Clone(back.Paths)
		st.Session = &back
		st.Wall, st.Boot, st.BootID = now, boot, bootID
		return append(out, fmt.Sprintf("the daemon's state was changed while it was stopped: %s; the block it knew (%s) is back, with %s left",
			what, w.Summary(), api.HumanDuration(left)))
	}
	if !r.Started.Equal(b.Terms.Started) {
		// Another block: a later one saved by a daemon whose witness write
		// failed, or one put in by hand. Neither may weaken the witnessed
		// one: it keeps its own terms and gains the witnessed block's.
		found := restoreTerms(r, b.Terms, b.Credited, false)
		if r.Remaining() < left {
			r.Duration += left - r.Remaining()
			found = append(found, "it ends no sooner than the block the daemon knew")
		}
		if len(found) == 0 {
			return out // a later block at least as strong: nothing was lost
		}
		return append(out, fmt.Sprintf("the daemon's state was changed while it was stopped: its block was replaced by another, weaker than the one it knew (%s); it holds that block's terms now (%s)",
			w.Summary(), strings.Join(found, "; ")))
	}
	found := restoreTerms(r, b.Terms, b.Credited, true)
	if gain := r.Credited - b.Credited; gain > elapsed+witnessSlack {
		r.Credited = b.Credited + elapsed
		st.Wall, st.Boot, st.BootID = now, boot, bootID
		found = append(found, fmt.Sprintf("its credited time was raised by %s more than the clocks allow; the clocks' count holds", api.HumanDuration(gain-elapsed)))
	}
	if len(wallDisagreements(*st, w, now)) > 0 { // said by disagreements: the next credit counts from now
		r.Credited = b.Credited + elapsed
		st.Wall, st.Boot, st.BootID = now, boot, bootID
	}
	return append(out, prefixed(found)...)
}

// restoreTerms puts back each term of the same block that the state
// weakened, and says what it put back; credited is the witness's credit.
// For another block than the witnessed (same false) its length, early end
// and count of wrong codes are its own.
func restoreTerms(r, t *Record, credited time.Duration, same bool) []string {
	var out []string
	if same && r.Duration < t.Duration {
		out = append(out, fmt.Sprintf("its length was cut from %s to %s; it is %s again", api.HumanDuration(t.Duration), api.HumanDuration(r.Duration), api.HumanDuration(t.Duration)))
		r.Duration = t.Duration
	}
	if gone := missing(r.Hostnames, t.Hostnames); len(gone) > 0 {
		out = append(out, fmt.Sprintf("%d of its sites were taken out or replaced; they are blocked again", len(gone)))
		r.Hostnames = merge(r.Hostnames, gone)
	}
	if gone := missing(r.Paths, t.Paths); len(gone) > 0 {
		out = append(out, fmt.Sprintf("%d of its profile pages were taken out or replaced; they are blocked again", len(gone)))
		r.Paths = merge(r.Paths, gone)
	}
	codeSwapped := r.Lock.Mode == api.LockFriend && t.Lock.Mode == api.LockFriend && (!bytes.Equal(r.FriendSalt, t.FriendSalt) || !bytes.Equal(r.FriendHash, t.FriendHash))
	if !r.Lock.AtLeast(t.Lock) || codeSwapped {
		what := fmt.Sprintf("its lock was changed from %s to %s", lockWords(t.Lock), lockWords(r.Lock))
		if codeSwapped {
			what = "its friend's code was replaced by another"
		}
		out = append(out, what+"; the lock it had holds again")
		r.Lock, r.FriendSalt, r.FriendHash = t.Lock, t.FriendSalt, t.FriendHash
	}
	if same && (r.WrongCodes < t.WrongCodes || r.RetryAfterCredited < t.RetryAfterCredited) {
		out = append(out, "its count of wrong friend's codes was reset; the count holds again")
		r.WrongCodes, r.RetryAfterCredited = max(r.WrongCodes, t.WrongCodes), max(r.RetryAfterCredited, t.RetryAfterCredited)
	}
	if t.ClosePrivate && !r.ClosePrivate {
		out = append(out, "private windows were opened again; they are closed again")
		r.ClosePrivate = true
	}
	if same && planted(r.UnlockRequestedAt, t.UnlockRequestedAt, credited) {
		out = append(out, "an early end was written into it that was never asked for (or asked for earlier than it was); it is withdrawn")
		r.UnlockRequestedAt, r.UnlockWall = t.UnlockRequestedAt, t.UnlockWall
	}
	return out
}

// planted reports whether the state's early-end request (at, credited
// time) differs from the witness's (was) and dates from before the
// witness: an honest request made since is at or after its credit.
func planted(at, was *time.Duration, witnessCredited time.Duration) bool {
	switch {
	case at == nil:
		return false // none: at most withdrawn, which only tightens
	case was != nil && *at >= *was:
		return false
	}
	return *at < witnessCredited-witnessSlack || was != nil
}

// restoreSchedules puts back each schedule the witness knew that the
// state lost or weakened: taken out without its 24 hours' wait, its terms
// changed, its removal brought forward, or its last start moved later
// than the daemon saved it (which skips a window).
func restoreSchedules(st *State, w Witness, now time.Time) []string {
	var out []string
	if len(w.Records) > 0 {
		// Schedules the witness never saw were put in while the daemon was
		// stopped (adding one is a change the witness follows): they go,
		// so that they cannot take the place of the witnessed ones.
		n := len(st.Schedules)
		st.Schedules = slices.DeleteFunc(st.Schedules, func(s ScheduleRecord) bool { return !slices.Contains(w.Schedules, s.ID) })
		if gone := n - len(st.Schedules); gone > 0 {
			out = append(out, fmt.Sprintf("%d schedules the daemon never saved were written into it; they are taken out", gone))
		}
	}
	for _, was := range w.Records {
		i := slices.IndexFunc(st.Schedules, func(s ScheduleRecord) bool { return s.ID == was.ID })
		if i < 0 && was.RemoveAt != nil && !now.Before(*was.RemoveAt) {
			continue // its removal came due: gone as asked
		}
		if i < 0 {
			st.Schedules = append(st.Schedules, was)
			out = append(out, fmt.Sprintf("the schedule %s was taken out without the 24 hours' wait; it is back", was.Text()))
			continue
		}
		s := &st.Schedules[i]
		var what []string
		if !sameSchedule(s.Schedule, was.Schedule) || !s.Lock.AtLeast(was.Lock) || s.Lock.Cooldown != was.Lock.Cooldown {
			what = append(what, "its days, hours, sites, lock or private windows were changed")
		}
		if s.RemoveAt != nil && (was.RemoveAt == nil || s.RemoveAt.Before(*was.RemoveAt)) && s.RemoveAt.Before(w.Wall.Add(api.LoosenDelay-witnessSlack)) {
			what = append(what, "its removal was brought forward")
		}
		if s.LastStart.After(was.LastStart) && s.LastStart.After(w.Wall.Add(witnessRefresh+witnessSlack)) {
			what = append(what, "its last start was moved to "+s.LastStart.Format("Mon 2 Jan 15:04")+", which would skip its window")
		}
		if len(what) > 0 {
			*s = was
			out = append(out, fmt.Sprintf("the schedule %s was changed (%s); it is as it was", was.Text(), strings.Join(what, "; ")))
		}
	}
	return prefixed(out)
}
