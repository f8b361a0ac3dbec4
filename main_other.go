//go:build !windows

package main

// attachConsole is needed on Windows only, where nocontact is a GUI program.
func attachConsole() {}
