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
	for _, host := range []string{"www.instagram.com", "messenger.com", "vsco.co", "linkedin.com", "janedoe.com", "", "tiktok.com", "x.com", "jane.substack.com", "venmo.com"} {
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
			if e.Reason == "" || strings.Contains(e.Reason, "\n") || strings.Contains(e.Reason, "{") || strings.Contains(Text(), e.Reason) {
				t.Fatalf("%+v: our line %q", m, e.Reason)
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
