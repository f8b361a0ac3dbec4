//go:build !linux

package main

import (
	"io"

	"github.com/spf13/cobra"
)

// packageCommands: distribution packages exist for Linux only.
func packageCommands(io.Writer, io.Writer) []*cobra.Command { return nil }

// packaged reports whether a distribution package installed the daemon:
// never here.
func packaged(string) bool { return false }
