package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/content/profile"
)

// viewers is a profile's "Sites that show their profile without an
// account": the switch (on by default), the sites, the catalogue's date,
// where archives and other letter cases are refused, and a field to add
// another site where the person watches them.
func (p *Profiles) viewers(pr profile.Profile) fyne.CanvasObject {
	on := widget.NewCheck(words.ViewersSwitch, nil)
	on.Checked = !pr.ViewersOff
	on.OnChanged = func(checked bool) { p.onViewersSwitch(pr, checked) }
	var sites []string
	for _, v := range pr.ViewerList() {
		sites = append(sites, v.String())
	}
	add := newEntry(false)
	add.SetPlaceHolder(words.ViewerAddHint)
	addButton := newButton("Add", func() { p.addViewer(pr, add.Text) })
	add.OnSubmitted = func(s string) { p.addViewer(pr, s) }
	date := fmt.Sprintf("This list was last checked on %s, from %d public lists that track such sites. A site missing from it can be added here.",
		profile.CatalogueChecked, len(profile.ViewerSources()))
	return container.NewVBox(wrapped(words.ViewersWhy), on, wrapped(strings.Join(sites, ", ")), wrapped(date),
		container.NewBorder(nil, nil, nil, addButton, add), wrapped(words.WrappersWhere), wrapped(words.CaseWhere))
}

// onViewersSwitch turns the block of a profile's viewer sites on at once
// or, during a block, asks before turning it off: a loosening, which the
// running block does not take (it keeps the names until its end).
func (p *Profiles) onViewersSwitch(pr profile.Profile, on bool) {
	if on {
		p.setViewers(pr.ID(), func(q *profile.Profile) { q.ViewersOff = false }, "Changed. Your next block includes them; add them to a running block on Today.")
		return
	}
	p.askDuringBlock("Leave these sites open from your next block?",
		"A block is running. It keeps the sites that show "+pr.Who()+" without an account blocked until it ends: a block only gets stronger while it runs. "+
			"From your next block they stay open.",
		"Open them from the next block", "Keep them blocked",
		func() {
			p.setViewers(pr.ID(), func(q *profile.Profile) { q.ViewersOff = true }, "Changed. "+words.ViewersOffKeeps)
		}, p.Refresh)
}

// addViewer adds another site where the person watches a profile.
func (p *Profiles) addViewer(pr profile.Profile, typed string) {
	host, err := profile.NormalizeViewer(typed)
	if err != nil {
		showText(p.Notice, err.Error())
		return
	}
	p.setViewers(pr.ID(), func(q *profile.Profile) {
		if !slices.Contains(q.Watch, host) {
			q.Watch = append(q.Watch, host)
		}
	}, "Added "+host+". Your next block includes it; add it to a running block on Today.")
}

// setViewers changes a saved profile's viewer sites with change and says
// done.
func (p *Profiles) setViewers(id string, change func(*profile.Profile), done string) {
	p.d.Async(func() {
		err := p.d.Vault.Update(func(d *vault.Data) error {
			for i := range d.Profiles {
				if d.Profiles[i].ID() == id {
					change(&d.Profiles[i])
				}
			}
			return nil
		})
		fyne.Do(func() {
			if err != nil {
				showText(p.Notice, err.Error())
				return
			}
			showText(p.Notice, done)
		})
		p.Refresh()
		p.onChange()
	})
}
