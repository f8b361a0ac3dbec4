package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/content/profile"
)

// Profiles lists the saved profiles and adds one by pasting a link.
type Profiles struct {
	d Deps

	Link    *widget.Entry
	Preview *widget.Label
	Save    *widget.Button
	List    *fyne.Container
	Notice  *widget.Label
	content fyne.CanvasObject

	parsed   *profile.Profile
	onChange func() // the saved profiles changed
}

func newProfiles(d Deps) *Profiles {
	p := &Profiles{d: d, Link: widget.NewEntry(), Preview: widget.NewLabel(""), List: container.NewVBox(),
		Notice: widget.NewLabel(""), onChange: func() {}}
	p.Link.SetPlaceHolder("Paste a link: https://www.instagram.com/NAME/, jane.substack.com, NAME@mastodon.social")
	p.Link.OnChanged = p.onLinkChanged
	p.Save = widget.NewButton("Save profile", p.onSave)
	p.Save.Importance = widget.HighImportance
	p.Save.Disable()
	p.Preview.Wrapping, p.Notice.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	head := widget.NewLabel("Who to block")
	head.TextStyle, head.SizeName = fyne.TextStyle{Bold: true}, "headingText"
	p.content = container.NewVScroll(container.NewPadded(container.NewVBox(
		head, p.Link, p.Preview, p.Save, p.Notice, widget.NewSeparator(), p.List)))
	p.Notice.Hide()
	p.Preview.Hide()
	return p
}

// onLinkChanged parses as the user types and shows what it would block.
func (p *Profiles) onLinkChanged(s string) {
	p.parsed = nil
	p.Save.Disable()
	if strings.TrimSpace(s) == "" {
		showText(p.Preview, "")
		return
	}
	pr, err := profile.Parse(s)
	if err != nil {
		showText(p.Preview, strings.TrimPrefix(err.Error(), "profile not understood: "))
		return
	}
	p.parsed = &pr
	showText(p.Preview, fmt.Sprintf("%s\nBlocks: %s", pr.Describe(), strings.Join(pr.Hostnames(), ", ")))
	p.Save.Enable()
}

func (p *Profiles) onSave() {
	if p.parsed == nil {
		return
	}
	pr := *p.parsed
	p.d.Async(func() {
		err := p.d.Vault.Update(func(d *vault.Data) error {
			for _, q := range d.Profiles {
				if q.ID() == pr.ID() {
					return fmt.Errorf("%s is already saved", pr.ID())
				}
			}
			d.Profiles = append(d.Profiles, pr)
			return nil
		})
		fyne.Do(func() {
			if err != nil {
				showText(p.Notice, err.Error())
				return
			}
			p.Link.SetText("")
			showText(p.Notice, "Saved. A running block is not changed: the next block includes it.")
		})
		p.Refresh()
		p.onChange()
	})
}

func (p *Profiles) remove(id string) {
	p.d.Async(func() {
		err := p.d.Vault.Update(func(d *vault.Data) error {
			for i, q := range d.Profiles {
				if q.ID() == id {
					d.Profiles = append(d.Profiles[:i], d.Profiles[i+1:]...)
					return nil
				}
			}
			return nil
		})
		fyne.Do(func() {
			if err != nil {
				showText(p.Notice, err.Error())
				return
			}
			showText(p.Notice, "Removed. A running block keeps its hostnames until it ends: a block only gets stronger.")
		})
		p.Refresh()
		p.onChange()
	})
}

// Refresh shows the saved profiles.
func (p *Profiles) Refresh() {
	p.d.Async(func() {
		data, err := p.d.Vault.Load()
		fyne.Do(func() { p.render(data, err) })
	})
}

func (p *Profiles) render(data *vault.Data, err error) {
	p.List.RemoveAll()
	if err != nil {
		p.List.Add(widget.NewLabel("Your saved profiles could not be read: " + err.Error()))
		return
	}
	if len(data.Profiles) == 0 {
		p.List.Add(widget.NewLabel("No saved profiles yet."))
		return
	}
	for _, pr := range data.Profiles {
		id := pr.ID()
		badge := "just this profile"
		if pr.Scope == profile.ScopePlatform {
			badge = "all of " + profile.Lookup(pr.Platform).Name + " while blocking"
		}
		name := widget.NewLabel(id)
		name.TextStyle = fyne.TextStyle{Bold: true}
		scope := widget.NewLabel(badge)
		scope.Importance = widget.WarningImportance
		if pr.Scope == profile.ScopeExact {
			scope.Importance = widget.SuccessImportance
		}
		hosts := widget.NewLabel(strings.Join(pr.Hostnames(), ", "))
		hosts.Wrapping = fyne.TextWrapWord
		hosts.Importance = widget.LowImportance
		rm := widget.NewButton("Remove", func() { p.remove(id) })
		p.List.Add(container.NewBorder(nil, nil, nil, rm, container.NewVBox(container.NewHBox(name, scope), hosts)))
	}
}
