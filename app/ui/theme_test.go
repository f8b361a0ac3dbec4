package ui

import (
	"image"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fixedVariant is a theme that always draws one variant.
type fixedVariant struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (f fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return f.Theme.Color(n, f.v)
}

// TestTextContrast renders each text role of the window in both variants
// and measures, on the rendered pixels, the contrast of its most inked
// pixel against the background: at least 4.5:1 (WCAG AA for body text).
func TestTextContrast(t *testing.T) {
	roles := map[string]widget.Importance{
		"body": widget.MediumImportance, "secondary": widget.LowImportance,
		"ok": widget.SuccessImportance, "warning": widget.WarningImportance, "blocked": widget.DangerImportance,
	}
	for _, variant := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		a := test.NewTempApp(t)
		a.Settings().SetTheme(fixedVariant{NewTheme(), variant})
		var labels []*widget.Label
		var names []string
		box := container.NewVBox()
		for name, imp := range roles {
			l := widget.NewLabel("MWHE MWHE")
			l.Importance, l.SizeName = imp, theme.SizeNameHeadingText
			labels, names = append(labels, l), append(names, name)
			box.Add(l)
		}
		entry := widget.NewEntry()
		entry.SetPlaceHolder("YYYY-MM-DD MWHE")
		box.Add(entry)
		w := test.NewTempWindow(t, box)
		w.Resize(fyne.NewSize(400, 500))
		img := w.Canvas().Capture()
		bg := theme.Current().Color(theme.ColorNameBackground, variant)
		for i, l := range labels {
			check(t, img, l, bg, names[i], variant)
		}
		check(t, img, entry, theme.Current().Color(theme.ColorNameInputBackground, variant), "placeholder", variant)
	}
}

func check(t *testing.T, img image.Image, o fyne.CanvasObject, bg color.Color, role string, v fyne.ThemeVariant) {
	t.Helper()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	r := image.Rect(int(pos.X)+6, int(pos.Y)+4, int(pos.X+o.Size().Width)-6, int(pos.Y+o.Size().Height)-4)
	best := 1.0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			best = math.Max(best, contrast(img.At(x, y), bg))
		}
	}
	variant := map[fyne.ThemeVariant]string{theme.VariantDark: "dark", theme.VariantLight: "light"}[v]
	t.Logf("%s, %s: %.1f:1", role, variant, best)
	if best < 4.5 {
		t.Errorf("%s text in the %s theme: %.1f:1, want at least 4.5:1", role, variant, best)
	}
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// TestControlOutlines: the outline of an unchosen radio button or an
// empty check box stands out from the background by 3:1 or more (WCAG
// 1.4.11), in both variants; Fyne's own light one was about 1.3:1.
func TestControlOutlines(t *testing.T) {
	th := NewTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		if c := contrast(th.Color(theme.ColorNameInputBorder, v), th.Color(theme.ColorNameBackground, v)); c < 3 {
			t.Errorf("variant %d: control outlines %.1f:1 against the background", v, c)
		}
	}
}
