package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Bar shows how much of a block is served: a track and a fill exactly as
// wide as the value. Fyne's ProgressBar draws its fill with rounded ends at
// least as wide as the bar is tall, which looked like a full band until
// about a third was served.
type Bar struct {
	widget.BaseWidget
	Value float64 // 0 to 1
}

func newBar() *Bar {
	b := &Bar{}
	b.ExtendBaseWidget(b)
	return b
}

// SetValue sets the share served, clamped to 0..1.
func (b *Bar) SetValue(v float64) {
	b.Value = min(1, max(0, v))
	b.Refresh()
}

// CreateRenderer draws the track and the fill.
func (b *Bar) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{b: b, track: canvas.NewRectangle(nil), fill: canvas.NewRectangle(nil)}
	r.Refresh()
	return r
}

type barRenderer struct {
	b           *Bar
	track, fill *canvas.Rectangle
}

func (r *barRenderer) MinSize() fyne.Size { return fyne.NewSize(40, 10) }

func (r *barRenderer) Layout(size fyne.Size) {
	h := float32(10)
	y := (size.Height - h) / 2
	r.track.Move(fyne.NewPos(0, y))
	r.track.Resize(fyne.NewSize(size.Width, h))
	r.fill.Move(fyne.NewPos(0, y))
	r.fill.Resize(fyne.NewSize(size.Width*float32(r.b.Value), h))
}

func (r *barRenderer) Refresh() {
	th, v := r.b.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	r.track.FillColor = th.Color(theme.ColorNameInputBorder, v)
	r.fill.FillColor = th.Color(theme.ColorNamePrimary, v)
	r.track.CornerRadius, r.fill.CornerRadius = 3, 3
	r.fill.Hidden = r.b.Value <= 0
	r.Layout(r.b.Size())
	canvas.Refresh(r.b)
}

func (r *barRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.track, r.fill} }
func (r *barRenderer) Destroy()                     {}
