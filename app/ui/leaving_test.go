package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/blocker/daemontest"
	"github.com/nocontact-app/nocontact/content"
)

// press sends a key as the desktop driver does: to the focused widget, or
// to the window when nothing has the focus.
func press(c fyne.Canvas, key fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: key}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// leavingSetup is a cool-down block of 30 days on a daemon whose clock the
// test moves, a day of last contact 12 days ago and one journal entry.
type leavingSetup struct {
	m     *Main
	c     *client.Client
	v     *vault.Vault
	pass  func(time.Duration)
	now   time.Time
	ticks []func() bool
}

func newLeavingSetup(t *testing.T) *leavingSetup {
	t.Helper()
	sock, pass := daemontest.StartWithClock(t)
	m, c, v := newMain(t, sock)
	s := &leavingSetup{m: m, c: c, v: v, pass: pass, now: time.Date(2026, 5, 1, 14, 0, 0, 0, time.Local)}
	m.Today.d.Now = func() time.Time { return s.now }
	m.Today.d.Every = func(_ time.Duration, f func() bool) { s.ticks = append(s.ticks, f) }
	addByPasting(t, m, "jane.substack.com")
	v.Update(func(d *vault.Data) error {
		day, _ := vault.ParseDate("2026-04-19")
		d.LastContact = &day
		d.Journal = append(d.Journal, vault.Entry{Time: s.now.Add(-48 * time.Hour), What: "Wanted to text her after the party", Motive: "loneliness"},
			vault.Entry{Time: s.now.Add(-96 * time.Hour), What: "an older entry", Motive: "nostalgia"})
		return nil
	})
	m.Today.Refresh()
	m.Today.Duration.SetSelected("30 days")
	m.Today.Lock.SetSelected("Cool-down")
	startBlock(t, m)
	return s
}

func (s *leavingSetup) unlockState(t *testing.T) api.UnlockState {
	t.Helper()
	st, err := s.c.Status(context.Background())
	if err != nil || st.Session == nil {
		t.Fatalf("status %v, %v", st, err)
	}
	return st.Session.Unlock.State
}

// wait lets d pass on the pause's clock and ticks it as the UI would.
func (s *leavingSetup) wait(d time.Duration) {
	s.now = s.now.Add(d)
	for _, f := range s.ticks {
		f()
	}
}

func TestPauseComesBeforeTheRequest(t *testing.T) {
	s := newLeavingSetup(t)
	today, canvas := s.m.Today, s.m.Keys.c
	if today.EndEarly.Text != "End early…" {
		t.Fatalf("end button %q", today.EndEarly.Text)
	}
	test.Tap(today.EndEarly)
	p := today.Pause
	if p == nil || !p.Dialog.Visible() {
		t.Fatal("End early… opened no pause")
	}
	if st := s.unlockState(t); st != api.UnlockNone {
		t.Errorf("the pause already asked the daemon: %q", st)
	}
	if !strings.HasPrefix(p.Breath.Text, "Breathe in slowly…  10") || !p.Go.Disabled() {
		t.Errorf("breath %q, start enabled %v", p.Breath.Text, !p.Go.Disabled())
	}
	if p.Days.Text != "Day 12 without contact" || !strings.Contains(p.Own.Text, "“Wanted to text her after the party”") ||
		p.Attempts.Text != "No attempts to open a blocked site today." || !strings.Contains(p.Served.Text, "It is set for 30 d") {
		t.Errorf("days %q, own %q, attempts %q, served %q", p.Days.Text, p.Own.Text, p.Attempts.Text, p.Served.Text)
	}
	if p.Passage.Text == "" || !strings.Contains(content.Text(), p.Passage.Text) || !strings.Contains(p.Reason.Text, "decide") && !strings.Contains(p.Reason.Text, "choose") {
		t.Errorf("passage %q (%s) is not a quote for this moment", p.Passage.Text, p.Reason.Text)
	}
	press(canvas, fyne.KeyReturn) // Enter: the default, keep the block
	if p.Dialog.Visible() || s.unlockState(t) != api.UnlockNone || !strings.Contains(today.Notice.Text, "You kept the block") {
		t.Fatalf("Enter: pause open %v, notice %q", p.Dialog.Visible(), today.Notice.Text)
	}

	test.Tap(today.EndEarly)
	p = today.Pause
	test.Tap(p.Go)
	s.wait(5 * time.Second)
	if !p.Go.Disabled() || !strings.HasPrefix(p.Breath.Text, "…and let it go.  5") || s.unlockState(t) != api.UnlockNone {
		t.Fatalf("after 5 s: start enabled %v, breath %q", !p.Go.Disabled(), p.Breath.Text)
	}
	s.wait(5 * time.Second)
	if p.Go.Disabled() {
		t.Fatalf("the cool-down cannot be started after the breath: %q", p.Breath.Text)
	}
	test.Tap(p.Go)
	if st := s.unlockState(t); st != api.UnlockWaiting || p.Dialog.Visible() {
		t.Fatalf("Start the cool-down: state %q", st)
	}
	if !today.KeepBlock.Visible() || !today.EndEarly.Disabled() || !today.Countdown.Visible() {
		t.Errorf("during the cool-down: keep shown %v, end %q", today.KeepBlock.Visible(), today.EndEarly.Text)
	}
	test.Tap(today.KeepBlock)
	if st := s.unlockState(t); st != api.UnlockNone || today.KeepBlock.Visible() || today.EndEarly.Text != "End early…" {
		t.Errorf("Keep the block during the cool-down: state %q, end %q, %q", st, today.EndEarly.Text, today.Notice.Text)
	}
}

func TestPauseEscapeKeepsTheBlock(t *testing.T) {
	s := newLeavingSetup(t)
	test.Tap(s.m.Today.EndEarly)
	p := s.m.Today.Pause
	test.FocusNext(s.m.Keys.c)
	press(s.m.Keys.c, fyne.KeyEscape)
	if p.Dialog.Visible() || s.unlockState(t) != api.UnlockNone || s.m.Today.EndEarly.Disabled() {
		t.Errorf("Escape: pause open %v", p.Dialog.Visible())
	}
}

// readyToConfirm requests the early end and lets the 30-minute cool-down
// pass on the daemon's clock.
func (s *leavingSetup) readyToConfirm(t *testing.T) {
	t.Helper()
	if _, err := s.c.Unlock(context.Background(), api.UnlockRequest, ""); err != nil {
		t.Fatal(err)
	}
	s.pass(31 * time.Minute)
	s.m.Today.Refresh()
	if s.m.Today.EndEarly.Text != "End the block now…" || !s.m.Today.KeepBlock.Visible() || !strings.Contains(s.m.Today.Countdown.Text, "cool-down is over") {
		t.Fatalf("after the cool-down: end %q, countdown %q", s.m.Today.EndEarly.Text, s.m.Today.Countdown.Text)
	}
}

func TestConfirmAsksWhyAndKeepsTheAnswer(t *testing.T) {
	s := newLeavingSetup(t)
	s.readyToConfirm(t)
	ws := fyne.CurrentApp().Driver().AllWindows()
	ws[len(ws)-1].Resize(s.m.Tabs.MinSize()) // the smallest the window gets
	test.Tap(s.m.Today.EndEarly)
	cf := s.m.Today.Confirm
	if cf == nil || !cf.Dialog.Visible() || !cf.End.Disabled() {
		t.Fatal("the confirm step did not open, or ends without an answer")
	}
	if cf.Days.Text != "Day 12 without contact" || !strings.Contains(content.Text(), cf.Passage.Text) || cf.Passage.Text == "" {
		t.Errorf("days %q, passage %q", cf.Days.Text, cf.Passage.Text)
	}
	inView(t, s.m.Keys.c, cf.Why, cf.End, cf.Keep)
	press(s.m.Keys.c, fyne.KeyEscape) // Escape keeps the block: the request is withdrawn
	if cf.Dialog.Visible() || s.unlockState(t) != api.UnlockNone {
		t.Fatalf("Escape on the confirm step: open %v, state %q", cf.Dialog.Visible(), s.unlockState(t))
	}

	// Ten minutes to confirm: past them the block goes on, and the words
	// of an end that did not happen are not kept as if it had.
	s.readyToConfirm(t)
	test.Tap(s.m.Today.EndEarly)
	test.Type(s.m.Today.Confirm.Why, "too late")
	s.pass(11 * time.Minute)
	test.Tap(s.m.Today.Confirm.End)
	if st, _ := s.c.Status(context.Background()); st.Session == nil || !strings.Contains(s.m.Today.Notice.Text, "did not end") {
		t.Fatalf("a lapsed confirmation: session %v, %q", st.Session, s.m.Today.Notice.Text)
	}
	if d, _ := s.v.Load(); d.Journal[len(d.Journal)-1].What == "too late" {
		t.Error("the words of an end that did not happen went into the journal")
	}

	s.readyToConfirm(t)
	test.Tap(s.m.Today.EndEarly)
	cf = s.m.Today.Confirm
	test.Type(cf.Why, "   ")
	test.Tap(cf.End)
	if st, _ := s.c.Status(context.Background()); st.Session == nil {
		t.Fatal("blank words ended the block")
	}
	const why = "I keep thinking she might need me"
	cf.Why.SetText("")
	test.Type(cf.Why, why)
	test.Tap(cf.End)
	if st, _ := s.c.Status(context.Background()); st.Session != nil {
		t.Fatalf("the block did not end: %s", s.m.Today.Notice.Text)
	}
	d, _ := s.v.Load()
	last := d.Journal[len(d.Journal)-1]
	if last.What != why || last.Kind != vault.KindEndedEarly || !strings.Contains(s.m.Today.Notice.Text, "Your words are in your journal") {
		t.Errorf("journal %+v, notice %q", last, s.m.Today.Notice.Text)
	}
	assertEncrypted(t, s.v, why)
}

// inView fails unless each object is drawn whole inside the window: the
// question and its answer must not need scrolling to be found.
func inView(t *testing.T, c fyne.Canvas, objs ...fyne.CanvasObject) {
	t.Helper()
	for _, o := range objs {
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		if o.Size().Height < 1 || pos.Y < 0 || pos.Y+o.Size().Height > c.Size().Height {
			t.Errorf("%T at %v, %v: not whole in the %v window", o, pos, o.Size(), c.Size())
		}
	}
}

// assertEncrypted fails when text is readable in the vault's files.
func assertEncrypted(t *testing.T, v *vault.Vault, text string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(v.Dir(), "*"))
	if len(files) == 0 {
		t.Fatal("no vault file")
	}
	for _, f := range files {
		if b, _ := os.ReadFile(f); strings.Contains(string(b), text) || strings.Contains(string(b), "ended_early") {
			t.Errorf("%s holds the answer in plain text", f)
		}
	}
}

func TestEndedText(t *testing.T) {
	lapsed, locked := errors.New("the confirmation lapsed"), errors.New("keyring locked")
	for _, tc := range []struct {
		err, jerr error
		want      string
	}{
		{nil, nil, "Your words are in your journal"},
		{lapsed, nil, "did not end, and goes on; your words were not saved. The confirmation lapsed."},
		{nil, locked, "has ended. Your words could not be saved to the journal. Keyring locked."},
		// An error a person can act on comes as its sentence, not its text.
		{nil, vault.ErrKeyringLock, "could not be saved to the journal. " + words.KeyringLocked},
	} {
		if got := endedText(tc.err, tc.jerr); !strings.Contains(got, tc.want) {
			t.Errorf("%v, %v: %q", tc.err, tc.jerr, got)
		}
	}
}

func TestServedLine(t *testing.T) {
	s := &api.Session{Duration: api.Duration(30 * api.Day), Credited: api.Duration(20 * time.Second)}
	if got := servedLine(s); got != "You started this block a moment ago. It is set for 30 d." {
		t.Errorf("%q", got)
	}
	s.Credited = api.Duration(4*api.Day + 3*time.Hour)
	if got := servedLine(s); got != "You have kept this block for 4 d 3 h of its 30 d." {
		t.Errorf("%q", got)
	}
}

func TestAttemptsTodayCountsTheDaemonsVisits(t *testing.T) {
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.Local)
	events := []api.Event{{Kind: api.EventVisit, Count: 3, Time: now.Add(-time.Hour)}, {Kind: api.EventVisit, Time: now.Add(-20 * time.Hour)},
		{Kind: api.EventTamper, Time: now}, {Kind: api.EventVisit, Time: now.Add(-2 * time.Hour)}}
	if got := attemptsToday(events, now); got != "2 attempts to open a blocked site today." { // an event is one attempt, whatever its count
		t.Errorf("%q", got)
	}
	if got := attemptsToday(events[3:], now); got != "1 attempt to open a blocked site today." {
		t.Errorf("%q", got)
	}
}

// TestOneCountOfAttempts: Progress and the pause say the same number for
// today as the pop-up and the page in the tab (api.CountVisits over the
// daemon's events): a burst of requests to one site within a minute is
// one attempt.
func TestOneCountOfAttempts(t *testing.T) {
	m, _, _ := newMain(t, "")
	now := time.Date(2026, 3, 10, 0, 30, 0, 0, time.Local)
	events := []api.Event{{Kind: api.EventVisit, Host: "x.com", Time: now.Add(-20 * time.Minute)},
		{Kind: api.EventVisit, Host: "www.instagram.com", Scheme: "https", Count: 1, Time: now.Add(-3 * time.Second)},
		{Kind: api.EventVisit, Host: "instagram.com", Scheme: "http", Count: 1, Time: now.Add(-2 * time.Second)},
		{Kind: api.EventVisit, Host: "www.instagram.com", Scheme: "http", Count: 1, Time: now.Add(-1 * time.Second)}}
	_, want := api.CountVisits(events, now)
	m.Progress.d.Now = func() time.Time { return now }
	m.Progress.render(events, nil, &vault.Data{}, nil)
	if !strings.HasSuffix(m.Progress.ChartCaption.Text, fmt.Sprintf("Today: %d.", want)) || want != 2 {
		t.Errorf("Progress says %q, the pop-up %d", m.Progress.ChartCaption.Text, want)
	}
	if got := attemptsToday(events, now); got != fmt.Sprintf("%d attempts to open a blocked site today.", want) {
		t.Errorf("the pause says %q, the pop-up %d", got, want)
	}
}

// The tray's "End early…" opens the pause itself, also when the window is
// still reading the block.
func TestEndEarlyFromTheTrayOpensThePause(t *testing.T) {
	s := newLeavingSetup(t)
	today := s.m.Today
	today.session = nil // as a window just opened: the block not read yet
	today.EndEarlyWhenReady()
	if today.Pause != nil {
		t.Fatal("a pause opened before the block was known")
	}
	today.Refresh()
	if today.Pause == nil || !today.Pause.Dialog.Visible() {
		t.Fatal("the tray's End early… did not open the pause once the block was read")
	}
	if st := s.unlockState(t); st != api.UnlockNone {
		t.Errorf("the pause asked the daemon: %q", st)
	}
}

// The tray's "Extend by 24 h…" opens the window's question, also when the
// window is still reading the block; nothing is extended until Yes.
func TestExtendFromTheTrayAsks(t *testing.T) {
	s := newLeavingSetup(t)
	today := s.m.Today
	today.session = nil
	today.Ask = nil
	today.ExtendWhenReady()
	if today.Ask != nil {
		t.Fatal("asked before the block was known")
	}
	today.Refresh()
	if today.Ask == nil || !strings.Contains(today.Ask.Heading.Text, "Extend") {
		t.Fatalf("the tray's Extend by 24 h… did not ask: %+v", today.Ask)
	}
}
