package daemon

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/nocontact-app/nocontact/blocker/internal/hosts"
)

// hostsKind says what stands at the hosts file's path, before a check
// restores it: "" for a regular file, "missing", or what else is there
// (a FIFO reads as nothing, but it is not a deletion).
func hostsKind(path string) string {
	fi, err := os.Lstat(path)
	switch {
	case err != nil:
		return "missing"
	case fi.Mode().IsRegular():
		return ""
	case fi.Mode()&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case fi.Mode()&fs.ModeSymlink != 0:
		return "a symbolic link"
	case fi.IsDir():
		return "a directory"
	case fi.Mode()&fs.ModeSocket != 0:
		return "a socket"
	case fi.Mode()&fs.ModeDevice != 0:
		return "a device"
	}
	return "something that is not a file"
}

// tamperDetail says how the hosts file was found before a restore: prev
// is what was read of it (nil when nothing could be), kind what stood
// there (hostsKind).
func (t *tamperWatch) tamperDetail(prev []byte, kind string) string {
	switch {
	case kind == "missing":
		return "hosts file deleted"
	case kind != "":
		return "hosts file replaced by " + kind
	case len(prev) == 0:
		return "hosts file emptied"
	case len(t.editor.Section(prev)) == 0:
		return "section removed"
	}
	return "section edited"
}

// openHostsFile makes the hosts file readable by every user again, and its
// folder searchable, if another program closed either (chmod 600
// /etc/hosts: every user's lookups then skip the file and go to DNS, while
// root's still find the section), and the resolver's files readable (an
// nsswitch.conf a user cannot read makes glibc ask DNS first). It records
// what it did.
func (t *tamperWatch) openHostsFile() {
	active := t.mgr.Snapshot().Active
	for _, c := range []struct {
		path string
		need fs.FileMode
		what string
	}{{t.cfg.HostsFile, 0o444, "the hosts file"}, {filepath.Dir(t.cfg.HostsFile), 0o001, "the hosts file's folder " + filepath.Dir(t.cfg.HostsFile)},
		{t.cfg.NSSwitch, 0o444, t.cfg.NSSwitch}, {t.cfg.HostConf, 0o444, t.cfg.HostConf}} {
		fi, err := os.Stat(c.path)
		if err != nil || (c.need == 0o444 && !fi.Mode().IsRegular()) {
			continue
		}
		need := t.neededMode(c.path, fi.Mode().Perm(), c.need) // first seen even without a block
		if !active || fi.Mode().Perm()&need == need {
			continue
		}
		mode, closed := fi.Mode().Perm(), "made unreadable for other users"
		if c.need == 0o001 {
			closed = "closed to other users"
		}
		if err := os.Chmod(c.path, mode|need); err != nil {
			t.note(fmt.Sprintf("%s was %s (mode %04o), so their lookups skip the block, and it could not be opened again: %v", c.what, closed, mode, err))
			continue
		}
		t.note(fmt.Sprintf("%s was %s (mode %04o), so their lookups skipped the block; it is mode %04o again", c.what, closed, mode, mode|need))
	}
	t.restoreACLs(active)
}

// restoreACLs puts back the owner and access list of the hosts file and
// its folder as the daemon first saw them, if another program changed them
// during a block: on Windows an entry denying the DNS Client or the users
// reading the file makes their lookups skip the block, and a new owner with
// an entry denying the service stops its restores. Where the system keeps
// no access lists (hosts.Permissions fails), the modes above are the guard.
func (t *tamperWatch) restoreACLs(active bool) {
	dir := filepath.Dir(t.cfg.HostsFile)
	for _, c := range []struct{ path, what string }{{t.cfg.HostsFile, "the hosts file"}, {dir, "the hosts file's folder " + dir}} {
		now, err := hosts.Permissions(c.path)
		if err != nil {
			continue
		}
		if t.firstACLs == nil {
			t.firstACLs = map[string]string{}
		}
		first, seen := t.firstACLs[c.path]
		if !seen {
			t.firstACLs[c.path] = now
			continue
		}
		if !active || now == first {
			continue
		}
		if err := hosts.SetPermissions(c.path, first); err != nil {
			t.note(fmt.Sprintf("%s had its permissions changed (%s), so lookups or restores could skip the block, and they could not be put back: %v", c.what, aclChange(first, now), err))
			continue
		}
		t.note(fmt.Sprintf("%s had its permissions changed (%s), so lookups or restores could skip the block; they are as before again", c.what, aclChange(first, now)))
	}
}

// aclChange says in words how the permissions now (SDDL) differ from
// those first seen.
func aclChange(first, now string) string {
	owner := func(s string) string { o, _, _ := strings.Cut(strings.TrimPrefix(s, "O:"), "D:"); return o }
	switch {
	case strings.Count(now, "(D;") > strings.Count(first, "(D;"):
		return "an entry denying access was added"
	case owner(now) != owner(first):
		return "its owner was changed"
	}
	return "access was taken away or changed"
}

// neededMode is the part of need that path must keep: all of it for the
// system's own files (/etc/hosts and its folder are open to every user on
// every system); for others (a sandbox's hosts file in a private folder)
// what was open when the daemon first looked, so that only a change is
// taken for tampering. Called under the guard check's order: one check at a time.
func (t *tamperWatch) neededMode(path string, mode, need fs.FileMode) fs.FileMode {
	if t.cfg.HostsFile == hosts.DefaultPath {
		return need
	}
	if t.firstModes == nil {
		t.firstModes = map[string]fs.FileMode{}
	}
	first, seen := t.firstModes[path]
	if !seen {
		first, t.firstModes[path] = mode, mode
	}
	return need & first
}

// emptyWait is how long a check gives a hosts file found empty to be
// written: an editor that writes in place truncates it first, and the
// last good copy restored in that moment would go over the person's own
// edit.
const emptyWait = 50 * time.Millisecond

// waitIfEmpty waits, up to emptyWait, while path is a regular file with
// nothing in it, before any lock is taken: it returns as soon as the
// editor's write lands.
func waitIfEmpty(path string) {
	for end := time.Now().Add(emptyWait); time.Now().Before(end); time.Sleep(time.Millisecond) {
		if fi, err := os.Lstat(path); err != nil || !fi.Mode().IsRegular() || fi.Size() > 0 {
			return
		}
	}
}
