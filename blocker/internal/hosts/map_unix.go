//go:build unix

package hosts

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// MapFile is ReadFile for a one-shot command: the file is mapped, not
// copied, so a large hosts file costs neither the kernel's copy nor the
// page faults of a fresh buffer as large as itself. The caller must call
// unmap when done, and must run with debug.SetPanicOnFault(true) and
// recover: a file cut short by another program while it is mapped faults
// on reading past its new end. A missing or non-regular file reads as
// empty, as in ReadFile.
func MapFile(path string) (b []byte, unmap func(), err error) {
	none := func() {}
	if err := Recover(path); err != nil {
		return nil, none, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0) // a FIFO must not block the open
	if errors.Is(err, fs.ErrNotExist) {
		return nil, none, nil
	}
	if err != nil {
		return nil, none, fmt.Errorf("hosts: read %s: %w", path, err)
	}
	defer f.Close() // the mapping outlives the descriptor
	fi, err := f.Stat()
	if err != nil {
		return nil, none, fmt.Errorf("hosts: read %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() || fi.Size() == 0 {
		return nil, none, nil
	}
	b, err = syscall.Mmap(int(f.Fd()), 0, int(fi.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		b, err = ReadFile(path) // a file system that cannot map: read it
		return b, none, err
	}
	return b, func() { _ = syscall.Munmap(b) }, nil
}
