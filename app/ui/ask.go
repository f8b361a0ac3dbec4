package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Ask is a question before a change that cannot wait for an answer to be
// undone: a heading, what happens, and two buttons. The safe choice
// (leaving things as they are) is the default, for Enter and Escape.
type Ask struct {
	Heading, Text *widget.Label
	Yes, No       *Button
	Dialog        *Dialog
}

// newAsk opens the question; yes and no run after it closes.
func newAsk(k *Keys, heading, text, yesLabel, noLabel string, yes, no func()) *Ask {
	a := &Ask{Heading: widget.NewLabel(heading), Text: widget.NewLabel(text)}
	a.Heading.TextStyle, a.Heading.SizeName = fyne.TextStyle{Bold: true}, "subHeadingText"
	a.Heading.Wrapping, a.Text.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	a.No = newButton(noLabel, func() { a.Dialog.Close(); no() })
	a.No.Importance = widget.HighImportance
	a.Yes = newButton(yesLabel, func() { a.Dialog.Close(); yes() })
	a.Yes.Importance = widget.DangerImportance
	a.Dialog = k.openDialog(dialogBox(k, dialogParts{top: []fyne.CanvasObject{a.Heading}, body: []fyne.CanvasObject{a.Text}}, a.Yes, a.No), a.No, no)
	return a
}

// Message shows a heading and text with one button, Close (Enter and
// Escape close it too); details, when not empty, wait behind a Details
// disclosure.
func (k *Keys) Message(heading, text, details string) *Dialog {
	h, body := widget.NewLabel(heading), widget.NewLabel(text)
	h.TextStyle, h.SizeName = fyne.TextStyle{Bold: true}, "subHeadingText"
	h.Wrapping, body.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	objs := []fyne.CanvasObject{body}
	if details != "" {
		more := widget.NewLabel(details)
		more.Wrapping = fyne.TextWrapWord
		objs = append(objs, widget.NewAccordion(widget.NewAccordionItem("Details", more)))
	}
	var d *Dialog
	closeB := newButton("Close", func() { d.Close() })
	closeB.Importance = widget.HighImportance
	d = k.openDialog(dialogBox(k, dialogParts{top: []fyne.CanvasObject{h}, body: objs}, closeB), closeB, nil)
	return d
}
