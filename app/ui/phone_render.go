package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/content/profile"
)

// render lays out the place for the connection as last known.
func (p *Phone) render() {
	head := widget.NewLabel(words.PhoneTitle)
	head.TextStyle, head.SizeName = fyne.TextStyle{Bold: true}, "headingText"
	p.Box.RemoveAll()
	p.Box.Add(head)
	if p.st == nil || !p.st.Connected {
		p.renderForm()
	} else {
		p.renderConnected()
	}
	p.Box.Add(widget.NewAccordion(widget.NewAccordionItem("Limits", limitsBox())))
	p.Box.Refresh()
}

// renderForm is the connect form: intro, filter, its fields, the button
// and, right under it, what happened.
func (p *Phone) renderForm() {
	intro := wrapped(words.PhoneIntro)
	p.Line.SetText(words.Phone(p.st))
	if p.st != nil && p.st.Problem != "" {
		p.Box.Add(p.Line)
	}
	p.Box.Add(intro)
	p.Box.Add(p.Kind)
	p.Box.Add(p.Profile)
	p.Box.Add(p.URL)
	p.Box.Add(p.User)
	p.Box.Add(p.Secret)
	p.Box.Add(container.NewHBox(p.Connect))
	p.Box.Add(p.Message)
	p.fields()
}

// renderConnected says what is on the filter, asks about platforms of
// people blocked by profile, and shows the phone's own set-up.
func (p *Phone) renderConnected() {
	st := p.st
	p.Line.SetText(words.Phone(st))
	p.Box.Add(p.Line)
	if len(st.Published) > 0 {
		p.Box.Add(widget.NewAccordion(widget.NewAccordionItem("What is on it", wrapped(strings.Join(st.Published, "\n")))))
	}
	for _, pl := range p.platforms {
		p.Box.Add(p.question(pl))
	}
	if !st.QueryLog {
		p.Box.Add(wrapped(st.Kind.Title() + "'s log of the phone's attempts cannot be read, so they are not counted here."))
	}
	p.Box.Add(setupBox(st.Setup))
	disconnect := newButton("Disconnect", p.onDisconnect)
	if p.active {
		disconnect.Disable()
		p.Box.Add(wrapped("The phone stays connected until this block ends."))
	}
	p.Box.Add(container.NewHBox(disconnect))
	p.Box.Add(p.Message)
}

// question is "On your phone: block all of Instagram, or nothing?" with
// the answer given, if any.
func (p *Phone) question(pl *profile.Platform) fyne.CanvasObject {
	all, nothing := "All of "+pl.Name, "Nothing"
	r := widget.NewRadioGroup([]string{all, nothing}, nil)
	r.Horizontal = true
	for _, s := range p.st.Choice.Whole {
		if s.Title == pl.Name {
			r.Selected = all
		}
	}
	if r.Selected == "" && profile.PhoneAnswered(p.st.Choice, pl) {
		r.Selected = nothing
	}
	r.OnChanged = func(s string) {
		if s != "" {
			p.onChoice(pl, s == all)
		}
	}
	return container.NewVBox(wrapped(words.PhoneAsk(pl.Name)), r)
}

// setupBox shows what the phone needs, with a QR code for each link or
// name the phone can scan instead of typing.
func setupBox(s api.PhoneSetup) fyne.CanvasObject {
	box := container.NewVBox(bold("Set up the phone"))
	lines := words.PhoneSetupLines(s)
	codes := []string{s.PrivateDNS, s.AppleProfile}
	i := 0
	for _, code := range codes {
		if code == "" {
			continue
		}
		box.Add(container.NewBorder(nil, nil, qrCode(code), nil, wrapped(lines[i])))
		i++
	}
	for ; i < len(lines); i++ {
		box.Add(wrapped(lines[i]))
	}
	return box
}

func limitsBox() fyne.CanvasObject {
	box := container.NewVBox()
	for _, l := range words.PhoneLimits {
		box.Add(wrapped("• " + l))
	}
	return box
}

func bold(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}
