//go:build !windows

package hosts

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// fileMeta is what a replacement file keeps of the old one.
type fileMeta struct {
	mode     fs.FileMode
	uid, gid int
	known    bool // the old file existed
}

func statMeta(path string) (fileMeta, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fileMeta{mode: 0o644}, nil
	}
	if err != nil {
		return fileMeta{}, fmt.Errorf("hosts: stat %s: %w", path, err)
	}
	m := fileMeta{mode: fi.Mode().Perm(), uid: -1, gid: -1, known: true}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		m.uid, m.gid = int(st.Uid), int(st.Gid)
	}
	return m, nil
}

func (m fileMeta) apply(f *os.File) error {
	if err := f.Chmod(m.mode); err != nil {
		return err
	}
	if !m.known || m.uid < 0 {
		return nil
	}
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if ok && int(st.Uid) == m.uid && int(st.Gid) == m.gid {
		return nil
	}
	return f.Chown(m.uid, m.gid)
}

// renameBlocked reports whether err means the target cannot be replaced by
// rename, as a bind-mounted file cannot, so an in-place write is needed.
func renameBlocked(err error) bool {
	return errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.EXDEV)
}

// unlock readies the file to be replaced: nothing to do here (an
// immutable flag is root's tampering, reported by the daemon).
func (fileMeta) unlock(string) error { return nil }
