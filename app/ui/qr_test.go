package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

func TestQRCodeIsAnImageAPhoneCanScan(t *testing.T) {
	img, ok := qrCode("abc123.dns.nextdns.io").(*canvas.Image)
	if !ok || img.Image == nil {
		t.Fatalf("qrCode gave %T, want an image", img)
	}
	if b := img.Image.Bounds(); b.Dx() < 200 || b.Dx() != b.Dy() {
		t.Errorf("QR image is %v, want a square of at least 200 px", b)
	}
	if got := img.MinSize(); got.Width < qrSize {
		t.Errorf("QR min size %v, want at least %d", got, qrSize)
	}
}

func TestQRCodeTooLongSaysSo(t *testing.T) {
	l, ok := qrCode(strings.Repeat("x", 5000)).(*widget.Label)
	if !ok || !strings.Contains(l.Text, "copy it instead") {
		t.Fatalf("a text too long for a QR code gave %T", l)
	}
}
