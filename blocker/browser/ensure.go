package browser

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"

	"github.com/nocontact-app/nocontact/blocker/atomicfile"
)

// Writing one policy file, and telling another program's change from ours.

// ensure makes path hold want, readable by every user, recording the file
// first so that a crash between the two still undoes it. It reports what
// another program had changed since the last write (nothing for a file
// not written before, or one this manager rewrote for a grown block), and
// whether that was put back.
func (m *Manager) ensure(t Target, path string, want []byte, rec record) ([]Change, error) {
	prev, known := m.st.Files[path]
	found := m.foreignChange(path, prev, known)
	cur, rerr := atomicfile.ReadRegular(path)
	if known && found == "" && rerr == nil && bytes.Equal(cur, want) { // a file never recorded is recorded, to be lifted
		return nil, nil
	}
	err := m.write(t, path, want, rec, prev, known)
	if found == "" {
		return nil, err
	}
	return []Change{{Browser: t.Name, Found: found, Restored: err == nil, Err: err}}, err
}

// foreignChange says what another program did to a file written before,
// or "" when it holds what was last written, as it was written.
func (m *Manager) foreignChange(path string, prev record, known bool) string {
	if !known || prev.Wrote == nil {
		return ""
	}
	fi, err := os.Lstat(path)
	switch {
	case err != nil:
		return "removed"
	case fi.IsDir():
		return "replaced by a directory"
	case !fi.Mode().IsRegular():
		return "replaced by something that is not a file"
	case fi.Mode().Perm()&0o444 != 0o444:
		return fmt.Sprintf("made unreadable for the browsers (mode %04o)", fi.Mode().Perm())
	}
	cur, err := atomicfile.ReadRegular(path)
	if sum := sha256.Sum256(cur); err != nil || !bytes.Equal(sum[:], prev.Wrote) {
		return "edited"
	}
	return ""
}

// write puts want at path (removing a directory or other non-file there
// first) and remembers its digest.
func (m *Manager) write(t Target, path string, want []byte, rec, prev record, known bool) error {
	if known {
		rec = prev
	}
	if err := m.makeDir(filepath.Dir(path)); err != nil {
		return err
	}
	if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() {
		if err := os.RemoveAll(path); err != nil {
			return fmt.Errorf("%s's policy: something else is at %s and cannot be removed: %w", t.Name, path, err)
		}
	}
	sum := sha256.Sum256(want)
	rec.Wrote = sum[:]
	m.st.Files[path] = rec
	if err := m.save(); err != nil { // before the write: a crash still undoes it
		return err
	}
	if err := atomicfile.Write(path, want, 0o644); err != nil {
		return fmt.Errorf("%s's policy cannot be written: %w", t.Name, err)
	}
	return nil
}
