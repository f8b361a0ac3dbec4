package session

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// The witness is a copy of what the state said at its last save, kept
// beside the state directory, not in it (/var/lib/nocontact.witness for
// /var/lib/nocontact): a state edited or deleted while the daemon was
// stopped then shows at the next start, in words, and every term of the
// block and of each schedule that the edit weakened is put back from the
// copy (restore). Root can edit both; the point is that ending a block
// early takes deliberate work on two files, and that a careless edit is
// recorded and undone. The witness holds the same names as the state,
// with the same mode (0600, root's).

// witnessSlack is how far the state may honestly run ahead of the witness
// (a crash between the two writes) or the clocks disagree.
const witnessSlack = 2 * time.Minute

// Witness is the copy.
type Witness struct {
	Wall   time.Time     `json:"wall"`
	Boot   time.Duration `json:"boot_ns"`
	BootID string        `json:"boot_id"`
	Block  *WitnessBlock `json:"block,omitempty"`
	// Schedules are the schedules' IDs: one gone at start was deleted
	// without its 24 hours' wait.
	Schedules []string `json:"schedules,omitempty"`
	// Records are the schedules' terms, as saved (none in a witness of a
	// daemon before round four: only the IDs are compared then).
	Records []ScheduleRecord `json:"schedule_records,omitempty"`
}

// WitnessBlock is what the witness keeps of a running block: its clocks,
// its counts, and (Terms) its whole record but the credit.
type WitnessBlock struct {
	Started  time.Time     `json:"started"`
	Duration time.Duration `json:"duration_ns"`
	Credited time.Duration `json:"credited_ns"`
	Lock     api.LockMode  `json:"lock"`
	Names    int           `json:"names"`
	Paths    int           `json:"paths"`
	// Terms is the block's record but its credited time (nil in a witness
	// of a daemon before round four).
	Terms *Record `json:"terms,omitempty"`
}

// witnessOf is the witness of a state.
func witnessOf(st State) Witness {
	w := Witness{Wall: st.Wall, Boot: st.Boot, BootID: st.BootID}
	for _, s := range st.Schedules {
		w.Schedules = append(w.Schedules, s.ID)
	}
	w.Records = slices.Clone(st.Schedules)
	if r := st.Session; r != nil {
		terms := *r
		terms.Credited = 0
		w.Block = &WitnessBlock{Started: r.Started, Duration: r.Duration, Credited: r.Credited, Lock: r.Lock.Mode,
			Names: len(r.Hostnames), Paths: len(r.Paths), Terms: &terms}
	}
	return w
}

// witnessPath is where the witness of the state in dir is kept.
func witnessPath(dir string) string {
	dir = filepath.Clean(dir)
	return filepath.Join(filepath.Dir(dir), filepath.Base(dir)+".witness")
}

// readWitness reads the witness beside dir; ok is false when there is
// none (a first start, or one deleted) or it cannot be read.
func readWitness(dir string) (w Witness, ok bool) {
	b, err := os.ReadFile(witnessPath(dir))
	if err != nil || json.Unmarshal(b, &w) != nil {
		return Witness{}, false
	}
	return w, true
}

// Summary says what the witness knew, for the log at start.
func (w Witness) Summary() string {
	if w.Block == nil {
		return "no block was running"
	}
	return fmt.Sprintf("a %s block of %s, %s credited (at %s)", w.Block.Lock, api.HumanDuration(w.Block.Duration),
		api.HumanDuration(w.Block.Credited), w.Wall.Format(time.RFC3339))
}

// disagreements compares a state just loaded with the witness of the last
// save and says, in words, each way the state weakens the block beyond
// what the time since then allows. hasState is false when no state file
// was found at all. now and boot are the clocks at the start.
func disagreements(st State, hasState bool, w Witness, now time.Time, boot time.Duration, bootID string) []string {
	var out []string
	if w.Records == nil {
		out = scheduleDisagreements(st, w) // restore compares the records
	}
	b := w.Block
	if b == nil {
		return out
	}
	elapsed := elapsedSince(w, now, boot, bootID)
	left := b.Duration - b.Credited - elapsed
	r := st.Session
	switch {
	case b.Terms != nil && (r == nil || !r.Started.Equal(b.Started)):
		return out // restore puts the block back, and says so
	case r == nil && left > witnessSlack && !hasState:
		return append(out, fmt.Sprintf("the daemon's state was deleted while it was stopped; when it last ran it knew %s, about %s left", w.Summary(), api.HumanDuration(left)))
	case r == nil && left > witnessSlack:
		return append(out, fmt.Sprintf("the daemon's state was changed while it was stopped: it holds no block, but when the daemon last ran it knew %s, about %s left", w.Summary(), api.HumanDuration(left)))
	case r == nil:
		return out // ended in time
	case !r.Started.Equal(b.Started) && left > witnessSlack:
		return append(out, fmt.Sprintf("the daemon's state was changed while it was stopped: its block was replaced by another, but when the daemon last ran it knew %s, about %s left", w.Summary(), api.HumanDuration(left)))
	case !r.Started.Equal(b.Started):
		return out // a later block
	}
	if b.Terms != nil { // restore compares the terms, and puts them back
		return append(out, prefixed(wallDisagreements(st, w, now))...)
	}
	return append(out, prefixed(append(wallDisagreements(st, w, now), blockDisagreements(st, w, elapsed)...))...)
}

// wallDisagreements says how the wall clock of the state's last credit
// was moved: back, it would count as time served; forward, it would hide
// time.
func wallDisagreements(st State, w Witness, now time.Time) []string {
	switch {
	case st.Wall.Before(w.Wall.Add(-witnessSlack)):
		return []string{fmt.Sprintf("the time of its last credit was moved back by %s, which would count as time served", api.HumanDuration(w.Wall.Sub(st.Wall)))}
	case st.Wall.After(now.Add(witnessSlack)):
		return []string{fmt.Sprintf("the time of its last credit was moved %s into the future", api.HumanDuration(st.Wall.Sub(now)))}
	}
	return nil
}

// prefixed says each finding as a change of the state while the daemon
// was stopped.
func prefixed(found []string) []string {
	for i, s := range found {
		found[i] = "the daemon's state was changed while it was stopped: " + s
	}
	return found
}

// scheduleDisagreements reports schedules gone from the state that the
// witness knew: removing one takes 24 hours, and it is dropped at a credit
// the witness sees.
func scheduleDisagreements(st State, w Witness) []string {
	gone := 0
	for _, id := range w.Schedules {
		if !slices.ContainsFunc(st.Schedules, func(s ScheduleRecord) bool { return s.ID == id }) {
			gone++
		}
	}
	if gone == 0 {
		return nil
	}
	return []string{fmt.Sprintf("the daemon's state was changed while it was stopped: %d of its schedules were taken out without the 24 hours' wait", gone)}
}

// blockDisagreements compares the same block in the state and witness.
// The credit it allows is what the clocks of this start say has passed
// since the witness (elapsed), never what the state itself claims.
func blockDisagreements(st State, w Witness, elapsed time.Duration) []string {
	r, b := st.Session, w.Block
	var out []string
	if gain := r.Credited - b.Credited; gain > elapsed+witnessSlack {
		out = append(out, fmt.Sprintf("its credited time was raised from %s to %s, %s more than the clock allows",
			api.HumanDuration(b.Credited), api.HumanDuration(r.Credited), api.HumanDuration(gain-elapsed)))
	}
	if r.Duration < b.Duration {
		out = append(out, fmt.Sprintf("its length was cut from %s to %s", api.HumanDuration(b.Duration), api.HumanDuration(r.Duration)))
	}
	if !r.Lock.AtLeast(api.Lock{Mode: b.Lock}) {
		out = append(out, fmt.Sprintf("its lock was changed from %s to %s", b.Lock, r.Lock.Mode))
	}
	if len(r.Hostnames) < b.Names || len(r.Paths) < b.Paths {
		out = append(out, "names were taken out of it")
	}
	return out
}

// elapsedSince is the time that can be credited since the witness: by
// the boot clock in the same boot, else by the wall clock.
func elapsedSince(w Witness, now time.Time, boot time.Duration, bootID string) time.Duration {
	if bootID == w.BootID && bootID != "" {
		return max(boot-w.Boot, 0)
	}
	return max(now.Sub(w.Wall), 0)
}
