package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/content"
)

// Confirm is the last step of an early end with the cool-down lock, once
// the cool-down is over: the passage and the day counter again, and a
// question. The block ends only after the person has written why; their
// answer goes to the journal, in their words. Keeping the block is the
// default (Enter on a button, Escape anywhere).
type Confirm struct {
	*leaving
	Ask    *widget.Label
	Why    *Entry
	Keep   *Button // the default
	End    *Button // enabled once there is an answer
	Dialog *Dialog
}

// newConfirm builds the confirm step. onEnd gets the answer.
func newConfirm(k *Keys, f leavingFacts, onKeep func(), onEnd func(why string)) *Confirm {
	c := &Confirm{leaving: newLeaving("Your cool-down is over", content.EndConfirm, f),
		Ask: widget.NewLabel("Before you end it: why are you ending this block? Write it in your own words. It goes into your journal, encrypted, so you can read it later."),
		Why: newEntry(true)}
	c.Ask.Wrapping = fyne.TextWrapWord
	c.Why.SetPlaceHolder("I am ending it because…")
	c.Why.SetMinRowsVisible(3)
	c.Keep = newButton("Keep the block", func() { c.Dialog.Close(); onKeep() })
	c.Keep.Importance = widget.HighImportance
	c.End = newButton("End the block now", func() {
		why := strings.TrimSpace(c.Why.Text)
		if why == "" {
			return
		}
		c.Dialog.Close()
		onEnd(why)
	})
	c.End.Importance = widget.DangerImportance
	c.End.Disable()
	c.Why.OnChanged = func(s string) {
		if strings.TrimSpace(s) == "" {
			c.End.Disable()
		} else {
			c.End.Enable()
		}
	}
	objs := c.objects()
	parts := dialogParts{top: objs[:1], body: objs[1:], bottom: []fyne.CanvasObject{widget.NewSeparator(), c.Ask, c.Why}}
	c.Dialog = k.openDialog(dialogBox(k, parts, c.End, c.Keep), c.Keep, onKeep)
	return c
}
