package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"
)

// Schedules is Today's place for blocks that start themselves: the
// schedules with their next start, a way to add one (the saved profiles,
// on chosen days, in a local time window) and to remove one, which asks
// first and applies only after 24 hours.
type Schedules struct {
	d    Deps
	keys *Keys

	Next   *widget.Label // "Next scheduled block: tonight 22:00"
	List   *fyne.Container
	Days   *widget.CheckGroup // any set of days, Mon to Fri at first
	From   *Entry
	To     *Entry
	Lock   *widget.Select
	Add    *Button
	Notice *widget.Label
	// DaysMsg and TimesMsg say, under the days and under the times, what
	// to choose or write instead.
	DaysMsg, TimesMsg *widget.Label
	Ask               *Ask // the last removal asked, for tests

	names, paths []string // what a new schedule blocks: the saved profiles'
	onChange     func()
	content      fyne.CanvasObject
	times        fyne.CanvasObject
	scroll       *container.Scroll // Today's, which holds this
}

func newSchedules(d Deps, k *Keys, onChange func()) *Schedules {
	s := &Schedules{d: d, keys: k, Next: widget.NewLabel(""), List: container.NewVBox(), From: newEntry(false), To: newEntry(false),
		Notice: widget.NewLabel(""), DaysMsg: widget.NewLabel(""), TimesMsg: widget.NewLabel(""), onChange: onChange}
	var labels []string
	for _, d := range api.Weekdays[1:] {
		labels = append(labels, words.DayName(d))
	}
	s.Days = widget.NewCheckGroup(append(labels, words.DayName(api.Weekdays[0])), nil)
	s.Days.Horizontal = true
	s.Days.SetSelected(labels[:5])
	s.From.SetText("22:00")
	s.To.SetText("07:00")
	s.Lock = widget.NewSelect([]string{"Cool-down", "Strict"}, nil)
	s.Lock.SetSelected("Cool-down")
	s.Add = newButton("Add schedule", s.onAdd)
	s.Next.TextStyle = fyne.TextStyle{Bold: true}
	s.Next.Wrapping, s.Notice.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	head := widget.NewLabel("Blocks that start themselves")
	head.TextStyle, head.SizeName = fyne.TextStyle{Bold: true}, "subHeadingText"
	help := widget.NewLabel("For the hours you know are hard: late at night, the weekend. Each block blocks your saved profiles. " + words.ScheduleWaits)
	help.Wrapping = fyne.TextWrapWord
	s.times = container.NewGridWithColumns(2, container.NewBorder(nil, nil, widget.NewLabel("From"), nil, s.From),
		container.NewBorder(nil, nil, widget.NewLabel("to"), nil, s.To))
	for _, l := range []*widget.Label{s.DaysMsg, s.TimesMsg} {
		l.Wrapping, l.Importance = fyne.TextWrapWord, widget.DangerImportance
		l.Hide()
	}
	s.content = container.NewVBox(widget.NewSeparator(), head, help, s.Next, s.List,
		wrapped("On the days it starts (a block past midnight runs into the next morning):"), s.Days, s.DaysMsg,
		s.Lock, s.times, s.TimesMsg, s.Add, s.Notice)
	s.Notice.Hide()
	return s
}

// render shows the schedules (nil err), what a new one would block, and
// the next start, said against the running block (session, may be nil).
func (s *Schedules) render(list []api.Schedule, err error, names, paths []string, session *api.Session) {
	s.names, s.paths = names, paths
	s.List.RemoveAll()
	if len(names)+len(paths) == 0 {
		s.Add.Disable()
		showText(s.Notice, "Save a profile first (on Profiles): a schedule blocks your saved profiles.")
	} else {
		s.Add.Enable()
	}
	if err != nil { // no daemon: nothing here can work, and Today says why
		s.content.Hide()
		return
	}
	s.content.Show()
	if len(list) == 0 {
		showText(s.Next, "No schedules yet.")
		return
	}
	var next *time.Time
	now := s.d.Now()
	for _, sc := range list {
		if sc.Next != nil && (next == nil || sc.Next.Before(*next)) {
			next = sc.Next
		}
		s.List.Add(s.row(sc, now))
	}
	switch {
	case next != nil && session != nil && next.Before(now.Add(time.Duration(session.Remaining))):
		showText(s.Next, words.NextScheduled(*next, now)+", within the block running now")
	case next != nil:
		showText(s.Next, words.NextScheduled(*next, now))
	default:
		showText(s.Next, "")
	}
}

// row is one schedule: when it runs, its lock, and Remove (or when its
// removal applies).
func (s *Schedules) row(sc api.Schedule, now time.Time) fyne.CanvasObject {
	text := fmt.Sprintf("%s · lock: %s", scheduleWords(sc), words.Lock(sc.Lock))
	if sc.RemoveAt != nil {
		keep := newButton("Keep it", func() { s.keep(sc.ID) })
		return container.NewBorder(nil, nil, nil, container.NewVBox(keep), wrapped(text+" · removed "+words.When(*sc.RemoveAt, now)))
	}
	remove := newButton("Remove…", func() { s.askRemove(sc) })
	return container.NewBorder(nil, nil, nil, container.NewVBox(remove), wrapped(text))
}

// scheduleWords says a schedule as a person would (words.Schedule).
func scheduleWords(sc api.Schedule) string { return words.Schedule(sc) }

func (s *Schedules) onAdd() {
	req := api.ScheduleRequest{From: s.From.Text, To: s.To.Text, Hostnames: s.names, Paths: s.paths, Lock: api.Lock{Mode: api.LockCooldown}}
	var days []string
	for _, d := range s.Days.Selected {
		days = append(days, strings.ToLower(d))
	}
	showText(s.DaysMsg, "")
	showText(s.TimesMsg, "")
	if len(days) == 0 {
		s.say(s.DaysMsg, "Choose at least one day for the schedule.", s.Days, s.Add)
		return
	}
	req.Days = strings.Join(days, ",")
	if s.Lock.Selected == "Strict" {
		req.Lock.Mode = api.LockStrict
	}
	for _, t := range []string{req.From, req.To} {
		if _, err := api.ParseClock(t); err != nil {
			s.say(s.TimesMsg, "Write the times as HH:MM, such as 22:00 and 07:00.", s.times, s.Add)
			return
		}
	}
	s.Add.Disable() // one schedule per tap: each takes 24 hours to remove
	s.d.Async(func() {
		c, cancel := ctx()
		sc, err := s.d.Daemon.AddSchedule(c, req)
		cancel()
		fyne.Do(func() {
			s.Add.Enable()
			if err != nil {
				s.say(s.Notice, "The schedule was not added. "+reason(err), s.Add)
				return
			}
			showText(s.Notice, "Added: "+scheduleWords(*sc)+".")
			s.onChange()
		})
	})
}

// say shows a message under what it is about and scrolls both into view.
func (s *Schedules) say(l *widget.Label, text string, about ...fyne.CanvasObject) {
	showText(l, text)
	if s.scroll != nil {
		reveal(s.scroll, append(about, l)...)
	}
}

// askRemove asks before a removal, saying when it applies.
func (s *Schedules) askRemove(sc api.Schedule) {
	s.Ask = newAsk(s.keys, "Remove this schedule?",
		scheduleWords(sc)+". "+words.ScheduleStays,
		"Remove in 24 hours", "Keep it", func() { s.remove(sc.ID) }, func() {})
}

// keep withdraws a removal; it applies at once.
func (s *Schedules) keep(id string) {
	s.d.Async(func() {
		c, cancel := ctx()
		sc, err := s.d.Daemon.KeepSchedule(c, id)
		cancel()
		fyne.Do(func() {
			if err != nil {
				showText(s.Notice, "The schedule was not kept: "+err.Error())
				return
			}
			showText(s.Notice, "Kept: "+scheduleWords(*sc)+".")
			s.onChange()
		})
	})
}

func (s *Schedules) remove(id string) {
	s.d.Async(func() {
		c, cancel := ctx()
		sc, err := s.d.Daemon.RemoveSchedule(c, id)
		cancel()
		fyne.Do(func() {
			if err != nil {
				showText(s.Notice, "The schedule was not removed: "+err.Error())
				return
			}
			showText(s.Notice, fmt.Sprintf("%s will be removed %s.", scheduleWords(*sc), words.When(*sc.RemoveAt, s.d.Now())))
			s.onChange()
		})
	})
}
