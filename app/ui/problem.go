package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/client"
)

// sentences are what a person can do about the problems the window meets,
// by the error they come as.
var sentences = []struct {
	err  error
	text string
}{
	{vault.ErrNoKeyring, words.NoKeyring},
	{vault.ErrKeyringLock, words.KeyringLocked},
	{vault.ErrKeyringSlow, "Your keyring did not answer; it may be waiting for its password in another window. Unlock it, then come back."},
	{vault.ErrKeyringDeny, "The keyring refused to give the key to your saved profiles and journal. Allow No Contact in the keyring's prompt, then come back."},
	{vault.ErrKeyCorrupted, "The key to your saved data in the keyring is damaged. Your data is kept as it is; an export made earlier can be imported again."},
	{client.ErrNotAnswering, "The No Contact daemon did not answer: it may have been stopped or be hung. The block stays in place, " +
		"and the service restarts a hung daemon within a minute. To look: " + words.ServiceLook},
}

// problemText is the sentence a person can act on for err, and the full
// message behind Details ("" when the sentence says it all).
func problemText(err error) (sentence, details string) {
	for _, s := range sentences {
		if errors.Is(err, s.err) {
			return s.text, err.Error()
		}
	}
	return "Something went wrong: " + err.Error(), ""
}

// problemBox shows a problem in a sentence, with the raw message behind a
// Details disclosure.
type problemBox struct {
	*fyne.Container
	text    *widget.Label
	details *widget.Label
	more    *widget.Accordion
}

func newProblemBox() *problemBox {
	p := &problemBox{text: widget.NewLabel(""), details: widget.NewLabel("")}
	p.text.Wrapping, p.details.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	p.text.Importance = widget.DangerImportance
	p.more = widget.NewAccordion(widget.NewAccordionItem("Details", p.details))
	p.Container = container.NewVBox(p.text, p.more)
	p.Hide()
	return p
}

// Set shows err, or hides the box when err is nil.
func (p *problemBox) Set(err error) {
	if err == nil {
		p.Hide()
		return
	}
	sentence, details := problemText(err)
	p.text.SetText(sentence)
	p.details.SetText(details)
	if details == "" {
		p.more.Hide()
	} else {
		p.more.Show()
	}
	p.Show()
}

// reason is why an action did not happen, as a sentence: the sentence for
// an error a person can act on, else the daemon's or the vault's own words,
// capitalized and ended.
func reason(err error) string {
	for _, s := range sentences {
		if errors.Is(err, s.err) {
			return s.text
		}
	}
	msg := strings.TrimSpace(err.Error())
	if msg == "" {
		return "No reason was given."
	}
	msg = strings.ToUpper(msg[:1]) + msg[1:]
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}
