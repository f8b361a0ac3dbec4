package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/content"
)

// breathTime is how long the pause lasts before the cool-down can be
// started: long enough for one slow breath in and out. It cannot be
// skipped, only waited out.
const breathTime = 10 * time.Second

// Pause is what "End early…" opens with the cool-down lock: a breathing
// countdown, then a choice. Keeping the block is the default (Enter,
// Escape); starting the cool-down is possible only once the countdown
// is over.
type Pause struct {
	*leaving
	Breath *widget.Label
	Keep   *Button // the default
	Go     *Button // "Start the cool-down", enabled after the breath
	Dialog *Dialog

	now   func() time.Time
	until time.Time
}

// newPause builds the pause; onKeep and onGo are called after it closes.
func newPause(d Deps, k *Keys, f leavingFacts, onKeep, onGo func()) *Pause {
	p := &Pause{leaving: newLeaving("Take a breath before you decide", content.EndingEarly, f),
		Breath: widget.NewLabel(""), now: d.Now, until: d.Now().Add(breathTime)}
	p.Breath.TextStyle, p.Breath.Wrapping = fyne.TextStyle{Bold: true}, fyne.TextWrapWord
	p.Breath.Importance = widget.HighImportance
	p.Keep = newButton("Keep the block", func() { p.Dialog.Close(); onKeep() })
	p.Keep.Importance = widget.HighImportance
	p.Go = newButton("Start the cool-down", func() { p.Dialog.Close(); onGo() })
	p.Go.Disable()
	p.Tick()
	parts := dialogParts{top: []fyne.CanvasObject{p.Heading, p.Breath}, body: p.objects()[1:]}
	p.Dialog = k.openDialog(dialogBox(k, parts, p.Go, p.Keep), p.Keep, onKeep)
	d.Every(time.Second, p.Tick)
	return p
}

// Tick moves the countdown on from the clock and reports whether it is
// over (or the pause closed), which stops the ticking.
func (p *Pause) Tick() bool {
	if p.Dialog != nil && !p.Dialog.Visible() {
		return true
	}
	left := p.until.Sub(p.now())
	if left <= 0 {
		p.Breath.SetText("Thank you for that breath. Whatever you choose now, you choose it calmly.")
		p.Go.Enable()
		return true
	}
	secs := int((left + time.Second - 1) / time.Second)
	phase := "Breathe in slowly…"
	if secs <= 5 {
		phase = "…and let it go."
	}
	p.Breath.SetText(fmt.Sprintf("%s  %d", phase, secs))
	return false
}
