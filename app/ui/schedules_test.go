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
	if !s.Add.Disabled() {
		t.Error("a schedule can be added with nothing saved to block")
	}
	addByPasting(t, m, "https://www.instagram.com/jane.doe/")
	m.Refresh()
	if s.Add.Disabled() {
		t.Fatal("Add schedule stays disabled with a saved profile")
	}
	s.From.SetText("25:00")
	test.Tap(s.Add)
	if !strings.Contains(s.Notice.Text, "HH:MM") {
		t.Errorf("a bad time: %q", s.Notice.Text)
	}
	s.From.SetText("22:00")
	s.Lock.SetSelected("Strict")
	test.Tap(s.Add)
	if !strings.Contains(s.Notice.Text, "Added: Weeknights (Mon to Fri), 22:00 to 07:00") {
		t.Fatalf("add: %q", s.Notice.Text)
	}
	if len(s.List.Objects) != 1 || !strings.HasPrefix(s.Next.Text, "Next scheduled block: ") {
		t.Fatalf("list %d rows, next %q", len(s.List.Objects), s.Next.Text)
	}
	row := s.List.Objects[0].(*fyne.Container)
	var remove *Button
	for _, o := range row.Objects {
		if b, ok := o.(*Button); ok {
			remove = b
		}
	}
	test.Tap(remove)
	if s.Ask == nil || !strings.Contains(s.Ask.Text.Text, "stays in force for 24 hours") {
		t.Fatal("removing did not ask first")
	}
	test.Tap(s.Ask.Yes)
	if !strings.Contains(s.Notice.Text, "will be removed") {
		t.Errorf("remove: %q", s.Notice.Text)
	}
}
