package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/content/profile"
)

// Phone is the "Your phone" place of the Profiles screen: connect the DNS
// filter the phone uses, see what of the block is on it, set up the phone,
// answer "all of Instagram, or nothing?", and read the limits.
type Phone struct {
	d Deps

	Box     *fyne.Container
	Kind    *widget.Select
	Profile *Entry
	URL     *Entry
	User    *Entry
	Secret  *Entry
	Connect *Button
	Message *widget.Label // under the button that it is about
	Line    *widget.Label // the connection in one line

	st        *api.PhoneStatus
	platforms []*profile.Platform // asked about: platforms of people blocked by profile
	active    bool                // a block runs
}

func newPhone(d Deps) *Phone {
	p := &Phone{d: d, Box: container.NewVBox(), Profile: newEntry(false), URL: newEntry(false), User: newEntry(false),
		Secret: newEntry(false), Message: wrapped(""), Line: wrapped("")}
	p.Secret.Password = true
	p.Kind = widget.NewSelect(kindTitles(), func(string) { p.fields() })
	p.Kind.PlaceHolder = "Which filter does your phone use?"
	p.Connect = newButton("Connect", p.onConnect)
	p.Connect.Importance = widget.HighImportance
	p.Profile.SetPlaceHolder("Profile ID, such as abc123")
	p.URL.SetPlaceHolder("Its address, such as http://192.168.1.2")
	p.User.SetPlaceHolder("User name")
	p.Message.Hide()
	p.render()
	return p
}

func kindTitles() []string {
	var out []string
	for _, k := range api.FilterKinds() {
		out = append(out, k.Title())
	}
	return out
}

// kind is the filter chosen, or "".
func (p *Phone) kind() api.FilterKind {
	for _, k := range api.FilterKinds() {
		if k.Title() == p.Kind.Selected {
			return k
		}
	}
	return ""
}

// fields shows the fields the chosen filter needs.
func (p *Phone) fields() {
	k := p.kind()
	show(p.Profile, k != "" && !k.AtHome())
	show(p.URL, k.AtHome())
	show(p.User, k == api.FilterAdGuardHome)
	show(p.Secret, k != "")
	p.Secret.SetPlaceHolder(capitalized(words.PhoneSecret(k)))
	if k == "" {
		p.Connect.Disable()
	} else {
		p.Connect.Enable()
	}
}

func capitalized(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func show(o fyne.CanvasObject, visible bool) {
	if visible {
		o.Show()
	} else {
		o.Hide()
	}
}

// Refresh asks the daemon for the connection; profiles are those saved
// (the platforms to ask about come from them).
func (p *Phone) Refresh(profiles []profile.Profile) {
	platforms := profile.ProfileOnly(profiles)
	p.d.Async(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		s, err := p.d.Daemon.Status(ctx) // the block and the phone in one answer
		fyne.Do(func() {
			p.platforms, p.st = platforms, nil
			if err != nil {
				p.render()
				p.say(reason(err))
				return
			}
			p.active, p.st = s.Session != nil, s.Phone // nil: no filter connected
			p.render()
		})
	})
}

func (p *Phone) say(s string) {
	p.Message.SetText(s)
	show(p.Message, s != "")
}

func (p *Phone) onConnect() {
	req := api.PhoneConnect{Kind: p.kind(), Profile: p.Profile.Text, URL: p.URL.Text, User: p.User.Text, Secret: p.Secret.Text}
	p.Connect.Disable()
	p.say("Checking with " + req.Kind.Title() + "…")
	p.call(func() (*api.PhoneStatus, error) { return p.d.Daemon.ConnectPhone(context.Background(), req) }, func(err error) {
		p.Connect.Enable()
		if err == nil {
			p.Secret.SetText("")
			p.say("")
		}
	})
}

// call asks the daemon off the UI thread; back on it, the connection it
// answers is shown, or the reason it failed is said, and then done runs
// with the error.
func (p *Phone) call(ask func() (*api.PhoneStatus, error), done func(error)) {
	p.d.Async(func() {
		st, err := ask()
		fyne.Do(func() {
			if err != nil {
				p.say(reason(err))
			} else {
				p.st = st
				p.render()
			}
			done(err)
		})
	})
}

func (p *Phone) onDisconnect() {
	p.call(func() (*api.PhoneStatus, error) { return p.d.Daemon.DisconnectPhone(context.Background()) }, func(err error) {
		if err == nil {
			p.say("Disconnected: our entries are off the filter, and its key is forgotten.")
		}
	})
}

// onChoice keeps the answer for one platform.
func (p *Phone) onChoice(pl *profile.Platform, all bool) {
	c := profile.PhoneChoose(p.st.Choice, pl, all)
	p.call(func() (*api.PhoneStatus, error) { return p.d.Daemon.ChoosePhone(context.Background(), c) }, func(err error) {
		if err == nil && !all && p.active {
			p.say("On your phone, " + pl.Name + " stays blocked until this block ends.")
		}
	})
}
