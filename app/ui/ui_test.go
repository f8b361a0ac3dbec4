package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/blocker/daemontest"
	"github.com/nocontact-app/nocontact/content/profile"
)

// newMain builds the window content against a real in-process daemon (or
// none, with socket ""), a vault in a temp dir with a mock keyring, and
// synchronous Async so every action has finished when it returns.
func newMain(t *testing.T, socket string) (*Main, *client.Client, *vault.Vault) {
	t.Helper()
	test.NewTempApp(t)
	keyring.MockInit()
	if socket == "" {
		socket = filepath.Join(t.TempDir(), "none.sock")
	}
	c := &client.Client{Socket: socket}
	v := vault.Open(t.TempDir(), vault.Keyring{})
	m := Create(Deps{Daemon: c, Vault: v, Async: func(f func()) { f() }, Every: func(time.Duration, func() bool) {}})
	w := test.NewTempWindow(t, m.Tabs)
	w.Resize(w.Canvas().Size().Max(m.Tabs.MinSize()).Max(fyne.NewSize(900, 620)))
	m.BindKeys(w.Canvas())
	m.Refresh()
	return m, c, v
}

func TestDaemonForAnotherUserOffersSetup(t *testing.T) {
	m, _, _ := newMain(t, "")
	m.Today.render(&vault.Data{}, nil, nil, api.Errorf(api.CodeForbidden, "no permission"))
	if m.Today.Status.Text != "Blocking is not set up" || !m.Today.setupBox.Visible() || !strings.Contains(m.Today.Detail.Text, "package") {
		t.Errorf("status %q, setup visible %v, detail %q", m.Today.Status.Text, m.Today.setupBox.Visible(), m.Today.Detail.Text)
	}
}

func TestDaemonDownIsAClearState(t *testing.T) {
	m, _, _ := newMain(t, "")
	if m.Today.Status.Text != "Blocking is not set up" || !m.Today.setupBox.Visible() || m.Today.startBox.Visible() {
		t.Errorf("status %q, setup visible %v", m.Today.Status.Text, m.Today.setupBox.Visible())
	}
	called := false
	m.Today.d.Setup = func() { called = true }
	test.Tap(m.Today.Setup)
	if !called {
		t.Error("Set up blocking did nothing")
	}
}

func addByPasting(t *testing.T, m *Main, link string) {
	t.Helper()
	test.Type(m.Profiles.Link, link)
	if m.Profiles.Save.Disabled() {
		t.Fatalf("%q: not understood: %s", link, m.Profiles.Preview.Text)
	}
	test.Tap(m.Profiles.Save)
}

// A bare name is not taken for a website: the window asks which platform
// it is on, and the answer makes the profile.
func TestBareNameAsksForThePlatform(t *testing.T) {
	m, _, v := newMain(t, "")
	test.Type(m.Profiles.Link, "jane.doe")
	if !m.Profiles.Platform.Visible() || !m.Profiles.Save.Disabled() || !strings.Contains(m.Profiles.Preview.Text, "Which platform") {
		t.Fatalf("jane.doe: platform question shown %v, preview %q", m.Profiles.Platform.Visible(), m.Profiles.Preview.Text)
	}
	m.Profiles.Platform.SetSelected("TikTok")
	if m.Profiles.Save.Disabled() || !strings.Contains(m.Profiles.Preview.Text, "jane.doe on TikTok") || !strings.Contains(m.Profiles.Preview.Text, "tiktok.com/@jane.doe") {
		t.Fatalf("after choosing TikTok: %q", m.Profiles.Preview.Text)
	}
	test.Tap(m.Profiles.Save)
	d, _ := v.Load()
	if len(d.Profiles) != 1 || d.Profiles[0].Platform != "tiktok" || d.Profiles[0].Handle != "jane.doe" {
		t.Errorf("vault %+v", d.Profiles)
	}
}

func TestAddProfileByPasting(t *testing.T) {
	m, _, v := newMain(t, "")
	test.Type(m.Profiles.Link, "https://www.instagram.com/")
	if !m.Profiles.Save.Disabled() || !strings.Contains(m.Profiles.Preview.Text, "not someone's profile") {
		t.Errorf("a link to no profile: %q", m.Profiles.Preview.Text)
	}
	m.Profiles.Link.SetText("")
	test.Type(m.Profiles.Link, "https://www.instagram.com/jane.doe/?igsh=abc")
	if !m.Profiles.Reach.Visible() || m.Profiles.Reach.Selected != "Their profile, in your browsers" ||
		!strings.Contains(m.Profiles.Preview.Text, "their profile, in your browsers") || !strings.Contains(m.Profiles.Preview.Text, "instagram.com/jane.doe") {
		t.Errorf("preview %q, reach %q", m.Profiles.Preview.Text, m.Profiles.Reach.Selected)
	}
	m.Profiles.Reach.SetSelected("All of Instagram, everywhere on this computer")
	if !strings.Contains(m.Profiles.Preview.Text, "all of Instagram on this computer") || !strings.Contains(m.Profiles.Preview.Text, "i.instagram.com") {
		t.Errorf("preview with the platform reach %q", m.Profiles.Preview.Text)
	}
	m.Profiles.Reach.SetSelected("Their profile, in your browsers")
	test.Tap(m.Profiles.Save)
	d, _ := v.Load()
	if len(d.Profiles) != 1 || d.Profiles[0].Handle != "jane.doe" {
		t.Fatalf("vault %+v", d.Profiles)
	}
	if len(m.Profiles.List.Objects) != 1 {
		t.Errorf("list holds %d rows", len(m.Profiles.List.Objects))
	}
	if m.Today.Hosts.Text != "A block keeps away jane.doe on Instagram." || !strings.Contains(m.Today.HostsDetails.Text, "jane.doe on Instagram: their profile, in your browsers") ||
		!strings.Contains(m.Today.HostsDetails.Text, "6 profile pages, in your browsers") || strings.Contains(m.Today.Hosts.Text, "hostnames") {
		t.Errorf("Today does not show what it will block: %q", m.Today.Hosts.Text)
	}
}

func TestStartExtendAndEndWithEachLock(t *testing.T) {
	for _, tc := range []struct {
		lock, wantEnd string
		disabled      bool
	}{
		{"Cool-down", "End early…", false},
		{"Friend's code", "End with friend's code", false},
		{"Strict", "Strict lock: this block runs its course", true},
	} {
		t.Run(tc.lock, func(t *testing.T) {
			sock, _ := daemontest.Start(t)
			m, c, _ := newMain(t, sock)
			addByPasting(t, m, "jane.substack.com")
			m.Today.Refresh()
			if !m.Today.startBox.Visible() || m.Today.Start.Disabled() {
				t.Fatal("the start card is not ready")
			}
			m.Today.Duration.SetSelected("24 h")
			m.Today.Lock.SetSelected(tc.lock)
			startBlock(t, m)
			st, _ := c.Status(context.Background())
			if st.Session == nil || words.Lock(st.Session.Lock) == "" || strings.Join(st.Session.Hostnames, ",") != "jane.substack.com" {
				t.Fatalf("session %+v", st.Session)
			}
			if !strings.Contains(m.Today.Notice.Text, "reload") || !m.Today.runBox.Visible() {
				t.Errorf("after start: %q", m.Today.Notice.Text)
			}
			if m.Today.AddSaved.Visible() {
				t.Error("offers to add saved profiles that are all in the block")
			}
			addByPasting(t, m, "https://x.com/janedoe")
			if !m.Today.AddSaved.Visible() {
				t.Fatal("does not offer to add a newly saved profile to the running block")
			}
			test.Tap(m.Today.AddSaved)
			if st, _ := c.Status(context.Background()); !slices.Contains(st.Session.Hostnames, "jane.substack.com") || !slices.Contains(st.Session.Hostnames, "xcancel.com") ||
				slices.Contains(st.Session.Hostnames, "x.com") || strings.Join(st.Session.Paths, " ") != "twitter.com/janedoe x.com/janedoe" {
				t.Errorf("after adding their X profile: hostnames %v, paths %v", st.Session.Hostnames, st.Session.Paths)
			}
			if m.Today.EndEarly.Text != tc.wantEnd || m.Today.EndEarly.Disabled() != tc.disabled {
				t.Errorf("end button %q disabled=%v", m.Today.EndEarly.Text, m.Today.EndEarly.Disabled())
			}
			test.Tap(m.Today.Extend)
			if m.Today.Ask == nil || m.Today.Ask.Text.Text != words.ExtendForGood {
				t.Fatal("Extend did not say it cannot be undone")
			}
			test.Tap(m.Today.Ask.Yes)
			if !strings.Contains(m.Today.Status.Text, "2 d left") {
				t.Errorf("after extend: %q", m.Today.Status.Text)
			}
			switch tc.lock {
			case "Cool-down":
				test.Tap(m.Today.EndEarly)
				m.Today.Pause.until = time.Now() // the breath is tested in leaving_test.go
				m.Today.Pause.Tick()
				test.Tap(m.Today.Pause.Go)
				if m.Today.EndEarly.Text != "Cool-down running" || !m.Today.EndEarly.Disabled() {
					t.Errorf("after the request: %q", m.Today.EndEarly.Text)
				}
				if !m.Today.Countdown.Visible() || !(strings.HasPrefix(m.Today.Countdown.Text, "Cool-down: 30 min 0 s") || strings.HasPrefix(m.Today.Countdown.Text, "Cool-down: 29 min 5")) ||
					!m.Today.Passage.Visible() || m.Today.Passage.Text == "" {
					t.Errorf("countdown %q, passage %q", m.Today.Countdown.Text, m.Today.Passage.Text)
				}
				noOverlap(t, m.Today.runBox)
			case "Friend's code":
				code := friendCodeSent(t, m)
				m.Today.Code.SetText(code)
				test.Tap(m.Today.EndEarly)
				if st, _ := c.Status(context.Background()); st.Session != nil {
					t.Errorf("the friend's code %q did not end the block: %s", code, m.Today.CodeMsg.Text)
				}
			}
		})
	}
}

func TestDayCounter(t *testing.T) {
	m, _, v := newMain(t, "")
	m.Today.d.Now = func() time.Time { return time.Date(2026, 3, 13, 10, 0, 0, 0, time.Local) }
	m.Today.LastContact.SetText("2026-03-01")
	test.Tap(m.Today.SetContact)
	if m.Today.Day.Text != "Day 12 without contact" || m.Today.LastContact.Text != "" {
		t.Errorf("day %q, the field still says %q", m.Today.Day.Text, m.Today.LastContact.Text)
	}
	m.Today.LastContact.SetText("next week")
	test.Tap(m.Today.SetContact)
	if !strings.Contains(m.Today.DayError.Text, "YYYY-MM-DD") || !m.Today.DayError.Visible() {
		t.Errorf("bad date: %q", m.Today.DayError.Text)
	}
	d, _ := v.Load()
	if d.LastContact == nil || d.LastContact.String() != "2026-03-01" {
		t.Errorf("vault %+v", d.LastContact)
	}
}

func TestReadAndSearch(t *testing.T) {
	m, _, v := newMain(t, "")
	test.Type(m.Read.Search, "elusive")
	if len(m.Read.shown) != 1 || m.Read.shown[0].Title != "Seeking Closure: Is It Ever Truly Achievable?" {
		t.Fatalf("search shows %d", len(m.Read.shown))
	}
	m.Read.Sections.Select(0)
	if !strings.Contains(m.Read.Text.String(), "Seeking Closure") {
		t.Errorf("text %.80q", m.Read.Text.String())
	}
	d, _ := v.Load()
	if d.Settings.ReadSection != "Seeking Closure: Is It Ever Truly Achievable?" {
		t.Errorf("position not remembered: %q", d.Settings.ReadSection)
	}
	m.Read.Search.SetText("")
	if len(m.Read.shown) != 20 {
		t.Errorf("cleared search shows %d", len(m.Read.shown))
	}
	small := m.Read.Text.MinSize()
	m.Read.Size.SetValue(1.5)
	m.Read.Size.OnChangeEnded(1.5)
	if big := m.Read.Text.MinSize(); big.Height <= small.Height {
		t.Errorf("text size 1.5 does not make the text larger: %v -> %v", small, big)
	}
	if d, _ := v.Load(); d.Settings.TextScale != 1.5 {
		t.Errorf("text size not remembered: %v", d.Settings.TextScale)
	}

	test.Type(m.Read.Search, "zzyzx")
	if len(m.Read.shown) != 0 || !m.Read.NoMatch.Visible() {
		t.Errorf("a search with no hits: %d shown, 'No matches' visible %v", len(m.Read.shown), m.Read.NoMatch.Visible())
	}
	m.Read.Search.SetText("lonely") // the article says "loneliness"
	if len(m.Read.shown) == 0 || m.Read.NoMatch.Visible() {
		t.Errorf("lonely finds %d sections", len(m.Read.shown))
	}
	// From the pop-up: the section opens, and the list marks that one.
	m.Read.ShowTitle("Digital Liminality")
	sel := -1
	for i, s := range m.Read.shown {
		if s.Title == "Digital Liminality" {
			sel = i
		}
	}
	if m.Read.Search.Text != "" || sel < 0 || !strings.Contains(m.Read.Text.String(), "Digital Liminality") || m.Read.selected() != sel {
		t.Errorf("ShowTitle: search %q, list marks %d, want %d", m.Read.Search.Text, m.Read.selected(), sel)
	}
}

func TestKeyringMissingIsShown(t *testing.T) {
	test.NewTempApp(t)
	keyring.MockInit()
	dir := t.TempDir()
	v := vault.Open(dir, vault.Keyring{})
	v.Update(func(d *vault.Data) error { return nil }) // an encrypted vault exists
	keyring.MockInitWithError(errFake("org.freedesktop.DBus.Error.ServiceUnknown: no secrets"))
	m := Create(Deps{Daemon: &client.Client{Socket: filepath.Join(dir, "x.sock")}, Vault: v, Async: func(f func()) { f() }})
	m.Refresh()
	if !strings.Contains(m.Today.DayHelp.Text, "no keyring") || !strings.Contains(m.Today.DayHelp.Text, "nocontact vault --allow-unencrypted") {
		t.Errorf("day help %q", m.Today.DayHelp.Text)
	}
	if m.Today.Status.Text != "Blocking is not set up" {
		t.Errorf("status %q", m.Today.Status.Text)
	}
}

type errFake string

func (e errFake) Error() string { return string(e) }

// noOverlap fails when two visible children of box are drawn over each
// other (a label whose height was not laid out again after its text grew).
func noOverlap(t *testing.T, box *fyne.Container) {
	t.Helper()
	var shown []fyne.CanvasObject
	for _, o := range box.Objects {
		if o.Visible() {
			shown = append(shown, o)
		}
	}
	for i, a := range shown {
		for _, b := range shown[i+1:] {
			if a.Position().Y < b.Position().Y+b.Size().Height && b.Position().Y < a.Position().Y+a.Size().Height &&
				a.Position().X < b.Position().X+b.Size().Width && b.Position().X < a.Position().X+a.Size().Width {
				t.Errorf("%T at %v %v overlaps %T at %v %v", a, a.Position(), a.Size(), b, b.Position(), b.Size())
			}
		}
	}
}

func TestBlockHeadlineNamesPeople(t *testing.T) {
	ig, _ := profile.Parse("https://www.instagram.com/jane.doe/")
	sub, _ := profile.Parse("jane.substack.com")
	x, _ := profile.Parse("https://x.com/janedoe")
	x.Reach = profile.ReachPlatform
	s := &api.Session{Hostnames: append(append([]string{"other.example"}, sub.Hostnames()...), x.Hostnames()...), Paths: ig.Paths(),
		Remaining: api.Duration(3 * api.Day), Lock: api.Lock{Mode: api.LockStrict}}
	got := blockHeadline([]profile.Profile{ig, sub, x}, s)
	if want := "Not looking at jane.doe on Instagram, jane on Substack, janedoe on X (Twitter) and 1 more site\n3 d left · lock: strict"; got != want {
		t.Errorf("headline %q, want %q", got, want)
	}
	if got := blockHeadline(nil, s); !strings.HasPrefix(got, "Blocking ") {
		t.Errorf("without saved profiles: %q", got)
	}
}

// TestProblemsInSentences: the window's problems come as a sentence a
// person can act on, the raw message behind Details.
func TestProblemsInSentences(t *testing.T) {
	wrapped := fmt.Errorf("vault: open: %w", vault.ErrKeyringLock)
	sentence, details := problemText(wrapped)
	if !strings.HasPrefix(sentence, "Your keyring is locked") || details != wrapped.Error() {
		t.Errorf("%q / %q", sentence, details)
	}
	p := newProblemBox()
	p.Set(fmt.Errorf("status: %w", client.ErrNotAnswering))
	if !p.Visible() || !strings.Contains(p.text.Text, "systemctl status nocontactd") || !p.more.Visible() {
		t.Errorf("problem box: %q", p.text.Text)
	}
	p.Set(nil)
	if p.Visible() {
		t.Error("no problem, yet the box shows")
	}
}

// TestNothingCutOffAtAnySize lays every tab out at the window's minimum
// size, at 900x620 and at 1280x800, during a block, and checks that no
// label is narrower than its text (cut off or running past its edge) and
// that no two children of a box overlap.
func TestNothingCutOffAtAnySize(t *testing.T) {
	sock, _ := daemontest.Start(t)
	m, c, _ := newMain(t, sock)
	addByPasting(t, m, "https://www.instagram.com/jane.doe/")
	addByPasting(t, m, "jane.substack.com")
	m.Today.Refresh()
	startBlock(t, m)
	c.Extend(context.Background(), time.Hour)
	w := test.NewTempWindow(t, m.Tabs)
	if min := m.Tabs.MinSize(); min.Width > 900 || min.Height > 620 {
		t.Errorf("the window cannot be made as small as its default 900x620: its minimum is %v", min)
	}
	for _, size := range []fyne.Size{m.Tabs.MinSize(), fyne.NewSize(900, 620), fyne.NewSize(1280, 800)} {
		for i := range m.Tabs.Items {
			m.Tabs.SelectIndex(i)
			w.Resize(size)
			m.Refresh()
			walk(m.Tabs.Items[i].Content, func(o fyne.CanvasObject) {
				if l, ok := o.(*widget.Label); ok && l.Visible() && l.Wrapping == fyne.TextWrapOff && l.Text != "" &&
					l.MinSize().Width > l.Size().Width+1 {
					t.Errorf("%s at %v: %q is cut off (%v wide in %v)", m.Tabs.Items[i].Text, size, l.Text, l.MinSize().Width, l.Size().Width)
				}
				// Boxes lay their children side by side; a stack overlaps on purpose.
				if b, ok := o.(*fyne.Container); ok && b.Visible() && strings.Contains(fmt.Sprintf("%T", b.Layout), "BoxLayout") {
					noOverlap(t, b)
				}
			})
		}
	}
}

// walk visits o and everything inside it, widgets' renderers included.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, visit)
		}
	case fyne.Widget:
		if _, isLabel := x.(*widget.Label); isLabel {
			return
		}
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, visit)
		}
	}
}

// With nothing saved, Today's Details is not offered (it opened onto
// nothing); with a profile, it is.
func TestTodayDetailsOnlyWithSomethingToDetail(t *testing.T) {
	sock, _ := daemontest.Start(t)
	m, _, _ := newMain(t, sock)
	if m.Today.details.Visible() {
		t.Error("Details offered with nothing saved")
	}
	addByPasting(t, m, "https://www.instagram.com/jane.doe/")
	m.Refresh()
	if !m.Today.details.Visible() {
		t.Error("Details hidden with a saved profile")
	}
}
