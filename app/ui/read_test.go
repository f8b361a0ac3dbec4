package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
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

// Read's titles are read whole at the window's smallest and at the
// default size: each title in the list wraps onto as many lines as it
// needs rather than ending in "…" (they were cut after 14 letters).
func TestReadTitlesAreWholeAtTheSmallest(t *testing.T) {
	m, _, _ := newMain(t, "")
	m.Tabs.SelectIndex(2)
	for _, size := range sizes(m) {
		windowOf(t, m).Resize(size)
		for i, s := range m.Read.shown {
			m.Read.Sections.ScrollTo(i)
			shown := shownText(t, m.Read.Sections, s.Title)
			if strings.Contains(shown, "…") || strings.ReplaceAll(shown, " ", "") != strings.ReplaceAll(s.Title, " ", "") {
				t.Errorf("at %v the list shows %q for %q", size, shown, s.Title)
			}
		}
	}
}

// shownText is the text the list's label for title draws, its rows
// joined by spaces.
func shownText(t *testing.T, l *widget.List, title string) string {
	t.Helper()
	for _, o := range test.LaidOutObjects(l) {
		lb, ok := o.(*widget.Label)
		if !ok || lb.Text != title || !lb.Visible() {
			continue
		}
		var rows []string
		for _, r := range test.LaidOutObjects(lb) {
			if txt, ok := r.(*canvas.Text); ok && txt.Visible() {
				rows = append(rows, txt.Text)
			}
		}
		return strings.Join(rows, " ")
	}
	t.Fatalf("no label for %q in the list", title)
	return ""
}
