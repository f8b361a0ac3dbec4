package ui

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/daemontest"
)

// friendCodeSent reads the code off the offer that opens as a friend-locked
// block starts, closes it as a person who sent it would, and returns it.
func friendCodeSent(t *testing.T, m *Main) string {
	t.Helper()
	f := m.Today.Friend
	if f == nil || !f.Dialog.Visible() {
		t.Fatal("the friend's code was not offered as the block started")
	}
	code := f.Code.Text
	test.Tap(f.Done)
	if f.Dialog.Visible() {
		t.Fatal("I have sent it did not close the offer")
	}
	return code
}

// startFriendBlock saves a profile and starts a 24-hour friend-locked block.
func startFriendBlock(t *testing.T) (*Main, *FriendCode) {
	t.Helper()
	sock, _ := daemontest.Start(t)
	m, _, _ := newMain(t, sock)
	addByPasting(t, m, "jane.substack.com")
	m.Today.Refresh()
	m.Today.Duration.SetSelected("24 h")
	m.Today.Lock.SetSelected("Friend's code")
	startBlock(t, m)
	return m, m.Today.Friend
}

// The code is offered once to be sent (a message to copy, a mailto: link
// in our own words, a QR code) with a line that says not to keep it;
// Escape does not lose it; once closed, nothing on Today shows it, the
// field where it is typed included, and the clipboard lets it go.
func TestFriendCodeIsOfferedOnceToBeSent(t *testing.T) {
	m, f := startFriendBlock(t)
	if f == nil || !f.Dialog.Visible() || len(f.Code.Text) != 11 {
		t.Fatalf("no offer of the code: %+v", f)
	}
	code := f.Code.Text
	if shown := textsOf(m.Today.content); strings.Contains(shown, code) {
		t.Errorf("Today shows the code beside the offer: %q", shown)
	}
	offer := textsOf(f.Dialog.pop.Content)
	if !strings.Contains(offer, words.SendCodeNow) || !strings.Contains(offer, words.DontKeepCode) {
		t.Errorf("the offer says %q", offer)
	}
	if !hasQR(f.Dialog.pop.Content) {
		t.Error("the offer has no QR code")
	}
	test.Tap(f.Copy)
	if got := fyne.CurrentApp().Clipboard().Content(); got != words.FriendMessage(code) || !f.Note.Visible() {
		t.Errorf("Copy put %q on the clipboard", got)
	}
	if u, _ := url.Parse(f.mail.String()); u.Scheme != "mailto" || !strings.Contains(u.Query().Get("body"), code) ||
		strings.Contains(f.mail.String(), "substack") {
		t.Errorf("the email link is %s", f.mail)
	}
	test.Tap(f.Mail)
	m.Keys.typed(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !f.Dialog.Visible() {
		t.Fatal("Escape closed the offer: the code would be lost")
	}
	test.Tap(f.Done)
	if f.Dialog.Visible() || f.Code.Text != "" || fyne.CurrentApp().Clipboard().Content() != "" {
		t.Errorf("after I have sent it: offer open %v, code %q, clipboard %q", f.Dialog.Visible(), f.Code.Text, fyne.CurrentApp().Clipboard().Content())
	}
	m.Refresh()
	if !m.Today.Code.Visible() || m.Today.Code.Text != "" || strings.Contains(textsOf(m.Today.content), code) {
		t.Errorf("Today shows the code after the offer closed, or no field to type it: %q", m.Today.Code.Text)
	}
}

// A wrong code is answered under the field, kindly and with what to do;
// the block goes on.
func TestAWrongFriendCodeSaysWhatToDo(t *testing.T) {
	m, f := startFriendBlock(t)
	code := f.Code.Text
	test.Tap(f.Done)
	m.Today.Code.SetText("WRONG-CODE")
	test.Tap(m.Today.EndEarly)
	if !m.Today.CodeMsg.Visible() || m.Today.CodeMsg.Text != words.WrongCode || m.Today.session == nil {
		t.Fatalf("a wrong code: %q", m.Today.CodeMsg.Text)
	}
	if strings.Contains(m.Today.CodeMsg.Text, "not the code\"") || strings.Contains(m.Today.Notice.Text, "not your friend's code") {
		t.Errorf("the daemon's own words reach the window: %q", m.Today.Notice.Text)
	}
	test.Type(m.Today.Code, "") // Enter in the field tries the code, as the button does
	m.Today.Code.SetText(strings.ToLower(code))
	m.Today.Code.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if st, _ := m.Today.d.Daemon.Status(context.Background()); st.Session != nil || m.Today.CodeMsg.Visible() {
		t.Errorf("the friend's code typed in small letters did not end the block: %q", m.Today.CodeMsg.Text)
	}
}

// textsOf is every label's and entry's text inside o, one a line.
func textsOf(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(x fyne.CanvasObject) {
		switch w := x.(type) {
		case *widget.Label:
			if w.Visible() {
				b.WriteString(w.Text + "\n")
			}
		case *Entry:
			b.WriteString(w.Text + "\n")
		}
	})
	return b.String()
}

func hasQR(o fyne.CanvasObject) bool {
	found := false
	walk(o, func(x fyne.CanvasObject) {
		if _, ok := x.(*canvas.Image); ok {
			found = true
		}
	})
	return found
}
