package hosts

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/nocontact-app/nocontact/blocker/atomicfile"
)

// BackupSuffix names the copy of the old file kept while the in-place
// fallback rewrites it. Its presence means that rewrite was interrupted.
const BackupSuffix = ".nocontact.bak"

// tempPrefix starts the names of temporary files; stale ones left by a
// crash are removed by the next write.
const tempPrefix = ".nocontact-tmp-"

// WriteMethod says how WriteFile replaced the file.
type WriteMethod string

const (
	Renamed WriteMethod = "rename"   // a new file renamed over the old one
	InPlace WriteMethod = "in-place" // rename refused (bind mount): rewritten after a backup
)

// ReadFile reads the hosts file at path after finishing any interrupted
// in-place rewrite (see Recover). A missing file reads as empty, and so
// does something that is not a regular file (a FIFO put in its place,
// which a plain read would wait on forever): writing the section then
// replaces it with a file.
func ReadFile(path string) ([]byte, error) {
	if err := Recover(path); err != nil {
		return nil, err
	}
	b, err := atomicfile.ReadRegular(path)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, atomicfile.ErrNotRegular) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("hosts: read %s: %w", path, err)
	}
	return b, nil
}

// WriteFile replaces the file at path with data so that a crash at any
// instant leaves either the old or the new content. It writes a temporary
// file in the same directory, syncs it, keeps the old file's mode and owner,
// renames it over path and syncs the directory.
//
// Where rename is impossible (path is a mount point, as a bind-mounted
// /etc/hosts in a container is) it copies the old content to
// path+BackupSuffix, atomically, rewrites path in place and then removes
// the backup; Recover completes an interrupted rewrite from the backup.
func WriteFile(path string, data []byte) (WriteMethod, error) {
	return WriteParts(path, [][]byte{data})
}

// WriteParts is WriteFile for content given as consecutive parts (what
// ApplyParts returns), written without joining them first: a 7 MB file
// is not copied once more in memory.
func WriteParts(path string, parts [][]byte) (WriteMethod, error) {
	dir := filepath.Dir(path)
	base := filepath.Base(path)
	_, _ = atomicfile.RemoveStale(dir, tempPrefix+base+"-", tempPrefix+base+BackupSuffix+"-") // of writes cut short
	meta, err := statMeta(path)
	if err != nil {
		return "", err
	}
	tmp, err := writeTemp(dir, base, parts, meta)
	if err != nil {
		return "", err
	}
	if err := meta.unlock(path); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("hosts: %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		if !renameBlocked(err) {
			return "", fmt.Errorf("hosts: replace %s: %w", path, err)
		}
		return InPlace, writeInPlace(path, bytes.Join(parts, nil), meta)
	}
	if err := atomicfile.SyncDir(dir); err != nil {
		return Renamed, fmt.Errorf("hosts: sync %s: %w", dir, err)
	}
	return Renamed, nil
}

// writeTemp writes parts to a new temporary file in dir with the given
// metadata and returns its name.
func writeTemp(dir, base string, parts [][]byte, meta fileMeta) (string, error) {
	name, err := atomicfile.WriteTemp(dir, tempPrefix+base+"-", parts, meta.apply)
	if err != nil {
		return "", fmt.Errorf("hosts: %w", err)
	}
	return name, nil
}

// writeInPlace backs up the current content, overwrites path and removes
// the backup once the new content is synced.
func writeInPlace(path string, data []byte, meta fileMeta) error {
	old, err := atomicfile.ReadRegular(path) // never a FIFO: overwrite would wait on it
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("hosts: read %s: %w", path, err)
	}
	bak := path + BackupSuffix
	tmp, err := writeTemp(filepath.Dir(path), filepath.Base(bak), [][]byte{old}, meta)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, bak); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("hosts: back up %s: %w", path, err)
	}
	if err := atomicfile.SyncDir(filepath.Dir(path)); err != nil {
		return fmt.Errorf("hosts: sync the backup of %s: %w", path, err) // a crash could lose the backup
	}
	if err := overwrite(path, data); err != nil {
		return err
	}
	if err := os.Remove(bak); err != nil {
		return fmt.Errorf("hosts: remove backup %s: %w", bak, err)
	}
	return nil
}

// overwrite writes data over the start of path, cuts it to length and syncs.
func overwrite(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("hosts: open %s: %w", path, err)
	}
	defer f.Close()
	if _, err := f.WriteAt(data, 0); err != nil {
		return fmt.Errorf("hosts: write %s: %w", path, err)
	}
	if err := f.Truncate(int64(len(data))); err != nil {
		return fmt.Errorf("hosts: truncate %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("hosts: sync %s: %w", path, err)
	}
	return f.Close()
}

// Recover finishes an in-place rewrite that was interrupted: if the backup
// exists, the file may be half-written, so the backup's content is put back
// and the backup removed. It does nothing when there is no backup.
func Recover(path string) error {
	bak := path + BackupSuffix
	if fi, err := os.Lstat(bak); err == nil && !fi.Mode().IsRegular() {
		// Not a backup this package wrote (a directory made there would
		// fail every read): the name is reserved for it, so it goes.
		if err := os.RemoveAll(bak); err != nil {
			return fmt.Errorf("hosts: remove %s, which is not a backup: %w", bak, err)
		}
		return nil
	}
	old, err := os.ReadFile(bak)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("hosts: read backup %s: %w", bak, err)
	}
	if err := overwrite(path, old); err != nil {
		return err
	}
	if err := os.Remove(bak); err != nil {
		return fmt.Errorf("hosts: remove backup %s: %w", bak, err)
	}
	return nil
}

// Reclaim makes path a file again when something else stands in its place:
// a directory is moved aside to path+".nocontact-moved-"+a time stamp, and
// its new name returned ("" when there was nothing to do). A blocked
// hosts file replaced by a directory would otherwise be neither readable
// nor writable, and every name would go to DNS.
func Reclaim(path string, now time.Time) (string, error) {
	fi, err := os.Lstat(path)
	if err != nil || !fi.IsDir() {
		return "", nil
	}
	aside := fmt.Sprintf("%s.nocontact-moved-%d", path, now.Unix())
	if err := os.Rename(path, aside); err != nil {
		return "", fmt.Errorf("hosts: move the directory at %s aside: %w", path, err)
	}
	return aside, nil
}
