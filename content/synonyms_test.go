package content

import (
	"strings"
	"testing"
)

// The words people use find the sections about them.
func TestSearchFindsTheWordsPeopleUse(t *testing.T) {
	a := MustLoad()
	for _, tt := range []struct{ query, title string }{
		{"stories", "Social Media Relapse"},
		{"her stories", "Social Media Relapse"},
		{"text her", "Social Media Relapse"},
		{"text him", "Phantom Communication Syndrome"},
		{"miss", "Nostalgia-driven Contact"},
		{"missing him", "Social Media Relapse"},
		{"lonely", "Loneliness Avoidance Impulse"},
		{"alone", "Fear of Loneliness and Its Impact on Behavior"},
		{"check", "Digital Liminality"},
		{"stalking", "Digital Liminality"},
		{"unblock", "Strategies for Maintaining Boundaries Post-Breakup"},
		{"sorry", "Guilt and Responsibility: Moral Reasons for Reaching Out"},
		{"friends", "The Influence of Social Support and Peer Pressure"},
		{"signs", "Phantom Communication Syndrome"},
	} {
		found := false
		for _, m := range a.Search(tt.query) {
			found = found || m.Section.Title == tt.title
			if !strings.Contains(Text(), m.Sentence) {
				t.Errorf("%q: %q is not the article's", tt.query, m.Sentence)
			}
		}
		if !found {
			t.Errorf("Search(%q) does not find %q", tt.query, tt.title)
		}
	}
}

// Every word of the table's article side is in the article: a synonym
// that finds nothing is a mistake.
func TestSynonymsAreTheArticlesWords(t *testing.T) {
	text := strings.ToLower(Text())
	for _, g := range synonymGroups {
		for _, s := range g.article {
			if !strings.Contains(text, s) {
				t.Errorf("%q (for %q) is not in the article", s, g.said)
			}
		}
	}
}
