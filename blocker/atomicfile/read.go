package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrNotRegular is wrapped by ReadRegular for a path that is there but is
// not a regular file (a FIFO, a socket, a device, a directory).
var ErrNotRegular = errors.New("not a regular file")

// ReadRegular reads the regular file at path (symbolic links followed)
// without ever blocking on it: a FIFO put in its place would hang a plain
// read until someone writes to it. The type is checked before the open,
// the open does not wait (non-blocking), and the type is checked again on
// what was opened, so a swap between the two is caught too.
func ReadRegular(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w (%s)", path, ErrNotRegular, fi.Mode().Type())
	}
	f, err := os.OpenFile(path, os.O_RDONLY|oNonBlock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w (%s)", path, ErrNotRegular, fi.Mode().Type())
	}
	// Sized from the stat, as os.ReadFile does: a hosts file can be large,
	// and growing a buffer step by step copies it many times over.
	b := make([]byte, 0, fi.Size()+512)
	for {
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // the file grew while read
		}
	}
}
