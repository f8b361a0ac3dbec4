package main

import (
	"os"
	"path/filepath"
	"runtime"
)

// siblingPath returns the program name in the directory of self when it
// exists there (bin/ during development, the install prefix later; on
// Windows name.exe under Program Files), else "".
func siblingPath(self, name string) string {
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	p := filepath.Join(filepath.Dir(self), name)
	if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
		return p
	}
	return ""
}
