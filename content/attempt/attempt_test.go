package attempt

import (
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

func TestWhat(t *testing.T) {
	for _, tt := range []struct{ host, path, want string }{
		{"instagram.com", "/jane.doe", "jane.doe’s profile on Instagram"},
		{"www.instagram.com", "/stories/jane.doe", "jane.doe’s profile on Instagram"},
		{"instagram.com", "", "Instagram"},
		{"www.tiktok.com", "", "TikTok"},
		{"m.facebook.com", "", "Facebook"},
		{"mastodon.social", "/@jane", "jane’s profile on mastodon.social"},
		{"jane.substack.com", "", "jane’s profile on Substack"},
		{"substack.com", "", "Substack"},
		{"janedoe.com", "", "janedoe.com"},
		{"imginn.com", "", "imginn.com"},
		{"", "", "a blocked site"},
	} {
		if got := (Attempt{Host: tt.host, Path: tt.path}).What(); got != tt.want {
			t.Errorf("What(%s%s) = %q, want %q", tt.host, tt.path, got, tt.want)
		}
	}
}

// One stream of events: a burst of three requests is one attempt, the
// later events of a burst belong to its first, and the counts go by day
// and hour.
func TestList(t *testing.T) {
	day := time.Date(2026, 3, 10, 23, 0, 0, 0, time.UTC)
	events := []api.Event{
		{Seq: 1, Kind: api.EventSessionStarted, Time: day.Add(-72 * time.Hour)},
		{Seq: 2, Kind: api.EventVisit, Host: "www.instagram.com", Scheme: "https", Time: day},
		{Seq: 3, Kind: api.EventVisit, Host: "instagram.com", Scheme: "http", Time: day.Add(time.Second)},
		{Seq: 4, Kind: api.EventVisit, Host: "instagram.com", Scheme: "https", Path: "/jane.doe", Time: day.Add(2 * time.Second)},
		{Seq: 5, Kind: api.EventVisit, Host: "tiktok.com", Scheme: "https", Time: day.Add(10 * time.Minute)},
		{Seq: 6, Kind: api.EventVisit, Host: "tiktok.com", Scheme: "https", Time: day.Add(90 * time.Minute), Scheduled: true},
	}
	list := List(events, time.UTC)
	if len(list) != 3 || list[0].Path != "/jane.doe" || list[0].Quiet != 72*time.Hour {
		t.Fatalf("List = %+v", list)
	}
	if list[1].Nth != 2 || list[1].InHour != 2 || list[2].Nth != 1 || list[2].InHour != 1 || !list[2].Scheduled {
		t.Errorf("counts: %+v", list)
	}
	if a, day, ok := Of(events, 3, time.UTC); !ok || len(day) != 1 || a.Seq != 2 || a.Heading() != "You tried to open jane.doe’s profile on Instagram" || a.Count() != "Your first attempt today" {
		t.Errorf("Of(3) = %+v %q", a, a.Heading())
	}
	if _, _, ok := Of(events, 1, time.UTC); ok {
		t.Error("a block's start is an attempt")
	}
	if got := Day(list, list[1]); len(got) != 2 || got[1].Seq != 5 {
		t.Errorf("Day = %+v", got)
	}
	// The page in the tab is made before its request is recorded: within
	// the minute it is the open attempt, after it the next one.
	if a, d := At(events[:4], "www.instagram.com", "/jane.doe", day.Add(30*time.Second)); a.Seq != 2 || a.Nth != 1 || len(d) != 1 {
		t.Errorf("At, within the minute: %+v", a)
	}
	if a, d := At(events[:5], "instagram.com", "", day.Add(20*time.Minute)); len(d) != 3 || d[2] != a || a.Nth != 3 || a.InHour != 3 || a.What() != "Instagram" || a.Count() != "3rd attempt today" {
		t.Errorf("At, later: %+v", a)
	}
	if Today(list, day.Add(30*time.Minute)) != 2 || Today(list, day.Add(2*time.Hour)) != 1 {
		t.Errorf("Today: %d %d", Today(list, day.Add(30*time.Minute)), Today(list, day.Add(2*time.Hour)))
	}
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 102: "102nd"} {
		if got := Ordinal(n); got != want {
			t.Errorf("Ordinal(%d) = %s", n, got)
		}
	}
}

func TestAnAttemptOnThePhoneSaysSo(t *testing.T) {
	t0 := time.Date(2026, 12, 6, 1, 0, 0, 0, time.UTC)
	evs := []api.Event{
		{Seq: 1, Kind: api.EventVisit, Host: "instagram.com", Time: t0},
		{Seq: 2, Kind: api.EventVisit, Host: "instagram.com", Scheme: "dns", Device: "Pixel-7", Time: t0.Add(time.Second)},
	}
	list := List(evs, time.UTC)
	if len(list) != 2 {
		t.Fatalf("the phone and this computer in the same minute are %d attempts, want 2", len(list))
	}
	if got := list[1].Heading(); got != "You tried to open Instagram on your phone (Pixel-7)" {
		t.Errorf("Heading = %q", got)
	}
	if got := list[0].Heading(); got != "You tried to open Instagram" {
		t.Errorf("Heading = %q", got)
	}
}
