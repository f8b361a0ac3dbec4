// Package tray is the tray's menu model: what the quick check shows for a
// status, which icon, and when a new pop-up may open. It is pure (no tray
// library), so every state is tested headless; the nocontact-tray binary
// applies it with fyne.io/systray.
package tray

import (
	"errors"
	"fmt"
	"time"

	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/content/attempt"
)

// State is everything the menu is made from.
type State struct {
	Status    *api.Status // nil when the daemon is unreachable
	DaemonErr error
	DaysClean int  // days without contact
	HasDay    bool // the day of last contact is known
	// Visits are the daemon's visit events, oldest first: the last attempt
	// and today's count come from them as the pop-up's do
	// (content/attempt).
	Visits      []api.Event
	Now         time.Time
	HasProfiles bool
	// KeepFailed says why the last "Keep the block" did not work.
	KeepFailed string
}

// Item is one menu entry.
type Item struct {
	ID      string
	Label   string
	Enabled bool
}

// Item IDs.
const (
	IDDay, IDBlock, IDHosts, IDLast        = "day", "block", "hosts", "last"
	IDStart24h, IDStartLonger              = "start-24h", "start-longer"
	IDExtend, IDEnd, IDOpen, IDRead, IDSet = "extend", "end", "open", "read", "setup"
	IDKeep, IDQuit, IDNext                 = "keep", "quit", "next"
)

// Icons.
const (
	IconBlocking = "blocking"
	IconIdle     = "idle"
	IconProblem  = "problem"
)

// Menu returns the menu for s, top to bottom. Informational lines are
// disabled items.
func Menu(s State) []Item {
	items := []Item{{ID: IDDay, Label: dayLabel(s)}}
	if s.Status == nil {
		return append(items,
			Item{ID: IDBlock, Label: words.NotSetUp + " (the daemon is not running)"},
			Item{ID: IDSet, Label: "Set up blocking…", Enabled: true},
			Item{ID: IDOpen, Label: "Open No Contact", Enabled: true},
			Item{ID: IDRead, Label: "Read the article", Enabled: true},
			Item{ID: IDQuit, Label: "Quit tray", Enabled: true})
	}
	sess := s.Status.Session
	running := sess != nil
	items = append(items,
		Item{ID: IDBlock, Label: words.Short(sess)},
		Item{ID: IDHosts, Label: hostsLabel(s)},
		Item{ID: IDLast, Label: lastLabel(s)})
	if next := s.Status.NextScheduled; next != nil {
		items = append(items, Item{ID: IDNext, Label: words.NextScheduled(*next, s.Now)})
	}
	items = append(items,
		Item{ID: IDStart24h, Label: "Start block: 24 h", Enabled: !running && s.HasProfiles},
		// a week or more asks first, in the window: no long lock in one click
		Item{ID: IDStartLonger, Label: "Start a longer block…", Enabled: !running && s.HasProfiles},
		Item{ID: IDExtend, Label: extendLabel(s), Enabled: running})
	items = append(items, endItems(s)...)
	items = append(items,
		Item{ID: IDOpen, Label: "Open No Contact", Enabled: true},
		Item{ID: IDRead, Label: "Read the article", Enabled: true},
		Item{ID: IDQuit, Label: "Quit tray", Enabled: true})
	return items
}

// Icon returns which icon fits s.
func Icon(s State) string {
	switch {
	case s.Status == nil, s.Status.Hosts.Problem(s.Status.Session != nil), s.Status.Daemon.Problem != "":
		return IconProblem
	case s.Status.Session != nil:
		return IconBlocking
	}
	return IconIdle
}

func dayLabel(s State) string {
	if !s.HasDay {
		return "No Contact"
	}
	return words.Day(s.DaysClean)
}

func hostsLabel(s State) string {
	if s.Status.Hosts.Problem(s.Status.Session != nil) {
		return "The block has a problem (open No Contact)" // the error is too long for a menu
	}
	return words.Hosts(s.Status.Hosts, s.Status.Session != nil, s.Now)
}

// lastLabel names the last attempt as the pop-up and the page in the tab
// did, and, when it was today, the how-manieth it was: "Last attempt:
// jane.doe’s profile on Instagram, 5 min ago (2nd today)".
func lastLabel(s State) string {
	last, ok := attempt.Last(attempt.List(s.Visits, s.Now.Location()))
	if !ok {
		return "No attempts noticed"
	}
	label := fmt.Sprintf("Last attempt: %s, %s ago", last.What(), api.HumanDuration(s.Now.Sub(last.Time)))
	if attempt.Today([]attempt.Attempt{last}, s.Now) == 1 {
		label += fmt.Sprintf(" (%s today)", attempt.Ordinal(last.Nth))
	}
	return label
}

// PopupGap is the least time between two new pop-ups.
const PopupGap = time.Minute

// Throttle decides whether an event may open a new pop-up: at most one a
// minute, only for visits, tampering and early-end requests, and none for
// an event from before Since (when the follower started: a follower that
// could not learn the newest event at its start reads the whole log).
type Throttle struct {
	Since time.Time
	last  time.Time
}

// Opened notes a pop-up opened at now for any reason: the next one
// waits a minute from it.
func (t *Throttle) Opened(now time.Time) { t.last = now }

// Allow reports whether e opens a pop-up now, and records it if so.
func (t *Throttle) Allow(e api.Event, now time.Time) bool {
	if e.Time.Before(t.Since) {
		return false
	}
	switch e.Kind {
	case api.EventVisit, api.EventTamper, api.EventUnlockRequested:
	default:
		return false
	}
	if !t.last.IsZero() && now.Sub(t.last) < PopupGap {
		return false
	}
	t.last = now
	return true
}

// endItems are the early end's entries: "End early…" (which opens the
// window's pause), and while an early end is asked for, the way back:
// "Keep the block" withdraws it.
func endItems(s State) []Item {
	sess := s.Status.Session
	if sess == nil || sess.Unlock.State == api.UnlockNone {
		return []Item{{ID: IDEnd, Label: "End early…", Enabled: sess != nil && sess.Lock.Mode != api.LockStrict}}
	}
	keep := Item{ID: IDKeep, Label: "Keep the block", Enabled: true}
	if s.KeepFailed != "" {
		keep.Label = "Keep the block (did not work: " + s.KeepFailed + ")"
	}
	if sess.Unlock.State == api.UnlockWaiting {
		return []Item{{ID: IDEnd, Label: words.CooldownLeft(time.Duration(sess.Unlock.ReadyIn))}, keep}
	}
	return []Item{{ID: IDEnd, Label: "End the block now…", Enabled: true}, keep}
}

// extendLabel is the Extend item: it opens the window, which asks first
// (an extension cannot be undone), and says there why it did not work.
func extendLabel(State) string { return "Extend by 24 h…" }

// Reason says in a few words why an action failed, for a menu line; ""
// when it did not.
func Reason(err error) string {
	var e *api.Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	}
	return "the daemon did not answer"
}
