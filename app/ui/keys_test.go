package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ctrl sends Ctrl+key (Cmd on macOS) as the desktop driver does: to the
// focused widget when it handles shortcuts, else to the window.
func ctrl(c fyne.Canvas, key fyne.KeyName) {
	sc := &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(sc)
}

func TestRailByKeyboard(t *testing.T) {
	m, _, _ := newMain(t, "")
	c := m.Keys.c
	for i, want := range []string{"Today", "Profiles", "Read", "Progress", "Help"} {
		ctrl(c, railKeys[i])
		if got := m.Tabs.Selected().Text; got != want {
			t.Errorf("Ctrl+%d shows %s, want %s", i+1, got, want)
		}
	}
	ctrl(c, fyne.Key2)
	c.Focus(m.Profiles.Link) // a field with the focus passes Ctrl+N on
	ctrl(c, fyne.Key3)
	if m.Tabs.Selected().Text != "Read" {
		t.Errorf("Ctrl+3 from the link field shows %s", m.Tabs.Selected().Text)
	}
	c.Unfocus()
	test.FocusNext(c) // Tab from nothing: the rail comes first
	if c.Focused() != m.Tabs.Buttons[0] {
		t.Fatalf("Tab focuses %T, not the rail", c.Focused())
	}
	test.FocusNext(c)
	press(c, fyne.KeyReturn)
	if m.Tabs.Selected().Text != "Profiles" {
		t.Errorf("Tab, Tab, Enter shows %s, want Profiles", m.Tabs.Selected().Text)
	}
	press(c, fyne.KeySpace)
	if m.Tabs.Selected().Text != "Profiles" || c.Focused() != m.Tabs.Buttons[1] {
		t.Error("Space on the focused rail button lost the focus or moved")
	}
}

func TestEnterSubmitsFields(t *testing.T) {
	m, _, v := newMain(t, "")
	c := m.Keys.c
	m.Tabs.SelectIndex(1)
	test.Type(m.Profiles.Link, "jane.substack.com")
	c.Focus(m.Profiles.Link)
	press(c, fyne.KeyReturn)
	if d, _ := v.Load(); len(d.Profiles) != 1 {
		t.Errorf("Enter in the link field saved %d profiles", len(d.Profiles))
	}
	m.Tabs.SelectIndex(0)
	test.Type(m.Today.LastContact, "2026-01-02")
	c.Focus(m.Today.LastContact)
	press(c, fyne.KeyReturn)
	if d, _ := v.Load(); d.LastContact == nil || d.LastContact.String() != "2026-01-02" {
		t.Errorf("Enter in the last-contact field saved %v", d.LastContact)
	}
}

// TestFocusRingShows: a focused primary button has a ring in the text
// colour, at least 3:1 against the window (WCAG's non-text contrast) in
// both themes, drawn on the rendered pixels; an unfocused one has none.
func TestFocusRingShows(t *testing.T) {
	for _, variant := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		a := test.NewTempApp(t)
		a.Settings().SetTheme(fixedVariant{NewTheme(), variant})
		b := newButton("Keep the block", func() {})
		b.Importance = widget.HighImportance
		other := newButton("Start the cool-down", func() {})
		w := test.NewTempWindow(t, container.NewCenter(container.NewHBox(other, b)))
		w.Resize(fyne.NewSize(400, 200))
		bg := theme.Current().Color(theme.ColorNameBackground, variant)
		edge := func() float64 {
			img := w.Canvas().Capture()
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			best := 1.0
			for y := int(pos.Y) - 2; y <= int(pos.Y)+2; y++ {
				best = max(best, contrast(img.At(int(pos.X+b.Size().Width/2), y), bg))
			}
			return best
		}
		before := edge()
		w.Canvas().Focus(b)
		ring := test.WidgetRenderer(b).Objects()
		last := ring[len(ring)-1].(*canvas.Rectangle)
		after := edge()
		t.Logf("variant %v: edge %.1f:1 unfocused, %.1f:1 focused", variant, before, after)
		if !b.Focused() || last.Hidden || after < 3 || after <= before {
			t.Errorf("variant %v: focused %v, ring hidden %v, edge %.1f:1 (unfocused %.1f:1)", variant, b.Focused(), last.Hidden, after, before)
		}
		w.Canvas().Focus(other)
		if !last.Hidden {
			t.Errorf("variant %v: the ring stays after the focus moved", variant)
		}
	}
}

func TestMessageClosesWithEscapeAndEnter(t *testing.T) {
	m, _, _ := newMain(t, "")
	for _, key := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter} {
		d := m.Keys.Message("Blocking is set up", "The blocking service is running.", "details")
		if !d.Visible() {
			t.Fatal("the message did not open")
		}
		press(m.Keys.c, key)
		if d.Visible() || len(m.Keys.dialogs) != 0 {
			t.Errorf("%s left the message open", key)
		}
	}
}
