package ui

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/words"
)

// FriendCode offers the friend lock's code once, as the block starts, to
// be sent to the friend: a message with it to copy, an email to write, a
// QR code a phone scans; and a line that says not to keep it. When it
// closes the code is gone from the screen (and from the clipboard, if the
// message is still what it holds): the field that ends the block early
// shows none.
type FriendCode struct {
	Code   *widget.Label
	Note   *widget.Label // what copying or the email did
	Copy   *Button       // the default: Enter copies, it closes nothing
	Mail   *Button
	Done   *Button
	Dialog *Dialog

	message string
	mail    *url.URL // mailto: with the message
}

// newFriendCode opens the offer for code.
func newFriendCode(k *Keys, code string) *FriendCode {
	f := &FriendCode{Code: widget.NewLabel(code), Note: widget.NewLabel(""), message: words.FriendMessage(code), mail: words.FriendMail(code)}
	head := widget.NewLabel(words.SendCodeNow)
	head.TextStyle, head.SizeName, head.Wrapping = fyne.TextStyle{Bold: true}, "subHeadingText", fyne.TextWrapWord
	f.Code.TextStyle, f.Code.SizeName, f.Code.Selectable = fyne.TextStyle{Monospace: true}, "headingText", true
	how := wrapped("Only this code can end the block early. Send it to a friend you trust: copy a message with it, " +
		"write an email, or let their phone scan the square.")
	keep := wrapped(words.DontKeepCode)
	keep.TextStyle = fyne.TextStyle{Bold: true}
	f.Note.Wrapping = fyne.TextWrapWord
	f.Note.Hide()
	f.Copy = newButton("Copy the message", f.onCopy)
	f.Mail = newButton("Write an email…", f.onMail)
	f.Done = newButton("I have sent it", f.onDone)
	f.Done.Importance = widget.HighImportance
	body := container.NewBorder(nil, nil, qrCode(words.FriendShort(code)), nil, how)
	parts := dialogParts{top: []fyne.CanvasObject{head, f.Code}, body: []fyne.CanvasObject{body}, bottom: []fyne.CanvasObject{keep, f.Note}}
	f.Dialog = k.openDialog(dialogBox(k, parts, f.Copy, f.Mail, f.Done), f.Copy, nil)
	f.Dialog.sticky = true // Escape would lose the code for good
	return f
}

func (f *FriendCode) onCopy() {
	fyne.CurrentApp().Clipboard().SetContent(f.message)
	showText(f.Note, "Copied: paste it into a message to your friend.")
}

func (f *FriendCode) onMail() {
	if err := fyne.CurrentApp().OpenURL(f.mail); err != nil {
		showText(f.Note, "No mail program opened. Copy the message instead, and paste it into any message to your friend.")
		return
	}
	showText(f.Note, "Your mail program has the message; add your friend's address and send it.")
}

// onDone closes the offer; the code is not shown again.
func (f *FriendCode) onDone() {
	if cb := fyne.CurrentApp().Clipboard(); cb.Content() == f.message {
		cb.SetContent("")
	}
	f.Code.SetText("")
	f.Dialog.Close()
}
