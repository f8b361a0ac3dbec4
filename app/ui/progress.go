package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/content/attempt"
)

// chartDays is how many days the attempts chart shows.
const chartDays = 30

// Progress shows attempts per day, the streaks and the urge journal.
type Progress struct {
	d Deps

	Chart        *fyne.Container
	Scale        *widget.Label    // the busiest day's count, at the top of the chart
	Days         [3]*widget.Label // the first, the middle and the last day, under it
	ChartCaption *widget.Label
	Streaks      *widget.Label
	Motive       *widget.Select
	What         *Entry
	Save         *Button
	Notice       *widget.Label
	Journal      *fyne.Container
	content      fyne.CanvasObject
	Counts       []int // attempts per day shown, oldest first
	bars         []*canvas.Rectangle
}

func newProgress(d Deps) *Progress {
	p := &Progress{d: d, ChartCaption: widget.NewLabel(""), Streaks: widget.NewLabel(openingText), What: newEntry(false),
		Notice: widget.NewLabel(""), Journal: container.NewVBox()}
	for range chartDays {
		r := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		p.bars = append(p.bars, r)
	}
	objs := make([]fyne.CanvasObject, len(p.bars))
	for i, b := range p.bars {
		objs[i] = b
	}
	p.Chart = container.New(&barsLayout{p: p}, objs...)
	p.Scale = widget.NewLabel("")
	for i, align := range []fyne.TextAlign{fyne.TextAlignLeading, fyne.TextAlignCenter, fyne.TextAlignTrailing} {
		p.Days[i] = widget.NewLabelWithStyle("", align, fyne.TextStyle{})
		p.Days[i].Importance = widget.LowImportance
	}
	p.Scale.Importance = widget.LowImportance
	zero := widget.NewLabel("0")
	zero.Importance = widget.LowImportance
	axis := container.NewBorder(p.Scale, zero, nil, nil)
	chart := container.NewBorder(nil, container.NewGridWithColumns(3, p.Days[0], p.Days[1], p.Days[2]), axis, nil, p.Chart)
	p.Motive = motiveSelect()
	p.What.SetPlaceHolder("What happened (\"wanted to text her at 2 am\")")
	p.Save = newButton("Log this urge", p.onSave)
	p.What.OnSubmitted = func(string) { p.onSave() }
	p.Streaks.TextStyle = fyne.TextStyle{Bold: true}
	p.ChartCaption.Wrapping, p.Notice.Wrapping, p.Streaks.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord, fyne.TextWrapWord
	head := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		l.TextStyle = fyne.TextStyle{Bold: true}
		return l
	}
	p.content = container.NewVScroll(container.NewPadded(container.NewVBox(
		p.Streaks, head("Attempts per day, last 30 days"), chart, p.ChartCaption, widget.NewSeparator(),
		head("Urge journal"), p.Motive, p.What, p.Save, p.Notice, p.Journal)))
	p.Notice.Hide()
	return p
}

// Refresh loads the events and the vault off the UI thread.
func (p *Progress) Refresh() {
	p.d.Async(func() { p.update(p.d.Vault.Load()) })
}

// update reads the events and shows them with what the vault answered. It
// runs off the UI thread.
func (p *Progress) update(data *vault.Data, verr error) {
	c, cancel := ctx()
	events, derr := p.d.Daemon.Events(c, 0)
	cancel()
	fyne.Do(func() { p.render(events, derr, data, verr) })
}

func (p *Progress) render(events []api.Event, derr error, data *vault.Data, verr error) {
	now := p.d.Now()
	p.Counts = api.VisitsPerDay(events, now, chartDays)
	p.Chart.Refresh()
	total, most, mostDay := 0, 0, 0
	for i, n := range p.Counts {
		total += n
		if n > most {
			most, mostDay = n, i
		}
	}
	p.Scale.SetText(fmt.Sprint(max(1, most)))
	p.Days[0].SetText(now.AddDate(0, 0, 1-chartDays).Format("2 Jan"))
	p.Days[1].SetText(now.AddDate(0, 0, -chartDays/2).Format("2 Jan"))
	p.Days[2].SetText("Today")
	switch {
	case errors.Is(derr, client.ErrNotRunning):
		p.ChartCaption.SetText("Attempts are counted by the daemon, which is not running.")
	case derr != nil:
		sentence, _ := problemText(derr)
		p.ChartCaption.SetText("The attempts could not be read from the daemon just now; they show when it answers. " + sentence)
	case total == 0:
		p.ChartCaption.SetText("No attempts noticed in the last 30 days.")
	default:
		day := now.AddDate(0, 0, mostDay-(chartDays-1)).Format("Mon 2 Jan")
		today := attempt.Today(attempt.List(events, now.Location()), now) // the count the pop-up, the pause and the page in the tab say
		caption := fmt.Sprintf("%s in 30 days; the most, %d, on %s. Today: %d.", plural(total, "attempt"), most, day, today)
		since := now.AddDate(0, 0, -chartDays)
		if n := countAttempts(events, since, func(e api.Event) bool { return e.Scheduled }); n > 0 {
			caption += fmt.Sprintf(" %d of them in scheduled blocks.", n)
		}
		if n := countAttempts(events, since, api.Event.FromPhone); n > 0 {
			caption += fmt.Sprintf(" %d of them on your phone.", n)
		}
		p.ChartCaption.SetText(caption)
	}
	p.renderVault(data, verr, now)
}

func (p *Progress) renderVault(data *vault.Data, err error, now time.Time) {
	p.Journal.RemoveAll()
	if err != nil {
		sentence, _ := problemText(err)
		p.Streaks.SetText(sentence)
		return
	}
	if data.LastContact == nil {
		p.Streaks.SetText("Set the day of your last contact on Today to see your streaks.")
	} else {
		p.Streaks.SetText(fmt.Sprintf("Current streak: %d days · Best: %d days", data.DaysWithoutContact(now), data.BestStreak(now)))
	}
	entries := slices.Clone(data.Journal)
	slices.Reverse(entries)
	for _, e := range entries {
		l := widget.NewLabel(fmt.Sprintf("%s · %s\n%s", words.Moment(e.Time), entryLabel(e), strings.TrimSpace(e.What+"\n"+e.Text)))
		l.Wrapping = fyne.TextWrapWord
		p.Journal.Add(l)
	}
	if len(entries) == 0 {
		p.Journal.Add(widget.NewLabel("No entries yet. Logging an urge, and why, makes the next one easier to see coming."))
	}
}

// countAttempts counts the attempts since that are of a kind: during
// blocks a schedule started (the risky hours the person named), or on the
// phone.
func countAttempts(events []api.Event, since time.Time, of func(api.Event) bool) int {
	n := 0
	for _, e := range api.Attempts(events) {
		if of(e) && e.Time.After(since) {
			n++
		}
	}
	return n
}

// plural writes "1 attempt", "2 attempts".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// entryLabel says what kind of entry e is: the motive of an urge, or why
// a block was ended early.
func entryLabel(e vault.Entry) string {
	if e.Kind == vault.KindEndedEarly {
		return "Why you ended a block early"
	}
	return motiveLabel(e.Motive)
}

func motiveLabel(id string) string {
	for _, m := range vault.Motives {
		if m.ID == id {
			return m.Label
		}
	}
	return id
}

func (p *Progress) onSave() {
	motive := motiveID(p.Motive.Selected)
	if motive == "" || strings.TrimSpace(p.What.Text) == "" {
		showText(p.Notice, "Say what happened and choose why.")
		reveal(p.content.(*container.Scroll), p.Motive, p.Notice)
		return
	}
	e := vault.Entry{Time: p.d.Now(), What: strings.TrimSpace(p.What.Text), Motive: motive}
	logUrge(p.d, e, p.Notice, func() {
		p.What.SetText("")
		showText(p.Notice, "Logged.")
		p.Refresh()
	})
}

// barsLayout draws the chart: one bar per day, heights relative to the
// busiest day, a thin line for days without attempts.
type barsLayout struct{ p *Progress }

func (l *barsLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(chartDays*10, 140) }

func (l *barsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	most := 1
	for _, n := range l.p.Counts {
		most = max(most, n)
	}
	w := size.Width / float32(len(objs))
	for i, o := range objs {
		n := 0
		if i < len(l.p.Counts) {
			n = l.p.Counts[i]
		}
		h := max(2, size.Height*float32(n)/float32(most))
		o.Resize(fyne.NewSize(w*0.7, h))
		o.Move(fyne.NewPos(float32(i)*w+w*0.15, size.Height-h))
	}
}
