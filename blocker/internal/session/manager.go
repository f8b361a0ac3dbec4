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
// It is the lock around a book, where the state and its rules live.
type Manager struct {
	mu sync.Mutex
	b  book
}

// book is the session's state and what changes it: crediting, the
// schedules, the witness. Its methods run under the Manager's lock.
type book struct {
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
	m = &Manager{b: book{clock: clock, store: store, randSrc: cryptoRand}}
	st, fellBack, err := store.Load()
	if err != nil {
		m.b.broken = err
		st = State{Version: stateVersion}
	}
	if w, ok := readWitness(store.dir); ok && err == nil {
		now, boot, id := clock.Now(), clock.Boottime(), clock.BootID()
		m.b.witness = w
		m.b.findings = disagreements(st, HasState(store.dir), w, now, boot, id)
		if len(m.b.findings) > 0 && st.Session != nil && (w.Block == nil || w.Block.Terms == nil) {
			m.b.forgedStart = st.Session.Started // nothing could be put back: its early end is tampering
		}
		m.b.findings = append(m.b.findings, restore(&st, HasState(store.dir), w, now, boot, id, elapsedSince(w, now, boot, id))...)
	}
	m.b.st = st
	return m, fellBack
}

// Snapshot is the running block as the enforcers need it, read under one
// lock so that the hosts file and the browsers never see half a change.
type Snapshot struct {
	Active       bool     // a session runs
	Hostnames    []string // the names it blocks whole; nil without a session
	Paths        []string // its profile paths
	ClosePrivate bool     // private windows are turned off
	Broken       error    // the state could not be read: new sessions are refused
}

// Snapshot returns the running block; without one, only Broken is set.
func (m *Manager) Snapshot() Snapshot {
	m.mu.Lock()
	defer m.mu.Unlock()
	r := m.b.st.Session
	if r == nil {
		return Snapshot{Broken: m.b.broken}
	}
	return Snapshot{Active: true, Hostnames: append([]string{}, r.Hostnames...), // not nil: a session runs
		Paths: slices.Clone(r.Paths), ClosePrivate: r.ClosePrivate, Broken: m.b.broken}
}

// LastSeen is when time was last credited (saved): the wall clock, the
// boot clock, and which boot.
func (m *Manager) LastSeen() (wall time.Time, boot time.Duration, bootID string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.b.st.Wall, m.b.st.Boot, m.b.st.BootID
}

// Tick credits the time since the last credit, persists it and reports
// whether the session expired (and so ended) with this credit.
func (m *Manager) Tick() (ended bool, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	tx := m.b.begin()
	defer tx.end()
	if tx.expired {
		return true, nil
	}
	return false, tx.commit()
}

func (b *book) save() error {
	if b.broken != nil {
		return nil // never overwrite what could not be read, except by Cleanup
	}
	err := b.store.Save(b.st)
	if err == nil {
		b.flushNotes()
	}
	return err
}

// Start begins a session. It returns the friend code for the friend lock,
// which is never stored and cannot be shown again.
func (m *Manager) Start(req api.StartRequest) (view *api.Session, friendCode string, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.b.broken != nil {
		return nil, "", api.Errorf(api.CodeStateBroken, "the daemon's state could not be read, so no new block can start; run `sudo nocontact cleanup` (%v)", m.b.broken)
	}
	tx := m.b.begin()
	defer tx.end()
	if m.b.st.Session != nil {
		return nil, "", api.Errorf(api.CodeSessionActive, "a block is already running: make it longer, or add to it, instead")
	}
	r, err := newRecord(req, m.b.clock.Now())
	if err != nil {
		return nil, "", err
	}
	if err := m.b.room(r.Hostnames, r.Paths, nil); err != nil {
		return nil, "", err
	}
	if r.Lock.Mode == api.LockFriend {
		if friendCode, r.FriendSalt, r.FriendHash, err = newFriendCode(m.b.randSrc); err != nil {
			return nil, "", err
		}
	}
	m.b.st.Session = r
	if err := tx.commit(); err != nil {
		return nil, "", err
	}
	return m.b.view(), friendCode, nil
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
	tx := m.b.begin()
	defer tx.end()
	r, err := m.b.running()
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
	if err := m.b.room(slices.Concat(r.Hostnames, newNames), slices.Concat(r.Paths, newPaths), nil); err != nil {
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
	tx := m.b.begin()
	defer tx.end()
	r, err := m.b.running()
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

// running returns the running session, or a no_session error. The
// caller has credited time (begin), ending an expired one.
func (b *book) running() (*Record, error) {
	if b.st.Session == nil {
		return nil, api.Errorf(api.CodeNoSession, "no session is running")
	}
	return b.st.Session, nil
}

// Cleanup ends whatever runs, whatever the lock, and resets damaged state.
// It reports whether a session was running.
func (m *Manager) Cleanup() (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	had := m.b.st.Session != nil
	m.b.st = State{Version: stateVersion}
	m.b.broken = nil
	if err := m.b.store.Reset(); err != nil {
		return had, err
	}
	m.b.credit()
	return had, m.b.save()
}

// View returns the running session as the API shows it, nil if none.
func (m *Manager) View() *api.Session {
	m.mu.Lock()
	defer m.mu.Unlock()
	tx := m.b.begin()
	defer tx.end() // a view credits nothing on disk: the next tick does
	return m.b.view()
}

func (b *book) view() *api.Session {
	r := b.st.Session
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
		Ends:         b.clock.Now().Add(r.Remaining()).Truncate(time.Second),
		Lock:         r.Lock,
		Unlock:       r.unlockStatus(),
	}
}

// String describes the manager for debugging, without hostnames.
func (m *Manager) String() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.b.st.Session == nil {
		return "no session"
	}
	r := m.b.st.Session
	return fmt.Sprintf("session of %d names, %s of %s credited, lock %s", len(r.Hostnames),
		api.FormatDuration(r.Credited), api.FormatDuration(r.Duration), r.Lock.Mode)
}
