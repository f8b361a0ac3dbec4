package main

import (
	"os"
	"path/filepath"
)

// siblingPath returns name in the directory of self when it exists there
// (bin/ during development, the install prefix later), else "".
func siblingPath(self, name string) string {
	p := filepath.Join(filepath.Dir(self), name)
	if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
		return p
	}
	return ""
}
