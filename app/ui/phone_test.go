package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/daemontest"
	"github.com/nocontact-app/nocontact/blocker/testutil"
	"github.com/nocontact-app/nocontact/content/profile"
)

// TestPhoneConnectsShowsSetupAndAsks: the form connects a filter with
// the key typed; the place then says what is on it, shows the phone's
// set-up as QR codes, and asks "all of Instagram, or nothing?" for a
// person blocked by profile; the answer reaches the filter at the next
// block.
func TestPhoneConnectsShowsSetupAndAsks(t *testing.T) {
	sock, _ := daemontest.Start(t)
	m, c, v := newMain(t, sock)
	testutil.Must(t, v.Update(func(d *vault.Data) error {
		pr, err := profile.Parse("https://www.instagram.com/jane.doe/") // blocked by its pages
		d.Profiles = append(d.Profiles, pr)
		return err
	}))
	ph := m.Profiles.Phone
	m.Profiles.Refresh()
	if !strings.Contains(labelsOf(ph.Box), words.PhoneIntro) || !ph.Connect.Disabled() {
		t.Fatalf("before: %q, connect disabled %v", labelsOf(ph.Box), ph.Connect.Disabled())
	}
	phone := daemontest.PhoneFilter(t)
	req, denied := phone.Connect, phone.Denied
	ph.Kind.SetSelected(api.FilterNextDNS.Title())
	if !ph.Profile.Visible() || ph.URL.Visible() || !ph.Secret.Visible() || !ph.Secret.Password {
		t.Fatal("NextDNS asks for a profile and a hidden key, not an address")
	}
	test.Type(ph.Profile, req.Profile)
	test.Type(ph.Secret, "wrong")
	ph.URL.SetText(req.URL) // the fake's address; a person leaves it to the default
	test.Tap(ph.Connect)
	if !ph.Message.Visible() || !strings.Contains(ph.Message.Text, "NextDNS") {
		t.Fatalf("a wrong key: %q", ph.Message.Text)
	}
	ph.Secret.SetText(req.Secret)
	test.Tap(ph.Connect)
	if !strings.Contains(ph.Line.Text, "NextDNS (profile "+req.Profile+")") || ph.Secret.Text != "" {
		t.Fatalf("after connecting: line %q, key left in the field: %v", ph.Line.Text, ph.Secret.Text != "")
	}
	if n := countQR(ph); n != 2 {
		t.Errorf("%d QR codes, want Android's Private DNS and the iPhone profile", n)
	}
	m.Profiles.Refresh()
	radio := findRadio(ph, "All of Instagram")
	if radio == nil || !strings.Contains(labelsOf(ph.Box), "On your phone: block all of Instagram, or nothing?") {
		t.Fatalf("no question for Instagram in:\n%s", labelsOf(ph.Box))
	}
	radio.SetSelected("All of Instagram")
	if _, err := c.Start(context.Background(), api.StartRequest{Paths: []string{"instagram.com/jane.doe"}, Duration: api.Duration(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	testutil.WaitFor(t, "Instagram on the phone", 5*time.Second, func() bool { return slices.Contains(denied(), "instagram.com") })
}

// countQR counts the QR codes (images) in the phone's place.
func countQR(ph *Phone) int {
	n := 0
	walk(ph.Box, func(o fyne.CanvasObject) {
		if img, ok := o.(*canvas.Image); ok && img.Image != nil && img.MinSize().Width == qrSize {
			n++
		}
	})
	return n
}

// findRadio is the radio group in the phone's place offering option.
func findRadio(ph *Phone, option string) *widget.RadioGroup {
	var found *widget.RadioGroup
	walk(ph.Box, func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RadioGroup); ok && slices.Contains(r.Options, option) {
			found = r
		}
	})
	return found
}
