package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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

// PopupInfo is what the excerpt pop-up shows for one event.
type PopupInfo struct {
	Event api.Event
	// Attempt is the visit as the page in the tab tells it too (what was
	// opened, the how-manieth today): content/attempt.
	Attempt attempt.Attempt
	Excerpt content.Excerpt
}

// Heading says what happened: "You tried to open jane.doe’s profile on
// Instagram", word for word as the page in the tab says it.
func (p PopupInfo) Heading() string {
	switch p.Event.Kind {
	case api.EventTamper:
		return "The hosts file was edited"
	case api.EventUnlockRequested:
		return "You asked to end the block early"
	}
	return p.Attempt.Heading()
}

// NewPopupInfo is the pop-up's model of ev among the daemon's events: for
// a visit, the attempt as the page in the tab tells it (content/attempt)
// and the passage the one chooser gives it, knowing what the day's earlier
// attempts got and the person's journal motives; for another event, the
// passage for its moment.
func NewPopupInfo(a *content.Article, events []api.Event, ev api.Event, motives []string) PopupInfo {
	info := PopupInfo{Event: ev}
	if ev.Kind == api.EventVisit {
		if at, day, ok := attempt.Of(events, ev.Seq, time.Local); ok {
			info.Attempt, info.Excerpt = at, a.ForAttempt(day, motives)
			return info
		}
	}
	info.Excerpt = a.Pick(content.Moment{Trigger: content.Trigger(ev.Kind), Host: ev.Host, Time: ev.Time.Local(), Seq: ev.Seq})
	return info
}

// Popup is the small window that answers an attempt with a passage.
type Popup struct {
	d    Deps
	info PopupInfo

	Heading, Count, Title, Text *widget.Label
	Reason                      *widget.Label // our own line: why this passage now
	ReadSection, LogUrge, Close *Button
	Keep                        *Button // for an early-end request: withdraws it
	Motive                      *widget.Select
	Note                        *Entry
	SaveUrge                    *Button
	Notice                      *widget.Label
	logBox                      *fyne.Container
	content                     fyne.CanvasObject
	top, passage, bottom        *fyne.Container
	scroll                      *container.Scroll
	// Keys is the pop-up's keyboard: Escape closes it, Enter closes it
	// unless a field or another button has the focus.
	Keys *Keys
	// OnResize is called with the size that shows everything when the
	// journal form opens or closes (the window grows instead of squashing
	// the passage).
	OnResize func(fyne.Size)
}

// NewPopup builds the pop-up. onRead opens the article where the passage
// is (its section with the passage marked, or the next section when the
// passage was the whole of it); onClose closes the window.
func NewPopup(d Deps, info PopupInfo, onRead func(content.Excerpt), onClose func()) *Popup {
	d.fill()
	p := &Popup{d: d, info: info,
		Heading: widget.NewLabel(info.Heading()), Count: widget.NewLabel(countText(info)),
		Title: widget.NewLabel("From “" + info.Excerpt.Title + "”"), Text: widget.NewLabel(info.Excerpt.Text),
		Reason: widget.NewLabel(info.Excerpt.Reason), Notice: widget.NewLabel(""),
		Note: newEntry(false), OnResize: func(fyne.Size) {}}
	p.Heading.TextStyle, p.Heading.SizeName = fyne.TextStyle{Bold: true}, "headingText"
	p.Title.Importance = widget.LowImportance
	p.Text.TextStyle = fyne.TextStyle{Italic: true}
	for _, l := range []*widget.Label{p.Heading, p.Title, p.Text, p.Reason, p.Notice} {
		l.Wrapping = fyne.TextWrapWord
	}
	p.Count.Importance = widget.WarningImportance
	p.ReadSection = newButton(readLabel(info.Excerpt), func() { onRead(info.Excerpt) })
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
	p.passage = container.NewVBox(p.Reason, quoteBlock(p.Text, p.Title))
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
	return info.Attempt.Count()
}

// readLabel is the button to the article: a passage that was a whole
// section leaves nothing more of it, so the button reads on.
func readLabel(e content.Excerpt) string {
	if e.Section != nil && e.Section.IsWhole(e.Text) {
		return "Read on"
	}
	return "Read the section"
}

// quoteBlock sets the article's words apart from ours, as the page in the
// tab does with a blockquote: a bar at the left, the passage, where it is
// from.
func quoteBlock(text, from *widget.Label) fyne.CanvasObject {
	bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	bar.SetMinSize(fyne.NewSize(3, 0))
	return container.NewBorder(nil, nil, bar, nil, container.NewVBox(text, from))
}

func (p *Popup) defaultNote() string {
	if p.info.Event.Kind == api.EventVisit {
		return "Tried to open " + p.info.Attempt.What()
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
