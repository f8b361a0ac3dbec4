// Package cli is the command line of the nocontact binary: the subcommands
// that print (read, excerpt --print, version). It imports no UI toolkit, so
// it runs and is tested without a display.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/nocontact-app/nocontact/app/single"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
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

var commands = map[string]func(args []string, env Env) error{
	"read":      readCommand,
	"status":    statusCommand,
	"start":     startCommand,
	"extend":    extendCommand,
	"add":       addCommand,
	"end":       endCommand,
	"events":    eventsCommand,
	"profiles":  profilesCommand,
	"journal":   journalCommand,
	"contact":   contactCommand,
	"export":    exportCommand,
	"import":    importCommand,
	"vault":     vaultCommand,
	"setup":     setupCommand,
	"excerpt":   excerptCommand,
	"version":   versionCommand,
	"--version": versionCommand,
	"help":      helpCommand,
	"--help":    helpCommand,
	"-h":        helpCommand,
}

// OpenTab reports whether args ask for the main window at a tab
// (`nocontact open [TAB]`), and which.
func OpenTab(args []string) (string, bool) {
	if len(args) == 0 || args[0] != "open" || len(args) > 2 {
		return "", false
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

// Run runs one command line and returns the exit status.
func Run(args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	cmd, ok := commands[firstOr(args, "")]
	if !ok {
		fmt.Fprintf(env.Stderr, "nocontact: unknown command %q (try nocontact help)\n", firstOr(args, ""))
		return ExitUsage
	}
	err := cmd(args[1:], env)
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, new(usageError)):
		fmt.Fprintf(env.Stderr, "nocontact: %v\n", err)
		return ExitUsage
	case errors.Is(err, client.ErrNotRunning):
		fmt.Fprintf(env.Stderr, "nocontact: %v\nBlocking needs the daemon: run `nocontact setup` (or start it by hand: sudo nocontactd run).\n", err)
		return ExitNoDaemon
	default:
		fmt.Fprintf(env.Stderr, "nocontact: %v\n", err)
		return ExitFailed
	}
}

func firstOr(args []string, def string) string {
	if len(args) == 0 {
		return def
	}
	return args[0]
}

// newFlags returns a flag set that reports errors as usage errors.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses flags wherever they appear among the arguments and returns
// the rest.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func versionCommand(args []string, env Env) error {
	fmt.Fprintln(env.Stdout, "nocontact", api.Version)
	return nil
}

func helpCommand(args []string, env Env) error {
	fmt.Fprint(env.Stdout, usageText)
	return nil
}

const usageText = `usage:
  nocontact                      open the app
  nocontact open [today|profiles|read|progress]  open the app at a tab
  nocontact status [--json]      the block at a glance
  nocontact start --for DUR [--host NAME...] [--lock cooldown|friend|strict] [--cooldown DUR]
                                 start a block (DUR: 24h, 7d, 30d, 1d12h, 90m); without
                                 --host it blocks the hostnames of your saved profiles
  nocontact profiles add LINK | add --platform P --handle H | list [--json] | remove ID
  nocontact profiles resolve LINK... [--json]   what a link would block, without saving
  nocontact journal add --motive M "what happened" | journal list
  nocontact contact [--last YYYY-MM-DD|today]   the day counter
  nocontact export FILE | import FILE           a readable copy of your data (on request only)
  nocontact vault [--allow-unencrypted]         where your data is kept; opt in without a keyring
  nocontact setup [--remove] [--no-system]      install the blocking service (pkexec), the tray's
                                 autostart entry, the launcher and icons
  nocontact extend --by DUR      make the running block longer
  nocontact add --host NAME      block one more hostname in the running block
  nocontact end [--code CODE] [--cancel]
                                 end early as the lock allows (request, then confirm)
  nocontact events [--follow] [--json] [--after SEQ]
                                 what happened: attempts, edits, starts, ends
  nocontact read [--width N]     the article, paged through $PAGER on a terminal
  nocontact read --list          the sections and terms, numbered
  nocontact read N | TITLE       one section or term
  nocontact read --search WORDS  the sentences that hold every word
  nocontact excerpt --print --host HOST [--at HH:MM] [--kind KIND] [--attempts N] [--seq N] [--json]
                                 what the pop-up would show for an attempt on HOST
  nocontact version

every command that talks to the daemon takes --socket PATH

exit status: 0 success, 1 failure, 2 bad usage or input, 3 the daemon is not running
`
