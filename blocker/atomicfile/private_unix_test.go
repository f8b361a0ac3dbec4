//go:build !windows

package atomicfile

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// A private directory keeps what is written in it from other users: mode
// 0700 and 0600 on Unix, an access list for SYSTEM and the Administrators
// alone on Windows (which ProgramData would otherwise open to every user).
func TestMkdirPrivate(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "state", "deep")
	testutil.Must(t, MkdirPrivate(dir))
	p := filepath.Join(dir, "state.json")
	testutil.Must(t, Write(p, []byte("{}"), 0o600))
	for _, path := range []string{dir, p} {
		if private, err := Private(path); err != nil || !private {
			t.Errorf("%s may be read by others (%v)", path, err)
		}
	}
	open := filepath.Join(root, "open.json")
	testutil.Must(t, os.WriteFile(open, nil, 0o644))
	if private, err := Private(open); err != nil || private {
		t.Errorf("a file every user may read is called private (%v)", err)
	}
}
