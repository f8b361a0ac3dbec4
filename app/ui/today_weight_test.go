package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/daemontest"
)

// startBlock taps Start and, when the block asks first, says yes.
func startBlock(t *testing.T, m *Main) {
	t.Helper()
	m.Today.Ask = nil
	test.Tap(m.Today.Start)
	if a := m.Today.Ask; a != nil && a.Dialog.Visible() {
		test.Tap(a.Yes)
	}
}

// A 30-day strict block asks once, saying when it can end and the way
// out of a stuck block; Not now starts nothing; a 24-hour cool-down asks
// nothing.
func TestALongStrictBlockAsksOnce(t *testing.T) {
	sock, _ := daemontest.Start(t)
	m, c, _ := newMain(t, sock)
	addByPasting(t, m, "jane.substack.com")
	m.Today.Refresh()
	m.Today.Duration.SetSelected("30 days")
	m.Today.Lock.SetSelected("Strict")
	test.Tap(m.Today.Start)
	a := m.Today.Ask
	if a == nil || !a.Dialog.Visible() || a.Heading.Text != "Start a strict block of 30 days?" ||
		!strings.HasPrefix(a.Text.Text, "No early end until ") || !strings.Contains(a.Text.Text, "nocontact cleanup") {
		t.Fatalf("no question before a 30-day strict block: %+v", a)
	}
	test.Tap(a.No)
	if st, _ := c.Status(context.Background()); st.Session != nil {
		t.Fatal("Not now started the block")
	}
	startBlock(t, m)
	st, _ := c.Status(context.Background())
	if st.Session == nil || words.Lock(st.Session.Lock) != "strict" {
		t.Fatalf("yes did not start it: %+v", st.Session)
	}
	if row := m.Today.actions.Objects; row[0] != m.Today.EndEarly || row[1] != m.Today.Extend {
		t.Error("Extend comes before End early in the focus order")
	}
}

func TestAShortCooldownBlockAsksNothing(t *testing.T) {
	sock, _ := daemontest.Start(t)
	m, c, _ := newMain(t, sock)
	addByPasting(t, m, "jane.substack.com")
	m.Today.Refresh()
	m.Today.Duration.SetSelected("24 h")
	test.Tap(m.Today.Start)
	if m.Today.Ask != nil {
		t.Errorf("asked %q", m.Today.Ask.Heading.Text)
	}
	if st, _ := c.Status(context.Background()); st.Session == nil {
		t.Error("the block did not start")
	}
}
