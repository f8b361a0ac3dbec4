package session

import (
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// Manager runs the one session. Its methods are safe for concurrent use;
// each credits time first and persists every change before it returns.
type Manager struct {
	mu       sync.Mutex
	clock    Clock
	store    *Store
	st       State
	broken   error // the state could not be read: refuse new sessions
	randSrc  func([]byte) error
	onExpire func(how Expiry)

	witness  Witness  // what the last save said, read beside the state at load
	findings []string // how the state loaded disagrees with it, in words
	// forgedStart is the start of the block loaded with disagreements:
	// its end, if it comes by expiry, is tampering, not its time run out.
	forgedStart time.Time

	loc        *time.Location      // the zone schedules are read in; nil: time.Local
	onSchedule func(detail string) // told of scheduled starts and schedule changes
	notes      []string            // such news of the change under way, told once it is saved
}

// NewManager loads the state from store. If it cannot be read, the
// manager starts with no session but Broken reports the problem and Start
// refuses, so that the daemon keeps the hosts section as it is.
func NewManager(store *Store, clock Clock) (m *Manager, fellBack bool) {
	m = &Manager{clock: clock, store: store, randSrc: cryptoRand}
	st, fellBack, err := store.Load()
	if err != nil {
		m.broken = err
		st = State{Version: stateVersion}
	}
	if w, ok := readWitness(store.dir); ok && err == nil {
		now, boot, id := clock.Now(), clock.Boottime(), clock.BootID()
		m.witness = w
		m.findings = disagreements(st, HasState(store.dir), w, now, boot, id)
		if len(m.findings) > 0 && st.Session != nil && (w.Block == nil || w.Block.Terms == nil) {
			m.forgedStart = st.Session.Started // nothing could be put back: its early end is tampering
		}
		m.findings = append(m.findings, restore(&st, HasState(store.dir), w, now, boot, id, elapsedSince(w, now, boot, id))...)
	}
	m.st = st
	return m, fellBack
}

// Broken returns the error that made the state unreadable, or nil.
func (m *Manager) Broken() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.broken
}

// Hostnames returns the names the running session blocks, nil if none.
func (m *Manager) Hostnames() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.st.Session == nil {
		return nil
	}
	return append([]string{}, m.st.Session.Hostnames...) // not nil: a session runs
}

// ClosePrivate reports whether the running session turns private windows
// off.
func (m *Manager) ClosePrivate() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.st.Session != nil && m.st.Session.ClosePrivate
}

// Paths returns the running session's profile paths, nil if none.
func (m *Manager) Paths() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.st.Session == nil {
		return nil
	}
	return slices.Clone(m.st.Session.Paths)
}

// LastSeen is when time was last credited (saved): the wall clock, the
// boot clock, and which boot.
func (m *Manager) LastSeen() (wall time.Time, boot time.Duration, bootID string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.st.Wall, m.st.Boot, m.st.BootID
}

// Active reports whether a session runs.
func (m *Manager) Active() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.st.Session != nil
}

// Tick credits the time since the last credit, persists it and reports
// whether the session expired (and so ended) with this credit.
func (m *Manager) Tick() (ended bool, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	tx := m.beginLocked()
	defer tx.end()
	if tx.expired {
		return true, nil
	}
	return false, tx.commit()
}

func (m *Manager) saveLocked() error {
	if m.broken != nil {
		return nil // never overwrite what could not be read, except by Cleanup
	}
	err := m.store.Save(m.st)
	if err == nil {
		m.flushNotesLocked()
	}
	return err
}

// Start begins a session. It returns the friend code for the friend lock,
// which is never stored and cannot be shown again.
func (m *Manager) Start(req api.StartRequest) (view *api.Session, friendCode string, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.broken != nil {
		return nil, "", api.Errorf(api.CodeStateBroken, "the daemon's state could not be read, so no new session can start; run `sudo nocontactd cleanup` (%v)", m.broken)
	}
	tx := m.beginLocked()
	defer tx.end()
	if m.st.Session != nil {
		return nil, "", api.Errorf(api.CodeSessionActive, "a session is already running; extend it or add hostnames instead")
	}
	r, err := newRecord(req, m.clock.Now())
	if err != nil {
		return nil, "", err
	}
	if err := m.roomLocked(r.Hostnames, r.Paths, nil); err != nil {
		return nil, "", err
	}
	if r.Lock.Mode == api.LockFriend {
		if friendCode, r.FriendSalt, r.FriendHash, err = newFriendCode(m.randSrc); err != nil {
			return nil, "", err
		}
	}
	m.st.Session = r
	if err := tx.commit(); err != nil {
		return nil, "", err
	}
	return m.viewLocked(), friendCode, nil
}

// newRecord validates a start request into a record.
func newRecord(req api.StartRequest, now time.Time) (*Record, error) {
	d := time.Duration(req.Duration)
	if d < api.MinSessionDuration || d > api.MaxSessionDuration {
		return nil, api.Errorf(api.CodeInvalid, "duration %s: choose between 1m and 365d", api.FormatDuration(d))
	}
	names, err := validNames(req.Hostnames)
	if err != nil {
		return nil, err
	}
	paths, err := validPaths(req.Paths)
	if err != nil {
		return nil, err
	}
	if len(names)+len(paths) == 0 {
		return nil, api.Errorf(api.CodeInvalid, "no hostnames or profile paths to block")
	}
	lock := req.Lock
	if err := lock.Normalize(); err != nil {
		return nil, api.Errorf(api.CodeInvalid, "%v", err)
	}
	return &Record{Hostnames: names, Paths: paths, ClosePrivate: !req.AllowPrivate, Started: now, Duration: d, Lock: lock}, nil
}

func validNames(in []string) ([]string, error) {
	names, err := api.NormalizeHostnames(in)
	if err != nil {
		return nil, api.Errorf(api.CodeInvalid, "%v", err)
	}
	if len(names) > api.MaxHostnames {
		return nil, api.Errorf(api.CodeInvalid, "%d hostnames: at most %d", len(names), api.MaxHostnames)
	}
	slices.Sort(names)
	return names, nil
}

func validPaths(in []string) ([]string, error) {
	paths, err := api.NormalizePaths(in)
	if err != nil {
		return nil, api.Errorf(api.CodeInvalid, "%v", err)
	}
	if len(paths) > api.MaxPaths {
		return nil, api.Errorf(api.CodeInvalid, "%d profile paths: at most %d", len(paths), api.MaxPaths)
	}
	return paths, nil
}

// Add adds hostnames and profile paths to the running session (a session
// only ever gets stronger); it returns what was new, hostnames then paths.
func (m *Manager) Add(hostnames, paths []string) (added []string, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	tx := m.beginLocked()
	defer tx.end()
	r, err := m.runningLocked()
	if err != nil {
		return nil, err
	}
	names, err := validNames(hostnames)
	if err != nil {
		return nil, err
	}
	ps, err := validPaths(paths)
	if err != nil {
		return nil, err
	}
	newNames, newPaths := missing(r.Hostnames, names), missing(r.Paths, ps)
	if err := m.roomLocked(slices.Concat(r.Hostnames, newNames), slices.Concat(r.Paths, newPaths), nil); err != nil {
		return nil, err
	}
	r.Hostnames, r.Paths = merge(r.Hostnames, newNames), merge(r.Paths, newPaths)
	if err := tx.commit(); err != nil {
		return nil, err
	}
	return slices.Concat(newNames, newPaths), nil
}

// merge returns have with add joined, sorted (nil when both are empty, as
// a record keeps no paths).
func merge(have, add []string) []string {
	if len(have)+len(add) == 0 {
		return nil
	}
	return slices.Sorted(slices.Values(slices.Concat(have, add)))
}

// missing returns the items of add not in have.
func missing(have, add []string) []string {
	var out []string
	for _, a := range add {
		if !slices.Contains(have, a) {
			out = append(out, a)
		}
	}
	return out
}

// Extend moves the end later by by.
func (m *Manager) Extend(by time.Duration) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	tx := m.beginLocked()
	defer tx.end()
	r, err := m.runningLocked()
	if err != nil {
		return err
	}
	if by <= 0 {
		return api.Errorf(api.CodeInvalid, "extend by a positive duration")
	}
	// Compare without adding: Remaining()+by overflows for a huge by and
	// would turn the session's end into the past.
	if by > api.MaxSessionDuration-r.Remaining() {
		return api.Errorf(api.CodeInvalid, "a block can have at most 365 d left; %s are left", api.HumanDuration(r.Remaining()))
	}
	r.Duration += by
	return tx.commit()
}

// runningLocked returns the running session, or a no_session error. The
// caller has credited time (beginLocked), ending an expired one.
func (m *Manager) runningLocked() (*Record, error) {
	if m.st.Session == nil {
		return nil, api.Errorf(api.CodeNoSession, "no session is running")
	}
	return m.st.Session, nil
}

// Cleanup ends whatever runs, whatever the lock, and resets damaged state.
// It reports whether a session was running.
func (m *Manager) Cleanup() (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	had := m.st.Session != nil
	m.st = State{Version: stateVersion}
	m.broken = nil
	if err := m.store.Reset(); err != nil {
		return had, err
	}
	m.creditLocked()
	return had, m.saveLocked()
}

// View returns the running session as the API shows it, nil if none.
func (m *Manager) View() *api.Session {
	m.mu.Lock()
	defer m.mu.Unlock()
	tx := m.beginLocked()
	defer tx.end() // a view credits nothing on disk: the next tick does
	return m.viewLocked()
}

func (m *Manager) viewLocked() *api.Session {
	r := m.st.Session
	if r == nil {
		return nil
	}
	return &api.Session{
		Hostnames:    slices.Clone(r.Hostnames),
		Paths:        slices.Clone(r.Paths),
		ClosePrivate: r.ClosePrivate,
		Started:      r.Started,
		Duration:     api.Duration(r.Duration),
		Credited:     api.Duration(r.Credited),
		Remaining:    api.Duration(r.Remaining()),
		Ends:         m.clock.Now().Add(r.Remaining()).Truncate(time.Second),
		Lock:         r.Lock,
		Unlock:       r.unlockStatus(),
	}
}

// String describes the manager for debugging, without hostnames.
func (m *Manager) String() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.st.Session == nil {
		return "no session"
	}
	r := m.st.Session
	return fmt.Sprintf("session of %d names, %s of %s credited, lock %s", len(r.Hostnames),
		api.FormatDuration(r.Credited), api.FormatDuration(r.Duration), r.Lock.Mode)
}
