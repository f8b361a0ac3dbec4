package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Keys is a window's keyboard: Escape closes the topmost dialog (or, with
// none open, does the window's own Escape: closing the pop-up), Enter and
// Return activate the default button of the topmost dialog (or the
// window's own default). Keys reach it when nothing has the focus; a
// focused button or entry of this package passes Escape on to it.
type Keys struct {
	c       fyne.Canvas
	dialogs []*Dialog
	// Escape and Enter are the window's own, with no dialog open; nil
	// does nothing.
	Escape, Enter func()
}

// Bind makes k the keyboard of c.
func (k *Keys) Bind(c fyne.Canvas) {
	k.c = c
	c.SetOnTypedKey(k.typed)
}

func (k *Keys) typed(ev *fyne.KeyEvent) {
	top := k.top()
	switch {
	case ev.Name == fyne.KeyEscape && top != nil:
		top.cancel()
	case ev.Name == fyne.KeyEscape && k.closeOverlay():
	case ev.Name == fyne.KeyEscape && k.Escape != nil:
		k.Escape()
	case isEnter(ev) && top != nil:
		top.activateDefault()
	case isEnter(ev) && k.Enter != nil:
		k.Enter()
	}
}

// closeOverlay hides a pop-up of Fyne's own (a Select's list) and reports
// whether there was one.
func (k *Keys) closeOverlay() bool {
	if k.c == nil {
		return false
	}
	if o := k.c.Overlays().Top(); o != nil {
		o.Hide()
		return true
	}
	return false
}

// top is the dialog on top, nil when none is open.
func (k *Keys) top() *Dialog {
	if len(k.dialogs) == 0 {
		return nil
	}
	return k.dialogs[len(k.dialogs)-1]
}

func isEnter(ev *fyne.KeyEvent) bool { return ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter }

// Dialog is a modal box over a window: content, a default button (Enter)
// and what Escape does (the safe choice).
type Dialog struct {
	k        *Keys
	pop      *widget.PopUp
	def      *Button
	onCancel func()
	sticky   bool // Escape leaves it open: closing it loses what it shows
}

// openDialog shows content over k's window. Enter taps def (when it is
// enabled), Escape calls onCancel and closes.
func (k *Keys) openDialog(content fyne.CanvasObject, def *Button, onCancel func()) *Dialog {
	d := &Dialog{k: k, def: def, onCancel: onCancel}
	d.pop = widget.NewModalPopUp(content, k.c)
	k.dialogs = append(k.dialogs, d)
	d.pop.Show()
	// The focus starts on the default button, so its ring shows what
	// Enter does; Tab moves on to the others.
	if def != nil {
		k.c.Focus(def)
	} else {
		k.c.Unfocus()
	}
	return d
}

// Close removes the dialog.
func (d *Dialog) Close() {
	d.pop.Hide()
	for i, x := range d.k.dialogs {
		if x == d {
			d.k.dialogs = append(d.k.dialogs[:i], d.k.dialogs[i+1:]...)
			break
		}
	}
}

// Visible reports whether the dialog is open.
func (d *Dialog) Visible() bool { return d.pop.Visible() }

func (d *Dialog) cancel() {
	if d.sticky {
		return
	}
	d.Close()
	if d.onCancel != nil {
		d.onCancel()
	}
}

func (d *Dialog) activateDefault() {
	if d.def != nil && !d.def.Disabled() {
		d.def.Tapped(nil)
	}
}

// Button is a button the keyboard can use: Enter or Return taps it when
// it has the focus (Fyne's only takes Space), Escape goes on to the
// window's Keys, and a ring in the text colour, drawn around it while it
// has the focus, shows where the focus is in both themes (Fyne's own
// focus tint vanishes on a primary button).
type Button struct {
	widget.Button
	focused bool
}

// newButton returns a Button with a label and an action.
func newButton(label string, tapped func()) *Button {
	b := &Button{}
	b.Text, b.OnTapped = label, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey handles Enter, Return, Space and Escape.
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case isEnter(ev):
		if !b.Disabled() {
			b.Tapped(nil)
		}
	case ev.Name == fyne.KeyEscape:
		passOn(b, ev)
	default:
		b.Button.TypedKey(ev)
	}
}

// FocusGained shows the ring.
func (b *Button) FocusGained() {
	b.focused = true
	b.Button.FocusGained()
}

// FocusLost hides the ring.
func (b *Button) FocusLost() {
	b.focused = false
	b.Button.FocusLost()
}

// Focused reports whether the button has the focus.
func (b *Button) Focused() bool { return b.focused }

// CreateRenderer is Fyne's button with the focus ring on top.
func (b *Button) CreateRenderer() fyne.WidgetRenderer {
	ring := canvas.NewRectangle(color.Transparent)
	ring.StrokeWidth, ring.Hidden = 2, true
	ring.CornerRadius = b.Theme().Size("inputRadius")
	return &ringRenderer{WidgetRenderer: b.Button.CreateRenderer(), b: b, ring: ring}
}

// ringRenderer draws a Button and its focus ring.
type ringRenderer struct {
	fyne.WidgetRenderer
	b    *Button
	ring *canvas.Rectangle
}

func (r *ringRenderer) Objects() []fyne.CanvasObject {
	return append(r.WidgetRenderer.Objects(), r.ring)
}

func (r *ringRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.ring.Resize(size)
	r.ring.Move(fyne.NewPos(0, 0))
}

func (r *ringRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	r.ring.StrokeColor = r.b.Theme().Color("foreground", fyne.CurrentApp().Settings().ThemeVariant())
	r.ring.Hidden = !r.b.focused
	r.ring.Refresh()
}

// Entry is an entry that passes Escape on to the window's Keys (Fyne's
// keeps it).
type Entry struct{ widget.Entry }

func newEntry(multiLine bool) *Entry {
	e := &Entry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles Escape, and leaves the rest to Fyne's entry.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		passOn(e, ev)
		return
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut passes Ctrl+digit (the rail's) on to the window, and
// leaves the rest to Fyne's entry.
func (e *Entry) TypedShortcut(sc fyne.Shortcut) {
	if cs, ok := sc.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierShortcutDefault && len(cs.KeyName) == 1 &&
		cs.KeyName[0] >= '1' && cs.KeyName[0] <= '9' {
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(e).(fyne.Shortcutable); ok {
			c.(fyne.Canvas).Unfocus()
			c.TypedShortcut(sc)
		}
		return
	}
	e.Entry.TypedShortcut(sc)
}

// passOn gives a key to the window's own handler (Keys).
func passOn(o fyne.CanvasObject, ev *fyne.KeyEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil || c.OnTypedKey() == nil {
		return
	}
	c.Unfocus()
	c.OnTypedKey()(ev)
}
