package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/nocontact-app/nocontact/app/tray"
	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/content"
)

// One stream of events tells one story (issue 33, item 2): a burst of
// three requests for jane.doe's profile is one attempt, the 2nd today,
// and the pop-up, the tray, the pause and Progress all say so, naming
// what the page in the tab names (content/attempt; the daemon's test
// TestThePageAndItsEventTellOneStory checks the tab against it).
func TestOneStreamOneStory(t *testing.T) {
	m, _, _ := newMain(t, "")
	now := time.Now()
	start := now.Add(-10 * time.Minute)
	if start.Day() != now.Day() {
		start = now // just after midnight: both attempts today all the same
	}
	events := []api.Event{
		{Seq: 1, Kind: api.EventVisit, Host: "www.tiktok.com", Scheme: "https", Count: 2, Time: start},
		{Seq: 2, Kind: api.EventVisit, Host: "instagram.com", Scheme: "http", Count: 1, Time: start.Add(2 * time.Minute)},
		{Seq: 3, Kind: api.EventVisit, Host: "instagram.com", Scheme: "https", Path: "/jane.doe", Count: 1, Time: start.Add(2*time.Minute + time.Second)},
		{Seq: 4, Kind: api.EventVisit, Host: "www.instagram.com", Scheme: "https", Count: 1, Time: start.Add(2*time.Minute + 2*time.Second)},
	}
	const what, count = "jane.doe’s profile on Instagram", "2nd attempt today"

	for _, seq := range []int{2, 3, 4} { // whichever request of the burst the tray opened it for
		info := NewPopupInfo(content.MustLoad(), events, events[seq-1], nil)
		p := NewPopup(Deps{Vault: vault.Open(t.TempDir(), vault.Keyring{})}, info, func(content.Excerpt) {}, func() {})
		test.NewTempWindow(t, p.Content())
		if p.Heading.Text != "You tried to open "+what || p.Count.Text != count || p.Note.Text != "Tried to open "+what {
			t.Errorf("pop-up for event %d: %q, %q, %q", seq, p.Heading.Text, p.Count.Text, p.Note.Text)
		}
	}

	var last string
	for _, it := range tray.Menu(tray.State{Status: &api.Status{}, Visits: events, Now: now}) {
		if it.ID == tray.IDLast {
			last = it.Label
		}
	}
	if !strings.HasPrefix(last, "Last attempt: "+what+", ") || !strings.HasSuffix(last, " ago (2nd today)") {
		t.Errorf("tray: %q", last)
	}

	if got := attemptsToday(events, now); got != "2 attempts to open a blocked site today." {
		t.Errorf("pause: %q", got)
	}

	m.Progress.d.Now = func() time.Time { return now }
	m.Progress.render(events, nil, &vault.Data{}, nil)
	if !strings.Contains(m.Progress.ChartCaption.Text, "Today: 2.") {
		t.Errorf("Progress: %q", m.Progress.ChartCaption.Text)
	}
}
