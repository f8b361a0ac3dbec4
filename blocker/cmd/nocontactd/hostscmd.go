package main

import (
	"context"
	"fmt"
	"github.com/spf13/pflag"
	"io"
	"net"
	"net/netip"
	"runtime/debug"
	"strings"

	"github.com/nocontact-app/nocontact/blocker/internal/hosts"
)

// hostsFlags are the options of the hosts subcommands.
type hostsFlags struct {
	file     string
	sinkhole string
	names    []string
}

// addHostsFlags declares the hosts subcommands' flags on fs.
func addHostsFlags(fs *pflag.FlagSet) *hostsFlags {
	f := &hostsFlags{}
	fs.StringVar(&f.file, "hosts-file", hosts.DefaultPath, "the hosts `FILE`")
	fs.StringVar(&f.sinkhole, "sinkhole", hosts.DefaultSinkhole.String(), "IPv4 loopback `ADDRESS` blocked names point to")
	return f
}

// hostsCommand runs hosts preview, apply or strip on f with names.
func hostsCommand(sub string, f *hostsFlags, names []string, stdout, stderr io.Writer) (err error) {
	// A one-shot command whose heap is the file twice over (read, and
	// edited): a collection before it exits is wasted work (measured: one
	// GC of about 5 ms on a 200,000-line file).
	debug.SetGCPercent(400)
	f.names = names
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
	caches := make(chan func(context.Context) []hosts.FlushStep, 1)
	if sub != "preview" {
		go func() { caches <- hosts.PrepareFlush() }() // beside the work, on another core
	}
	prev, unmap, err := hosts.MapFile(f.file)
	if err != nil {
		return err
	}
	defer unmap()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s was cut short by another program while it was read; nothing was written: try again", f.file)
		}
	}()
	next, changed, err := ed.ApplyParts(prev, f.names)
	if err != nil {
		return usageError{err}
	}
	if sub == "preview" {
		_, err := (*net.Buffers)(&next).WriteTo(stdout)
		return err
	}
	return writeHosts(f.file, next, changed, len(f.names), caches, stderr)
}

// writeHosts writes the new content when it changed, flushes the caches and
// reports what it did on stderr.
func writeHosts(path string, next [][]byte, changed bool, n int, caches <-chan func(context.Context) []hosts.FlushStep, stderr io.Writer) error {
	if !changed {
		fmt.Fprintf(stderr, "%s: unchanged\n", path)
		return nil
	}
	method, err := hosts.WriteParts(path, next)
	if err != nil {
		return err
	}
	if n == 0 {
		fmt.Fprintf(stderr, "%s: section removed (%s)\n", path, method)
	} else {
		fmt.Fprintf(stderr, "%s: %d names blocked (%s)\n", path, n, method)
	}
	for _, step := range (<-caches)(context.Background()) {
		fmt.Fprintf(stderr, "  cache %s\n", step)
	}
	return nil
}
