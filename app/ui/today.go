package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/content/profile"
)

// Presets of the start card.
var presets = []struct {
	label string
	d     time.Duration
}{{"24 h", 24 * time.Hour}, {"3 days", 3 * api.Day}, {"7 days", 7 * api.Day}, {"30 days", 30 * api.Day}}

// lockChoices, each explained in one line.
var lockChoices = []struct {
	label string
	mode  api.LockMode
	help  string
}{
	{"Cool-down", api.LockCooldown, "Ending early takes a 30-minute cool-down, then a confirmation."},
	{"Friend's code", api.LockFriend, "A code you give a friend you trust is the only way to end early."},
	{"Strict", api.LockStrict, "No early end. The block runs its course."},
}

// Today is the first screen: the day counter and the block.
type Today struct {
	d Deps

	Day, DayHelp   *widget.Label
	LastContact    *Entry
	DayError       *widget.Label // under the day's field: how to write a day it did not understand
	SetContact     *Button
	Status, Detail *widget.Label
	Progress       *Bar
	Duration       *widget.RadioGroup
	Lock           *widget.Select
	LockHelp       *widget.Label
	ClosePrivate   *widget.Check // private windows closed during the block (on by default)
	Hosts          *widget.Label
	HostsDetails   *widget.Label     // behind a Details disclosure
	details        *widget.Accordion // shown when there is something to detail
	Start          *Button
	Extend         *Button
	AddSaved       *Button       // add saved profiles' names to the running block
	Problem        *problemBox   // the daemon or the keyring in trouble, in a sentence
	Countdown      *widget.Label // the cool-down, second by second
	Passage        *widget.Label // a passage while the cool-down runs
	EndEarly       *Button
	KeepBlock      *Button       // withdraws a requested early end
	Pause          *Pause        // the last pause opened, for tests
	Confirm        *Confirm      // the last confirm step opened
	Code           *Entry        // the friend's code, typed to end early; it never shows the code by itself
	CodeMsg        *widget.Label // under Code: a code that did not match, and what to do
	Friend         *FriendCode   // the code offered once to be sent, as a friend-locked block starts
	Setup          *Button
	Notice         *widget.Label
	Sched          *Schedules // blocks that start themselves

	startBox, runBox, setupBox *fyne.Container
	actions                    *fyne.Container // the running block's buttons
	dayRow                     *fyne.Container
	scroll                     *container.Scroll
	content                    fyne.CanvasObject

	session     *api.Session
	profiles    []profile.Profile // the saved ones, to say who a block covers
	names       []string          // what Start would block: hostnames
	paths       []string          // and profile pages in browsers
	cooldownSeq int               // bumped on every render: stops an older countdown
	// endEarlyPending: the tray asked for the pause before the block was read.
	endEarlyPending bool
	// extendPending: the tray asked to extend before the block was read.
	extendPending bool
	keys          *Keys
	Ask           *Ask // the last question asked (a long block's start, Extend), for tests
}

func newToday(d Deps, k *Keys) *Today {
	t := &Today{d: d, keys: k,
		Day: widget.NewLabel("No Contact"), DayHelp: widget.NewLabel(openingText),
		LastContact: newEntry(false), DayError: widget.NewLabel(""),
		Status: widget.NewLabel(""), Detail: widget.NewLabel(""), Progress: newBar(),
		LockHelp: widget.NewLabel(""), Hosts: widget.NewLabel(""), Notice: widget.NewLabel(""), Code: newEntry(false),
		CodeMsg: widget.NewLabel(""), Countdown: widget.NewLabel(""), Passage: widget.NewLabel(""), Problem: newProblemBox(),
	}
	// The bar has no text: the time served is said in words beside it.
	t.Day.TextStyle, t.Day.SizeName = fyne.TextStyle{Bold: true}, "headingText"
	t.Status.TextStyle = fyne.TextStyle{Bold: true}
	t.HostsDetails = widget.NewLabel("")
	for _, l := range []*widget.Label{t.DayHelp, t.Detail, t.LockHelp, t.Hosts, t.HostsDetails, t.Notice, t.Status, t.Countdown, t.Passage, t.CodeMsg, t.DayError} {
		l.Wrapping = fyne.TextWrapWord
	}
	t.DayHelp.Importance = widget.LowImportance
	t.LastContact.SetPlaceHolder("YYYY-MM-DD, or today")
	t.SetContact = newButton("Set", t.onSetContact)
	t.LastContact.OnSubmitted = func(string) { t.onSetContact() }
	var durations []string
	for _, p := range presets {
		durations = append(durations, p.label)
	}
	t.Duration = widget.NewRadioGroup(durations, nil)
	t.Duration.Horizontal, t.Duration.Required = true, true
	t.Duration.SetSelected("7 days")
	var locks []string
	for _, l := range lockChoices {
		locks = append(locks, l.label)
	}
	t.Lock = widget.NewSelect(locks, t.onLock)
	t.Lock.SetSelected("Cool-down")
	t.ClosePrivate = widget.NewCheck("Close private windows during the block", nil)
	t.ClosePrivate.SetChecked(true)
	t.Start = newButton("Start block", t.onStart)
	t.Start.Importance = widget.HighImportance
	t.Extend = newButton("Extend by 24 h", t.onExtend)
	t.AddSaved = newButton("Add saved profiles to this block", t.onAddSaved)
	t.Passage.Wrapping, t.Passage.TextStyle = fyne.TextWrapWord, fyne.TextStyle{Italic: true}
	t.EndEarly = newButton("End early…", t.onEndEarly)
	t.KeepBlock = newButton("Keep the block", t.onKeep)
	t.KeepBlock.Importance = widget.HighImportance
	t.Code.SetPlaceHolder("Type the code your friend keeps")
	t.Code.OnSubmitted = func(string) { t.onEndEarly() }
	t.CodeMsg.Importance = widget.DangerImportance
	t.CodeMsg.Hide()
	t.Setup = newButton("Set up blocking", func() { t.d.Setup() })
	t.Sched = newSchedules(d, k, func() { showText(t.Notice, ""); t.Refresh() }) // the last start's notice is old news
	t.layout()
	// Until the vault and the daemon answer, the screen says it is
	// opening: no button yet, nothing that the answers may take back.
	// (Status and Detail stay, empty: a wrapping label shown later would
	// keep the height of one line until the next layout.)
	for _, o := range []fyne.CanvasObject{t.Notice, t.startBox, t.runBox, t.setupBox, t.Sched.content} {
		o.Hide()
	}
	return t
}

// Refresh reads the vault and the daemon off the UI thread and shows them.
func (t *Today) Refresh() {
	t.d.Async(func() { t.update(t.d.Vault.Load()) })
}

// update reads the daemon and shows it with what the vault answered. It
// runs off the UI thread.
func (t *Today) update(data *vault.Data, verr error) {
	c, cancel := ctx()
	st, derr := t.d.Daemon.Status(c)
	var list []api.Schedule
	serr := derr
	if derr == nil {
		list, serr = t.d.Daemon.Schedules(c)
	}
	cancel()
	fyne.Do(func() {
		t.render(data, verr, st, derr)
		t.Sched.render(list, serr, t.names, t.paths, t.session)
		t.content.Refresh() // the schedules' place shows or hides
	})
}

func (t *Today) render(data *vault.Data, verr error, st *api.Status, derr error) {
	t.renderDay(data, verr)
	t.startBox.Hide()
	t.runBox.Hide()
	t.setupBox.Hide()
	t.Problem.Set(nil)
	switch {
	case errors.Is(derr, client.ErrNotRunning):
		t.Status.SetText(words.NotSetUp)
		showText(t.Detail, "The No Contact daemon is not running on this computer. It is what blocks sites, even after a restart. Set it up once (it asks for your password).")
		t.setupBox.Show()
		return
	case isForbidden(derr):
		// A packaged daemon runs from the start but serves root alone
		// until `nocontact setup` records its user.
		t.Status.SetText(words.NotSetUp)
		showText(t.Detail, "The No Contact daemon runs on this computer, but not for you: it was set up for another user, or, installed from a package, for no one yet. Set it up once (it asks for your password).")
		t.setupBox.Show()
		return
	case derr != nil:
		t.Status.SetText(words.NoAnswer)
		showText(t.Detail, "")
		t.Problem.Set(derr)
		return
	}
	t.Problem.Set(nil)
	t.session = st.Session
	if st.Session == nil {
		t.renderIdle(st)
		return
	}
	t.renderRunning(st)
}

func (t *Today) renderDay(data *vault.Data, err error) {
	// What a start would block is what this answer says, nothing older:
	// an unreadable vault leaves nothing to start (and no Details).
	t.profiles, t.names, t.paths = nil, nil, nil
	t.Hosts.SetText("")
	t.details.Hide()
	switch {
	case err != nil:
		t.Day.SetText("No Contact")
		sentence, _ := problemText(err)
		t.DayHelp.SetText(sentence)
	case data.LastContact == nil:
		t.Day.SetText("No Contact")
		t.DayHelp.SetText("Set the day of your last contact to count the days.")
	default:
		n := data.DaysWithoutContact(t.d.Now())
		t.Day.SetText(words.Day(n))
		t.DayHelp.SetText(fmt.Sprintf("Since %s. Best streak: %d days. A relapse keeps your earlier streaks.", data.LastContact, data.BestStreak(t.d.Now())))
	}
	if data != nil {
		if block, err := profile.BlockOf(data.Profiles); err == nil {
			t.profiles, t.names, t.paths = data.Profiles, block.Names, block.Paths
			t.Hosts.SetText(hostsText(data.Profiles))
			t.HostsDetails.SetText(hostsDetails(data.Profiles, block.Entries, t.paths))
			if len(t.names)+len(t.paths) > 0 { // else Details would open onto nothing
				t.details.Show()
			}
		}
	}
}

func (t *Today) renderIdle(st *api.Status) {
	t.Status.SetText(words.NoBlock)
	showText(t.Detail, words.Sinkhole(st.Sinkhole))
	t.startBox.Show()
	if len(t.names)+len(t.paths) == 0 {
		t.Start.Disable()
	} else {
		t.Start.Enable()
	}
}

func (t *Today) renderRunning(st *api.Status) {
	s := st.Session
	t.Status.SetText(blockHeadline(t.profiles, s))
	lines := []string{servedLine(s) + " It ends around " + words.Moment(t.d.Now().Add(time.Duration(s.Remaining))) + ".",
		words.Hosts(st.Hosts, true, t.d.Now()), words.Private(s)}
	if l := words.Sinkhole(st.Sinkhole); l != "" {
		lines = append(lines, l)
	}
	for _, br := range st.Browsers {
		lines = append(lines, words.Browser(br, len(s.Paths) > 0))
	}
	if st.Phone != nil && st.Phone.Connected {
		lines = append(lines, words.Phone(st.Phone))
	}
	showText(t.Detail, strings.Join(lines, "\n"))
	if s.Duration > 0 {
		t.Progress.SetValue(float64(s.Credited) / float64(s.Duration))
	}
	t.runBox.Show()
	t.Code.Hide()
	if s.Lock.Mode != api.LockFriend {
		showText(t.CodeMsg, "")
	}
	t.EndEarly.Enable()
	t.renderAddSaved(s)
	t.renderCooldown(s)
	t.endButton(s)
	if t.endEarlyPending {
		t.endEarlyPending = false
		if !t.EndEarly.Disabled() {
			t.onEndEarly()
		}
	}
	if t.extendPending {
		t.extendPending = false
		t.onExtend()
	}
}

// showText sets a label's text and hides it while there is none, so an
// empty line leaves no gap.
func showText(l *widget.Label, text string) {
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// renderAddSaved offers the saved profiles' names the block lacks.
func (t *Today) renderAddSaved(s *api.Session) {
	missing := 0
	for _, n := range t.names {
		if !slices.Contains(s.Hostnames, n) {
			missing++
		}
	}
	for _, p := range t.paths {
		if !slices.Contains(s.Paths, p) {
			missing++
		}
	}
	if missing == 0 {
		t.AddSaved.Hide()
		return
	}
	t.AddSaved.SetText(fmt.Sprintf("Add saved profiles to this block (%d more to block)", missing))
	t.AddSaved.Show()
}

// isForbidden reports whether the daemon refused this user.
func isForbidden(err error) bool {
	var ae *api.Error
	return errors.As(err, &ae) && ae.Code == api.CodeForbidden
}
