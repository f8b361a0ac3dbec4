package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/content/profile"
)

// askTypo asks, before saving a site whose name is a letter or two from
// a platform's ("instagam.com"), whether the platform was meant: a typo
// saved as a site would block a page no one visits. Use (the default)
// puts the platform's domain in the link and saves what it reads;
// Escape leaves the link as it is, unsaved.
func (p *Profiles) askTypo(pr profile.Profile, l profile.LookAlike) {
	name := l.Platform.Name
	a := &Ask{Heading: widget.NewLabel("Did you mean " + name + "?"),
		Text: widget.NewLabel(fmt.Sprintf("%s looks like %s with a letter or two different. Saved as typed, it would block only %s.", l.Typed, l.Domain, l.Typed))}
	a.Heading.TextStyle, a.Heading.SizeName = fyne.TextStyle{Bold: true}, "subHeadingText"
	a.Heading.Wrapping, a.Text.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	a.Yes = newButton("Use "+name, func() { a.Dialog.Close(); p.useLookAlike(l) })
	a.Yes.Importance = widget.HighImportance
	a.No = newButton("Keep as typed", func() { a.Dialog.Close(); p.save(pr) })
	a.Dialog = p.keys.openDialog(dialogBox(p.keys, dialogParts{top: []fyne.CanvasObject{a.Heading}, body: []fyne.CanvasObject{a.Text}}, a.No, a.Yes), a.Yes, nil)
	p.Ask = a
}

// useLookAlike corrects the link to the platform's domain and saves it
// when it now names someone there; otherwise the preview says what to
// paste.
func (p *Profiles) useLookAlike(l profile.LookAlike) {
	p.Link.SetText(l.Fix(p.Link.Text))
	if p.parsed != nil && p.parsed.Platform == l.Platform.ID {
		p.save(*p.parsed)
	}
}
