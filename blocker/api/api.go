package api

import (
	"errors"
	"fmt"
	"time"
)

// Limits of sessions and locks.
const (
	MinSessionDuration = time.Minute
	MaxSessionDuration = 365 * Day
	MinCooldown        = 15 * time.Minute
	MaxCooldown        = 24 * time.Hour
	DefaultCooldown    = 30 * time.Minute
	ConfirmWindow      = 10 * time.Minute // after a cool-down, to confirm
	MaxHostnames       = 1000
)

// UnlockState is where a cool-down lock's early end stands.
type UnlockState string

// Unlock states.
const (
	UnlockNone    UnlockState = ""         // nobody asked
	UnlockWaiting UnlockState = "cooldown" // asked; the cool-down runs
	UnlockReady   UnlockState = "ready"    // cool-down over: confirm before ExpiresAt
)

// UnlockStatus is where an early end stands.
type UnlockStatus struct {
	State       UnlockState `json:"state,omitempty"`
	RequestedAt *time.Time  `json:"requested_at,omitempty"`
	ReadyIn     Duration    `json:"ready_in,omitempty"`   // credited time left in the cool-down
	ExpiresIn   Duration    `json:"expires_in,omitempty"` // time left to confirm
	RetryIn     Duration    `json:"retry_in,omitempty"`   // friend lock: wait after wrong codes
}

// Session is a running block as the API shows it.
type Session struct {
	Hostnames []string `json:"hostnames"`
	Paths     []string `json:"paths,omitempty"` // profile paths blocked in browsers ("instagram.com/jane.doe")
	// ClosePrivate: private (incognito) windows are off in the browsers
	// during the block.
	ClosePrivate bool         `json:"close_private,omitempty"`
	Started      time.Time    `json:"started"`
	Duration     Duration     `json:"duration"`
	Credited     Duration     `json:"credited"`
	Remaining    Duration     `json:"remaining"`
	Ends         time.Time    `json:"ends"` // estimate: now + remaining
	Lock         Lock         `json:"lock"`
	Unlock       UnlockStatus `json:"unlock"`
}

// HostsStatus is the state of the hosts file.
type HostsStatus struct {
	Path        string     `json:"path"`
	Intact      bool       `json:"intact"`
	LastTamper  *time.Time `json:"last_tamper,omitempty"`
	Error       string     `json:"error,omitempty"` // the last write or lift failed
	LiftPending bool       `json:"lift_pending,omitempty"`
	// Bypasses are ways around an intact section the daemon found and
	// cannot undo without changing the user's own configuration (the
	// name service told to skip the hosts file, a real address above the
	// section), each in a sentence; each was also recorded as tamper.
	Bypasses []string `json:"bypasses,omitempty"`
}

// Problem reports whether the block is not working as it should.
func (h HostsStatus) Problem(active bool) bool {
	return h.Error != "" || (active && len(h.Bypasses) > 0)
}

// BrowserStatus is one browser's managed policy during a session.
type BrowserStatus struct {
	Name    string   `json:"name"`
	Covered bool     `json:"covered"`           // its policies could be written
	Exact   bool     `json:"exact,omitempty"`   // blocks just the profiles, not names that begin with them
	Files   []string `json:"files,omitempty"`   // the policy files written
	Problem string   `json:"problem,omitempty"` // why it is not (fully) covered
	Notes   []string `json:"notes,omitempty"`   // what to know: other policies, when it applies
}

// SinkholeStatus is the state of the listener that notices visits.
type SinkholeStatus struct {
	Address   string `json:"address"`
	HTTPPort  int    `json:"http_port,omitempty"`
	HTTPSPort int    `json:"https_port,omitempty"`
	Listening bool   `json:"listening"`
	Error     string `json:"error,omitempty"`
	OtherHits int    `json:"other_hits,omitempty"` // hits on names outside the session
}

// DaemonInfo describes the daemon.
type DaemonInfo struct {
	Version string `json:"version"`
	Problem string `json:"problem,omitempty"` // e.g. the state could not be read
}

// Status is GET /v1/status.
type Status struct {
	Session  *Session        `json:"session"`
	Hosts    HostsStatus     `json:"hosts"`
	Sinkhole SinkholeStatus  `json:"sinkhole"`
	Browsers []BrowserStatus `json:"browsers,omitempty"` // during a session: each installed browser's policy
	Daemon   DaemonInfo      `json:"daemon"`
	// NextScheduled is the next start of a schedule, if any.
	NextScheduled *time.Time `json:"next_scheduled,omitempty"`
	// Phone is the phone's DNS filter, when one is connected (or its
	// connection could not be read).
	Phone *PhoneStatus `json:"phone,omitempty"`
	// LastEvent is the seq of the newest event recorded (0 before the
	// first): where a follower of the stream starts, so that it answers
	// no old event.
	LastEvent uint64 `json:"last_event"`
}

// StartRequest is POST /v1/session.
type StartRequest struct {
	Hostnames []string `json:"hostnames"`
	Paths     []string `json:"paths,omitempty"` // profile paths to block in browsers
	// AllowPrivate keeps private (incognito) windows open during the
	// block; by default they are closed, because a private window keeps
	// the blocks but shows no passage and records no attempt.
	AllowPrivate bool     `json:"allow_private,omitempty"`
	Duration     Duration `json:"duration"`
	Lock         Lock     `json:"lock"`
}

// SessionResponse answers a start, an extension or an addition: the
// session as it now is; FriendCode only for a start with the friend lock,
// once.
type SessionResponse struct {
	Session    *Session `json:"session"`
	FriendCode string   `json:"friend_code,omitempty"`
}

// ExtendRequest is POST /v1/session/extend.
type ExtendRequest struct {
	By Duration `json:"by"`
}

// AddRequest is POST /v1/session/hostnames.
type AddRequest struct {
	Add   []string `json:"add"`
	Paths []string `json:"paths,omitempty"`
}

// UnlockAction moves an early end: request, cancel or confirm.
type UnlockAction string

// Unlock actions.
const (
	UnlockRequest UnlockAction = "request"
	UnlockCancel  UnlockAction = "cancel"
	UnlockConfirm UnlockAction = "confirm"
)

// UnlockRequestBody is POST /v1/session/unlock.
type UnlockRequestBody struct {
	Action UnlockAction `json:"action"`
	Code   string       `json:"code,omitempty"`
}

// UnlockResponse tells whether the session ended and where the unlock is.
type UnlockResponse struct {
	Ended   bool     `json:"ended"`
	Session *Session `json:"session,omitempty"`
}

// Error codes of the API.
const (
	CodeInvalid       = "invalid_request"
	CodeSessionActive = "session_active"
	CodeNoSession     = "no_session"
	CodeLocked        = "locked"     // the lock does not allow this now
	CodeWrongCode     = "wrong_code" // friend code did not match
	CodeRateLimited   = "rate_limited"
	CodeForbidden     = "forbidden"
	CodeNotFound      = "not_found"
	CodeStateBroken   = "state_unreadable"
	CodeNotSaved      = "not_saved" // the change could not be written to disk, so nothing changed
	CodeInternal      = "internal"
)

// Error is an API error: a code callers branch on and a message for people.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err if it is an *Error, else "".
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// NextUnlockAction is the action that moves an early end forward as the
// lock allows: confirm with the friend lock (with the code) or once the
// cool-down is over, else request (which, while the cool-down runs, only
// reports the time left); "" for the strict lock, which has none.
func (s *Session) NextUnlockAction() UnlockAction {
	switch {
	case s.Lock.Mode == LockStrict:
		return ""
	case s.Lock.Mode == LockFriend, s.Unlock.State == UnlockReady:
		return UnlockConfirm
	}
	return UnlockRequest
}
