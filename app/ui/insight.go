package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// screenMinHeight is the screens' smallest height, and so the window's:
// at it, and at the window's smallest width, Today's Start with any number
// of profiles, a running block's buttons, the schedule form with Add,
// Profiles' Save and Progress's journal form are in sight without
// scrolling (TestMainButtonsInSightAtTheSmallest).
const screenMinHeight = 540

// focusPoll is how often the window looks whether the focus moved: Fyne
// moves it on Tab without telling anyone (fyne-io/fyne#3029), and its own
// loop wakes 60 times a second anyway.
const focusPoll = 100 * time.Millisecond

// reveal lays s's screen out again (a message just shown has no place
// yet), then scrolls it so that objs, a field and the message under it,
// are in view.
func reveal(s *container.Scroll, objs ...fyne.CanvasObject) {
	s.Refresh()
	showIn(s, objs...)
}

// showIn scrolls s, as little as it can, so that objs are in view, their
// top first when they do not fit. Objects not shown inside s are left
// out.
func showIn(s *container.Scroll, objs ...fyne.CanvasObject) {
	top, bottom, ok := span(s, objs)
	if !ok {
		return
	}
	margin := theme.Padding() * 2
	view := s.Size().Height
	y := s.Offset.Y
	switch {
	case top-margin < y:
		y = top - margin
	case bottom+margin > y+view:
		y = min(top-margin, bottom+margin-view)
	default:
		return
	}
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, max(0, y)))
}

// span is the top and bottom of objs in s's content, and whether any of
// them is shown there.
func span(s *container.Scroll, objs []fyne.CanvasObject) (top, bottom float32, ok bool) {
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(s)
	for _, o := range objs {
		if o == nil || !o.Visible() {
			continue
		}
		p := d.AbsolutePositionForObject(o)
		// A widget not drawn (a hidden ancestor) is at 0,0: outside a
		// scroll that stands beside the rail.
		x, y := p.X-at.X, p.Y-at.Y+s.Offset.Y
		if x < 0 || x > s.Size().Width || y < 0 || y > s.Content.Size().Height {
			continue
		}
		if !ok || y < top {
			top = y
		}
		bottom, ok = max(bottom, y+o.Size().Height), true
	}
	return top, bottom, ok
}

// followFocus scrolls the shown screen so that the widget that has the
// focus is in view, when the focus has moved since the last look. It
// reports whether to stop looking: the window has closed.
func (m *Main) followFocus() bool {
	if m.closed {
		return true
	}
	c := m.Keys.c
	f := c.Focused()
	if f == m.focus {
		return false
	}
	m.focus = f
	o, isObject := f.(fyne.CanvasObject)
	if !isObject || m.Keys.top() != nil || c.Overlays().Top() != nil {
		return false // a dialog or a list has it: their own place shows it
	}
	for _, s := range m.scrolls[m.Tabs.Selected()] {
		showIn(s, o)
	}
	return false
}

// Close stops what the window's content does on its own (following the
// focus); the window has closed.
func (m *Main) Close() { m.closed = true }
