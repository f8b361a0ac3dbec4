package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/content"
)

// The journal's motives of the last 30 days, most named first, reach the
// passages; every motive but "not sure" has passages that answer it.
func TestJournalMotivesChooseThePassage(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.Local)
	data := &vault.Data{Journal: []vault.Entry{
		{Time: now.Add(-40 * 24 * time.Hour), Motive: "guilt"},
		{Time: now.Add(-3 * time.Hour), Motive: "nostalgia"},
		{Time: now.Add(-2 * time.Hour), Motive: "closure"},
		{Time: now.Add(-time.Hour), Motive: "closure"},
		{Time: now.Add(-time.Hour), Motive: "other"},
		{Time: now.Add(-time.Hour), Motive: "loneliness", Kind: vault.KindEndedEarly},
	}}
	if got := JournalMotives(data, now); !slices.Equal(got, []string{"closure", "nostalgia"}) {
		t.Errorf("JournalMotives = %q", got)
	}
	if JournalMotives(nil, now) != nil {
		t.Error("motives without a journal")
	}
	a := content.MustLoad()
	for _, m := range vault.Motives {
		if m.ID == "other" {
			continue
		}
		e := a.Pick(content.Moment{Trigger: content.Visit, Host: "janedoe.com", Time: now, AttemptsHour: 1, AttemptsToday: 1, Motives: []string{m.ID}})
		if !strings.Contains(e.Reason, "journal") && !strings.Contains(e.Reason, "logged") {
			t.Errorf("motive %s: %q (%s) does not answer it", m.ID, e.Title, e.Reason)
		}
	}
}
