package ui

import "testing"

// The article keeps a readable measure at the window's smallest: Read's
// minimum width leaves the text at least 320 wide (it broke words at 40).
func TestReadKeepsAMeasure(t *testing.T) {
	m, _, _ := newMain(t, "")
	if w := m.Read.content.MinSize().Width; w < 320 {
		t.Errorf("Read's minimum width is %v", w)
	}
}
