package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/blocker/daemontest"
)

// fiveProfiles are more profiles than Today names one by one.
var fiveProfiles = []string{"https://www.instagram.com/jane.doe/", "jane.substack.com", "https://x.com/janedoe",
	"https://www.tiktok.com/@jane.doe", "https://www.facebook.com/jane.doe"}

// busyMain is the window with five saved profiles and a day of last
// contact, against a real daemon: the most Today holds before a block.
func busyMain(t *testing.T) (*Main, fyne.Window) {
	t.Helper()
	sock, _ := daemontest.Start(t)
	m, _, v := newMain(t, sock)
	for _, l := range fiveProfiles {
		addByPasting(t, m, l)
	}
	v.Update(func(d *vault.Data) error {
		day, err := vault.ParseLastContact("2026-11-01", time.Now())
		d.SetLastContact(day)
		return err
	})
	m.Refresh()
	return m, windowOf(t, m)
}

func windowOf(t *testing.T, m *Main) fyne.Window {
	t.Helper()
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w.Canvas() == m.Keys.c {
			return w
		}
	}
	t.Fatal("the window is not open")
	return nil
}

// sizes are the window's smallest (the content's minimum with the
// window's padding, as a desktop window takes it) and its default.
func sizes(m *Main) []fyne.Size {
	p := 2 * theme.Padding()
	return []fyne.Size{m.Tabs.MinSize().AddWidthHeight(p, p), fyne.NewSize(900, 620)}
}

// inSight fails unless each object is drawn whole where a person sees
// it without scrolling: inside the window and, on a screen that scrolls,
// inside the part of it in view.
func inSight(t *testing.T, m *Main, what string, objs ...fyne.CanvasObject) {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	_, area := m.Keys.c.InteractiveArea()
	for _, s := range m.scrolls[m.Tabs.Selected()] {
		s.Refresh() // a frame lays out what was shown since the last
	}
	for _, o := range objs {
		p, h := d.AbsolutePositionForObject(o), o.Size().Height
		if !o.Visible() || h < 1 || p.Y < 0 || p.Y+h > area.Height {
			t.Errorf("%s: %T at %v, %v high: not whole in the %v window", what, o, p, h, area)
			continue
		}
		for _, s := range m.scrolls[m.Tabs.Selected()] {
			at := d.AbsolutePositionForObject(s)
			if _, _, ok := span(s, []fyne.CanvasObject{o}); ok && (p.Y < at.Y || p.Y+h > at.Y+s.Size().Height) {
				t.Errorf("%s: %T at %v, %v high: out of the screen's view (%v to %v)", what, o, p, h, at.Y, at.Y+s.Size().Height)
			}
		}
	}
}

// under fails unless msg is said right under what it is about.
func under(t *testing.T, msg, about fyne.CanvasObject) {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	gap := d.AbsolutePositionForObject(msg).Y - (d.AbsolutePositionForObject(about).Y + about.Size().Height)
	if gap < 0 || gap > 2*theme.Padding() {
		t.Errorf("%T is %v below what it is about, not right under it", msg, gap)
	}
}

// At the window's smallest and at its default size, each screen's main
// button is in sight with no scrolling: Today's Start with five profiles,
// Profiles' Save with a link's choices, Progress's Log this urge; and a
// schedule's form fits in view with its Add.
func TestMainButtonsInSightAtTheSmallest(t *testing.T) {
	m, w := busyMain(t)
	if min := m.Tabs.MinSize(); min.Height < screenMinHeight || min.Width > 900 {
		t.Fatalf("the window's smallest is %v", min)
	}
	for _, size := range sizes(m) {
		w.Resize(size)
		m.Tabs.SelectIndex(0)
		m.Refresh()
		inSight(t, m, "Today's Start", m.Today.Start)
		s := m.Today.Sched
		showIn(m.Today.scroll, s.Days, s.Add) // where Tab or the wheel brings the form
		inSight(t, m, "the schedule form", s.Days, s.Lock, s.times, s.Add)
		m.Today.scroll.ScrollToOffset(fyne.NewPos(0, 0))

		m.Tabs.SelectIndex(1)
		test.Type(m.Profiles.Link, "https://www.instagram.com/jane.roe/")
		inSight(t, m, "Profiles' Save", m.Profiles.Link, m.Profiles.Reach, m.Profiles.Preview, m.Profiles.Save)
		m.Profiles.Link.SetText("")

		m.Tabs.SelectIndex(3)
		inSight(t, m, "Progress's journal", m.Progress.Motive, m.Progress.What, m.Progress.Save)
	}
}

// A running block's buttons are in sight under its headline, and so is the
// friend's code field with the answer to a wrong code under it.
func TestRunningBlockInSightAtTheSmallest(t *testing.T) {
	m, w := busyMain(t)
	m.Today.Duration.SetSelected("24 h")
	m.Today.Lock.SetSelected("Friend's code")
	startBlock(t, m)
	test.Tap(m.Today.Friend.Done)
	for _, size := range sizes(m) {
		w.Resize(size)
		m.Refresh()
		m.Today.Code.SetText("WRONG-CODE")
		test.Tap(m.Today.EndEarly)
		inSight(t, m, "a friend-locked block", m.Today.Progress, m.Today.Code, m.Today.CodeMsg, m.Today.EndEarly, m.Today.Extend)
		under(t, m.Today.CodeMsg, m.Today.Code)
	}
}

// Each validation message is said right under its field and scrolled
// into sight with it, at the window's smallest.
func TestValidationUnderItsFieldInSight(t *testing.T) {
	m, w := busyMain(t)
	w.Resize(sizes(m)[0])
	m.Refresh()
	s := m.Today.Sched
	s.From.SetText("25:00")
	test.Tap(s.Add)
	inSight(t, m, "a time not understood", s.times, s.TimesMsg, s.Add)
	under(t, s.TimesMsg, s.times)
	s.From.SetText("22:00")
	s.Days.SetSelected(nil)
	test.Tap(s.Add)
	inSight(t, m, "no day chosen", s.Days, s.DaysMsg, s.Add)
	under(t, s.DaysMsg, s.Days)
	if s.TimesMsg.Visible() {
		t.Error("the times' message stays after the times were put right")
	}

	m.Tabs.SelectIndex(3)
	test.Tap(m.Progress.Save)
	inSight(t, m, "a journal entry without words", m.Progress.Motive, m.Progress.What, m.Progress.Save, m.Progress.Notice)
	under(t, m.Progress.Notice, m.Progress.Save)

	m.Tabs.SelectIndex(0)
	m.Today.LastContact.SetText("last spring")
	test.Tap(m.Today.SetContact)
	inSight(t, m, "a day not understood", m.Today.dayRow, m.Today.DayError)
	under(t, m.Today.DayError, m.Today.dayRow)
}

// Tab moves the focus to a field below the screen's edge, and the screen
// scrolls to show it; Shift+Tab back to the top scrolls back.
func TestFocusScrollsIntoView(t *testing.T) {
	m, w := busyMain(t)
	w.Resize(sizes(m)[0])
	m.Refresh()
	c, s := m.Keys.c, m.Today.Sched
	inSight(t, m, "Today's top", m.Today.LastContact)
	for i := 0; c.Focused() != s.From && i < 60; i++ {
		test.FocusNext(c)
		m.followFocus()
	}
	if c.Focused() != s.From {
		t.Fatal("Tab never reached the schedule's From field")
	}
	if m.Today.scroll.Offset.Y == 0 {
		t.Error("the screen did not scroll to the focused field")
	}
	inSight(t, m, "the focused field", s.From)
	c.Focus(m.Today.LastContact)
	m.followFocus()
	inSight(t, m, "the focus back at the top", m.Today.LastContact)
	m.Close()
	if !m.followFocus() {
		t.Error("the focus is still followed after the window closed")
	}
}

// Dialogs keep their buttons in sight at the window's smallest: the
// question before a strict block, and the friend's code with all three.
func TestDialogButtonsInSightAtTheSmallest(t *testing.T) {
	m, w := busyMain(t)
	w.Resize(sizes(m)[0])
	m.Refresh()
	m.Today.Duration.SetSelected("30 days")
	m.Today.Lock.SetSelected("Strict")
	test.Tap(m.Today.Start)
	inSight(t, m, "the strict block's question", m.Today.Ask.Heading, m.Today.Ask.Text, m.Today.Ask.Yes, m.Today.Ask.No)
	test.Tap(m.Today.Ask.No)
	m.Today.Duration.SetSelected("24 h")
	m.Today.Lock.SetSelected("Friend's code")
	test.Tap(m.Today.Start)
	f := m.Today.Friend
	inSight(t, m, "the friend's code", f.Code, f.Copy, f.Mail, f.Done)
	test.Tap(f.Done)
	if st, _ := m.Today.d.Daemon.Status(context.Background()); st.Session == nil {
		t.Error("the friend-locked block did not start")
	}
}
