package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/daemontest"
)

// Help is in the rail (Ctrl+5 opens it) and names the way out of a stuck
// block, as a line to type, where the data is and the limits; Today does
// not name it during a strict block, where it would tempt.
func TestHelpNamesTheWayOutWhereAPersonLooks(t *testing.T) {
	sock, _ := daemontest.Start(t)
	m, _, _ := newMain(t, sock)
	ctrl(m.Keys.c, fyne.Key5)
	if m.Tabs.Selected().Text != "Help" {
		t.Fatalf("Ctrl+5 opened %q", m.Tabs.Selected().Text)
	}
	help := textsOf(m.Help.content)
	for _, want := range []string{words.StuckCommand, words.StuckHow, words.ServiceData, "What No Contact cannot do", "this computer only"} {
		if !strings.Contains(help, want) {
			t.Errorf("Help does not say %q:\n%s", want, help)
		}
	}
	if !m.Help.Stuck.Selectable {
		t.Error("the command cannot be selected to copy")
	}

	addByPasting(t, m, "jane.substack.com")
	m.Today.Refresh()
	m.Today.Duration.SetSelected("24 h")
	m.Today.Lock.SetSelected("Strict")
	test.Tap(m.Today.Start)
	if a := m.Today.Ask; a == nil || !strings.Contains(a.Text.Text, "cleanup") {
		t.Fatal("the strict block's question does not name the way out")
	}
	test.Tap(m.Today.Ask.Yes)
	if m.Today.session == nil {
		t.Fatal("the strict block did not start")
	}
	if today := textsOf(m.Today.content); strings.Contains(today, "cleanup") {
		t.Errorf("Today names the way out during a strict block:\n%s", today)
	}
}
