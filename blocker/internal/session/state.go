package session

import (
	"errors"
	"fmt"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// stateVersion is the schema version of the state file.
const stateVersion = 1

// State is what the daemon persists: the session, if any, and the clock
// readings of the last credit.
type State struct {
	Version int           `json:"version"`
	Session *Record       `json:"session,omitempty"`
	Wall    time.Time     `json:"wall"`    // wall clock at the last credit
	Boot    time.Duration `json:"boot_ns"` // boot time at the last credit
	BootID  string        `json:"boot_id"`

	Schedules []ScheduleRecord `json:"schedules,omitempty"`
	Zone      string           `json:"zone,omitempty"` // the time zone at the last credit, to see it change
	// SetBack is how far the wall clock was set back in this boot, which
	// schedules add to it until SetBackSince (that time, by it) is a day
	// old (clockjumps.go).
	SetBack      time.Duration `json:"set_back_ns,omitempty"`
	SetBackSince time.Time     `json:"set_back_since,omitzero"`
}

// Record is a running session.
type Record struct {
	Hostnames []string `json:"hostnames"`
	Paths     []string `json:"paths,omitempty"` // profile paths blocked in browsers
	// ClosePrivate: private windows are turned off in browsers for the
	// block (false in records saved before the choice existed).
	ClosePrivate bool          `json:"close_private,omitempty"`
	Started      time.Time     `json:"started"`
	Schedule     string        `json:"schedule,omitempty"` // the schedule that started it, if one did
	Duration     time.Duration `json:"duration_ns"`
	Credited     time.Duration `json:"credited_ns"`
	Lock         api.Lock      `json:"lock"`

	// Cool-down lock: credited time at the request, nil when none is open.
	UnlockRequestedAt  *time.Duration `json:"unlock_at_ns,omitempty"`
	UnlockWall         time.Time      `json:"unlock_wall,omitzero"`
	FriendSalt         []byte         `json:"friend_salt,omitempty"`
	FriendHash         []byte         `json:"friend_hash,omitempty"`
	WrongCodes         int            `json:"wrong_codes,omitempty"`
	RetryAfterCredited time.Duration  `json:"retry_after_ns,omitempty"` // credited time before which codes are refused
}

// maxStoredDuration bounds a stored session's total length (credited time
// plus what is left, after every extension) far below where sums of
// durations could overflow: a state file edited to hold more is damaged.
const maxStoredDuration = 100 * api.MaxSessionDuration

// maxStoredNames and maxStoredPaths bound a stored block's names and
// paths: a block within the limits, with every schedule's merged in. New
// blocks keep room for the schedules' (room); one saved before that
// rule may go beyond the limits once the windows add their people, and
// must still load.
const (
	maxStoredNames = (1 + api.MaxSchedules) * api.MaxHostnames
	maxStoredPaths = (1 + api.MaxSchedules) * api.MaxPaths
)

// Remaining returns the credited time still to run.
func (r *Record) Remaining() time.Duration { return max(0, r.Duration-r.Credited) }

// validate checks a state read from disk: a file that parses but holds
// nonsense is as unreadable as a truncated one.
func (s *State) validate() error {
	if s.Version != stateVersion {
		return fmt.Errorf("state version %d, want %d", s.Version, stateVersion)
	}
	if err := validSchedules(s.Schedules); err != nil {
		return err
	}
	if s.SetBack < 0 || s.SetBack > maxSetBack || (s.SetBack > 0 && s.SetBackSince.After(s.Wall.Add(s.SetBack+setBackHold))) {
		return errors.New("a clock set back by more than 15 days, or from the future")
	}
	r := s.Session
	if r == nil {
		return nil
	}
	switch {
	case len(r.Hostnames)+len(r.Paths) == 0 || len(r.Hostnames) > maxStoredNames || len(r.Paths) > maxStoredPaths:
		return fmt.Errorf("session with %d hostnames and %d paths", len(r.Hostnames), len(r.Paths))
	case r.Duration < api.MinSessionDuration || r.Duration > maxStoredDuration || r.Credited < 0 || r.Credited > maxStoredDuration ||
		r.RetryAfterCredited < 0 || r.RetryAfterCredited > maxStoredDuration || (r.UnlockRequestedAt != nil && (*r.UnlockRequestedAt < 0 || *r.UnlockRequestedAt > maxStoredDuration)) ||
		r.Started.IsZero():
		return errors.New("session with impossible times")
	case r.Lock.Mode == api.LockFriend && len(r.FriendHash) == 0:
		return errors.New("friend lock without its code hash")
	}
	if err := r.Lock.Normalize(); err != nil {
		return err
	}
	for _, h := range r.Hostnames {
		if n, err := api.NormalizeHostname(h); err != nil || n != h {
			return fmt.Errorf("session holds an invalid hostname")
		}
	}
	for _, p := range r.Paths {
		if n, err := api.NormalizePath(p); err != nil || n != p {
			return fmt.Errorf("session holds an invalid path")
		}
	}
	return nil
}

// validSchedules checks the schedules of a state read from disk.
func validSchedules(ss []ScheduleRecord) error {
	if len(ss) > api.MaxSchedules {
		return fmt.Errorf("%d schedules", len(ss))
	}
	for _, s := range ss {
		_, err1 := api.ParseClock(s.From)
		_, err2 := api.ParseClock(s.To)
		if err1 != nil || err2 != nil || len(s.Days) == 0 || len(s.Hostnames)+len(s.Paths) == 0 || s.Lock.Mode == api.LockFriend {
			return errors.New("a schedule that cannot be read")
		}
		for _, h := range s.Hostnames {
			if n, err := api.NormalizeHostname(h); err != nil || n != h {
				return errors.New("a schedule holds an invalid hostname")
			}
		}
		for _, p := range s.Paths {
			if n, err := api.NormalizePath(p); err != nil || n != p {
				return errors.New("a schedule holds an invalid path")
			}
		}
	}
	return nil
}
