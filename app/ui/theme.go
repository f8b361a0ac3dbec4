package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme is No Contact's look: Fyne's default (light and dark following the
// system, its type scale and spacing, its blue accent) with every text role
// readable at 4.5:1 or more against its background in both variants (a
// test measures the rendered pixels), controls' outlines visible at 3:1,
// and: secondary text (low-importance
// labels, which Fyne draws in its "disabled" colour, 1.6:1 in dark and 1.3:1
// in light), placeholders, and the semantic colours for ok, warning and
// blocked, which Fyne draws too light on white.
type Theme struct {
	fyne.Theme
	scale float32 // text size, 1 by default (the Read tab's slider)
}

// NewTheme returns the app's theme at text scale 1.
func NewTheme() fyne.Theme { return Theme{Theme: theme.DefaultTheme(), scale: 1} }

// roleColors are the colours this theme changes, dark then light.
var roleColors = map[fyne.ThemeColorName][2]color.NRGBA{
	theme.ColorNameDisabled:    {{0x8e, 0x8e, 0x93, 0xff}, {0x6e, 0x6e, 0x73, 0xff}}, // secondary text
	theme.ColorNamePlaceHolder: {{0xa0, 0xa0, 0xa5, 0xff}, {0x6e, 0x6e, 0x73, 0xff}},
	theme.ColorNameSuccess:     {{0x43, 0xf4, 0x36, 0xff}, {0x1b, 0x7a, 0x2e, 0xff}}, // ok
	theme.ColorNameWarning:     {{0xff, 0x98, 0x00, 0xff}, {0x9a, 0x58, 0x00, 0xff}},
	theme.ColorNameError:       {{0xf4, 0x43, 0x36, 0xff}, {0xc0, 0x26, 0x26, 0xff}}, // blocked, problems
	// The outline of radio buttons, check boxes and fields: Fyne's is all
	// but invisible on white (an unchosen "24 h" read as plain text); 3:1
	// or more against the background, as controls need.
	theme.ColorNameInputBorder: {{0x8e, 0x8e, 0x93, 0xff}, {0x86, 0x86, 0x8b, 0xff}},
}

// Color returns the readable colour of a text role, Fyne's for the rest.
func (t Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := roleColors[n]; ok {
		if v == theme.VariantLight {
			return c[1]
		}
		return c[0]
	}
	return t.Theme.Color(n, v)
}

// Size scales the text sizes and leaves the others.
func (t Theme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText, theme.SizeNameCaptionText:
		return t.Theme.Size(n) * t.scale
	}
	return t.Theme.Size(n)
}
