package hosts

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

func TestWriteFileReplacesAndKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hosts")
	if err := os.WriteFile(path, []byte("old\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(path)
	os.SameFile(before, before) // Windows reads a file's identity when first asked, by its path: ask before it is replaced
	method, err := WriteFile(path, []byte("new\n"))
	if err != nil || method != Renamed {
		t.Fatalf("WriteFile = %q, %v", method, err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "new\n" {
		t.Errorf("content %q", got)
	}
	after, _ := os.Stat(path)
	if after.Mode() != before.Mode() {
		t.Errorf("mode %v, want %v", after.Mode(), before.Mode())
	}
	if os.SameFile(before, after) {
		t.Error("file was not replaced by rename")
	}
	assertOnly(t, dir, "hosts")
}

func TestWriteFileCreatesMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hosts")
	if _, err := WriteFile(path, []byte("x\n")); err != nil {
		t.Fatal(err)
	}
	want := fs.FileMode(0o644)
	if runtime.GOOS == "windows" {
		want = 0o666 // not read-only: Windows has no other mode bits
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != want {
		t.Fatalf("stat = %v, %v", fi, err)
	}
}

func TestWriteFileFailsCleanly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	if _, err := WriteFile(filepath.Join(dir, "hosts"), []byte("x")); err == nil ||
		!strings.Contains(err.Error(), "hosts:") {
		t.Fatalf("err = %v", err)
	}
}

func TestWriteFileRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hosts")
	stale := filepath.Join(dir, tempPrefix+"hosts-123")
	testutil.Must(t, os.WriteFile(stale, []byte("half"), 0o600))
	if _, err := WriteFile(path, []byte("x")); err != nil {
		t.Fatal(err)
	}
	assertOnly(t, dir, "hosts")
}

func TestWriteInPlaceAndRecover(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hosts")
	testutil.Must(t, os.WriteFile(path, []byte("old content that is long\n"), 0o644))
	before, _ := os.Stat(path)
	meta, _ := statMeta(path)
	if err := writeInPlace(path, []byte("new\n"), meta); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(path)
	if got, _ := os.ReadFile(path); string(got) != "new\n" || !os.SameFile(before, after) {
		t.Errorf("in-place write: %q, same inode %v", got, os.SameFile(before, after))
	}
	assertOnly(t, dir, "hosts")

	// An interrupted rewrite leaves the backup: Recover puts it back.
	testutil.Must(t, os.WriteFile(path+BackupSuffix, []byte("old\n"), 0o644))
	testutil.Must(t, os.WriteFile(path, []byte("ne"), 0o644)) // torn
	got, err := ReadFile(path)
	if err != nil || string(got) != "old\n" {
		t.Errorf("ReadFile after interruption = %q, %v", got, err)
	}
	assertOnly(t, dir, "hosts")
}

func TestReadFileMissingIsEmpty(t *testing.T) {
	b, err := ReadFile(filepath.Join(t.TempDir(), "hosts"))
	if err != nil || len(b) != 0 {
		t.Fatalf("ReadFile = %q, %v", b, err)
	}
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("directory holds %v, want %v", got, names)
	}
}
