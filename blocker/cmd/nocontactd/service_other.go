//go:build !linux && !windows

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
)

// service is none yet on this system: the files are installed, and the
// daemon is run in the foreground (macOS has no launchd job yet).
var service supervisor = foreground{}

// Where install puts the binary, under --root.
const (
	libexecDir = "/usr/local/libexec/nocontact"
	daemonExe  = "nocontactd"
)

type foreground struct{}

func (foreground) files(*installFlags) []serviceFile { return nil }

func (foreground) start(stdout io.Writer, _ *installFlags) error {
	fmt.Fprintf(stdout, "nocontactd cannot install itself as a service on %s yet: start it by hand with\n  %s/nocontactd run --owner-uid UID\n", runtime.GOOS, libexecDir)
	return nil
}

func (foreground) stop(io.Writer) error { return nil }

func (foreground) release(io.Writer) error { return nil }

func (foreground) self() (string, error) {
	return "", errors.New("--owner-sid is for Windows; give --owner-uid")
}

// serveDaemon runs the daemon until it is told to stop.
func serveDaemon(run func(context.Context) error, _ bool) error { return serveForeground(run) }

// cleanupWay is how a person ends a stuck block here, for the refusals.
const cleanupWay = "`sudo nocontactd cleanup`"
