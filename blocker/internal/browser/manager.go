package browser

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/atomicfile"
)

// StateFile is where a Manager keeps what it changed, in the state dir.
const StateFile = "browsers.json"

// record is one file the manager changed: enough to undo it exactly, and
// to tell its own writes from another program's.
type record struct {
	Browser  string `json:"browser"`
	Kind     Kind   `json:"kind"`
	Existed  bool   `json:"existed"`
	Original []byte `json:"original,omitempty"` // Firefox: the user's own content
	Wrote    []byte `json:"wrote,omitempty"`    // SHA-256 of what was last written
	// ExtSince is when the file first held our extension (Firefox ESR):
	// a Firefox started before it has not taken the extension.
	ExtSince time.Time `json:"ext_since,omitzero"`
}

// Change is a policy file another program changed during a block: what
// was found, and whether it was put back.
type Change struct {
	Browser  string
	Found    string // "edited or removed", "made unreadable (mode 0600)", "replaced by a directory"
	Restored bool
	Err      error // why it was not, when it was not
}

// Line says the change in a sentence for the journal.
func (c Change) Line() string {
	if c.Restored {
		return fmt.Sprintf("%s's policy was %s; restored", c.Browser, c.Found)
	}
	return fmt.Sprintf("%s's policy was %s and could not be restored: %v", c.Browser, c.Found, c.Err)
}

type state struct {
	Files   map[string]record `json:"files"`
	Created []string          `json:"created,omitempty"` // directories made, removed again if empty
	Moved   []movedFile       `json:"moved,omitempty"`   // other programs' files moved aside for the block
	// Registry are the registry values set or set aside (Windows), by
	// id; CreatedKeys the keys made, removed again if empty.
	Registry    map[string]regEntry `json:"registry,omitempty"`
	CreatedKeys []string            `json:"created_keys,omitempty"`
}

// Manager applies the session's policies to the installed browsers and
// undoes them. Root is prefixed to every path ("" in production); on
// Windows it also picks the registry key the policies go under
// (policyBase).
type Manager struct {
	// Forcelist are ExtensionInstallForcelist entries ("ID;update URL")
	// written into the Chromium family's policy during a session.
	Forcelist []string
	// Firefox is the extension Firefox ESR installs through its policy,
	// during a block and between blocks (nil: none).
	Firefox *FirefoxExtension

	root, statePath string
	reg             regStore // the registry (Windows), nil elsewhere
	regBase         string   // the key browsers' keys are under: HKLM\SOFTWARE\Policies
	mu              sync.Mutex
	st              state
	// conflicts are the other files' overlapping policies seen in this run
	// (nil before the first Apply): one that appears later is a change.
	conflicts  map[string]bool
	firstApply bool // during the first Apply of this run
}

// NewManager reads what an earlier run left in stateDir: after a crash the
// files it lists are still undone at the end.
func NewManager(root, stateDir string) (*Manager, error) {
	m := &Manager{root: root, statePath: filepath.Join(stateDir, StateFile), st: state{Files: map[string]record{}, Registry: map[string]regEntry{}}}
	m.reg, m.regBase = systemRegistry(root)
	b, err := os.ReadFile(m.statePath)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err == nil {
		err = json.Unmarshal(b, &m.st)
	}
	if err != nil {
		return nil, fmt.Errorf("browser: read %s: %w", m.statePath, err)
	}
	if m.st.Files == nil {
		m.st.Files = map[string]record{}
	}
	return m, nil
}

// Apply makes every installed browser's policy what a running session
// asks: paths and names blocked, secure DNS off, private windows closed if
// asked. It reports the browsers, and the files another program changed
// since they were written (its own rewrites, a block that grew, are not
// changes).
func (m *Manager) Apply(w Want) (report []api.BrowserStatus, changes []Change, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	found, notCovered := Installed(m.root)
	seen := map[string]bool{}
	if m.conflicts == nil { // the first Apply of this run: conflicts found now were there before
		m.conflicts, m.firstApply = map[string]bool{}, true
	}
	defer func() { m.firstApply = false }()
	for _, t := range found {
		st := api.BrowserStatus{Name: t.Name, Covered: true, Exact: true}
		add := func(file string, ch []Change, exact bool, notes []string, werr error) {
			st.Files = append(st.Files, file)
			st.Notes = append(st.Notes, notes...)
			st.Exact = st.Exact && exact // every place it reads must be exact
			changes = append(changes, ch...)
			if werr != nil {
				st.Problem, err = werr.Error(), errors.Join(err, werr)
			}
		}
		switch {
		case t.PolicyKey != "": // the registry (Windows), either kind
			add(m.applyKey(t, w))
		case t.Kind == Chromium:
			for _, dir := range t.PolicyDirs {
				if seen[dir] {
					continue
				}
				seen[dir] = true
				add(m.applyChromium(t, dir, w))
			}
		case t.Kind == Firefox:
			f, ch, notes, werr := m.applyFirefox(t, &w)
			add(f, ch, true, append(notes, m.firefoxNotes(t, filepath.Join(m.root, f))...), werr)
		}
		report = append(report, st)
	}
	for _, n := range notCovered {
		report = append(report, api.BrowserStatus{Name: n, Covered: false,
			Problem: "its policies live inside its package, where No Contact cannot write"})
	}
	return report, changes, err
}

// applyChromium writes the family's own file in dir.
func (m *Manager) applyChromium(t Target, dir string, w Want) (file string, changes []Change, exact bool, notes []string, err error) {
	full := filepath.Join(m.root, dir)
	file = filepath.Join(dir, FileName)
	others := map[string][]byte{}
	if entries, rerr := os.ReadDir(full); rerr == nil {
		for _, e := range entries {
			if e.Name() != FileName && strings.HasSuffix(e.Name(), ".json") {
				others[e.Name()], _ = os.ReadFile(filepath.Join(full, e.Name()))
			}
		}
	}
	conflicts, allowOK := chromiumConflicts(others)
	if changes = m.newConflicts(t, dir, full, conflicts, others); len(changes) > 0 {
		conflicts, allowOK = chromiumConflicts(others) // without the files moved aside: ours is written as if they never were
	}
	for _, c := range conflicts {
		notes = append(notes, "another policy in "+dir+": "+c.String()+"; the browser uses one of them")
	}
	want, exact, more := chromiumPolicy(t, w, allowOK, m.Forcelist)
	notes = append(notes, more...)
	ch, err := m.ensure(t, filepath.Join(full, FileName), want, record{Browser: t.Name, Kind: Chromium})
	return file, append(ch, changes...), exact, notes, err
}

// newConflicts moves aside the other files in dir that began to set one of
// our policies after the first Apply of this run (another program's file
// that would override ours), takes them out of others, and reports each.
// A file there at the first Apply (an employer's) is left alone.
func (m *Manager) newConflicts(t Target, dir, full string, conflicts []override, others map[string][]byte) []Change {
	var out []Change
	for _, c := range conflicts {
		key := dir + ": " + c.String()
		if _, there := others[c.file]; !there {
			continue // moved already, for another of its keys
		}
		if m.conflicts[key] || m.firstApply {
			m.conflicts[key] = true
			continue
		}
		delete(others, c.file)
		err := m.moveAside(full, c.file)
		out = append(out, Change{Browser: t.Name, Found: "overridden: in " + dir + ", " + c.String() + "; the file was moved aside until the block ends", Restored: err == nil, Err: err})
	}
	return out
}

// makeDir creates dir and its missing parents, remembering each.
func (m *Manager) makeDir(dir string) error {
	var missing []string
	for d := dir; !exists(d); d = filepath.Dir(d) {
		missing = append(missing, d)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	for _, d := range missing {
		if !slices.Contains(m.st.Created, d) {
			m.st.Created = append(m.st.Created, d) // deepest first
		}
	}
	return nil
}

// Lift undoes every change: the Chromium-family files removed, each
// Firefox file given back its own content (or removed when there was
// none), the directories made removed when empty.
func (m *Manager) Lift() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.lift(nil)
}

// lift undoes every change but those to the files in keep, whose records
// stay (Between writes them again).
func (m *Manager) lift(keep map[string]Target) error {
	var errs []error
	for path, rec := range m.st.Files {
		if _, ok := keep[path]; ok {
			continue
		}
		if err := liftFile(path, rec); err != nil {
			errs = append(errs, err)
			continue
		}
		delete(m.st.Files, path)
	}
	if err := m.liftRegistry(); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		if err := m.save(); err != nil {
			errs = append(errs, err)
		}
		return errors.Join(errs...)
	}
	putErr := m.putBack() // said once: a file that cannot go back stays in the state directory
	var left []string
	for _, d := range m.st.Created {
		if os.Remove(d) != nil && len(keep) > 0 && exists(d) { // only when empty: one holding a kept file stays ours
			left = append(left, d)
		}
	}
	m.st.Created = left
	m.conflicts = nil
	if len(m.st.Files) > 0 {
		return errors.Join(putErr, m.save())
	}
	if err := os.Remove(m.statePath); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return putErr
}

// liftFile gives a file written back what it held: a Firefox file its own
// content; any other, or one that did not exist, is removed.
func liftFile(path string, rec record) error {
	var err error
	if rec.Kind == Firefox && rec.Existed {
		err = atomicfile.Write(path, rec.Original, 0o644)
	} else if err = os.Remove(path); errors.Is(err, fs.ErrNotExist) {
		err = nil
	}
	if err != nil {
		return fmt.Errorf("%s's policy: %w", rec.Browser, err)
	}
	return nil
}

// Files returns the files written, for the guard to watch.
func (m *Manager) Files() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for p := range m.st.Files {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

func (m *Manager) save() error {
	b, err := json.MarshalIndent(m.st, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(m.statePath, append(b, '\n'), 0o600)
}
