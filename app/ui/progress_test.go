package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/blocker/api"
)

func TestProgressChartAndJournal(t *testing.T) {
	m, _, v := newMain(t, "")
	p := m.Progress
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.Local)
	p.d.Now = func() time.Time { return now }
	// 4 attempts today and 9 two days ago, each a few minutes apart (a
	// burst within a minute would be one attempt)
	today, earlier := attemptsAt(4, now.Add(-time.Hour)), attemptsAt(9, now.Add(-48*time.Hour))
	events := append(append([]api.Event{}, today...), earlier...)
	day, _ := vault.ParseDate("2026-03-01")
	data := &vault.Data{LastContact: &day}
	p.render(events, nil, data, nil)
	if p.Counts[29] != 4 || p.Counts[27] != 9 {
		t.Errorf("counts %v", p.Counts)
	}
	if !strings.Contains(p.ChartCaption.Text, "13 attempts in 30 days; the most, 9, on Sun 8 Mar. Today: 4.") {
		t.Errorf("caption %q", p.ChartCaption.Text)
	}
	if p.Streaks.Text != "Current streak: 9 days · Best: 9 days" {
		t.Errorf("streaks %q", p.Streaks.Text)
	}
	if p.bars[27].Size().Height <= p.bars[29].Size().Height {
		t.Errorf("bar heights %v %v", p.bars[27].Size(), p.bars[29].Size())
	}

	if strings.Contains(p.ChartCaption.Text, "scheduled") {
		t.Errorf("scheduled blocks named without any: %q", p.ChartCaption.Text)
	}
	for i := range earlier {
		events[len(today)+i].Scheduled = true
	}
	p.render(events, nil, data, nil)
	if !strings.HasSuffix(p.ChartCaption.Text, "Today: 4. 9 of them in scheduled blocks.") {
		t.Errorf("attempts in scheduled blocks not told apart: %q", p.ChartCaption.Text)
	}
	p.render(today, nil, data, nil)
	if !strings.HasPrefix(p.ChartCaption.Text, "4 attempts") {
		t.Errorf("caption %q", p.ChartCaption.Text)
	}
	p.render([]api.Event{{Kind: api.EventVisit, Host: "x.com", Time: now}}, nil, data, nil)
	if !strings.HasPrefix(p.ChartCaption.Text, "1 attempt in 30 days;") {
		t.Errorf("one attempt: %q", p.ChartCaption.Text)
	}
	test.Tap(p.Save)
	if !strings.Contains(p.Notice.Text, "Say what happened") {
		t.Errorf("saved an empty entry: %q", p.Notice.Text)
	}
	p.Motive.SetSelected(vault.Motives[4].Label)
	test.Type(p.What, "looked at old photos")
	test.Tap(p.Save)
	d, _ := v.Load()
	if len(d.Journal) != 1 || d.Journal[0].Motive != "nostalgia" {
		t.Fatalf("journal %+v", d.Journal)
	}
	if len(p.Journal.Objects) != 1 || !strings.Contains(p.Journal.Objects[0].(*widget.Label).Text, "Nostalgia") {
		t.Errorf("the journal list does not show the entry")
	}
}

// attemptsAt is n visits to x.com, five minutes apart from at on.
func attemptsAt(n int, at time.Time) []api.Event {
	var out []api.Event
	for i := range n {
		out = append(out, api.Event{Kind: api.EventVisit, Host: "x.com", Count: 2, Time: at.Add(time.Duration(i) * 5 * time.Minute)})
	}
	return out
}
