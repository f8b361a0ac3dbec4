package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// A site a letter away from a platform's domain is asked about before it
// is saved: Use Instagram saves the person there, Keep as typed the site.
func TestATypoAsksDidYouMean(t *testing.T) {
	m, _, v := newMain(t, "")
	addByPasting(t, m, "instagam.com/jane.doe")
	a := m.Profiles.Ask
	if a == nil || !a.Dialog.Visible() || a.Heading.Text != "Did you mean Instagram?" || a.Yes.Text != "Use Instagram" || a.No.Text != "Keep as typed" {
		t.Fatalf("no question: %+v", a)
	}
	if d, _ := v.Load(); len(d.Profiles) != 0 {
		t.Fatalf("saved before the answer: %+v", d.Profiles)
	}
	test.Tap(a.Yes)
	if d, _ := v.Load(); len(d.Profiles) != 1 || d.Profiles[0].ID() != "instagram:jane.doe" {
		t.Fatalf("Use Instagram saved %+v", d.Profiles)
	}

	m.Profiles.Ask = nil
	addByPasting(t, m, "instagam.com")
	test.Tap(m.Profiles.Ask.No)
	if d, _ := v.Load(); len(d.Profiles) != 2 || d.Profiles[1].Host != "instagam.com" {
		t.Fatalf("Keep as typed saved %+v", d.Profiles)
	}

	m.Profiles.Ask = nil
	addByPasting(t, m, "example.com")
	if m.Profiles.Ask != nil {
		t.Errorf("example.com asked %q", m.Profiles.Ask.Heading.Text)
	}
}
