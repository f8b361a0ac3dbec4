package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/blocker/daemontest"
	"github.com/nocontact-app/nocontact/content/profile"
)

// row finds the Remove button and the reach choice of the i-th saved
// profile.
func row(t *testing.T, p *Profiles, i int) (rm *Button, reach *widget.Select) {
	t.Helper()
	walk(p.List.Objects[i], func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *Button:
			if x.Text == "Remove" {
				rm = x
			}
		case *widget.Select:
			reach = x
		}
	})
	if rm == nil {
		t.Fatalf("row %d has no Remove button", i)
	}
	return rm, reach
}

func savedProfiles(t *testing.T, v *vault.Vault) []profile.Profile {
	t.Helper()
	d, err := v.Load()
	if err != nil {
		t.Fatal(err)
	}
	return d.Profiles
}

func TestRemovingOrNarrowingDuringABlockAsksFirst(t *testing.T) {
	sock, _ := daemontest.Start(t)
	m, _, v := newMain(t, sock)
	p := m.Profiles
	addByPasting(t, m, "jane.substack.com")
	if p.Notice.Text != "Saved. Your next block includes them." {
		t.Errorf("saved with no block running: %q", p.Notice.Text)
	}
	addByPasting(t, m, "jane.substack.com")
	if p.Notice.Text != "jane on Substack is already saved" {
		t.Errorf("saved twice: %q", p.Notice.Text)
	}
	p.Link.SetText("")
	addByPasting(t, m, "https://www.instagram.com/jane.doe/")
	_, reach := row(t, p, 1)
	reach.SetSelected(reach.Options[1]) // all of Instagram: widening asks nothing
	if p.Ask != nil || savedProfiles(t, v)[1].EffectiveReach() != profile.ReachPlatform {
		t.Fatal("widening the reach with no block running asked, or did nothing")
	}
	rm, _ := row(t, p, 0)
	test.Tap(rm)
	if p.Ask != nil || len(savedProfiles(t, v)) != 1 || p.Notice.Text != "Removed." {
		t.Fatalf("removing with no block running: asked %v, notice %q", p.Ask != nil, p.Notice.Text)
	}

	m.Today.Refresh()
	startBlock(t, m)
	rm, reach = row(t, p, 0)
	reach.SetSelected(reach.Options[0]) // their profile only: narrower
	if p.Ask == nil || !p.Ask.Dialog.Visible() || !strings.Contains(p.Ask.Text.Text, "keeps all of Instagram blocked until it ends") {
		t.Fatal("narrowing during a block did not ask first")
	}
	test.Tap(p.Ask.No)
	if _, reach = row(t, p, 0); savedProfiles(t, v)[0].EffectiveReach() != profile.ReachPlatform || reach.Selected != reach.Options[1] {
		t.Errorf("Keep all of Instagram narrowed it anyway, or the choice shows %q", reach.Selected)
	}
	test.Tap(rm)
	ask := p.Ask
	if !ask.Dialog.Visible() || ask.Heading.Text != "Remove jane.doe on Instagram?" || !strings.Contains(ask.Text.Text, "keeps blocking jane.doe on Instagram until it ends") {
		t.Fatalf("removing during a block: %q / %q", ask.Heading.Text, ask.Text.Text)
	}
	press(m.Keys.c, fyne.KeyEscape)
	if ask.Dialog.Visible() || len(savedProfiles(t, v)) != 1 {
		t.Fatal("Escape removed the profile, or left the question open")
	}
	test.Tap(rm)
	test.Tap(p.Ask.Yes)
	if len(savedProfiles(t, v)) != 0 || !strings.Contains(p.Notice.Text, "keeps them blocked until it ends") {
		t.Errorf("Remove during a block: %d left, %q", len(savedProfiles(t, v)), p.Notice.Text)
	}
}
