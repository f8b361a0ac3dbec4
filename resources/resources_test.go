package resources

import (
	"bytes"
	"image/png"
	"testing"
)

func TestIconsArePNGsOfTheStatedSize(t *testing.T) {
	for name, tc := range map[string]struct {
		b    []byte
		size int
	}{
		"Icon": {Icon, 512}, "TrayBlocking": {TrayBlocking, 64},
		"TrayIdle": {TrayIdle, 64}, "TrayProblem": {TrayProblem, 64},
	} {
		img, err := png.Decode(bytes.NewReader(tc.b))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if b := img.Bounds(); b.Dx() != tc.size || b.Dy() != tc.size {
			t.Errorf("%s is %v, want %d×%d", name, b.Size(), tc.size, tc.size)
		}
	}
}
