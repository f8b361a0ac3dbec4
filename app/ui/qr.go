package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
	qrcode "github.com/skip2/go-qrcode"
)

// qrSize is a QR code's side on screen: large enough for a phone's camera
// at arm's length, small enough for the window's smallest size.
const qrSize = 160

// qrCode is text as a QR code a phone can scan, black on white whatever
// the theme (a camera reads dark modules on a light ground), or a plain
// sentence when the text is too long to encode.
func qrCode(text string) fyne.CanvasObject {
	code, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return widget.NewLabel("This is too long for a QR code; copy it instead.")
	}
	code.DisableBorder = false
	img := canvas.NewImageFromImage(code.Image(256))
	img.FillMode = canvas.ImageFillContain
	img.ScaleMode = canvas.ImageScalePixels
	img.SetMinSize(fyne.NewSize(qrSize, qrSize))
	return img
}
