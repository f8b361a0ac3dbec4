package app

import "testing"

func TestSetupTitleSaysWhenTheServiceDidNotAnswer(t *testing.T) {
	if got := setupTitle("No Contact setup will:\n...\nThe blocking service did not answer yet. Where systemd does not run, start it by hand:\n"); got == "Blocking is set up" {
		t.Errorf("title %q for a service that did not answer", got)
	}
	if got := setupTitle("The blocking service is running.\nDone: the tray starts at your next login"); got != "Blocking is set up" {
		t.Errorf("title %q for a setup that worked", got)
	}
}

func TestLastSentence(t *testing.T) {
	if got := lastSentence("details\nnocontact: pkexec was dismissed\n"); got != "Pkexec was dismissed" {
		t.Errorf("%q", got)
	}
}
