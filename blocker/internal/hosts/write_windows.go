package hosts

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// fileMeta is what a replacement file keeps of the old one: its owner and
// access list (a new file would take its folder's), and the read-only bit.
type fileMeta struct {
	mode fs.FileMode
	sddl string // Permissions of the old file, "" when there was none
}

func statMeta(path string) (fileMeta, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fileMeta{mode: 0o644}, nil
	}
	if err != nil {
		return fileMeta{}, fmt.Errorf("hosts: stat %s: %w", path, err)
	}
	// Permissions a file system cannot give (FAT, a share) leave the new
	// file its folder's, as apply does when it cannot set them: never a
	// reason not to write the block.
	sddl, _ := Permissions(path)
	return fileMeta{mode: fi.Mode().Perm(), sddl: sddl}, nil
}

// apply gives the new file the old one's owner and access list. A failure
// does not stop the write: the file then has its folder's permissions, as
// any new file, and the daemon's guard puts the first-seen ones back.
func (m fileMeta) apply(f *os.File) error {
	if m.sddl != "" {
		_ = SetPermissions(f.Name(), m.sddl)
	}
	return nil
}

// unlock clears the read-only attribute another program set on the file,
// which would make the replacement fail: on Windows that is how a hosts
// file is "locked" (and the daemon's restore undoes it, as any tamper).
func (m fileMeta) unlock(path string) error {
	if m.mode&0o200 != 0 {
		return nil
	}
	if err := os.Chmod(path, 0o666); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("clearing its read-only attribute: %w", err)
	}
	return nil
}

// errSharingViolation is ERROR_SHARING_VIOLATION, which package syscall does
// not name.
const errSharingViolation = syscall.Errno(32)

// renameBlocked reports whether rename cannot replace the file, as when
// another program (an antivirus scanner) holds it open.
func renameBlocked(err error) bool {
	return errors.Is(err, syscall.ERROR_ACCESS_DENIED) || errors.Is(err, errSharingViolation)
}
