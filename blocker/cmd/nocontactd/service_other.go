//go:build !linux

package main

import (
	"fmt"
	"io"
	"runtime"
)

// service is none yet on this system: the files are installed, and the
// daemon is run in the foreground (the Windows service comes with the
// Windows port).
var service supervisor = foreground{}

type foreground struct{}

func (foreground) files(int) []serviceFile { return nil }

func (foreground) start(stdout io.Writer) error {
	fmt.Fprintf(stdout, "nocontactd cannot install itself as a service on %s yet: start it by hand with\n  %s/nocontactd run --owner-uid UID\n", runtime.GOOS, libexecDir)
	return nil
}

func (foreground) stop(io.Writer) error { return nil }
