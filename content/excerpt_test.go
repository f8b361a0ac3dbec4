package content

import (
	"strings"
	"testing"
	"time"
)

// moments returns a spread of moments that covers every rule.
func moments() []Moment {
	day := time.Date(2026, 3, 4, 14, 0, 0, 0, time.Local)
	night := time.Date(2026, 3, 4, 23, 30, 0, 0, time.Local)
	var out []Moment
	for _, host := range []string{"www.instagram.com", "messenger.com", "vsco.co", "linkedin.com", "janedoe.com", ""} {
		for _, at := range []time.Time{day, night} {
			for _, hour := range []int{1, 5} {
				out = append(out, Moment{Trigger: Visit, Host: host, Time: at, AttemptsHour: hour, AttemptsToday: hour})
			}
		}
	}
	for _, tr := range []Trigger{Tamper, UnlockRequested, SessionStarted, EndingEarly, EndConfirm} {
		out = append(out, Moment{Trigger: tr, Time: day})
	}
	return out
}

func TestEveryExcerptIsVerbatimAndEverySectionReachable(t *testing.T) {
	a := MustLoad()
	reached := map[string]bool{}
	for _, m := range moments() {
		for seq := range uint64(40) {
			m.Seq = seq
			e := a.Pick(m)
			if !strings.Contains(Text(), e.Text) || e.Text == "" {
				t.Fatalf("%+v: excerpt is not a passage of the article: %q", m, e.Text)
			}
			if !strings.Contains(e.Section.Body(), e.Text) || e.Title != e.Section.Title {
				t.Fatalf("%+v: excerpt not from %q", m, e.Title)
			}
			if e.Reason == "" || strings.Contains(e.Reason, "\n") {
				t.Fatalf("%+v: reason %q", m, e.Reason)
			}
			if n := len(Sentences(e.Text)); n > 2 && !isParagraph(e.Section, e.Text) {
				t.Fatalf("%+v: %d sentences that are not a whole paragraph", m, n)
			}
			reached[e.Title] = true
		}
	}
	for _, s := range a.All() {
		if !reached[s.Title] {
			t.Errorf("%q is never picked", s.Title)
		}
	}
}

func isParagraph(s *Section, text string) bool {
	for _, p := range s.Paragraphs {
		if p == text {
			return true
		}
	}
	return false
}

func TestRuleTitlesExist(t *testing.T) {
	a := MustLoad()
	lists := [][]string{earlyEndTitles, startTitles, repeatTitles, nightTitles}
	for _, l := range categoryTitles {
		lists = append(lists, l)
	}
	for _, l := range lists {
		for _, title := range l {
			if a.Find(title) == nil {
				t.Errorf("rule names %q, which is not in the article", title)
			}
		}
	}
}

func TestRotationVisitsEveryCandidateFirst(t *testing.T) {
	a := MustLoad()
	m := Moment{Trigger: Visit, Host: "messenger.com", Time: time.Date(2026, 1, 1, 23, 0, 0, 0, time.Local), AttemptsHour: 4}
	n := len(candidates(m))
	seen := map[string]bool{}
	for seq := range uint64(n) {
		m.Seq = seq
		seen[a.Pick(m).Title] = true
	}
	if len(seen) != n {
		t.Errorf("%d picks visited %d of %d candidates", n, len(seen), n)
	}
	m.Seq = 0
	first := a.Pick(m)
	m.Seq = uint64(n)
	if again := a.Pick(m); again.Title != first.Title || again.Text == first.Text && len(passages(first.Section)) > 1 {
		t.Errorf("after a full round the same section should come back with another passage: %q / %q", first.Text, again.Text)
	}
}

func TestRulesFitTheMoment(t *testing.T) {
	a := MustLoad()
	noon := time.Date(2026, 1, 1, 12, 0, 0, 0, time.Local)
	tests := []struct {
		m          Moment
		titles     []string
		reasonHint string
	}{
		{Moment{Trigger: Visit, Host: "www.instagram.com", Time: noon, AttemptsHour: 1}, categoryTitles[Feed], "feed"},
		{Moment{Trigger: Visit, Host: "web.whatsapp.com", Time: noon, AttemptsHour: 1}, categoryTitles[Messaging], "message"},
		{Moment{Trigger: Visit, Host: "vsco.co", Time: noon, AttemptsHour: 1}, categoryTitles[Photos], "photos"},
		{Moment{Trigger: Visit, Host: "x.com", Time: noon.Add(11 * time.Hour), AttemptsHour: 1}, nightTitles, "late at night"},
		{Moment{Trigger: Visit, Host: "x.com", Time: noon, AttemptsHour: 3}, repeatTitles, "3rd attempt"},
		{Moment{Trigger: Tamper, Time: noon}, earlyEndTitles, "hosts file was edited"},
		{Moment{Trigger: UnlockRequested, Time: noon}, earlyEndTitles, "end your block early"},
		{Moment{Trigger: SessionStarted, Time: noon}, startTitles, "started a block"},
		{Moment{Trigger: EndingEarly, Time: noon}, pauseTitles, "ending your block early"},
		{Moment{Trigger: EndConfirm, Time: noon, Seq: 1}, pauseTitles, "cool-down is over"},
	}
	for _, tt := range tests {
		e := a.Pick(tt.m)
		if !contains(tt.titles, e.Title) || !strings.Contains(e.Reason, tt.reasonHint) {
			t.Errorf("%+v: picked %q (%s), want one of %q with %q", tt.m, e.Title, e.Reason, tt.titles, tt.reasonHint)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestCategoryOf(t *testing.T) {
	for host, want := range map[string]Category{
		"www.instagram.com": Feed, "Instagram.com.": Feed, "m.facebook.com": Feed, "messenger.com": Messaging,
		"web.whatsapp.com": Messaging, "vsco.co": Photos, "www.linkedin.com": Professional, "janedoe.com": Other, "": Other,
	} {
		if got := CategoryOf(host); got != want {
			t.Errorf("CategoryOf(%q) = %s, want %s", host, got, want)
		}
	}
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 102: "102nd"} {
		if got := Ordinal(n); got != want {
			t.Errorf("Ordinal(%d) = %s", n, got)
		}
	}
}

func TestAttemptsToday(t *testing.T) {
	for n, want := range map[int]string{0: "Your first attempt today", 1: "Your first attempt today", 3: "3rd attempt today", 12: "12th attempt today"} {
		if got := AttemptsToday(n); got != want {
			t.Errorf("AttemptsToday(%d) = %q", n, got)
		}
	}
}

func TestSearch(t *testing.T) {
	a := MustLoad()
	tests := []struct {
		query, title string
		inTitle      bool
	}{
		{"Closure", "Seeking Closure: Is It Ever Truly Achievable?", true},
		{"PEER pressure", "The Influence of Social Support and Peer Pressure", true},
		{"elusive", "Seeking Closure: Is It Ever Truly Achievable?", false},
		{"liminality", "Digital Liminality", true},
		{"phantom sensory", "Phantom Communication Syndrome", false},
		// Other forms of a word (the Snowball stemmer): the article says
		// "loneliness", "nostalgic", "attached".
		{"lonely", "Fear of Loneliness and Its Impact on Behavior", true},
		{"Nostalgia", "Nostalgia-driven Contact", true},
		{"attached", "Emotional Attachments: The Pull to Reconnect", true},
	}
	for _, tt := range tests {
		ms := a.Search(tt.query)
		found := false
		for _, m := range ms {
			if m.Section.Title == tt.title && m.InTitle == tt.inTitle && strings.Contains(Text(), m.Sentence) {
				found = true
			}
		}
		if !found {
			t.Errorf("Search(%q) = %d matches, none in %q (title %v)", tt.query, len(ms), tt.title, tt.inTitle)
		}
	}
	for _, q := range []string{"", "   ", "!!!", "zzyzx", strings.Repeat("closure ", 40), "a b c d e f g h i j k l m n"} {
		if ms := a.Search(q); len(ms) != 0 {
			t.Errorf("Search(%.20q) = %d matches, want none", q, len(ms))
		}
	}
}
