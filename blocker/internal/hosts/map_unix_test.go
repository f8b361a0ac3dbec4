//go:build unix

package hosts

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

func TestMapFileReadsAsReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hosts")
	want := bytes.Repeat([]byte("127.0.0.1 localhost\n"), 1000)
	if err := os.WriteFile(path, want, 0o644); err != nil {
		t.Fatal(err)
	}
	b, unmap, err := MapFile(path)
	if err != nil || !bytes.Equal(b, want) {
		t.Fatalf("MapFile: %d bytes, %v", len(b), err)
	}
	unmap()
	for _, p := range []string{filepath.Join(dir, "missing"), dir} {
		if b, unmap, err := MapFile(p); err != nil || b != nil {
			t.Errorf("MapFile(%s) = %q, %v; want empty, as ReadFile", p, b, err)
		} else {
			unmap()
		}
	}
}

// A file cut short while it is mapped faults past its new end; with
// SetPanicOnFault (as the hosts command runs) that is a panic to recover
// from, not a crash.
func TestMapFileCutShortIsRecoverable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hosts")
	if err := os.WriteFile(path, bytes.Repeat([]byte("x"), 3*os.Getpagesize()), 0o644); err != nil {
		t.Fatal(err)
	}
	b, unmap, err := MapFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer unmap()
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	recovered := func() (r any) {
		defer func() { r = recover() }()
		_ = bytes.Count(b, []byte("x"))
		return nil
	}()
	if recovered == nil {
		t.Fatal("reading past the new end did not fault")
	}
}
