package vault

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nocontact-app/nocontact/content/profile"
)

// schemaVersion is the version of Data this code writes.
const schemaVersion = 1

// Data is everything the vault keeps.
type Data struct {
	Version     int               `json:"version"`
	Profiles    []profile.Profile `json:"profiles"`
	LastContact *Date             `json:"last_contact,omitempty"`
	Streaks     []Streak          `json:"streaks,omitempty"` // earlier streaks, kept after a relapse
	Journal     []Entry           `json:"journal,omitempty"`
	Settings    Settings          `json:"settings"`
}

// Date is a calendar day, "2026-01-31" in JSON.
type Date struct{ time.Time }

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.ParseInLocation(time.DateOnly, s, time.Local)
	return Date{t}, err
}

// ParseLastContact reads the day of a last contact as a person writes it:
// "YYYY-MM-DD", "today" or "yesterday", never a day after now.
func ParseLastContact(s string, now time.Time) (Date, error) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "today":
		s = now.Format(time.DateOnly)
	case "yesterday":
		s = now.AddDate(0, 0, -1).Format(time.DateOnly)
	}
	day, err := ParseDate(s)
	if err != nil || day.After(now) {
		return Date{}, fmt.Errorf("%q: write a past day as YYYY-MM-DD, or today, or yesterday", s)
	}
	return day, nil
}

func (d Date) String() string { return d.Format(time.DateOnly) }

// MarshalJSON writes the day.
func (d Date) MarshalJSON() ([]byte, error) { return []byte(`"` + d.String() + `"`), nil }

// UnmarshalJSON reads the day.
func (d *Date) UnmarshalJSON(b []byte) error {
	if len(b) < 2 {
		return &time.ParseError{Value: string(b)}
	}
	p, err := ParseDate(string(b[1 : len(b)-1]))
	*d = p
	return err
}

// Streak is a past run of days without contact.
type Streak struct {
	From Date `json:"from"`
	To   Date `json:"to"`
}

// Days returns the length of the streak in days.
func (s Streak) Days() int { return daysBetween(s.From.Time, s.To.Time) }

// DaysWithoutContact counts the days since the last contact, 0 if unset.
func (d *Data) DaysWithoutContact(now time.Time) int {
	if d.LastContact == nil {
		return 0
	}
	return daysBetween(d.LastContact.Time, now)
}

// BestStreak returns the longest streak, the current one included.
func (d *Data) BestStreak(now time.Time) int {
	best := d.DaysWithoutContact(now)
	for _, s := range d.Streaks {
		best = max(best, s.Days())
	}
	return best
}

// ErrAlreadySaved is returned by AddProfile for a profile saved before.
var ErrAlreadySaved = errors.New("already saved")

// AddProfile saves p, unless a profile with its ID is saved already.
func (d *Data) AddProfile(p profile.Profile) error {
	for _, q := range d.Profiles {
		if q.ID() == p.ID() {
			return fmt.Errorf("%s is %w", p.Who(), ErrAlreadySaved)
		}
	}
	d.Profiles = append(d.Profiles, p)
	return nil
}

// RemoveProfile forgets the saved profile with the ID id and reports
// whether there was one.
func (d *Data) RemoveProfile(id string) bool {
	for i, q := range d.Profiles {
		if q.ID() == id {
			d.Profiles = append(d.Profiles[:i], d.Profiles[i+1:]...)
			return true
		}
	}
	return false
}

// SetLastContact records a contact on day: the running streak is kept in
// the history, not wiped.
func (d *Data) SetLastContact(day Date) {
	if d.LastContact != nil && day.After(d.LastContact.Time) {
		d.Streaks = append(d.Streaks, Streak{From: *d.LastContact, To: day})
	}
	d.LastContact = &day
}

func daysBetween(a, b time.Time) int {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	da := time.Date(ay, am, ad, 12, 0, 0, 0, time.UTC)
	db := time.Date(by, bm, bd, 12, 0, 0, 0, time.UTC)
	return max(0, int(db.Sub(da).Hours()/24+0.5))
}

// Motives are the reasons for breaking no contact that the article names,
// for tagging journal entries, and a last one for anything else (or not
// knowing yet).
var Motives = []Motive{
	{"altruism", "Altruism: wanting to help them"},
	{"guilt", "Guilt and responsibility"},
	{"loneliness", "Loneliness"},
	{"closure", "Seeking closure"},
	{"nostalgia", "Nostalgia"},
	{"attachment", "Attachment"},
	{"peer_pressure", "Peer pressure"},
	{"cognitive_dissonance", "Cognitive dissonance: justifying it"},
	{"other", "Something else, or not sure"},
}

// Motive is one tag.
type Motive struct{ ID, Label string }

// ValidMotive reports whether id is one of Motives.
func ValidMotive(id string) bool {
	for _, m := range Motives {
		if m.ID == id {
			return true
		}
	}
	return false
}

// Entry is one journal entry: an urge, what happened, why.
type Entry struct {
	Time   time.Time `json:"time"`
	What   string    `json:"what"`
	Motive string    `json:"motive"`
	Text   string    `json:"text,omitempty"`
	Kind   string    `json:"kind,omitempty"` // "" for an urge; KindEndedEarly
}

// KindEndedEarly marks the entry written when a block is ended early: What
// holds the person's own answer to why.
const KindEndedEarly = "ended_early"

// Settings are the user's preferences.
type Settings struct {
	TextScale   float64 `json:"text_scale,omitempty"`
	ReadSection string  `json:"read_section,omitempty"` // where the reader was
}
