// Command nocontactd is No Contact's privileged daemon: the only program
// that writes the hosts file. It runs block sessions, guards the hosts file
// and serves the local API; its command line also offers the hosts engine
// and the cleanup that always undoes everything.
//
//	nocontactd [run] [flags]      (see nocontactd --help)
//	nocontactd cleanup [flags]
//	nocontactd install | uninstall [flags]
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
	"strings"

	"github.com/spf13/cobra"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailed  = 1
	exitUsage   = 2
	exitBlocked = 3 // uninstall refused: a block is running (installers say so)
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
	root := rootCommand(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	var fe failure
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errSessionRunning):
		fmt.Fprintf(stderr, "%s: %v\n", programName, err)
		return exitBlocked
	case errors.As(err, &fe):
		fmt.Fprintf(stderr, "%s: %v\n", programName, fe.error)
		return exitFailed
	case errors.As(err, new(usageError)):
		fmt.Fprintf(stderr, "%s: %v\n", programName, err)
	default: // cobra's: an unknown command or flag, a stray argument
		c, _, ferr := root.Find(args)
		if ferr != nil {
			c = root
		}
		fmt.Fprintf(stderr, "%s: %v (see %s --help)\n", programName, err, c.CommandPath())
	}
	return exitUsage
}

// failure marks an error of the work itself, not of its usage.
type failure struct{ error }

func (f failure) Unwrap() error { return f.error }

// do runs f and marks what it returns: usage errors stay usage errors.
func do(f func() error) error {
	err := f()
	if err == nil || errors.As(err, new(usageError)) {
		return err
	}
	return failure{err}
}

// rootCommand is nocontactd's command line; without a command it runs.
func rootCommand(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   programName,
		Short: "No Contact's privileged daemon: the only program that writes the hosts file",
		Long: "nocontactd runs block sessions, guards the hosts file and the browser policies, and serves the local API. " +
			"Without a command it runs (as root, under systemd).\n\nExit status: 0 success, 1 the operation failed, 2 bad usage or input.",
		Args: noArgs, Version: api.Version, SilenceUsage: true, SilenceErrors: true,
	}
	root.SetVersionTemplate(programName + " {{.Version}}\n")
	root.SetOut(stdout)
	root.SetErr(stderr)
	config := daemonFlags(root.Flags())
	root.RunE = func(*cobra.Command, []string) error {
		return do(func() error { return runCommand(config, false, stderr) })
	}

	runCmd := &cobra.Command{Use: "run", Short: "Serve block sessions (the default; as root, under systemd or the Windows service manager)", Args: noArgs}
	runConfig := daemonFlags(runCmd.Flags())
	asService := runCmd.Flags().Bool("service", false, "answer the Windows service manager (the service is installed with it)")
	runCmd.RunE = func(*cobra.Command, []string) error {
		return do(func() error { return runCommand(runConfig, *asService, stderr) })
	}

	cleanup := &cobra.Command{Use: "cleanup", Short: "End any session whatever its lock, and remove the hosts section and browser policies (root)", Args: noArgs}
	cleanupConfig := daemonFlags(cleanup.Flags())
	cleanup.RunE = func(*cobra.Command, []string) error {
		return do(func() error { return cleanupCommand(cleanupConfig, stdout, stderr) })
	}

	install := &cobra.Command{Use: "install", Short: "Install the binary, the service (systemd; the service manager on Windows) and the state directory; start the service", Args: noArgs}
	inst := addInstallFlags(install.Flags(), true)
	install.RunE = func(*cobra.Command, []string) error { return do(func() error { return installCommand(inst, stdout) }) }

	uninstall := &cobra.Command{Use: "uninstall", Short: "Stop and remove the service (refused while a block runs)", Args: noArgs}
	uninst := addInstallFlags(uninstall.Flags(), false)
	uninstall.RunE = func(*cobra.Command, []string) error {
		return do(func() error { return uninstallCommand(uninst, stdout) })
	}

	hostsCmd := &cobra.Command{Use: "hosts", Short: "The hosts engine by hand: preview, apply, strip", Args: cobra.ArbitraryArgs,
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("unknown hosts command %q (preview, apply, strip)", args[0])
			}
			return usagef("hosts needs preview, apply or strip")
		}}
	for _, h := range []struct{ use, short string }{
		{"preview [NAME...]", "Print the hosts file that apply would write; write nothing"},
		{"apply NAME...", "Write the managed section with the NAMEs (no NAME: remove it)"},
		{"strip", "Remove the managed section"},
	} {
		sub := strings.Fields(h.use)[0]
		c := &cobra.Command{Use: h.use, Short: h.short, Args: cobra.ArbitraryArgs}
		f := addHostsFlags(c.Flags())
		c.RunE = func(_ *cobra.Command, names []string) error {
			return do(func() error { return hostsCommand(sub, f, names, stdout, stderr) })
		}
		hostsCmd.AddCommand(c)
	}

	version := &cobra.Command{Use: "version", Short: "Print the version", Args: noArgs,
		Run: func(*cobra.Command, []string) { fmt.Fprintf(stdout, "%s %s\n", programName, api.Version) }}
	root.AddCommand(runCmd, cleanup, install, uninstall, hostsCmd, version)
	root.AddCommand(packageCommands(stdout, stderr)...)
	return root
}

// noArgs refuses positional arguments, naming the first.
func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%s takes no arguments, and %q is one", c.Name(), args[0])
	}
	return nil
}
