// Package ui builds No Contact's Fyne screens from plain values and
// callbacks. It holds no daemon client and does no I/O, so every screen can
// be driven headless with fyne.io/fyne/v2/test.
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Info is what the welcome screen shows.
type Info struct {
	Version string
	Icon    fyne.Resource // the app icon, shown beside the title; may be nil
}

// Create returns the content of the main window.
func Create(info Info) fyne.CanvasObject {
	return newWelcome(info).content
}

// welcome is the first screen: what the app is and what this build does.
type welcome struct {
	title, body, version *widget.Label
	content              fyne.CanvasObject
}

// The body says what this build does today, and no more.
const welcomeBody = "No Contact helps you keep the distance you chose. During a block " +
	"session it blocks your ex's profiles on this computer and answers every " +
	"attempt to open them with a passage on why people break no contact.\n\n" +
	"This early build contains the hosts-file engine only: block sessions, " +
	"the article reader and the tray arrive in the next releases. Nothing is " +
	"blocked yet."

func newWelcome(info Info) *welcome {
	s := &welcome{
		title:   widget.NewLabelWithStyle("No Contact", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		body:    widget.NewLabel(welcomeBody),
		version: widget.NewLabel("Version " + info.Version),
	}
	s.title.SizeName = "headingText"
	s.body.Wrapping = fyne.TextWrapWord
	s.version.Importance = widget.LowImportance
	head := fyne.CanvasObject(s.title)
	if info.Icon != nil {
		icon := canvas.NewImageFromResource(info.Icon)
		icon.FillMode = canvas.ImageFillContain
		icon.SetMinSize(fyne.NewSquareSize(64))
		head = container.NewBorder(nil, nil, icon, nil, s.title)
	}
	s.content = container.NewPadded(container.NewBorder(head, s.version, nil, nil, s.body))
	return s
}
