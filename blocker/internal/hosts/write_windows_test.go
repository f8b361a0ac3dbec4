package hosts

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// A hosts file made read-only (attrib +r, how Windows tools "lock" it)
// has the attribute cleared before it is replaced: Windows refuses to
// replace a read-only file (Wine does not, so the clearing is tested on
// its own, then the whole write).
func TestReadOnlyHostsFileIsUnlockedAndReplaced(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hosts")
	testutil.Must(t, os.WriteFile(path, []byte("127.0.0.1 localhost\r\n"), 0o666))
	testutil.Must(t, os.Chmod(path, 0o444))
	meta, err := statMeta(path)
	testutil.Must(t, err)
	testutil.Must(t, meta.unlock(path))
	if fi, _ := os.Stat(path); fi.Mode().Perm()&0o200 == 0 {
		t.Fatal("the file is still read-only")
	}
	testutil.Must(t, os.Chmod(path, 0o444))
	next, _, err := editor(t).Apply([]byte("127.0.0.1 localhost\r\n"), []string{"instagram.com"})
	testutil.Must(t, err)
	if _, err := WriteFile(path, next); err != nil {
		t.Fatalf("a read-only hosts file was not replaced: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != string(next) {
		t.Errorf("content %q", got)
	}
}
