// Command nocontactd is No Contact's privileged daemon: the only program
// that writes the hosts file. It runs block sessions, guards the hosts file
// and serves the local API; its command line also offers the hosts engine
// and the cleanup that always undoes everything.
//
//	nocontactd [run] [--hosts-file F] [--state-dir D] [--socket S] [--owner-uid UID] [--sinkhole ADDR]
//	nocontactd cleanup [same flags]
//	nocontactd hosts preview|apply|strip [--hosts-file F] [--sinkhole ADDR] [NAME...]
//	nocontactd version
//
// Exit status: 0 success, 1 the operation failed, 2 bad usage or input.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailed  = 1
	exitUsage   = 2
	programName = "nocontactd"
)

// usageError marks an error in the caller's input, not a failure.
type usageError struct{ error }

// usagef returns a usageError with a formatted message.
func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	err := dispatch(args, stdout, stderr)
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, new(usageError)):
		fmt.Fprintf(stderr, "%s: %v\n", programName, err)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "%s: %v\n", programName, err)
		return exitFailed
	}
}

func dispatch(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || len(args[0]) > 0 && args[0][0] == '-' {
		return runCommand(args, stderr)
	}
	switch args[0] {
	case "run":
		return runCommand(args[1:], stderr)
	case "cleanup":
		return cleanupCommand(args[1:], stdout, stderr)
	case "install":
		return installCommand(args[1:], stdout)
	case "uninstall":
		return uninstallCommand(args[1:], stdout)
	case "hosts":
		return hostsCommand(args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintf(stdout, "%s %s\n", programName, api.Version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usageText)
		return nil
	}
	return usagef("unknown command %q (try %s help)", args[0], programName)
}

const usageText = `usage:
  nocontactd [run] [--hosts-file F] [--state-dir D] [--socket S] [--owner-uid UID] [--sinkhole ADDR] [--log-level L]
        serve block sessions (the default; as root, under systemd)
  nocontactd cleanup [the same flags]
        end any session whatever its lock and remove the hosts section (root)
  nocontactd install --owner-uid UID [--root DIR] [--no-start]
        install the binary, the systemd unit and the state dir; enable and start
  nocontactd uninstall [--root DIR]
        stop and remove them (refused while a block runs)
  nocontactd hosts preview [--hosts-file F] [--sinkhole ADDR] [NAME...]
        print the hosts file that apply would write; write nothing
  nocontactd hosts apply   [--hosts-file F] [--sinkhole ADDR] NAME...
        write the managed section with NAMEs (no NAME: remove it)
  nocontactd hosts strip   [--hosts-file F] [--sinkhole ADDR]
        remove the managed section
  nocontactd version
        print the version

exit status: 0 success, 1 failure, 2 bad usage or input
`
