package session

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// ScheduleRecord is a schedule as the state keeps it.
type ScheduleRecord struct {
	api.Schedule
	// LastStart is the window last started: a window starts its block
	// once, so an early end (a cool-down lock) is not undone by the next
	// tick.
	LastStart time.Time `json:"last_start,omitzero"`
}

// SetLocation sets the zone schedules are read in (time.Local unless a
// test says otherwise).
func (m *Manager) SetLocation(loc *time.Location) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.b.loc = loc
}

// OnSchedule sets a function called, with the manager's lock held, for
// each scheduled start, schedule change, clock jump across a start or
// zone change, in words, once the state that holds it is saved.
func (m *Manager) OnSchedule(f func(detail string)) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.b.onSchedule = f
}

// AddSchedule validates and adds a schedule. Adding tightens, so it
// applies at once: inside one of its windows, its block starts now.
func (m *Manager) AddSchedule(req api.ScheduleRequest) (api.Schedule, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.b.broken != nil {
		return api.Schedule{}, api.Errorf(api.CodeStateBroken, "the daemon's state could not be read, so no schedule can be added; run `sudo nocontact cleanup` (%v)", m.b.broken)
	}
	s, err := newSchedule(req, m.b.clock.Now())
	if err != nil {
		return api.Schedule{}, err
	}
	tx := m.b.begin()
	defer tx.end()
	if i := slices.IndexFunc(m.b.st.Schedules, func(r ScheduleRecord) bool { return sameSchedule(r.Schedule, s) }); i >= 0 {
		old := &m.b.st.Schedules[i]
		if old.RemoveAt == nil {
			return api.Schedule{}, api.Errorf(api.CodeInvalid, "that schedule exists already (%s)", old.Text())
		}
		old.RemoveAt = nil // adding it again keeps it: tightening applies at once
		m.b.notes = append(m.b.notes, "schedule kept: "+old.Text())
		if err := tx.commit(); err != nil {
			return api.Schedule{}, err
		}
		return m.b.scheduleView(*old), nil
	}
	if len(m.b.st.Schedules) >= api.MaxSchedules {
		return api.Schedule{}, api.Errorf(api.CodeInvalid, "at most %d schedules", api.MaxSchedules)
	}
	var names, paths []string
	if r := m.b.st.Session; r != nil {
		names, paths = r.Hostnames, r.Paths
	}
	if err := m.b.room(names, paths, &s); err != nil {
		return api.Schedule{}, err
	}
	m.b.st.Schedules = append(m.b.st.Schedules, ScheduleRecord{Schedule: s})
	m.b.notes = append(m.b.notes, "schedule added: "+s.Text())
	m.b.runSchedules(m.b.clock.Now())
	if err := tx.commit(); err != nil {
		return api.Schedule{}, err
	}
	return m.b.scheduleView(m.b.st.Schedules[len(m.b.st.Schedules)-1]), nil
}

// KeepSchedule withdraws a removal asked for: keeping tightens, so it
// applies at once.
func (m *Manager) KeepSchedule(id string) (api.Schedule, error) {
	return m.changeSchedule(id, func(s *ScheduleRecord) {
		if s.RemoveAt != nil {
			s.RemoveAt = nil
			m.b.notes = append(m.b.notes, "schedule kept: "+s.Text())
		}
	})
}

// sameSchedule reports whether two schedules block the same names on the
// same days and hours with the same lock.
func sameSchedule(a, b api.Schedule) bool {
	return slices.Equal(a.Days, b.Days) && a.From == b.From && a.To == b.To && slices.Equal(a.Hostnames, b.Hostnames) &&
		slices.Equal(a.Paths, b.Paths) && a.Lock.Mode == b.Lock.Mode && a.AllowPrivate == b.AllowPrivate
}

// RemoveSchedule asks for a schedule's removal. Removing loosens, so it
// applies only after api.LoosenDelay; a window that runs then keeps its
// block (no block is ever shortened).
func (m *Manager) RemoveSchedule(id string) (api.Schedule, error) {
	return m.changeSchedule(id, func(s *ScheduleRecord) {
		if s.RemoveAt == nil {
			at := m.b.clock.Now().Add(api.LoosenDelay).Truncate(time.Second)
			s.RemoveAt = &at
			m.b.notes = append(m.b.notes, fmt.Sprintf("schedule %s will be removed at %s, 24 h after it was asked", s.Text(), at.In(m.b.location()).Format("Mon 2 Jan 15:04")))
		}
	})
}

// changeSchedule applies change to the schedule id in one saved change.
func (m *Manager) changeSchedule(id string, change func(*ScheduleRecord)) (api.Schedule, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	tx := m.b.begin()
	defer tx.end()
	i := slices.IndexFunc(m.b.st.Schedules, func(s ScheduleRecord) bool { return s.ID == id })
	if i < 0 {
		return api.Schedule{}, api.Errorf(api.CodeNotFound, "no schedule %q; `nocontact schedule list` shows them", id)
	}
	s := &m.b.st.Schedules[i]
	change(s)
	if err := tx.commit(); err != nil {
		return api.Schedule{}, err
	}
	return m.b.scheduleView(*s), nil
}

// Schedules returns the schedules, each with its next start.
func (m *Manager) Schedules() []api.Schedule {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]api.Schedule, 0, len(m.b.st.Schedules))
	for _, s := range m.b.st.Schedules {
		out = append(out, m.b.scheduleView(s))
	}
	return out
}

// InScheduledBlock reports whether the running block was started by a
// schedule, or now falls in a schedule's window.
func (m *Manager) InScheduledBlock() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if r := m.b.st.Session; r == nil {
		return false
	} else if r.Schedule != "" {
		return true
	}
	for _, s := range m.b.st.Schedules {
		if _, _, in := windowAt(s.Schedule, m.b.clock.Now(), m.b.location()); in {
			return true
		}
	}
	return false
}

// NextScheduled returns the earliest next start of any schedule, or nil.
func (m *Manager) NextScheduled() *time.Time {
	var next *time.Time
	for _, s := range m.Schedules() {
		if s.Next != nil && (next == nil || s.Next.Before(*next)) {
			next = s.Next
		}
	}
	return next
}

func (b *book) scheduleView(s ScheduleRecord) api.Schedule {
	v := s.Schedule
	v.Days, v.Hostnames, v.Paths = slices.Clone(v.Days), slices.Clone(v.Hostnames), slices.Clone(v.Paths)
	if next, ok := nextStart(v, b.clock.Now(), b.location()); ok && (v.RemoveAt == nil || next.Before(*v.RemoveAt)) {
		v.Next = &next
	}
	return v
}

func (b *book) location() *time.Location {
	if b.loc == nil {
		return time.Local
	}
	return b.loc
}

// newSchedule validates a request into a schedule.
func newSchedule(req api.ScheduleRequest, now time.Time) (api.Schedule, error) {
	days, err := api.ParseDays(req.Days)
	if err != nil {
		return api.Schedule{}, api.Errorf(api.CodeInvalid, "%v", err)
	}
	from, err := api.ParseClock(req.From)
	if err != nil {
		return api.Schedule{}, api.Errorf(api.CodeInvalid, "from: %v", err)
	}
	to, err := api.ParseClock(req.To)
	if err != nil {
		return api.Schedule{}, api.Errorf(api.CodeInvalid, "to: %v", err)
	}
	if from == to {
		return api.Schedule{}, api.Errorf(api.CodeInvalid, "from and to are both %s: a window needs a length", api.FormatClock(from))
	}
	names, err := validNames(req.Hostnames)
	if err != nil {
		return api.Schedule{}, err
	}
	paths, err := validPaths(req.Paths)
	if err != nil {
		return api.Schedule{}, err
	}
	if len(names)+len(paths) == 0 {
		return api.Schedule{}, api.Errorf(api.CodeInvalid, "there is nothing to block: save a profile first")
	}
	lock := req.Lock
	if err := lock.Normalize(); err != nil {
		return api.Schedule{}, api.Errorf(api.CodeInvalid, "%v", err)
	}
	if lock.Mode == api.LockFriend {
		return api.Schedule{}, api.Errorf(api.CodeInvalid, "a schedule takes the cooldown or strict lock: a friend's code is given once, and a schedule starts many blocks")
	}
	return api.Schedule{ID: newScheduleID(), Days: days, From: api.FormatClock(from), To: api.FormatClock(to),
		Hostnames: names, Paths: paths, Lock: lock, AllowPrivate: req.AllowPrivate, Added: now.Truncate(time.Second)}, nil
}

func newScheduleID() string {
	b := make([]byte, 3)
	rand.Read(b)
	return "s" + hex.EncodeToString(b)
}
