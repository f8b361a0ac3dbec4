package browser

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/nocontact-app/nocontact/blocker/atomicfile"
)

// A policy file that another program puts beside ours during a block and
// that sets a policy ours sets (its own URLBlocklist, say) or one that
// keeps our extension out (ExtensionSettings, ExtensionInstallBlocklist)
// would win or lose by the browser's choice: it is moved aside into the
// state directory for the block, recorded, and put back when the block
// ends. A file that was there when the block began (an employer's) is
// never moved: it is said in the status instead.

// movedFile is a policy file moved aside: where it was, where it is, and
// its mode.
type movedFile struct {
	From string      `json:"from"`
	To   string      `json:"to"`
	Mode fs.FileMode `json:"mode,omitempty"`
}

// asideDir is where moved files are kept, in the state directory.
func (m *Manager) asideDir() string {
	return filepath.Join(filepath.Dir(m.statePath), "policies-moved-aside")
}

// moveAside moves the file name in dir (as full, under root) into the
// state directory, remembering where it was. A rename fails across file
// systems (/etc and /var/lib): the file is copied, the move saved, and the
// file removed. A second file moved from the same place in one block gets
// a name of its own (a numbered one).
func (m *Manager) moveAside(full, name string) error {
	from := filepath.Join(full, name)
	fi, err := os.Lstat(from)
	if err != nil {
		return err
	}
	b, err := atomicfile.ReadRegular(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(m.asideDir(), 0o700); err != nil {
		return err
	}
	base := filepath.Join(m.asideDir(), strings.ReplaceAll(strings.TrimPrefix(from, "/"), "/", "_"))
	to := base
	for i := 2; exists(to); i++ {
		to = fmt.Sprintf("%s.%d", base, i)
	}
	if err := atomicfile.Write(to, b, 0o600); err != nil {
		return err
	}
	m.st.Moved = append(m.st.Moved, movedFile{From: from, To: to, Mode: fi.Mode().Perm()})
	if err := m.save(); err != nil { // before the removal: a crash still puts it back
		return err
	}
	return os.Remove(from)
}

// putBack returns every file moved aside to where it was, with its mode,
// unless another file is there now or it cannot be written: then it stays
// in the state directory, and the error says where (once: it is forgotten
// here). A file found where it was with the same content (a crash between
// the copy and the removal) is simply left.
func (m *Manager) putBack() error {
	var errs []error
	for i := len(m.st.Moved) - 1; i >= 0; i-- { // the last moved from a place goes back there
		mv := m.st.Moved[i]
		b, err := os.ReadFile(mv.To)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err == nil {
			err = putBackOne(mv, b)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s was moved aside during the block and could not be put back (%w); it is kept at %s", mv.From, err, mv.To))
		}
	}
	m.st.Moved = nil
	return errors.Join(errs...)
}

// putBackOne writes b, the content of the file moved to mv.To, back to
// mv.From.
func putBackOne(mv movedFile, b []byte) error {
	if cur, err := os.ReadFile(mv.From); err == nil {
		if !bytes.Equal(cur, b) {
			return errors.New("another file is there now")
		}
		return os.Remove(mv.To) // it never left
	}
	mode := mv.Mode
	if mode == 0 {
		mode = 0o644
	}
	if err := atomicfile.Write(mv.From, b, mode); err != nil {
		return err
	}
	return os.Remove(mv.To)
}

// openDirs makes the folders that hold a policy file open to the browsers
// again, if another program closed one (chmod 700 on the policy folder
// or a parent: the browser, running as the user, then reads no policy):
// the policy folder must be readable and searchable by every user, each
// parent up to (not including) /etc searchable. It reports each folder
// it opened.
func (m *Manager) openDirs(t Target, path string) []Change {
	var out []Change
	need := fs.FileMode(0o005)
	for d := filepath.Dir(path); len(d) > len(m.root) && d != filepath.Join(m.root, "etc") && d != filepath.Dir(d); d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err != nil || !fi.IsDir() {
			break // made by write, or something else: write says so
		}
		if mode := fi.Mode().Perm(); mode&need != need {
			err := os.Chmod(d, mode|need)
			out = append(out, Change{Browser: t.Name, Found: fmt.Sprintf("made unreadable for the browsers: its folder %s was given mode %04o", strings.TrimPrefix(d, m.root), mode),
				Restored: err == nil, Err: err})
		}
		need = 0o001
	}
	return out
}

// Ancestors are the folders above a policy file's own that openDirs keeps
// open, and /etc above them: a guard watches them, since a chmod of one is
// seen only in the folder above it.
func (m *Manager) Ancestors(path string) []string {
	var out []string
	etc := filepath.Join(m.root, "etc")
	for d := filepath.Dir(filepath.Dir(path)); len(d) >= len(etc) && d != filepath.Dir(d); d = filepath.Dir(d) {
		out = append(out, d)
		if d == etc {
			break
		}
	}
	return out
}
