package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/app/words"
)

// Help is the few things a person needs and would look for in the
// window: how to end a block that got stuck, where their things are kept,
// and what No Contact cannot do. It is a place of its own in the rail, not
// a line on Today: during a strict block, a way out in sight would tempt.
type Help struct {
	Stuck   *widget.Label // the command that ends a stuck block, to copy
	content fyne.CanvasObject
}

func newHelp() *Help {
	h := &Help{Stuck: widget.NewLabel(words.StuckCommand)}
	h.Stuck.TextStyle, h.Stuck.Selectable = fyne.TextStyle{Monospace: true}, true
	head := widget.NewLabel("Help")
	head.TextStyle, head.SizeName = fyne.TextStyle{Bold: true}, "headingText"
	objs := []fyne.CanvasObject{head,
		subhead("If a block gets stuck"),
		wrapped("A block ends by itself at its time. If it does not (the computer was moved, a disk failed, No Contact was " +
			"half removed), you can end it by hand, whatever its lock. " + words.StuckHow),
		h.Stuck,
		wrapped("It ends the block, takes No Contact's lines out of the hosts file and the browsers' settings, and notes in " +
			"the history that it was used. It is for a block that is broken, not for a hard evening: for that, there is Read, " +
			"and your journal on Progress."),
		subhead("Where your things are"),
		wrapped("Your profiles, journal and settings: " + vaultDir() + ", in your own folder. In a terminal, nocontact export FILE copies them into a file you choose."),
		wrapped("Past blocks, schedules and attempts: " + words.ServiceData + ", kept by the blocking service."),
		wrapped("During a block: a marked section of " + words.HostsFile + ", and the browsers' settings. Both go when the block ends."),
		subhead("What No Contact cannot do"),
		wrapped("It blocks on this computer only: a phone, a tablet or another computer are not blocked by it."),
		wrapped("Someone with this computer's administrator password can always end a block, as above. The locks make " +
			"ending early slow and deliberate, not impossible."),
		wrapped(words.ReloadTabs),
		wrapped("Attempts are counted from what reaches the block on this computer, and any program here can add to the count: " +
			"it is a mirror for you, not evidence. Nothing is locked or made longer because of it."),
	}
	h.content = container.NewVScroll(container.NewPadded(container.NewVBox(objs...)))
	return h
}

// subhead is a section's heading on a screen.
func subhead(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle, l.SizeName = fyne.TextStyle{Bold: true}, "subHeadingText"
	return l
}

// vaultDir is where the profiles and the journal are kept, the home
// folder written "~" as a terminal takes it (not on Windows, whose
// Explorer takes the whole path), or a description when the system does
// not say.
func vaultDir() string {
	dir, err := vault.DefaultDir()
	if err != nil {
		return "the nocontact folder of your settings"
	}
	if home, err := os.UserHomeDir(); err == nil && runtime.GOOS != "windows" && strings.HasPrefix(dir, home+string(filepath.Separator)) {
		return "~" + strings.TrimPrefix(dir, home)
	}
	return dir
}
