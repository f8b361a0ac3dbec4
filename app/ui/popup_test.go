package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"fyne.io/fyne/v2/widget"
	"github.com/nocontact-app/nocontact/app/vault"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/blocker/daemontest"
	"github.com/nocontact-app/nocontact/content"
	"github.com/nocontact-app/nocontact/content/attempt"
)

func TestPopup(t *testing.T) {
	test.NewTempApp(t)
	keyring.MockInit()
	v := vault.Open(t.TempDir(), vault.Keyring{})
	ev := api.Event{Seq: 7, Kind: api.EventVisit, Host: "instagram.com", Scheme: "https", Count: 1, Time: time.Now()}
	ex := content.MustLoad().Pick(content.Moment{Trigger: content.Visit, Host: ev.Host, Time: time.Date(2026, 1, 1, 23, 0, 0, 0, time.Local), AttemptsToday: 3})
	var read content.Excerpt
	closed := false
	p := NewPopup(Deps{Vault: v, Async: func(f func()) { f() }}, PopupInfo{Event: ev, Attempt: attempt.Attempt{Host: ev.Host, Nth: 3}, Excerpt: ex},
		func(e content.Excerpt) { read = e }, func() { closed = true })
	test.NewTempWindow(t, p.Content())
	if p.Heading.Text != "You tried to open Instagram" || p.Count.Text != "3rd attempt today" || p.Text.Text != ex.Text {
		t.Errorf("popup: %q %q %q", p.Heading.Text, p.Count.Text, p.Text.Text)
	}
	if !strings.Contains(content.Text(), p.Text.Text) || p.Reason.Text != ex.Reason || strings.Contains(content.Text(), p.Reason.Text) {
		t.Errorf("excerpt %q, our line %q", p.Text.Text, p.Reason.Text)
	}
	test.Tap(p.ReadSection)
	if read.Title != ex.Title || read.Text != ex.Text {
		t.Errorf("Read the section opened %q", read.Title)
	}
	test.Tap(p.LogUrge)
	test.Tap(p.SaveUrge)
	if !strings.Contains(p.Notice.Text, "Choose why") {
		t.Errorf("saved without a motive: %q", p.Notice.Text)
	}
	p.Motive.SetSelected(vault.Motives[2].Label)
	test.Tap(p.SaveUrge)
	d, _ := v.Load()
	if len(d.Journal) != 1 || d.Journal[0].Motive != "loneliness" || d.Journal[0].What != "Tried to open Instagram" {
		t.Errorf("journal %+v (%s)", d.Journal, p.Notice.Text)
	}
	test.Tap(p.Close)
	if !closed {
		t.Error("Close did nothing")
	}
	tamper := PopupInfo{Event: api.Event{Kind: api.EventTamper, Time: time.Now()}}
	if tamper.Heading() != "The hosts file was edited" {
		t.Errorf("tamper heading %q", tamper.Heading())
	}
}

// TestPopupJournalFormAndKeys: opening the journal form grows the window
// instead of squashing the passage, and so does the notice after saving;
// Enter in the note saves; the motives end with "not sure"; Escape and
// Enter close the pop-up.
func TestPopupJournalFormAndKeys(t *testing.T) {
	test.NewTempApp(t)
	keyring.MockInit()
	v := vault.Open(t.TempDir(), vault.Keyring{})
	ev := api.Event{Seq: 7, Kind: api.EventVisit, Host: "instagram.com", Count: 1, Time: time.Now()}
	ex := content.MustLoad().Pick(content.Moment{Trigger: content.Visit, Host: ev.Host, Time: time.Date(2026, 1, 1, 23, 0, 0, 0, time.Local), AttemptsToday: 2})
	closed := 0
	p := NewPopup(Deps{Vault: v, Async: func(f func()) { f() }}, PopupInfo{Event: ev, Attempt: attempt.Attempt{Host: ev.Host, Nth: 2}, Excerpt: ex}, func(content.Excerpt) {}, func() { closed++ })
	w := test.NewTempWindow(t, p.Content())
	p.BindKeys(w.Canvas())
	p.OnResize = w.Resize
	w.Resize(p.FitSize(popupWidth, popupMaxHeight))
	whole := func(when string) {
		t.Helper()
		p.content.Refresh() // lay out again, as the window does
		if got, want := p.scroll.Size().Height, p.passage.MinSize().Height; got+1 < want {
			t.Errorf("%s: the passage has %v of the %v it needs", when, got, want)
		}
	}
	whole("at first")
	test.Tap(p.LogUrge)
	whole("with the journal form open")
	if last := vault.Motives[len(vault.Motives)-1]; last.ID != "other" || p.Motive.Options[len(p.Motive.Options)-1] != last.Label {
		t.Errorf("the motives end with %+v", last)
	}
	p.Motive.SetSelected(vault.Motives[len(vault.Motives)-1].Label)
	w.Canvas().Focus(p.Note)
	press(w.Canvas(), fyne.KeyReturn)
	d, _ := v.Load()
	if len(d.Journal) != 1 || d.Journal[0].Motive != "other" || p.logBox.Visible() {
		t.Fatalf("Enter in the note did not save: %+v", d.Journal)
	}
	whole("after saving")
	if closed != 0 {
		t.Fatal("Enter in the note closed the pop-up")
	}
	press(w.Canvas(), fyne.KeyEscape)
	w.Canvas().Unfocus()
	press(w.Canvas(), fyne.KeyReturn)
	if closed != 2 {
		t.Errorf("Escape and Enter closed the pop-up %d times, want 2", closed)
	}
}

// TestPopupForAnEarlyEndOffersToKeepTheBlock: the pop-up the tray opens
// for an early-end request withdraws it with Keep the block.
func TestPopupForAnEarlyEndOffersToKeepTheBlock(t *testing.T) {
	test.NewTempApp(t)
	keyring.MockInit()
	sock, _ := daemontest.Start(t)
	c := &client.Client{Socket: sock}
	ctx := context.Background()
	if _, err := c.Start(ctx, api.StartRequest{Hostnames: []string{"x.com"}, Duration: api.Duration(api.Day)}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Unlock(ctx, api.UnlockRequest, ""); err != nil {
		t.Fatal(err)
	}
	ev := api.Event{Seq: 2, Kind: api.EventUnlockRequested, Time: time.Now()}
	ex := content.MustLoad().Pick(content.Moment{Trigger: content.UnlockRequested, Time: ev.Time})
	p := NewPopup(Deps{Daemon: c, Vault: vault.Open(t.TempDir(), vault.Keyring{}), Async: func(f func()) { f() }}, PopupInfo{Event: ev, Excerpt: ex},
		func(content.Excerpt) {}, func() {})
	test.NewTempWindow(t, p.Content())
	if p.Keep == nil || p.Keep.Importance != widget.HighImportance {
		t.Fatal("no Keep the block in the pop-up for an early-end request")
	}
	test.Tap(p.Keep)
	st, _ := c.Status(ctx)
	if st.Session.Unlock.State != api.UnlockNone || !strings.Contains(p.Notice.Text, "You kept the block") {
		t.Errorf("after Keep the block: %q, %q", st.Session.Unlock.State, p.Notice.Text)
	}
	visit := NewPopup(Deps{Daemon: c}, PopupInfo{Event: api.Event{Kind: api.EventVisit, Host: "x.com"}, Excerpt: ex}, func(content.Excerpt) {}, func() {})
	if visit.Keep != nil {
		t.Error("a visit's pop-up offers Keep the block")
	}
}
