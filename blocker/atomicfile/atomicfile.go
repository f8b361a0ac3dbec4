// Package atomicfile writes files so that a crash at any instant leaves the
// old content or the new, never a mix: a temporary file in the same
// directory, synced, renamed over the target, and the directory synced.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// Write replaces path with data, mode perm.
func Write(path string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(path)
	tmp, err := WriteTemp(dir, "."+filepath.Base(path)+".tmp-", data, func(f *os.File) error { return f.Chmod(perm) })
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("replace %s: %w", path, err)
	}
	if err := SyncDir(dir); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}

// WriteTemp writes data to a new file in dir named pattern plus a random
// suffix, lets prepare set its mode or owner, syncs and closes it, and
// returns its name. On any failure the file is removed.
func WriteTemp(dir, pattern string, data []byte, prepare func(*os.File) error) (name string, err error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return "", fmt.Errorf("create temporary file in %s: %w", dir, err)
	}
	name = f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(name)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return "", fmt.Errorf("write %s: %w", name, err)
	}
	if prepare != nil {
		if err = prepare(f); err != nil {
			return "", fmt.Errorf("set mode of %s: %w", name, err)
		}
	}
	if err = f.Sync(); err != nil {
		return "", fmt.Errorf("sync %s: %w", name, err)
	}
	if err = f.Close(); err != nil {
		return "", fmt.Errorf("close %s: %w", name, err)
	}
	return name, nil
}
