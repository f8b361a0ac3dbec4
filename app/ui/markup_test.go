package ui

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/content"
	"github.com/nocontact-app/nocontact/content/attempt"
)

// The main states rendered to markup and compared with the masters in
// testdata/ (regenerate: copy testdata/failed/*.xml over them after looking).

func TestPopupRendersToMaster(t *testing.T) {
	test.NewTempApp(t)
	keyring.MockInit()
	at := time.Date(2026, 1, 1, 23, 0, 0, 0, time.UTC)
	ev := api.Event{Seq: 7, Kind: api.EventVisit, Host: "instagram.com", Count: 1, Time: at}
	ex := content.MustLoad().Pick(content.Moment{Trigger: content.Visit, Host: ev.Host, Time: at, AttemptsHour: 1, AttemptsToday: 3})
	p := NewPopup(Deps{Vault: vault.Open(t.TempDir(), vault.Keyring{})}, PopupInfo{Event: ev, Attempt: attempt.Attempt{Host: ev.Host, Nth: 3}, Excerpt: ex}, func(content.Excerpt) {}, func() {})
	w := test.NewTempWindow(t, p.Content())
	w.Resize(fyne.NewSize(560, 420))
	test.AssertRendersToMarkup(t, "popup.xml", w.Canvas())
}

func TestTodayDaemonDownRendersToMaster(t *testing.T) {
	test.NewTempApp(t)
	keyring.MockInit()
	dir := t.TempDir()
	m := Create(Deps{Daemon: &client.Client{Socket: filepath.Join(dir, "none.sock")}, Vault: vault.Open(dir, vault.Keyring{}),
		Async: func(f func()) { f() }, Every: func(time.Duration, func() bool) {}})
	w := test.NewTempWindow(t, m.Tabs)
	w.Resize(fyne.NewSize(900, 620))
	m.Refresh()
	test.AssertRendersToMarkup(t, "today_daemon_down.xml", w.Canvas())
}
