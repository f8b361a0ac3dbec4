package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// TestBarShowsWhatIsServed: nothing filled at 0, a quarter at 0.25 (Fyne's
// bar drew a full-looking band until about a third).
func TestBarShowsWhatIsServed(t *testing.T) {
	test.NewTempApp(t)
	b := newBar()
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(400, 40))
	fill := test.WidgetRenderer(b).Objects()[1].(*canvas.Rectangle)
	track := test.WidgetRenderer(b).Objects()[0].(*canvas.Rectangle)
	for _, tc := range []struct {
		v    float64
		want float32
	}{{0, 0}, {0.001, 0.001}, {0.25, 0.25}, {1, 1}, {3, 1}} {
		b.SetValue(tc.v)
		got := float32(0)
		if !fill.Hidden {
			got = fill.Size().Width / track.Size().Width
		}
		if got < tc.want-0.001 || got > tc.want+0.001 {
			t.Errorf("value %v fills %.3f of the bar, want %.3f", tc.v, got, tc.want)
		}
	}
}
