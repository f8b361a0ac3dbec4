package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestWelcomeSaysWhatThisBuildDoes(t *testing.T) {
	test.NewTempApp(t)
	s := newWelcome(Info{Version: "1.2.3"})
	w := test.NewTempWindow(t, s.content)
	w.Resize(w.Canvas().Size().Max(s.content.MinSize()))
	if s.title.Text != "No Contact" {
		t.Errorf("title %q", s.title.Text)
	}
	if !strings.Contains(s.version.Text, "1.2.3") {
		t.Errorf("version label %q", s.version.Text)
	}
	if !strings.Contains(s.body.Text, "Nothing is blocked yet") {
		t.Errorf("the welcome text does not say that nothing is blocked: %q", s.body.Text)
	}
}
