package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/content"
)

// The article keeps a readable measure at the window's smallest: Read's
// minimum width leaves the text at least 320 wide (it broke words at 40).
func TestReadKeepsAMeasure(t *testing.T) {
	m, _, _ := newMain(t, "")
	if w := m.Read.content.MinSize().Width; w < 320 {
		t.Errorf("Read's minimum width is %v", w)
	}
}

// Read the section from the pop-up does not show the passage just read as
// new: two sentences of a section are marked in bold within it; a whole
// section opens the one after it.
func TestReadThePassageJustRead(t *testing.T) {
	m, _, _ := newMain(t, "")
	a := content.MustLoad()
	s := a.Find("Fear of Loneliness and Its Impact on Behavior")
	sents := content.Sentences(s.Paragraphs[0])
	m.Read.ShowPassage(content.Excerpt{Title: s.Title, Section: s, Text: sents[0] + " " + sents[1]})
	if got := m.Read.shown[m.Read.selected()]; got != s {
		t.Errorf("the list marks %q", got.Title)
	}
	bold, text := "", m.Read.Text.String()
	for _, seg := range m.Read.Text.Segments {
		if ts, ok := seg.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold {
			bold += ts.Text
		}
	}
	if !strings.Contains(bold, sents[0]) || strings.Contains(bold, sents[2]) || !strings.Contains(text, "you just read") || !strings.Contains(text, sents[2]) {
		t.Errorf("bold %q in %q", bold, text)
	}

	m.Read.ShowPassage(content.Excerpt{Title: s.Title, Section: s, Text: s.Body()})
	next := a.Next(s)
	if got := m.Read.shown[m.Read.selected()]; got != next || !strings.Contains(m.Read.Text.String(), next.Paragraphs[0]) ||
		strings.Contains(m.Read.Text.String(), s.Paragraphs[0]) {
		t.Errorf("a whole section read: the list marks %q, the text %.120q", got.Title, m.Read.Text.String())
	}
}
