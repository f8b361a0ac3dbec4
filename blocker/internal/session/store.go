package session

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/nocontact-app/nocontact/blocker/atomicfile"
)

// State file names in the state directory: the current generation and the
// one before it.
const (
	currentFile  = "state.json"
	previousFile = "state.prev.json"
	stateMode    = 0o600
)

// ErrUnreadable means state files exist but neither generation can be
// read: the daemon must keep the block as it is and refuse new sessions.
var ErrUnreadable = errors.New("session: state unreadable")

// Store persists State in a directory, keeping the previous generation.
type Store struct {
	dir       string
	currentOK bool // the current file is known good: it may become the previous one

	// write is atomicfile.Write; tests put a full disk in its place.
	write func(path string, data []byte, perm os.FileMode) error
	// witnessed is what the witness last written says but its clocks and
	// credit ("" before the first write of this run).
	witnessed   string
	witnessedAt time.Time // the state's wall clock at that write
}

// NewStore returns a Store in dir, creating dir (mode 0700) if needed.
func NewStore(dir string) (*Store, error) {
	if err := atomicfile.MkdirPrivate(dir); err != nil {
		return nil, fmt.Errorf("session: state dir: %w", err)
	}
	// Temporary files of writes cut short (a crash, a full disk) are
	// never read; they would only fill the disk further.
	_, _ = atomicfile.RemoveStale(dir, atomicfile.TempName(currentFile)) // best effort: they are never read
	return &Store{dir: dir, write: atomicfile.Write}, nil
}

// HasState reports whether dir holds a state file of either generation:
// none at all means a fresh start, or a state directory deleted.
func HasState(dir string) bool {
	for _, f := range []string{currentFile, previousFile} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			return true
		}
	}
	return false
}

// Load reads the newest readable generation. No files at all is a fresh
// state; files that exist but cannot be read give ErrUnreadable, wrapped
// with what was wrong. fellBack reports that the current file was damaged
// and the previous generation was used.
func (s *Store) Load() (st State, fellBack bool, err error) {
	cur, curErr := readState(filepath.Join(s.dir, currentFile))
	if curErr == nil {
		s.currentOK = true
		return cur, false, nil
	}
	prev, prevErr := readState(filepath.Join(s.dir, previousFile))
	if prevErr == nil {
		return prev, !errors.Is(curErr, fs.ErrNotExist), nil
	}
	if errors.Is(curErr, fs.ErrNotExist) && errors.Is(prevErr, fs.ErrNotExist) {
		return State{Version: stateVersion}, false, nil
	}
	return State{}, false, fmt.Errorf("%w: %v; previous: %v", ErrUnreadable, curErr, prevErr)
}

// Save writes st as the current generation; the current file, if good,
// becomes the previous one. A crash at any point leaves a readable
// generation.
func (s *Store) Save(st State) error {
	st.Version = stateVersion
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("session: encode state: %w", err)
	}
	cur, prev := filepath.Join(s.dir, currentFile), filepath.Join(s.dir, previousFile)
	if s.currentOK {
		if err := os.Rename(cur, prev); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("session: keep previous state: %w", err)
		}
	}
	if err := s.write(cur, append(b, '\n'), stateMode); err != nil {
		s.currentOK = false
		return fmt.Errorf("session: save state: %w", err)
	}
	s.currentOK = true
	s.saveWitness(st)
	return nil
}

// saveWitness writes the witness of st beside the state directory when
// the block or the schedules changed, and every witnessRefresh besides,
// not at every credit: the comparison
// at start allows a credit by the time the clocks say has passed since the
// witness, so an older witness only looks older, never wrong. A failed
// write is not the state's, for the same reason.
func (s *Store) saveWitness(st State) {
	w := witnessOf(st)
	key := w
	key.Wall, key.Boot, key.BootID = time.Time{}, 0, ""
	if key.Block != nil {
		b := *key.Block
		b.Credited, key.Block = 0, &b
	}
	kb, err1 := json.Marshal(key)
	b, err2 := json.Marshal(w)
	since := st.Wall.Sub(s.witnessedAt) // negative: the clock was set back, which the witness must follow
	if err1 != nil || err2 != nil || (string(kb) == s.witnessed && since >= 0 && since < witnessRefresh) {
		return
	}
	if s.write(witnessPath(s.dir), append(b, '\n'), stateMode) == nil {
		s.witnessed, s.witnessedAt = string(kb), st.Wall
	}
}

// Reset removes both generations (after cleanup) so the next Load is fresh.
func (s *Store) Reset() error {
	for _, f := range []string{currentFile, previousFile} {
		if err := os.Remove(filepath.Join(s.dir, f)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("session: reset state: %w", err)
		}
	}
	s.currentOK = false
	s.saveWitness(State{Version: stateVersion})
	return nil
}

func readState(path string) (State, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return State{}, err
	}
	var st State
	if err := json.Unmarshal(b, &st); err != nil {
		return State{}, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	if err := st.validate(); err != nil {
		return State{}, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return st, nil
}
