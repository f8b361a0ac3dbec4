package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ownerFile, in the state directory, names the owner (the user allowed
// to use the API besides root) when the unit does not pass --owner-uid:
// a package's unit cannot know the user, so `nocontact setup` records
// it with `nocontactd owner` (as root, through pkexec). The state
// directory is root's alone (0700), so only root can name the owner.
const ownerFile = "owner"

// readOwner returns the uid recorded in dir's owner file, or -1 when
// none is recorded. A file that does not hold a uid is an error: the
// daemon would otherwise start serving root alone without saying why.
func readOwner(dir string) (int, error) {
	b, err := os.ReadFile(filepath.Join(dir, ownerFile))
	if errors.Is(err, fs.ErrNotExist) {
		return -1, nil
	}
	if err != nil {
		return -1, fmt.Errorf("owner: read %s: %w", filepath.Join(dir, ownerFile), err)
	}
	uid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || uid < 0 {
		return -1, fmt.Errorf("owner: %s holds %q, not a uid; record the owner again with `nocontactd owner --owner-uid UID`", filepath.Join(dir, ownerFile), strings.TrimSpace(string(b)))
	}
	return uid, nil
}
