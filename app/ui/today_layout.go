package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/words"
)

// layout places Today's parts. What a person acts on comes before what
// can grow: the start card's choices and Start come before the full list
// of what a block keeps away (behind Details, below Start), so that Start
// stays in sight at the window's smallest with any number of profiles;
// a message about a field is said right under it.
func (t *Today) layout() {
	t.DayError.Importance = widget.DangerImportance
	t.DayError.Hide()
	t.details = widget.NewAccordion(widget.NewAccordionItem("Details", t.HostsDetails))
	choices := container.New(layout.NewFormLayout(), widget.NewLabel("How long"), t.Duration, widget.NewLabel("Lock"), t.Lock)
	// What leaving private windows open means is said when they are left
	// open: the default needs no line of its own.
	private := wrapped("Left open, private windows " + words.PrivateKeepsBlock + ".")
	private.Importance = widget.LowImportance
	private.Hide()
	t.ClosePrivate.OnChanged = func(closed bool) {
		if closed {
			private.Hide()
		} else {
			private.Show()
		}
		t.startBox.Refresh()
	}
	t.startBox = container.NewVBox(choices, t.LockHelp, t.ClosePrivate, private, t.Hosts, t.Start, t.details)
	t.actions = container.NewHBox(t.EndEarly, t.Extend, t.KeepBlock, t.AddSaved)
	// The friend's code is typed before its button, and a code that did
	// not match is said under it.
	t.runBox = container.NewVBox(t.Progress, t.Code, t.CodeMsg, t.actions, t.Countdown, t.Passage)
	t.setupBox = container.NewVBox(t.Setup)
	t.dayRow = container.NewBorder(nil, nil, widget.NewLabel("Day of your last contact"), t.SetContact, t.LastContact)
	// A running block's bar and buttons come right under its headline,
	// before the lines that detail it.
	t.scroll = container.NewVScroll(container.NewPadded(container.NewVBox(
		t.Day, t.dayRow, t.DayError, t.DayHelp, widget.NewSeparator(),
		t.Status, t.runBox, t.Detail, t.Problem, t.startBox, t.setupBox, t.Notice, t.Sched.content)))
	t.content = t.scroll
	t.Sched.scroll = t.scroll
}

// say shows a message under what it is about and scrolls both into
// view; "" hides it.
func (t *Today) say(l *widget.Label, text string, about ...fyne.CanvasObject) {
	showText(l, text)
	if text != "" {
		reveal(t.scroll, append(about, l)...)
	}
}
