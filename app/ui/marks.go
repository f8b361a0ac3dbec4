package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"github.com/nocontact-app/nocontact/content/profile"
)

// markColors are the platforms' own colours, for a mark drawn here (the
// first letter of the name on a disc of that colour: no logo is bundled,
// so no trademark licence is needed), with the letter's colour.
var markColors = map[string][2]color.NRGBA{
	"instagram": {{0xe1, 0x30, 0x6c, 0xff}, white}, "facebook": {{0x18, 0x77, 0xf2, 0xff}, white},
	"messenger": {{0x00, 0x84, 0xff, 0xff}, white}, "x": {{0x26, 0x26, 0x26, 0xff}, white},
	"threads": {{0x26, 0x26, 0x26, 0xff}, white}, "tiktok": {{0xfe, 0x2c, 0x55, 0xff}, white},
	"snapchat": {{0xff, 0xfc, 0x00, 0xff}, black}, "linkedin": {{0x0a, 0x66, 0xc2, 0xff}, white},
	"reddit": {{0xff, 0x45, 0x00, 0xff}, white}, "youtube": {{0xff, 0x00, 0x00, 0xff}, white},
	"pinterest": {{0xe6, 0x00, 0x23, 0xff}, white}, "tumblr": {{0x36, 0x46, 0x5d, 0xff}, white},
	"vsco": {{0x26, 0x26, 0x26, 0xff}, white}, "strava": {{0xfc, 0x4c, 0x02, 0xff}, white},
	"venmo": {{0x3d, 0x95, 0xce, 0xff}, white}, "spotify": {{0x1d, 0xb9, 0x54, 0xff}, black},
	"twitch": {{0x91, 0x46, 0xff, 0xff}, white}, "bluesky": {{0x00, 0x85, 0xff, 0xff}, white},
	"mastodon": {{0x63, 0x64, 0xff, 0xff}, white}, "substack": {{0xff, 0x67, 0x19, 0xff}, white},
	"medium": {{0x26, 0x26, 0x26, 0xff}, white}, "whatsapp": {{0x25, 0xd3, 0x66, 0xff}, black},
	"telegram": {{0x26, 0xa5, 0xe4, 0xff}, white}, "discord": {{0x58, 0x65, 0xf2, 0xff}, white},
}

var (
	white = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	black = color.NRGBA{0x11, 0x11, 0x11, 0xff}
	grey  = color.NRGBA{0x6e, 0x6e, 0x73, 0xff}
)

// platformMark is a small disc in the platform's colour with the first
// letter of its name, so a person recognises "Instagram" before reading it.
func platformMark(platformID string) fyne.CanvasObject {
	c, ok := markColors[platformID]
	if !ok {
		c = [2]color.NRGBA{grey, white}
	}
	name := platformID
	if pl := profile.Lookup(platformID); pl != nil {
		name = pl.Name
	}
	disc := canvas.NewCircle(c[0])
	letter := canvas.NewText(strings.ToUpper(name[:1]), c[1])
	letter.TextStyle = fyne.TextStyle{Bold: true}
	letter.Alignment = fyne.TextAlignCenter
	mark := container.NewStack(disc, container.NewCenter(letter))
	return container.NewGridWrap(fyne.NewSize(28, 28), mark)
}
