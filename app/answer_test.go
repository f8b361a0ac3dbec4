package app

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"github.com/nocontact-app/nocontact/app/single"
	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/blocker/daemontest"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// With the window open and no tray, an attempt on the phone is answered
// with the pop-up (issue 36: "when the window or tray is open"); the
// tray's request for the same event opens no second one, and a second
// attempt within the minute opens none.
func TestTheWindowAnswersThePhone(t *testing.T) {
	a := test.NewTempApp(t)
	keyring.MockInit()
	socket, _ := daemontest.Start(t)
	c := &client.Client{Socket: socket}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	phone := daemontest.PhoneFilter(t)
	_, err := c.ConnectPhone(ctx, phone.Connect)
	testutil.Must(t, err)
	_, err = c.Start(ctx, api.StartRequest{Hostnames: []string{"instagram.com"}, Duration: api.Duration(time.Hour)})
	testutil.Must(t, err)

	g := newGUI(a, c, vault.Open(filepath.Join(t.TempDir(), "vault"), vault.Keyring{}))
	// The screens' work in the test's goroutine, as app/ui's tests do: the
	// test driver has no event loop to hand it back to.
	g.deps.Async, g.deps.Every = func(f func()) { f() }, func(time.Duration, func() bool) {}
	fyne.DoAndWait(func() { g.openMain("today") })
	after, err := c.Newest(ctx)
	testutil.Must(t, err)
	go g.follow(ctx, after)
	windows := func() (n int) { // the main window and the pop-ups (the test app has one of its own)
		for _, w := range a.Driver().AllWindows() {
			if w.Title() == "No Contact" {
				n++
			}
		}
		return n
	}
	if n := windows(); n != 1 {
		t.Fatalf("%d windows before any attempt", n)
	}
	phone.Query("www.instagram.com", "Pixel-7")
	testutil.WaitFor(t, "the pop-up for the phone's attempt", 10*time.Second, func() bool { return windows() == 2 })

	var seq uint64
	events, err := c.Events(ctx, 0)
	testutil.Must(t, err)
	for _, e := range events {
		if e.Kind == api.EventVisit && e.Device == "Pixel-7" {
			seq = e.Seq
		}
	}
	if seq == 0 {
		t.Fatalf("no visit from the phone in %+v", events)
	}
	fyne.DoAndWait(func() { g.handle(single.Request{Open: "popup", Event: seq}) }) // the tray asks too
	phone.Query("www.instagram.com", "iPad")
	testutil.WaitFor(t, "the second attempt recorded", 10*time.Second, func() bool {
		events, _ := c.Events(ctx, seq)
		return slices.ContainsFunc(events, func(e api.Event) bool { return e.Device == "iPad" })
	})
	time.Sleep(200 * time.Millisecond) // the stream passes it on
	if n := windows(); n != 2 {
		t.Errorf("%d windows, want the main window and one pop-up", n)
	}
}
