// Package cli is the command line of the nocontact binary, built on cobra
// from one table of commands (root.go), which also makes its help, shell
// completions and man pages. It imports no UI toolkit, so it runs and is
// tested without a display.
package cli

import (
	"fmt"
	"io"

	"github.com/nocontact-app/nocontact/app/single"
	"github.com/nocontact-app/nocontact/blocker/api"
)

// Exit statuses.
const (
	ExitOK       = 0
	ExitFailed   = 1
	ExitUsage    = 2
	ExitNoDaemon = 3 // the daemon is not installed or not running
)

// Env is what a command reads and writes.
type Env struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	IsTerminal     bool // stdout is a terminal: page long text, fit its width
	Width          int  // the terminal's columns, 0 if unknown
}

// usageError marks an error in the caller's input.
type usageError struct{ error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// EndEarlyArg opens Today's pause before an early end: `nocontact open
// end-early` (the tray's "End early…").
const EndEarlyArg = "end-early"

// OpenTab reports whether args ask for the main window at a tab
// (`nocontact open [TAB]`, or `open end-early` for Today's pause), and
// which.
func OpenTab(args []string) (string, bool) {
	if len(args) == 0 || args[0] != "open" || len(args) > 2 {
		return "", false
	}
	if len(args) == 2 && args[1] == EndEarlyArg {
		return "today", true
	}
	if len(args) == 1 {
		return "today", true
	}
	for _, t := range single.Tabs {
		if args[1] == t {
			return t, true
		}
	}
	return "", false
}

func versionCommand(_ []string, env Env) error {
	fmt.Fprintln(env.Stdout, "nocontact", api.Version)
	return nil
}
