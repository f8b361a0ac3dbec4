package ui

import (
	"cmp"
	"slices"
	"time"

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

// motiveWindow is how far back the journal's motives count for the
// passages: what pulls a person now, not a year ago.
const motiveWindow = 30 * 24 * time.Hour

// JournalMotives returns the motives of the person's urges in the journal
// over the last 30 days, the most often named first (the newest first
// among equals), without "not sure": what the passages may answer.
func JournalMotives(data *vault.Data, now time.Time) []string {
	if data == nil {
		return nil
	}
	count, newest := map[string]int{}, map[string]time.Time{}
	for _, e := range data.Journal {
		if e.Kind != "" || e.Motive == "" || e.Motive == "other" || now.Sub(e.Time) > motiveWindow {
			continue
		}
		count[e.Motive]++
		if e.Time.After(newest[e.Motive]) {
			newest[e.Motive] = e.Time
		}
	}
	out := make([]string, 0, len(count))
	for m := range count {
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b string) int {
		if c := cmp.Compare(count[b], count[a]); c != 0 {
			return c
		}
		if c := newest[b].Compare(newest[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return out
}
