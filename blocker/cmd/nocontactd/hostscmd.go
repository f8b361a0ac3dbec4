package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/netip"
	"strings"

	"github.com/nocontact-app/nocontact/blocker/hosts"
)

// hostsFlags are the options of the hosts subcommands.
type hostsFlags struct {
	file     string
	sinkhole string
	names    []string
}

// parseHostsFlags accepts flags before, between and after the names.
func parseHostsFlags(sub string, args []string) (hostsFlags, error) {
	f := hostsFlags{file: hosts.DefaultPath, sinkhole: hosts.DefaultSinkhole.String()}
	fs := newFlagSet("hosts " + sub)
	fs.StringVar(&f.file, "hosts-file", f.file, "the hosts file")
	fs.StringVar(&f.sinkhole, "sinkhole", f.sinkhole, "IPv4 loopback address blocked names point to")
	for {
		if err := fs.Parse(args); err != nil {
			return f, usagef("hosts %s: %v", sub, err)
		}
		if fs.NArg() == 0 {
			return f, nil
		}
		f.names = append(f.names, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func hostsCommand(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usagef("hosts needs preview, apply or strip")
	}
	sub := args[0]
	if sub != "preview" && sub != "apply" && sub != "strip" {
		return usagef("unknown hosts command %q (preview, apply, strip)", sub)
	}
	f, err := parseHostsFlags(sub, args[1:])
	if err != nil {
		return err
	}
	if sub == "strip" && len(f.names) > 0 {
		return usagef("hosts strip takes no names (got %q)", strings.Join(f.names, " "))
	}
	addr, err := netip.ParseAddr(f.sinkhole)
	if err != nil {
		return usagef("--sinkhole %q is not an IP address", f.sinkhole)
	}
	ed, err := hosts.NewEditor(addr)
	if err != nil {
		return usageError{err}
	}
	prev, err := hosts.ReadFile(f.file)
	if err != nil {
		return err
	}
	next, changed, err := ed.Apply(prev, f.names)
	if err != nil {
		return usageError{err}
	}
	if sub == "preview" {
		_, err := stdout.Write(next)
		return err
	}
	return writeHosts(f.file, next, changed, len(f.names), stderr)
}

// writeHosts writes the new content when it changed, flushes the caches and
// reports what it did on stderr.
func writeHosts(path string, next []byte, changed bool, n int, stderr io.Writer) error {
	if !changed {
		fmt.Fprintf(stderr, "%s: unchanged\n", path)
		return nil
	}
	method, err := hosts.WriteFile(path, next)
	if err != nil {
		return err
	}
	if n == 0 {
		fmt.Fprintf(stderr, "%s: section removed (%s)\n", path, method)
	} else {
		fmt.Fprintf(stderr, "%s: %d names blocked (%s)\n", path, n, method)
	}
	for _, step := range hosts.Flush(context.Background()) {
		fmt.Fprintf(stderr, "  cache %s\n", step)
	}
	return nil
}

// newFlagSet returns a flag set that reports errors instead of printing.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}
