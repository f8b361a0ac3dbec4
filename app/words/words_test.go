package words

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin wherever the tests run

	"github.com/nocontact-app/nocontact/blocker/api"
)

func TestSession(t *testing.T) {
	cooldown := api.Lock{Mode: api.LockCooldown, Cooldown: api.Duration(30 * time.Minute)}
	names := strings.Split("a.com b.com c.com d.com e.com f.com g.com h.com i.com j.com k.com l.com m.com n.com", " ")
	for _, tc := range []struct {
		name       string
		s          *api.Session
		long, menu string
	}{
		{"none", nil, "No block running.", "No block running"},
		{"names", &api.Session{Hostnames: names, Remaining: api.Duration(18*api.Day + 4*time.Hour), Lock: cooldown},
			"Blocking 14 sites · 18 d 4 h left · lock: cool-down 30 min", "Blocking 14 sites · 18 d 4 h left"},
		{"one name and pages", &api.Session{Hostnames: names[:1], Paths: []string{"x.com/jane", "x.com/jane/"}, Remaining: api.Duration(90 * time.Second),
			Lock: api.Lock{Mode: api.LockFriend}},
			"Blocking 1 site and 2 profile pages · 1 min 30 s left · lock: friend's code", "Blocking 1 site and 2 profile pages · 1 min 30 s left"},
		{"one page", &api.Session{Paths: []string{"x.com/jane"}, Remaining: api.Duration(29 * api.Day), Lock: api.Lock{Mode: api.LockStrict}},
			"Blocking 1 profile page · 29 d left · lock: strict", "Blocking 1 profile page · 29 d left"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Session(tc.s); got != tc.long {
				t.Errorf("Session = %q, want %q", got, tc.long)
			}
			if got := Short(tc.s); got != tc.menu {
				t.Errorf("Short = %q, want %q", got, tc.menu)
			}
		})
	}
}

func TestLock(t *testing.T) {
	for _, tc := range []struct {
		l    api.Lock
		want string
	}{
		{api.Lock{Mode: api.LockCooldown, Cooldown: api.Duration(24 * time.Hour)}, "cool-down 1 d"},
		{api.Lock{Mode: api.LockCooldown, Cooldown: api.Duration(15 * time.Minute)}, "cool-down 15 min"},
		{api.Lock{Mode: api.LockFriend}, "friend's code"},
		{api.Lock{Mode: api.LockStrict}, "strict"},
	} {
		if got := Lock(tc.l); got != tc.want {
			t.Errorf("Lock(%+v) = %q, want %q", tc.l, got, tc.want)
		}
	}
}

func TestPrivate(t *testing.T) {
	if got := Private(&api.Session{ClosePrivate: true}); got != "Private windows: closed in your browsers during the block" {
		t.Errorf("closed: %q", got)
	}
	if got := Private(&api.Session{}); got != "Private windows: open (they keep the block, but show no passage and count no attempt)" {
		t.Errorf("open: %q", got)
	}
}

func TestHosts(t *testing.T) {
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	recent, old := now.Add(-2*time.Minute), now.Add(-2*time.Hour)
	for _, tc := range []struct {
		name   string
		h      api.HostsStatus
		active bool
		want   string
	}{
		{"error first", api.HostsStatus{Error: "disk full", Bypasses: []string{"x"}, LiftPending: true}, true, "The block has a problem: disk full"},
		{"bypasses", api.HostsStatus{Intact: true, Bypasses: []string{"the name service skips files", "a real address above"}}, true,
			"The block can be got around: the name service skips files; a real address above. Only root can undo this change."},
		{"bypasses without a block", api.HostsStatus{Intact: true, Bypasses: []string{"x"}}, false, "Nothing is blocked now"},
		{"lifting", api.HostsStatus{LiftPending: true}, false, "The block is being lifted"},
		{"idle", api.HostsStatus{Intact: true}, false, "Nothing is blocked now"},
		{"being put back", api.HostsStatus{}, true, "The block was changed and is being put back"},
		{"changed lately", api.HostsStatus{Intact: true, LastTamper: &recent}, true, "The block was changed 2 min ago and put back"},
		{"changed long ago", api.HostsStatus{Intact: true, LastTamper: &old}, true, "The block is in place and guarded"},
		{"holding", api.HostsStatus{Intact: true}, true, "The block is in place and guarded"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Hosts(tc.h, tc.active, now); got != tc.want {
				t.Errorf("Hosts = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestBrowser(t *testing.T) {
	for _, tc := range []struct {
		b     api.BrowserStatus
		paths bool
		want  string
	}{
		{api.BrowserStatus{Name: "Firefox", Problem: "no policies folder"}, true, "Firefox: not covered: no policies folder"},
		{api.BrowserStatus{Name: "Chrome", Covered: true, Problem: "another policy sets DNS"}, true, "Chrome: problem: another policy sets DNS"},
		{api.BrowserStatus{Name: "Chrome", Covered: true, Exact: true}, false, "Chrome: secure DNS off"},
		{api.BrowserStatus{Name: "Chrome", Covered: true, Exact: true}, true, "Chrome: profile pages blocked, secure DNS off"},
		{api.BrowserStatus{Name: "Firefox", Covered: true, Notes: []string{"applies at its next start", "managed"}}, true,
			"Firefox: profile pages blocked (and names that begin with them), secure DNS off; applies at its next start; managed"},
	} {
		if got := Browser(tc.b, tc.paths); got != tc.want {
			t.Errorf("Browser(%+v, %v) = %q, want %q", tc.b, tc.paths, got, tc.want)
		}
	}
}

func TestLists(t *testing.T) {
	if got := Names([]string{"instagram.com"}); got != "1 site, everywhere on this computer: instagram.com" {
		t.Errorf("one name: %q", got)
	}
	if got := Names([]string{"instagram.com", "x.com"}); got != "2 sites, everywhere on this computer: instagram.com, x.com" {
		t.Errorf("two names: %q", got)
	}
	if got := Pages([]string{"x.com/jane", "x.com/jane/"}); got != "2 profile pages, in your browsers: x.com/jane, x.com/jane/" {
		t.Errorf("pages: %q", got)
	}
	if got := Sinkhole(api.SinkholeStatus{}); got != "" {
		t.Errorf("a listening sinkhole: %q", got)
	}
	if got := Sinkhole(api.SinkholeStatus{Error: "port 80 taken"}); got != "Attempts: port 80 taken" {
		t.Errorf("a failed sinkhole: %q", got)
	}
}

func TestWhen(t *testing.T) {
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC) // a Tuesday
	for _, tc := range []struct {
		t    time.Time
		want string
	}{
		{time.Date(2026, 3, 10, 22, 0, 0, 0, time.UTC), "tonight 22:00"},
		{time.Date(2026, 3, 10, 18, 0, 0, 0, time.UTC), "tonight 18:00"},
		{time.Date(2026, 3, 10, 17, 59, 0, 0, time.UTC), "today 17:59"},
		{time.Date(2026, 3, 11, 7, 0, 0, 0, time.UTC), "tomorrow 07:00"},
		{time.Date(2026, 3, 16, 22, 0, 0, 0, time.UTC), "Mon 22:00"},
		{time.Date(2026, 3, 17, 22, 0, 0, 0, time.UTC), "Tue 17 Mar 22:00"},
		{time.Date(2026, 3, 9, 22, 0, 0, 0, time.UTC), "Mon 9 Mar 22:00"},
		{time.Date(2026, 3, 10, 21, 0, 0, 0, time.FixedZone("UTC-1", -3600)), "tonight 22:00"}, // said in now's zone
	} {
		if got := When(tc.t, now); got != tc.want {
			t.Errorf("When(%v) = %q, want %q", tc.t, got, tc.want)
		}
	}
	if got := NextScheduled(time.Date(2026, 3, 11, 7, 0, 0, 0, time.UTC), now); got != "Next scheduled block: tomorrow 07:00" {
		t.Errorf("NextScheduled = %q", got)
	}
}

func TestWhenOnDSTDays(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 10, 25, 10, 0, 0, 0, berlin) // a 25-hour day
	if got := When(time.Date(2026, 10, 25, 23, 0, 0, 0, berlin), now); got != "tonight 23:00" {
		t.Errorf("fall back: %q", got)
	}
	now = time.Date(2026, 3, 29, 10, 0, 0, 0, berlin) // a 23-hour day
	if got := When(time.Date(2026, 3, 30, 0, 30, 0, 0, berlin), now); got != "tomorrow 00:30" {
		t.Errorf("spring forward: %q", got)
	}
}

func TestMomentAndDay(t *testing.T) {
	at := time.Date(2026, 3, 10, 22, 5, 0, 0, time.Local)
	if got := Moment(at.UTC()); got != "Tue 10 Mar 22:05" {
		t.Errorf("Moment = %q, want the local time", got)
	}
	if Day(1) != "Day 1 without contact" || Day(12) != "Day 12 without contact" {
		t.Errorf("Day: %q %q", Day(1), Day(12))
	}
}

func TestSentences(t *testing.T) {
	code := FriendCode("K7Q-29F")
	if !strings.HasPrefix(code, "Your friend's code: K7Q-29F\nSend this code to your friend now. ") || !strings.Contains(code, "the only way to end this block early.") {
		t.Errorf("FriendCode = %q", code)
	}
	if got := CooldownLeft(29*time.Minute + 10*time.Second); got != "Cool-down: 30 min left" {
		t.Errorf("CooldownLeft = %q", got)
	}
}

// The message to the friend carries the code and our words, and nothing
// of the person's story: no site, no name.
func TestFriendMail(t *testing.T) {
	msg := FriendMessage("K7QX2-9FABC")
	if !strings.Contains(msg, "\n\nK7QX2-9FABC\n\n") || !strings.HasPrefix(msg, "Hi,") {
		t.Errorf("FriendMessage = %q", msg)
	}
	for _, w := range []string{".com", "instagram", "http", "session"} {
		if strings.Contains(strings.ToLower(msg), w) {
			t.Errorf("the message to the friend says %q: %q", w, msg)
		}
	}
	u := FriendMail("K7QX2-9FABC")
	s := u.String()
	if !strings.HasPrefix(s, "mailto:?subject=A%20code%20to%20keep%20for%20me&body=Hi%2C%0A%0A") || strings.Contains(s, "+") {
		t.Errorf("FriendMail = %s", s)
	}
	if body := u.Query().Get("body"); body != msg {
		t.Errorf("the link's body reads back as %q", body)
	}
}
