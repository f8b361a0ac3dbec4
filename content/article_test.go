package content

import (
	"strings"
	"testing"
	"time"
)

var wantSectionTitles = []string{
	"The Psychology Behind No Contact: Why It’s Recommended",
	"Emotional Attachments: The Pull to Reconnect",
	"Fear of Loneliness and Its Impact on Behavior",
	"Seeking Closure: Is It Ever Truly Achievable?",
	"The Role of Attachment Styles in Breaking No Contact",
	"The Influence of Social Support and Peer Pressure",
	"Altruistic Motivations: Wanting to Help an Ex-Partner",
	"Guilt and Responsibility: Moral Reasons for Reaching Out",
	"Cognitive Dissonance: Justifying the Contact",
	"Strategies for Maintaining Boundaries Post-Breakup",
}

var wantTermTitles = []string{
	"Post-Breakup Cognitive Dissonance", "Nostalgia-driven Contact", "Attachment Rebound Spiral",
	"Emotional Uncertainty Loop", "Digital Liminality", "Phantom Communication Syndrome",
	"Social Media Relapse", "Longing-for-Closure Bias", "Reward Expectancy Resurgence",
	"Loneliness Avoidance Impulse",
}

func TestParseShippedArticle(t *testing.T) {
	a, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Understanding Why People Break No Contact Rules After a Breakup" {
		t.Errorf("title %q", a.Title)
	}
	if !a.Updated.Equal(time.Date(2025, 2, 28, 0, 0, 0, 0, time.UTC)) || a.UpdatedText != "Feb 28, 2025" {
		t.Errorf("updated %v %q", a.Updated, a.UpdatedText)
	}
	if len(a.Intro) != 1 || !strings.HasPrefix(a.Intro[0], "People often break no contact rules") {
		t.Errorf("intro %q", a.Intro)
	}
	checkTitles(t, "section", a.Sections, wantSectionTitles, KindSection)
	checkTitles(t, "term", a.Terms, wantTermTitles, KindTerm)
	if !strings.HasPrefix(a.Disclaimer, "The information provided in this document") {
		t.Errorf("disclaimer %q", a.Disclaimer)
	}
	for _, s := range a.All() {
		for _, p := range s.Paragraphs {
			if !strings.Contains(Text(), p) {
				t.Errorf("%q: paragraph not verbatim", s.Title)
			}
			for _, junk := range []string{"About the author", "Comments", "No comment yet", "Disclaimer"} {
				if strings.Contains(p, junk) {
					t.Errorf("%q holds page furniture %q", s.Title, junk)
				}
			}
		}
	}
}

func checkTitles(t *testing.T, what string, got []*Section, want []string, kind Kind) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d %ss, want %d", len(got), what, len(want))
	}
	for i, s := range got {
		if s.Title != want[i] || s.Kind != kind || s.Number != i+1 || len(s.Paragraphs) == 0 {
			t.Errorf("%s %d = %+v, want %q", what, i+1, s, want[i])
		}
	}
}

func TestParseFailsLoudly(t *testing.T) {
	text := Text()
	cases := map[string]string{
		"a section removed":   strings.Replace(text, "Guilt and Responsibility: Moral Reasons for Reaching Out\n\n", "", 1),
		"a term without text": strings.Replace(text, "Digital liminality creates", "\n\nDigital Other\n\nDigital liminality creates", 1),
		"no date":             strings.Replace(text, "Last Updated Feb 28, 2025", "Updated recently", 1),
		"no disclaimer":       strings.Replace(text, "Disclaimer.\n", "", 1),
		"CRLF":                strings.ReplaceAll(text, "\n", "\r\n"),
		"empty":               "",
	}
	for name, in := range cases {
		if a, err := Parse(in); err == nil {
			t.Errorf("%s: parsed into %d sections, %d terms; want an error", name, len(a.Sections), len(a.Terms))
		}
	}
}

func TestFind(t *testing.T) {
	a := MustLoad()
	if s := a.Find("seeking closure: is it ever truly achievable?"); s == nil || s.Number != 4 {
		t.Errorf("Find = %+v", s)
	}
	if a.Find("no such section") != nil {
		t.Error("Find invented a section")
	}
}

func TestSentences(t *testing.T) {
	got := Sentences("One. Two? Three! e.g. four. “Five.” Six")
	want := []string{"One.", "Two?", "Three! e.g. four.", "“Five.” Six"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Sentences = %q, want %q", got, want)
	}
	for _, s := range MustLoad().All() {
		for _, sent := range Sentences(s.Body()) {
			if !strings.Contains(s.Body(), sent) || strings.TrimSpace(sent) != sent {
				t.Errorf("sentence %q is not a trimmed substring", sent)
			}
		}
	}
}
