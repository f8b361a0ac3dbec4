package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/nocontact-app/nocontact/blocker/daemontest"
)

// TestSchedulesOnToday: a schedule is added from Today for the saved
// profiles, listed with the next block, and removed only after a
// question, which says the removal waits 24 hours.
func TestSchedulesOnToday(t *testing.T) {
	sock, _ := daemontest.Start(t)
	m, _, _ := newMain(t, sock)
	s := m.Today.Sched
	if !s.Add.Disabled() || !strings.Contains(s.Notice.Text, "Save a profile first") {
		t.Errorf("with nothing saved to block: add disabled %v, %q", s.Add.Disabled(), s.Notice.Text)
	}
	addByPasting(t, m, "https://www.instagram.com/jane.doe/")
	m.Refresh()
	if s.Add.Disabled() {
		t.Fatal("Add schedule stays disabled with a saved profile")
	}
	s.From.SetText("25:00")
	test.Tap(s.Add)
	if !strings.Contains(s.TimesMsg.Text, "HH:MM") || !s.TimesMsg.Visible() {
		t.Errorf("a bad time: %q", s.TimesMsg.Text)
	}
	s.From.SetText("22:00")
	s.Lock.SetSelected("Strict")
	test.Tap(s.Add)
	if !strings.Contains(s.Notice.Text, "Added: Mon to Fri nights, 22:00 to 07:00 the next morning") {
		t.Fatalf("add: %q", s.Notice.Text)
	}
	if len(s.List.Objects) != 1 || !strings.HasPrefix(s.Next.Text, "Next scheduled block: ") {
		t.Fatalf("list %d rows, next %q", len(s.List.Objects), s.Next.Text)
	}
	test.Tap(findButton(s.List.Objects[0], "Remove…"))
	if s.Ask == nil || !strings.Contains(s.Ask.Text.Text, "stays in force for 24 hours") {
		t.Fatal("removing did not ask first")
	}
	test.Tap(s.Ask.Yes)
	if !strings.Contains(s.Notice.Text, "will be removed") {
		t.Errorf("remove: %q", s.Notice.Text)
	}
	keep := findButton(s.List.Objects[0], "Keep it")
	if keep == nil {
		t.Fatal("a removed schedule offers no Keep it")
	}
	test.Tap(keep)
	if !strings.Contains(s.Notice.Text, "Kept: Mon to Fri") || len(s.List.Objects) != 1 {
		t.Errorf("keep: %q, %d rows", s.Notice.Text, len(s.List.Objects))
	}
	test.Tap(s.Add)
	if !strings.Contains(s.Notice.Text, "exists already") || len(s.List.Objects) != 1 {
		t.Errorf("a second identical schedule: %q, %d rows", s.Notice.Text, len(s.List.Objects))
	}
}

// findButton finds the button labelled text in o and what it holds.
func findButton(o fyne.CanvasObject, text string) *Button {
	if b, ok := o.(*Button); ok && b.Text == text {
		return b
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			if b := findButton(child, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// A schedule takes any set of days: the nights that start Sunday to
// Thursday (what "weeknights" means to most people), said as such; no day
// chosen is said next to the button.
func TestScheduleOnAnyDays(t *testing.T) {
	sock, _ := daemontest.Start(t)
	m, _, _ := newMain(t, sock)
	s := m.Today.Sched
	addByPasting(t, m, "https://www.instagram.com/jane.doe/")
	m.Refresh()
	s.Days.SetSelected(nil)
	test.Tap(s.Add)
	if !strings.Contains(s.DaysMsg.Text, "Choose at least one day") {
		t.Errorf("no day chosen: %q", s.DaysMsg.Text)
	}
	s.Days.SetSelected([]string{"Sun", "Mon", "Tue", "Wed", "Thu"})
	test.Tap(s.Add)
	if !strings.Contains(s.Notice.Text, "Added: Sun to Thu nights, 22:00 to 07:00 the next morning") {
		t.Fatalf("add: %q", s.Notice.Text)
	}
}
