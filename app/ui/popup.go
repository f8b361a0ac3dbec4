package ui

import (
	"fmt"
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
)

// PopupInfo is what the excerpt pop-up shows for one event.
type PopupInfo struct {
	Event   api.Event
	Excerpt content.Excerpt
	Today   int // attempts today, this one included
}

// Heading says what happened: "You tried to open instagram.com".
func (p PopupInfo) Heading() string {
	switch p.Event.Kind {
	case api.EventTamper:
		return "The hosts file was edited"
	case api.EventUnlockRequested:
		return "You asked to end the block early"
	}
	return "You tried to open " + p.Event.Host
}

// Popup is the small window that answers an attempt with a passage.
type Popup struct {
	d    Deps
	info PopupInfo

	Heading, Count, Title, Text, Reason *widget.Label
	ReadSection, LogUrge, Close         *Button
	Keep                                *Button // for an early-end request: withdraws it
	Motive                              *widget.Select
	Note                                *Entry
	SaveUrge                            *Button
	Notice                              *widget.Label
	logBox                              *fyne.Container
	content                             fyne.CanvasObject
	top, passage, bottom                *fyne.Container
	scroll                              *container.Scroll
	// Keys is the pop-up's keyboard: Escape closes it, Enter closes it
	// unless a field or another button has the focus.
	Keys *Keys
	// OnResize is called with the size that shows everything when the
	// journal form opens or closes (the window grows instead of squashing
	// the passage).
	OnResize func(fyne.Size)
}

// NewPopup builds the pop-up. onRead opens the article at the section;
// onClose closes the window.
func NewPopup(d Deps, info PopupInfo, onRead func(title string), onClose func()) *Popup {
	d.fill()
	p := &Popup{d: d, info: info,
		Heading: widget.NewLabel(info.Heading()), Count: widget.NewLabel(countText(info)),
		Title: widget.NewLabel(info.Excerpt.Title), Text: widget.NewLabel(info.Excerpt.Text),
		Reason: widget.NewLabel(words.WhyPassage(info.Excerpt.Reason)), Notice: widget.NewLabel(""),
		Note: newEntry(false), OnResize: func(fyne.Size) {}}
	p.Heading.TextStyle, p.Heading.SizeName = fyne.TextStyle{Bold: true}, "headingText"
	p.Title.TextStyle = fyne.TextStyle{Bold: true}
	p.Text.TextStyle = fyne.TextStyle{Italic: true}
	for _, l := range []*widget.Label{p.Heading, p.Title, p.Text, p.Reason, p.Notice} {
		l.Wrapping = fyne.TextWrapWord
	}
	p.Reason.Importance, p.Count.Importance = widget.LowImportance, widget.WarningImportance
	p.ReadSection = newButton("Read the section", func() { onRead(info.Excerpt.Title) })
	p.LogUrge = newButton("Log this urge", func() { p.logBox.Show(); p.fit() })
	p.Close = newButton("Close", onClose)
	p.Close.Importance = widget.HighImportance
	p.Motive = motiveSelect()
	p.Note.SetText(p.defaultNote())
	p.Note.OnSubmitted = func(string) { p.onSaveUrge() }
	p.SaveUrge = newButton("Save to the journal", p.onSaveUrge)
	p.logBox = container.NewVBox(p.Motive, p.Note, p.SaveUrge)
	p.logBox.Hide()
	buttons := container.NewHBox(p.ReadSection, p.LogUrge, layout.NewSpacer(), p.Close)
	if info.Event.Kind == api.EventUnlockRequested && d.Daemon != nil {
		p.Keep = newButton("Keep the block", p.onKeep)
		p.Keep.Importance, p.Close.Importance = widget.HighImportance, widget.MediumImportance
		buttons = container.NewHBox(p.ReadSection, layout.NewSpacer(), p.Close, p.Keep)
	}
	p.top, p.bottom = container.NewVBox(p.Heading, p.Count), container.NewVBox(p.logBox, p.Notice, buttons)
	p.passage = container.NewVBox(p.Title, p.Text, p.Reason)
	p.scroll = container.NewVScroll(p.passage)
	p.content = container.NewPadded(container.NewBorder(p.top, p.bottom, nil, nil, p.scroll))
	p.Notice.Hide()
	p.Keys = &Keys{Escape: onClose, Enter: onClose}
	return p
}

// BindKeys makes the pop-up's Keys the keyboard of its window.
func (p *Popup) BindKeys(c fyne.Canvas) { p.Keys.Bind(c) }

// fit asks for the size that shows the passage whole with the form as it
// is now.
func (p *Popup) fit() { p.OnResize(p.FitSize(popupWidth, popupMaxHeight)) }

// The pop-up's width and the most it grows to.
const (
	popupWidth     = 560
	popupMaxHeight = 720
)

// Content is the pop-up's window content.
func (p *Popup) Content() fyne.CanvasObject { return p.content }

// FitSize is the window size at width that shows the whole passage without
// scrolling, at most maxHeight (a long passage then scrolls): the pop-up is
// as tall as its text, not a fixed box.
func (p *Popup) FitSize(width, maxHeight float32) fyne.Size {
	inner := width - 4*theme.Padding()
	h := float32(0)
	for _, o := range []fyne.CanvasObject{p.top, p.passage, p.bottom} {
		o.Resize(fyne.NewSize(inner, o.MinSize().Height))
		h += o.MinSize().Height
	}
	return fyne.NewSize(width, min(maxHeight, h+6*theme.Padding()))
}

func countText(info PopupInfo) string {
	if info.Event.Kind != api.EventVisit {
		return words.Moment(info.Event.Time)
	}
	return content.AttemptsToday(info.Today)
}

func (p *Popup) defaultNote() string {
	if p.info.Event.Kind == api.EventVisit {
		return fmt.Sprintf("Tried to open %s", p.info.Event.Host)
	}
	return p.info.Heading()
}

// onKeep withdraws the early-end request the pop-up was opened for.
func (p *Popup) onKeep() {
	p.Keep.Disable()
	p.d.Async(func() {
		c, cancel := ctx()
		_, err := p.d.Daemon.Unlock(c, api.UnlockCancel, "")
		cancel()
		fyne.Do(func() {
			if err != nil {
				showText(p.Notice, "Not withdrawn: "+err.Error())
				p.Keep.Enable()
			} else {
				showText(p.Notice, "You kept the block. The early end is withdrawn.")
			}
			p.fit()
		})
	})
}

func (p *Popup) onSaveUrge() {
	motive := motiveID(p.Motive.Selected)
	if motive == "" {
		showText(p.Notice, "Choose why first (\"Something else, or not sure\" is fine too).")
		p.fit()
		return
	}
	e := vault.Entry{Time: time.Now(), What: p.Note.Text, Motive: motive}
	logUrge(p.d, e, p.Notice, func() {
		p.logBox.Hide()
		showText(p.Notice, "Saved to your journal. Naming it makes the next one easier to see coming.")
		p.fit()
	})
}
