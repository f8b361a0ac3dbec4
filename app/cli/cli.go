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
	// Stdin is the terminal a question is asked at; nil when standard
	// input is not a terminal, and then a question needs its flag (--yes).
	Stdin      io.Reader
	IsTerminal bool // stdout is a terminal: page long text, fit its width
	Width      int  // the terminal's columns, 0 if unknown
	// Window opens the app's window or pop-up as asked (no command, `open
	// [TAB]`, `excerpt --event SEQ`); nil where there is no toolkit (the
	// command line's tests), and then those commands say so.
	Window func(single.Request)
	// Secret reads a secret after prompt without showing it, or from
	// standard input when that is not a terminal; nil: none can be read.
	Secret func(prompt string) (string, error)
}

// openWindow hands req to env.Window.
func openWindow(env Env, req single.Request) error {
	if env.Window == nil {
		return runError{fmt.Errorf("this nocontact has no window")}
	}
	env.Window(req)
	return nil
}

// usageError marks an error in the caller's input.
type usageError struct{ error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// sentence is an error that is a whole sentence, capital and full stop
// included: one the window says word for word too (app/words).
type sentence string

func (s sentence) Error() string { return string(s) }

// EndEarlyArg opens Today's pause before an early end: `nocontact open
// end-early` (the tray's "End early…").
const EndEarlyArg = "end-early"

// ExtendArg opens Today's question before extending the block by 24 hours:
// `nocontact open extend` (the tray's "Extend by 24 h…").
const ExtendArg = "extend"

// openCommand opens the window at a tab (`nocontact open [TAB]`), Today's
// pause before an early end (`open end-early`), or its question before an
// extension (`open extend`).
func openCommand(args []string, env Env) error {
	req := single.Request{Open: "main", Tab: "today"}
	switch {
	case len(args) == 1 && args[0] == EndEarlyArg:
		req.EndEarly = true
	case len(args) == 1 && args[0] == ExtendArg:
		req.Extend = true
	case len(args) == 1:
		req.Tab = args[0]
	}
	return openWindow(env, req)
}

func versionCommand(_ []string, env Env) error {
	fmt.Fprintln(env.Stdout, "nocontact", api.Version)
	return nil
}
