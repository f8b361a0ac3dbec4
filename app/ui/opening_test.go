package ui

import (
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/content/profile"
)

// countingStore counts the reads of the vault.
type countingStore struct {
	Store
	loads atomic.Int32
}

func (s *countingStore) Load() (*vault.Data, error) {
	s.loads.Add(1)
	return s.Store.Load()
}

// openingMain builds the window with its slow work held back: run
// releases it, as the vault and the daemon answering would.
func openingMain(t *testing.T, v Store) (m *Main, run func()) {
	t.Helper()
	test.NewTempApp(t)
	var held []func()
	m = Create(Deps{Daemon: &client.Client{Socket: filepath.Join(t.TempDir(), "none.sock")}, Vault: v,
		Async: func(f func()) { held = append(held, f) }, Every: func(time.Duration, func() bool) {}})
	w := test.NewTempWindow(t, m.Tabs)
	w.Resize(fyne.NewSize(900, 620))
	return m, func() {
		for len(held) > 0 {
			f := held[0]
			held = held[1:]
			f()
		}
	}
}

// Until the vault answers, the screens say they are opening, and offer
// nothing the answer could take back; then they fill in.
func TestScreensOpenBeforeTheVaultAnswers(t *testing.T) {
	keyring.MockInit()
	v := vault.Open(t.TempDir(), vault.Keyring{})
	pr, err := profile.Parse("jane.substack.com")
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Update(func(d *vault.Data) error { return d.AddProfile(pr) }); err != nil {
		t.Fatal(err)
	}
	store := &countingStore{Store: v}
	m, run := openingMain(t, store)
	m.Refresh()
	if m.Today.DayHelp.Text != "Opening your profiles…" || m.Today.startBox.Visible() || m.Today.setupBox.Visible() || m.Today.runBox.Visible() {
		t.Errorf("Today before the vault answered: %q, start %v, setup %v", m.Today.DayHelp.Text, m.Today.startBox.Visible(), m.Today.setupBox.Visible())
	}
	if got := labelsOf(m.Profiles.List); got != "Opening your profiles…" {
		t.Errorf("Profiles before the vault answered: %q", got)
	}
	if m.Progress.Streaks.Text != "Opening your profiles…" {
		t.Errorf("Progress before the vault answered: %q", m.Progress.Streaks.Text)
	}
	if store.loads.Load() != 0 {
		t.Fatalf("the vault was read on the UI thread: %d reads", store.loads.Load())
	}
	run()
	if n := store.loads.Load(); n != 1 {
		t.Errorf("one refresh read the vault %d times; the screens share one read", n)
	}
	if !strings.Contains(m.Today.Hosts.Text, "jane on Substack") || m.Today.DayHelp.Text == "Opening your profiles…" || m.Today.Status.Text != "Blocking is not set up" {
		t.Errorf("Today after: hosts %q, day help %q, status %q", m.Today.Hosts.Text, m.Today.DayHelp.Text, m.Today.Status.Text)
	}
	if got := labelsOf(m.Profiles.List); !strings.Contains(got, "jane on Substack") || strings.Contains(got, "Opening") {
		t.Errorf("Profiles after: %q", got)
	}
	if strings.Contains(m.Progress.Streaks.Text, "Opening") {
		t.Errorf("Progress after: %q", m.Progress.Streaks.Text)
	}
}

// A keyring that is not there still reaches the person in a sentence,
// on every screen that needs the vault, after the opening state.
func TestOpeningEndsInTheKeyringSentence(t *testing.T) {
	keyring.MockInit()
	v := vault.Open(t.TempDir(), vault.Keyring{})
	if err := v.Update(func(*vault.Data) error { return nil }); err != nil { // an encrypted vault exists
		t.Fatal(err)
	}
	keyring.MockInitWithError(errFake("org.freedesktop.DBus.Error.ServiceUnknown: no secrets"))
	m, run := openingMain(t, v)
	m.Refresh()
	run()
	for name, text := range map[string]string{"Today": m.Today.DayHelp.Text, "Profiles": labelsOf(m.Profiles.List), "Progress": m.Progress.Streaks.Text} {
		if !strings.Contains(text, "no keyring") || !strings.Contains(text, "nocontact vault --allow-unencrypted") {
			t.Errorf("%s says %q", name, text)
		}
	}
}

// The placeholder the window maps with says what is happening.
func TestOpeningPlaceholder(t *testing.T) {
	test.NewTempApp(t)
	o := Opening()
	w := test.NewTempWindow(t, o)
	w.Resize(fyne.NewSize(900, 620))
	var texts []string
	for _, obj := range test.LaidOutObjects(o) {
		if l, ok := obj.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	if strings.Join(texts, "|") != "Opening your profiles…" {
		t.Errorf("placeholder says %q", texts)
	}
}

// labelsOf joins the texts of the labels in c, top to bottom.
func labelsOf(c *fyne.Container) string {
	var texts []string
	for _, o := range c.Objects {
		switch x := o.(type) {
		case *widget.Label:
			texts = append(texts, x.Text)
		case *fyne.Container:
			texts = append(texts, labelsOf(x))
		}
	}
	return strings.Join(texts, "\n")
}

// A vault that cannot be read any more leaves nothing to start: not the
// profiles the last reading found.
func TestUnreadableVaultLeavesNothingToStart(t *testing.T) {
	keyring.MockInit()
	v := vault.Open(t.TempDir(), vault.Keyring{})
	pr, err := profile.Parse("https://www.instagram.com/jane.doe/") // blocked by its pages
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Update(func(d *vault.Data) error { return d.AddProfile(pr) }); err != nil {
		t.Fatal(err)
	}
	m, run := openingMain(t, v)
	m.Today.render(mustLoad(t, v), nil, &api.Status{}, nil)
	if m.Today.Start.Disabled() || !m.Today.details.Visible() {
		t.Fatalf("with a profile: start disabled %v, details %v", m.Today.Start.Disabled(), m.Today.details.Visible())
	}
	m.Today.render(nil, vault.ErrKeyringLock, &api.Status{}, nil)
	if !m.Today.Start.Disabled() || m.Today.details.Visible() || m.Today.Hosts.Text != "" || len(m.Today.paths)+len(m.Today.names) != 0 {
		t.Errorf("after the keyring locked: start disabled %v, details %v, hosts %q", m.Today.Start.Disabled(), m.Today.details.Visible(), m.Today.Hosts.Text)
	}
	run()
}

func mustLoad(t *testing.T, v Store) *vault.Data {
	t.Helper()
	d, err := v.Load()
	if err != nil {
		t.Fatal(err)
	}
	return d
}
