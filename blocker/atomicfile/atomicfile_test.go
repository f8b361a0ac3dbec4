package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "state.json")
	want := os.FileMode(0o600)
	if runtime.GOOS == "windows" {
		want = 0o666 // no Unix modes there: only the read-only bit, unset
	}
	for _, content := range []string{"one", "two"} {
		if err := Write(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(p)
		fi, _ := os.Stat(p)
		if string(got) != content || fi.Mode().Perm() != want {
			t.Errorf("content %q mode %v", got, fi.Mode())
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if err := Write(filepath.Join(dir, "missing", "x"), nil, 0o600); err == nil {
		t.Error("write into a missing directory succeeded")
	}
}

// TestFailedWriteLeavesNoTemporaryFile is the regression test for a failure
// path that cleared the name before the deferred removal saw it.
func TestFailedWriteLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	refuse := func(*os.File) error { return errors.New("no space left on device") }
	if _, err := WriteTemp(dir, ".state.json"+TempPrefix, [][]byte{[]byte("data")}, refuse); err == nil {
		t.Fatal("the write succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("left behind: %v", entries)
	}
}

func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	keep := []string{"state.json", "state.prev.json", ".other" + TempPrefix + "1"}
	for _, n := range append(keep, TempName(path)+"123", TempName(path)+"456") {
		testutil.Must(t, os.WriteFile(filepath.Join(dir, n), nil, 0o600))
	}
	if n, err := RemoveStale(dir, TempName(path)); n != 2 || err != nil {
		t.Fatalf("removed %d, %v", n, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(keep) {
		t.Fatalf("left %v, want %v", entries, keep)
	}
}
