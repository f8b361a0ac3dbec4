package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/vault"
)

// motiveSelect is a choice among the article's motives, by label.
func motiveSelect() *widget.Select {
	var labels []string
	for _, m := range vault.Motives {
		labels = append(labels, m.Label)
	}
	s := widget.NewSelect(labels, nil)
	s.PlaceHolder = "Why, do you think?"
	return s
}

// motiveID returns the ID of the motive labelled label, "" if none.
func motiveID(label string) string {
	for _, m := range vault.Motives {
		if m.Label == label {
			return m.ID
		}
	}
	return ""
}

// logUrge appends e to the journal off the UI thread, then shows the
// outcome in notice and, on success, calls done on the UI thread.
func logUrge(d Deps, e vault.Entry, notice *widget.Label, done func()) {
	d.Async(func() {
		err := d.Vault.Update(func(v *vault.Data) error { v.Journal = append(v.Journal, e); return nil })
		fyne.Do(func() {
			if err != nil {
				showText(notice, "Not saved: "+err.Error())
				return
			}
			done()
		})
	})
}
