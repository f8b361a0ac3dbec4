package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Rail is the navigation down the left of the window, one button per
// screen, with the screen beside it. Fyne's AppTabs draws its tabs as
// buttons the keyboard cannot reach; these take the focus with Tab, open
// with Enter or Space, and Ctrl+1..5 (Cmd on macOS) select them too.
type Rail struct {
	widget.BaseWidget
	Items      []*container.TabItem
	Buttons    []*Button
	OnSelected func(*container.TabItem)

	marks    []*canvas.Rectangle // a bar beside the selected button
	stack    *fyne.Container
	box      fyne.CanvasObject
	selected int
}

// newRail builds the rail with the first item selected.
func newRail(items ...*container.TabItem) *Rail {
	r := &Rail{Items: items, stack: container.NewStack()}
	var rows []fyne.CanvasObject
	for i, it := range items {
		b := newButton(it.Text, func() { r.SelectIndex(i) })
		b.Icon, b.Alignment = it.Icon, widget.ButtonAlignLeading
		mark := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		mark.SetMinSize(fyne.NewSize(4, 0))
		r.Buttons, r.marks = append(r.Buttons, b), append(r.marks, mark)
		rows = append(rows, container.NewBorder(nil, nil, mark, nil, b))
		r.stack.Add(it.Content)
	}
	// The screens are never shorter than screenMinHeight: the window's
	// smallest still shows each screen's main button.
	floor := canvas.NewRectangle(color.Transparent)
	floor.SetMinSize(fyne.NewSize(0, screenMinHeight))
	r.stack.Add(floor)
	side := container.NewHBox(container.NewVBox(rows...), widget.NewSeparator())
	// The rail first, so that Tab reaches it before the screen.
	r.box = container.New(layout.NewBorderLayout(nil, nil, side, nil), side, r.stack)
	r.ExtendBaseWidget(r)
	r.mark(0) // no refresh: laying out before there is a window costs start-up time
	return r
}

// CreateRenderer draws the rail and the screen.
func (r *Rail) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

// SelectIndex shows the i-th screen.
func (r *Rail) SelectIndex(i int) {
	if i < 0 || i >= len(r.Items) {
		return
	}
	r.show(i)
	if r.OnSelected != nil {
		r.OnSelected(r.Items[i])
	}
}

// Selected is the screen shown.
func (r *Rail) Selected() *container.TabItem { return r.Items[r.selected] }

func (r *Rail) show(i int) {
	r.mark(i)
	for _, b := range r.Buttons {
		b.Refresh()
	}
	r.stack.Refresh()
}

// mark makes the i-th screen the one shown, without drawing anything.
func (r *Rail) mark(i int) {
	r.selected = i
	for j, it := range r.Items {
		if j == i {
			it.Content.Show()
			r.Buttons[j].Importance = widget.MediumImportance
			r.marks[j].Show()
		} else {
			it.Content.Hide()
			r.Buttons[j].Importance = widget.LowImportance
			r.marks[j].Hide()
		}
	}
}

// railKeys are Ctrl+1..9 (Cmd on macOS), as many as there are screens.
var railKeys = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}

// bindShortcuts adds Ctrl+N for the N-th screen to c.
func (r *Rail) bindShortcuts(c fyne.Canvas) {
	for i := range r.Items {
		if i >= len(railKeys) {
			return
		}
		c.AddShortcut(&desktop.CustomShortcut{KeyName: railKeys[i], Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { r.SelectIndex(i) })
	}
}
