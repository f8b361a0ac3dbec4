package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/content"
	"github.com/nocontact-app/nocontact/content/attempt"
)

// leaving is what the pause and the confirm step show a person about to
// end a block early: their day count, the time served, today's attempts,
// a passage chosen for the moment, and their own most recent words.
type leaving struct {
	Heading  *widget.Label
	Days     *widget.Label // "Day 12 without contact"
	Served   *widget.Label // "You have kept this block 4 d of 30 d."
	Attempts *widget.Label // today's attempts, counted from the daemon's events
	Title    *widget.Label
	Passage  *widget.Label // verbatim from the article
	Reason   *widget.Label
	Own      *widget.Label // their newest journal entry, in their words
	Excerpt  content.Excerpt
}

// leavingFacts are read off the UI thread before a pause or a confirm step
// opens.
type leavingFacts struct {
	data    *vault.Data // nil when the vault could not be read
	events  []api.Event
	session *api.Session
	now     time.Time
}

// gatherLeaving reads the vault and the daemon's events (slow: call it
// through Deps.Async).
func gatherLeaving(d Deps, s *api.Session) leavingFacts {
	f := leavingFacts{session: s, now: d.Now()}
	if data, err := d.Vault.Load(); err == nil {
		f.data = data
	}
	c, cancel := ctx()
	defer cancel()
	f.events, _ = d.Daemon.Events(c, 0)
	return f
}

func newLeaving(heading string, trigger content.Trigger, f leavingFacts) *leaving {
	l := &leaving{Heading: widget.NewLabel(heading), Days: widget.NewLabel(""), Served: widget.NewLabel(""),
		Attempts: widget.NewLabel(attemptsToday(f.events, f.now)), Title: widget.NewLabel(""),
		Passage: widget.NewLabel(""), Reason: widget.NewLabel(""), Own: widget.NewLabel("")}
	l.Heading.TextStyle, l.Heading.SizeName = fyne.TextStyle{Bold: true}, "headingText"
	l.Days.TextStyle, l.Title.TextStyle, l.Passage.TextStyle = fyne.TextStyle{Bold: true}, fyne.TextStyle{Bold: true}, fyne.TextStyle{Italic: true}
	l.Reason.Importance = widget.LowImportance
	for _, x := range []*widget.Label{l.Heading, l.Days, l.Served, l.Attempts, l.Title, l.Passage, l.Reason, l.Own} {
		x.Wrapping = fyne.TextWrapWord
	}
	showText(l.Days, daysLine(f.data, f.now))
	showText(l.Served, servedLine(f.session))
	showText(l.Own, ownWords(f.data))
	if a, err := content.Load(); err == nil {
		l.Excerpt = a.Pick(content.Moment{Trigger: trigger, Time: f.now, Seq: uint64(f.now.Unix() / 60)})
		l.Title.SetText(l.Excerpt.Title)
		l.Passage.SetText(l.Excerpt.Text)
		l.Reason.SetText(l.Excerpt.Reason)
	}
	return l
}

// objects are the labels top to bottom.
func (l *leaving) objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{l.Heading, l.Days, l.Served, l.Attempts, widget.NewSeparator(), l.Title, l.Passage, l.Reason, l.Own}
}

func daysLine(data *vault.Data, now time.Time) string {
	if data == nil || data.LastContact == nil {
		return ""
	}
	return words.Day(data.DaysWithoutContact(now))
}

func servedLine(s *api.Session) string {
	if s == nil {
		return ""
	}
	total := api.HumanDuration(time.Duration(s.Duration))
	if time.Duration(s.Credited) < time.Minute {
		return "You started this block a moment ago. It is set for " + total + "."
	}
	return fmt.Sprintf("You have kept this block for %s of its %s.", api.HumanDuration(time.Duration(s.Credited)), total)
}

// attemptsToday says how many times today a blocked site was opened, the
// same count the pop-up and Progress show (the daemon's visit events).
func attemptsToday(events []api.Event, now time.Time) string {
	n := attempt.Today(attempt.List(events, now.Location()), now)
	switch n {
	case 0:
		return "No attempts to open a blocked site today."
	case 1:
		return "1 attempt to open a blocked site today."
	}
	return fmt.Sprintf("%d attempts to open a blocked site today.", n)
}

// ownWords quotes the newest journal entry: the person's own words, which
// weigh more at this moment than anything we could write.
func ownWords(data *vault.Data) string {
	if data == nil || len(data.Journal) == 0 {
		return ""
	}
	e := slices.MaxFunc(data.Journal, func(a, b vault.Entry) int { return a.Time.Compare(b.Time) })
	words := strings.TrimSpace(e.What + "\n" + e.Text)
	return fmt.Sprintf("What you wrote in your journal on %s:\n“%s”", e.Time.Local().Format("Mon 2 Jan"), words)
}

// dialogParts are a dialog's contents: top and bottom always show, the
// body between them scrolls when the window is too short for it all.
type dialogParts struct {
	top, body, bottom []fyne.CanvasObject
}

// dialogBox lays out a dialog at most 560 wide, the buttons at the bottom
// right.
func dialogBox(k *Keys, parts dialogParts, buttons ...fyne.CanvasObject) fyne.CanvasObject {
	width, maxH := float32(560), float32(600)
	if k.c != nil {
		width = min(width, k.c.Size().Width-40)
		maxH = k.c.Size().Height - 60
	}
	row := container.NewHBox(append([]fyne.CanvasObject{layout.NewSpacer()}, buttons...)...)
	top := container.NewVBox(parts.top...)
	bottom := container.NewVBox(append(parts.bottom, row)...)
	inner := container.NewVBox(parts.body...)
	for _, b := range []*fyne.Container{top, bottom, inner} {
		b.Resize(fyne.NewSize(width, b.MinSize().Height)) // wrapped labels take their height at this width
	}
	fixed := top.MinSize().Height + bottom.MinSize().Height + 2*theme.Padding()
	scroll := container.NewVScroll(inner)
	scroll.SetMinSize(fyne.NewSize(width, max(60, min(maxH-fixed, inner.MinSize().Height))))
	return container.NewBorder(top, bottom, nil, nil, scroll)
}
