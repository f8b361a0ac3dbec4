package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/content/profile"
)

// Profiles lists the saved profiles and adds one by pasting a link.
type Profiles struct {
	d Deps

	Link    *Entry
	Preview *widget.Label
	Reach   *widget.RadioGroup // shown when the profile's pages can be blocked alone
	// Platform asks which platform a bare name ("jane.doe") is on.
	Platform *widget.Select
	Save     *Button
	List     *fyne.Container
	Notice   *widget.Label
	Ask      *Ask // the last question asked during a block, for tests
	Phone    *Phone
	content  fyne.CanvasObject

	keys     *Keys
	parsed   *profile.Profile
	onChange func() // the saved profiles changed
}

func newProfiles(d Deps, k *Keys) *Profiles {
	p := &Profiles{d: d, keys: k, Link: newEntry(false), Preview: widget.NewLabel(""), List: container.NewVBox(),
		Notice: widget.NewLabel(""), onChange: func() {}, Phone: newPhone(d)}
	p.Link.SetPlaceHolder("Paste a link: https://www.instagram.com/NAME/, jane.substack.com, NAME@mastodon.social")
	p.Link.OnChanged = p.onLinkChanged
	p.Link.OnSubmitted = func(string) { p.onSave() } // nothing to save when the link is not understood
	p.Platform = widget.NewSelect(platformNames(), p.onPlatformChosen)
	p.Platform.PlaceHolder = "Which platform is this name on?"
	p.Platform.Hide()
	p.Reach = widget.NewRadioGroup(nil, p.onReachChanged)
	p.Reach.Required = true
	p.Reach.Hide()
	p.Save = newButton("Save profile", p.onSave)
	p.Save.Importance = widget.HighImportance
	p.Save.Disable()
	p.Preview.Wrapping, p.Notice.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	head := widget.NewLabel("Who to block")
	head.TextStyle, head.SizeName = fyne.TextStyle{Bold: true}, "headingText"
	p.content = container.NewVScroll(container.NewPadded(container.NewVBox(
		head, p.Link, p.Platform, p.Reach, p.Preview, p.Save, p.Notice, browserNote(), widget.NewSeparator(), p.List, widget.NewSeparator(), p.Phone.Box)))
	p.Notice.Hide()
	p.Preview.Hide()
	p.List.Add(widget.NewLabel(openingText)) // until the vault answers
	return p
}

// onLinkChanged parses as the user types and shows what it would block.
func (p *Profiles) onLinkChanged(s string) {
	p.parsed = nil
	p.Save.Disable()
	showText(p.Notice, "") // what the last save said is not about this link
	p.Platform.Hide()
	p.Reach.Hide()
	if strings.TrimSpace(s) == "" {
		showText(p.Preview, "")
		return
	}
	pr, err := profile.Parse(s)
	if errors.Is(err, profile.ErrWhichPlatform) {
		name := strings.TrimPrefix(strings.TrimSpace(s), "@")
		showText(p.Preview, fmt.Sprintf("%q is a name, not a website. Which platform is it on?", name))
		p.Platform.ClearSelected()
		p.Platform.Show()
		return
	}
	if err != nil {
		showText(p.Preview, err.Error())
		return
	}
	p.use(pr)
}

// use makes pr the profile being added: its reach choices and preview.
func (p *Profiles) use(pr profile.Profile) {
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
	pr.ViewersOff = true // their viewer sites have a section of their own
	return "these sites for every program: " + strings.Join(pr.Hostnames(), ", ")
}

// browserNote tells, once and kindly, what blocking a profile page in the
// browsers looks like.
func browserNote() fyne.CanvasObject {
	l := widget.NewLabel("Blocking their profile uses your browsers' own managed settings. While a block runs, Chrome and " +
		"other browsers say \"Managed by your organization\": that is No Contact, and it goes when the block ends. " +
		words.ExtensionNote + " " + words.FirefoxNote)
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
		running := p.blockRunning()
		fyne.Do(func() {
			if err != nil {
				showText(p.Notice, err.Error())
				return
			}
			if running {
				showText(p.Notice, "Changed. The running block keeps what it blocks; a wider reach applies once you add it to the block on Today, a narrower one from your next block.")
			} else {
				showText(p.Notice, "Changed. Your next block uses it.")
			}
		})
		p.Refresh()
		p.onChange()
	})
}

func (p *Profiles) onSave() {
	if p.parsed == nil {
		return
	}
	if l, ok := p.parsed.LookAlike(); ok {
		p.askTypo(*p.parsed, l)
		return
	}
	p.save(*p.parsed)
}

// save adds pr to the saved profiles.
func (p *Profiles) save(pr profile.Profile) {
	p.d.Async(func() {
		err := p.d.Vault.Update(func(d *vault.Data) error { return d.AddProfile(pr) })
		running := p.blockRunning()
		fyne.Do(func() {
			if err != nil {
				showText(p.Notice, err.Error())
				return
			}
			p.Link.SetText("")
			if running {
				showText(p.Notice, "Saved. The running block does not include them yet: add them on Today, or the next block will.")
			} else {
				showText(p.Notice, "Saved. Your next block includes them.")
			}
		})
		p.Refresh()
		p.onChange()
	})
}

// blockRunning asks the daemon whether a block runs (slow: off the UI
// thread).
func (p *Profiles) blockRunning() bool {
	c, cancel := ctx()
	defer cancel()
	st, err := p.d.Daemon.Status(c)
	return err == nil && st.Session != nil
}

// askDuringBlock runs change at once when no block runs; during a block it
// first asks, saying that the block keeps what it blocks until its end.
// undo puts the screen back when the answer is no.
func (p *Profiles) askDuringBlock(heading, text, yes, no string, change, undo func()) {
	p.d.Async(func() {
		running := p.blockRunning()
		fyne.Do(func() {
			if !running {
				change()
				return
			}
			p.Ask = newAsk(p.keys, heading, text, yes, no, change, undo)
		})
	})
}

// onRemove removes a saved profile, asking first during a block.
func (p *Profiles) onRemove(pr profile.Profile) {
	who := pr.Who()
	p.askDuringBlock("Remove "+who+"?",
		"A block is running. It keeps blocking "+who+" until it ends: a block only gets stronger while it runs. "+
			"Removing them here means your next block will not include them.",
		"Remove", "Keep "+who, func() { p.remove(pr.ID()) }, func() {})
}

// onNarrow changes a saved profile's reach, asking first when it narrows
// (from all of the platform to their profile) during a block.
func (p *Profiles) onNarrow(pr profile.Profile, r profile.Reach) {
	if r != profile.ReachProfile {
		p.setReach(pr.ID(), r)
		return
	}
	name := profile.Lookup(pr.Platform).Name
	p.askDuringBlock("Block only their profile from now on?",
		"A block is running. It keeps all of "+name+" blocked until it ends: a block only gets stronger while it runs. "+
			"From your next block, only "+pr.Who()+" will be blocked, in your browsers.",
		"Narrow from the next block", "Keep all of "+name, func() { p.setReach(pr.ID(), r) }, p.Refresh)
}

func (p *Profiles) remove(id string) {
	p.d.Async(func() {
		err := p.d.Vault.Update(func(d *vault.Data) error { d.RemoveProfile(id); return nil })
		running := p.blockRunning()
		fyne.Do(func() {
			if err != nil {
				showText(p.Notice, err.Error())
				return
			}
			if running {
				showText(p.Notice, "Removed. "+words.RemovedKeeps)
			} else {
				showText(p.Notice, "Removed.")
			}
		})
		p.Refresh()
		p.onChange()
	})
}

// Refresh shows the saved profiles.
func (p *Profiles) Refresh() {
	p.d.Async(func() { p.update(p.d.Vault.Load()) })
}

// update shows what the vault answered; it may run off the UI thread.
func (p *Profiles) update(data *vault.Data, err error) {
	fyne.Do(func() { p.render(data, err) })
}

func (p *Profiles) render(data *vault.Data, err error) {
	p.List.RemoveAll()
	if err != nil {
		p.Phone.Refresh(nil)
		sentence, _ := problemText(err)
		l := widget.NewLabel(sentence)
		l.Wrapping = fyne.TextWrapWord
		p.List.Add(l)
		return
	}
	p.Phone.Refresh(data.Profiles)
	if len(data.Profiles) == 0 {
		p.List.Add(widget.NewLabel("No saved profiles yet."))
		return
	}
	for _, pr := range data.Profiles {
		name := widget.NewLabel(pr.Who())
		name.TextStyle = fyne.TextStyle{Bold: true}
		name.Wrapping = fyne.TextWrapWord
		said := pr.ReachWords()
		var reach fyne.CanvasObject = widget.NewLabel(strings.ToUpper(said[:1]) + said[1:])
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
					p.onNarrow(pr, r)
				}
			}
			reach = sel
		}
		details := widget.NewAccordion(widget.NewAccordionItem("Details", wrapped("Blocks "+blocksWords(pr))))
		if pr.HasViewers() {
			details.Append(widget.NewAccordionItem(words.ViewersTitle, p.viewers(pr)))
		}
		rm := newButton("Remove", func() { p.onRemove(pr) })
		p.List.Add(container.NewBorder(nil, nil, container.NewVBox(platformMark(pr.Platform)), container.NewVBox(rm), container.NewVBox(name, reach, details)))
	}
}

// wrapped is a secondary label that wraps.
func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
