package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/blocker/daemontest"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// blockedNames are the names the running block holds (nil: no block).
func blockedNames(t *testing.T, c *client.Client) []string {
	t.Helper()
	st, err := c.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Session == nil {
		return nil
	}
	return st.Session.Hostnames
}

// viewersParts finds the viewer sites' switch and add field of the i-th
// saved profile.
func viewersParts(t *testing.T, p *Profiles, i int) (on *widget.Check, add *Entry, addButton *Button) {
	t.Helper()
	walk(p.List.Objects[i], func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Check:
			if x.Text == words.ViewersSwitch {
				on = x
			}
		case *Entry:
			add = x
		case *Button:
			if x.Text == "Add" {
				addButton = x
			}
		}
	})
	if on == nil || add == nil || addButton == nil {
		t.Fatalf("profile %d shows no viewer sites' switch and field", i)
	}
	return on, add, addButton
}

// The viewer sites of a saved Instagram person are blocked by default;
// turning the switch off during a block asks first and the running block
// keeps them until its end; the next block leaves them open. A site the
// person adds is blocked by the next block like a catalogue entry.
func TestViewersSwitchWaitsForTheBlocksEnd(t *testing.T) {
	sock, pass := daemontest.StartWithClock(t)
	m, c, v := newMain(t, sock)
	p := m.Profiles
	addByPasting(t, m, "https://www.instagram.com/jane.doe/")
	on, _, _ := viewersParts(t, p, 0)
	if !on.Checked {
		t.Fatal("the switch is off by default")
	}
	m.Today.Refresh()
	startBlock(t, m)
	if names := blockedNames(t, c); !slices.Contains(names, "imginn.com") || !slices.Contains(names, "www.picuki.com") {
		t.Fatalf("the block does not hold the viewer sites: %v", names)
	}

	on.SetChecked(false)
	if p.Ask == nil || !p.Ask.Dialog.Visible() || !strings.Contains(p.Ask.Text.Text, "blocked until it ends") {
		t.Fatal("turning the switch off during a block did not ask first")
	}
	test.Tap(p.Ask.Yes)
	if !savedProfiles(t, v)[0].ViewersOff || !strings.Contains(p.Notice.Text, words.ViewersOffKeeps) {
		t.Fatalf("the switch is not saved off, or the notice says %q", p.Notice.Text)
	}
	if !slices.Contains(blockedNames(t, c), "imginn.com") {
		t.Fatal("the running block let the viewer sites go before its end")
	}

	_, add, addButton := viewersParts(t, p, 0)
	test.Type(add, "https://www.Other-Viewer.example/jane.doe")
	test.Tap(addButton)
	if w := savedProfiles(t, v)[0].Watch; !slices.Equal(w, []string{"other-viewer.example"}) {
		t.Fatalf("the added site: %v (%q)", w, p.Notice.Text)
	}

	endBlock := func() {
		pass(8 * 24 * time.Hour)
		testutil.WaitFor(t, "the block ends", 5*time.Second, func() bool { return blockedNames(t, c) == nil })
	}
	endBlock()
	m.Today.Refresh()
	startBlock(t, m)
	if names := blockedNames(t, c); names == nil || slices.Contains(names, "imginn.com") || slices.Contains(names, "other-viewer.example") {
		t.Fatalf("the next block, the switch off, holds the viewer sites: %v", names)
	}
	endBlock()
	on, _, _ = viewersParts(t, p, 0)
	on.SetChecked(true) // no block runs: at once
	m.Today.Refresh()
	startBlock(t, m)
	if names := blockedNames(t, c); !slices.Contains(names, "imginn.com") || !slices.Contains(names, "other-viewer.example") {
		t.Fatalf("switched on again, the next block lacks the sites: %v", names)
	}
}
