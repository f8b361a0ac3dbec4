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

	Link    *Entry
	Preview *widget.Label
	Reach   *widget.RadioGroup // shown when the profile's pages can be blocked alone
	Save    *widget.Button
	List    *fyne.Container
	Notice  *widget.Label
	content fyne.CanvasObject

	keys     *Keys
	parsed   *profile.Profile
	onChange func() // the saved profiles changed
}

func newProfiles(d Deps, k *Keys) *Profiles {
	p := &Profiles{d: d, keys: k, Link: newEntry(false), Preview: widget.NewLabel(""), List: container.NewVBox(),
		Notice: widget.NewLabel(""), onChange: func() {}}
	p.Link.SetPlaceHolder("Paste a link: https://www.instagram.com/NAME/, jane.substack.com, NAME@mastodon.social")
	p.Link.OnChanged = p.onLinkChanged
	p.Reach = widget.NewRadioGroup(nil, p.onReachChanged)
	p.Reach.Required = true
	p.Reach.Hide()
	p.Save = widget.NewButton("Save profile", p.onSave)
	p.Save.Importance = widget.HighImportance
	p.Save.Disable()
	p.Preview.Wrapping, p.Notice.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	head := widget.NewLabel("Who to block")
	head.TextStyle, head.SizeName = fyne.TextStyle{Bold: true}, "headingText"
	p.content = container.NewVScroll(container.NewPadded(container.NewVBox(
		head, p.Link, p.Reach, p.Preview, p.Save, p.Notice, browserNote(), widget.NewSeparator(), p.List)))
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
	p.Reach.Hide()
	if pr.CanBlockPath() {
		profileOpt, platformOpt := reachOptions(pr)
		p.Reach.Options = []string{profileOpt, platformOpt}
		p.Reach.Selected = profileOpt
		if pr.EffectiveReach() == profile.ReachPlatform {
			p.Reach.Selected = platformOpt
		}
		p.Reach.Refresh()
		p.Reach.Show()
	}
	p.showPreview()
	p.Save.Enable()
}

// reachOptions are the two reaches in words, for this profile's platform.
func reachOptions(pr profile.Profile) (profileOpt, platformOpt string) {
	return "Their profile, in your browsers", "All of " + profile.Lookup(pr.Platform).Name + ", everywhere on this computer"
}

// onReachChanged applies the chosen reach to the profile being added.
func (p *Profiles) onReachChanged(choice string) {
	if p.parsed == nil || choice == "" {
		return
	}
	profileOpt, _ := reachOptions(*p.parsed)
	p.parsed.Reach = profile.ReachPlatform
	if choice == profileOpt {
		p.parsed.Reach = profile.ReachProfile
	}
	p.showPreview()
}

func (p *Profiles) showPreview() {
	pr := *p.parsed
	showText(p.Preview, fmt.Sprintf("%s\nBlocks %s", pr.Describe(), blocksWords(pr)))
}

// blocksWords says what blocking pr blocks, in the words of the window.
func blocksWords(pr profile.Profile) string {
	if pr.EffectiveReach() == profile.ReachProfile {
		return "these pages in your browsers: " + strings.Join(pr.Paths(), ", ")
	}
	return "these sites for every program: " + strings.Join(pr.Hostnames(), ", ")
}

// browserNote tells, once and kindly, what blocking a profile page in the
// browsers looks like.
func browserNote() fyne.CanvasObject {
	l := widget.NewLabel("Blocking their profile uses your browsers' own managed settings. While a block runs, Chrome and " +
		"other browsers say \"Managed by your organization\": that is No Contact, and it goes when the block ends. " +
		"Firefox applies a new block when it next starts. Inside Instagram, X or TikTok, a profile opened from the feed " +
		"is caught when its page loads anew (reload it).")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// setReach changes a saved profile's reach.
func (p *Profiles) setReach(id string, r profile.Reach) {
	p.d.Async(func() {
		err := p.d.Vault.Update(func(d *vault.Data) error {
			for i, q := range d.Profiles {
				if q.ID() == id {
					d.Profiles[i].Reach = r
				}
			}
			return nil
		})
		fyne.Do(func() {
			if err != nil {
				showText(p.Notice, err.Error())
				return
			}
			showText(p.Notice, "Changed. A running block only gets stronger: a wider reach applies when you add it to the block or at the next block.")
		})
		p.Refresh()
		p.onChange()
	})
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
		sentence, _ := problemText(err)
		l := widget.NewLabel(sentence)
		l.Wrapping = fyne.TextWrapWord
		p.List.Add(l)
		return
	}
	if len(data.Profiles) == 0 {
		p.List.Add(widget.NewLabel("No saved profiles yet."))
		return
	}
	for _, pr := range data.Profiles {
		id := pr.ID()
		name := widget.NewLabel(pr.Who())
		name.TextStyle = fyne.TextStyle{Bold: true}
		name.Wrapping = fyne.TextWrapWord
		words := pr.ReachWords()
		var reach fyne.CanvasObject = widget.NewLabel(strings.ToUpper(words[:1]) + words[1:])
		if pr.CanBlockPath() {
			profileOpt, platformOpt := reachOptions(pr)
			sel := widget.NewSelect([]string{profileOpt, platformOpt}, nil)
			sel.Selected = platformOpt
			if pr.EffectiveReach() == profile.ReachProfile {
				sel.Selected = profileOpt
			}
			sel.OnChanged = func(choice string) {
				r := profile.ReachPlatform
				if choice == profileOpt {
					r = profile.ReachProfile
				}
				if r != pr.EffectiveReach() {
					p.setReach(id, r)
				}
			}
			reach = sel
		}
		details := widget.NewAccordion(widget.NewAccordionItem("Details", wrapped(blocksWords(pr))))
		rm := widget.NewButton("Remove", func() { p.remove(id) })
		p.List.Add(container.NewBorder(nil, nil, container.NewVBox(platformMark(pr.Platform)), rm, container.NewVBox(name, reach, details)))
	}
}

// wrapped is a secondary label that wraps.
func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
