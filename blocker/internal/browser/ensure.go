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
// whether that was put back, and the folders holding it that another
// program closed to the browsers (openDirs). The file is looked at once.
func (m *Manager) ensure(t Target, path string, want []byte, rec record) ([]Change, error) {
	prev, known := m.st.Files[path]
	var opened []Change
	if known {
		opened = m.openDirs(t, path)
	}
	var cur []byte
	fi, serr := os.Lstat(path)
	rerr := serr
	if serr == nil {
		cur, rerr = atomicfile.ReadRegular(path)
	}
	found := foreignChange(prev, known, fi, serr, cur, rerr)
	if known && found == "" && rerr == nil && bytes.Equal(cur, want) { // a file never recorded is recorded, to be lifted
		return opened, nil
	}
	err := m.write(t, path, fi, serr, want, rec, prev, known)
	if found == "" {
		return opened, err
	}
	return append(opened, Change{Browser: t.Name, Found: found, Restored: err == nil, Err: err}), err
}

// foreignChange says what another program did to a file written before
// (as its Lstat and its read found it), or "" when it holds what was last
// written, as it was written.
func foreignChange(prev record, known bool, fi os.FileInfo, serr error, cur []byte, rerr error) string {
	switch {
	case !known || prev.Wrote == nil:
		return ""
	case serr != nil:
		return "removed"
	case fi.IsDir():
		return "replaced by a directory"
	case !fi.Mode().IsRegular():
		return "replaced by something that is not a file"
	case fi.Mode().Perm()&0o444 != 0o444:
		return fmt.Sprintf("made unreadable for the browsers (mode %04o)", fi.Mode().Perm())
	}
	if sum := sha256.Sum256(cur); rerr != nil || !bytes.Equal(sum[:], prev.Wrote) {
		return "edited"
	}
	return ""
}

// write puts want at path (removing a directory or other non-file there,
// as fi found it) and remembers its digest.
func (m *Manager) write(t Target, path string, fi os.FileInfo, serr error, want []byte, rec, prev record, known bool) error {
	if known {
		rec = prev
	}
	if err := m.makeDir(filepath.Dir(path)); err != nil {
		return err
	}
	if serr == nil && !fi.Mode().IsRegular() {
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
