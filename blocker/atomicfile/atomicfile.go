// Package atomicfile writes files so that a crash at any instant leaves the
// old content or the new, never a mix: a temporary file in the same
// directory, synced, renamed over the target, and the directory synced.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Write replaces path with data, mode perm.
func Write(path string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(path)
	tmp, err := WriteTemp(dir, TempName(path), [][]byte{data}, func(f *os.File) error { return f.Chmod(perm) })
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
func WriteTemp(dir, pattern string, parts [][]byte, prepare func(*os.File) error) (name string, err error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return "", fmt.Errorf("create temporary file in %s: %w", dir, err)
	}
	// The deferred clean-up uses its own copy of the name: every failure
	// below returns "" as name, which would otherwise remove nothing and
	// leave the temporary file behind.
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	name = tmp
	for _, p := range parts {
		if _, err = f.Write(p); err != nil {
			return "", fmt.Errorf("write %s: %w", tmp, err)
		}
	}
	if prepare != nil {
		if err = prepare(f); err != nil {
			return "", fmt.Errorf("set mode of %s: %w", tmp, err)
		}
	}
	if err = f.Sync(); err != nil {
		return "", fmt.Errorf("sync %s: %w", tmp, err)
	}
	if err = f.Close(); err != nil {
		return "", fmt.Errorf("close %s: %w", tmp, err)
	}
	return name, nil
}

// TempPrefix is how Write names its temporary files: "." + base + TempPrefix
// + a random suffix (see TempName).
const TempPrefix = ".tmp-"

// RemoveStale removes the temporary files Write or WriteTemp left in dir
// (names starting with one of prefixes) when a crash, a power cut or a full
// disk came between creating and renaming them. Call it before anything
// writes there. It returns how many it removed.
func RemoveStale(dir string, prefixes ...string) (int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range entries {
		stale := slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(e.Name(), p) })
		if e.Type().IsRegular() && stale && os.Remove(filepath.Join(dir, e.Name())) == nil {
			n++
		}
	}
	return n, nil
}

// TempName is the prefix of the temporary files Write uses for path.
func TempName(path string) string { return "." + filepath.Base(path) + TempPrefix }
